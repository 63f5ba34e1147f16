# return value in generators surfaces as StopIteration.value
def gen():
    yield 1
    yield 2
    return "the result"
g = gen()
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration.value =", repr(e.value), "args =", e.args)
def no_return():
    yield 1
g = no_return()
next(g)
try:
    next(g)
except StopIteration as e:
    print("value without return:", e.value)
def returns_tuple():
    yield
    return 1, 2
g = returns_tuple()
next(g)
try:
    g.send(None)
except StopIteration as e:
    print(e.value, e.args)
def averager():
    total, count = 0, 0
    while True:
        x = yield
        if x is None:
            break
        total += x
        count += 1
    return total / count if count else None
a = averager()
next(a)
for v in [10, 20, 60]:
    a.send(v)
try:
    a.send(None)
except StopIteration as e:
    print("average:", e.value)
def delegator():
    result = yield from averager()
    print("  delegator got", result)
    return result * 2
d = delegator()
next(d)
d.send(1)
d.send(2)
try:
    d.send(None)
except StopIteration as e:
    print("delegator returned", e.value)
def raises_stop():
    yield 1
    raise StopIteration("explicit")
try:
    list(raises_stop())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
print(list(gen()))
def gen_return_in_loop():
    for i in range(10):
        if i == 3:
            return f"stopped at {i}"
        yield i
g = gen_return_in_loop()
out = []
while True:
    try:
        out.append(next(g))
    except StopIteration as e:
        out.append(e.value)
        break
print(out)
