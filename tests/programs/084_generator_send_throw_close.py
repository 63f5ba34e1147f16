# Generator send(), throw(), close(), and GeneratorExit
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            print("  got None (next())")
            continue
        total += value
acc = accumulator()
print(acc.send(None))
print(acc.send(10))
print(acc.send(5))
print(next(acc))
print(acc.send(100))
try:
    accumulator().send(5)
except TypeError as e:
    print("TypeError:", e)
def catcher():
    while True:
        try:
            x = yield
            print("  received", x)
        except ValueError as e:
            print("  caught in generator:", e)
            yield "recovered"
c = catcher()
next(c)
c.send("a")
print(c.throw(ValueError("oops")))
next(c)
c.send("b")
try:
    c.throw(KeyError("not caught"))
except KeyError as e:
    print("propagated out:", repr(e))
try:
    next(c)
except StopIteration:
    print("generator is finished after uncaught throw")
def closer():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("  GeneratorExit received")
        raise
    finally:
        print("  cleanup")
cl = closer()
print(next(cl))
cl.close()
cl.close()
print("closed twice safely")
def ignore_close():
    try:
        yield 1
    except GeneratorExit:
        yield "bad"
ic = ignore_close()
next(ic)
try:
    ic.close()
except RuntimeError as e:
    print("RuntimeError:", e)
unstarted = closer()
unstarted.close()
print("closing unstarted generator does not run body")
def throw_before_start():
    yield 1
t = throw_before_start()
try:
    t.throw(ValueError("immediately"))
except ValueError as e:
    print("thrown before start:", e)
