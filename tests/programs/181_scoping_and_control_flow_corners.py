# scoping and control-flow corners
x = "global"
class C:
    x = "class"
    y = [x for _ in range(1)]
    def m(self):
        return x
print(C.y, C().m())
def f():
    try:
        return "try"
    finally:
        print("finally")
print(f())
def g():
    for i in range(3):
        try:
            if i == 1:
                break
        finally:
            print("fin", i)
    else:
        print("no break")
    return i
print(g())
def h():
    try:
        raise ValueError
    except ValueError:
        return "handled"
    finally:
        print("h finally")
print(h())
def nested():
    try:
        try:
            raise KeyError("inner")
        finally:
            print("inner finally")
    except KeyError as e:
        return f"outer caught {e}"
print(nested())
def w():
    i = 0
    while True:
        i += 1
        try:
            if i < 3:
                continue
            break
        finally:
            print("loop", i)
    return i
print(w())
def exc_in_except():
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            raise ValueError("in handler")
    except ValueError as e:
        return repr(e.__context__)
print(exc_in_except())
def ret_in_finally():
    try:
        raise KeyError
    finally:
        return "swallowed"
print(ret_in_finally())
def gen_return():
    yield 1
    return "ret"
def deleg():
    r = yield from gen_return()
    yield r
print(list(deleg()))
counter = 0
def side(v):
    global counter
    counter += 1
    return v
print(side(1) < side(2) < side(0) < side(5), counter)
a = [1, 2, 3]
a[side(0)] += side(10)
print(a, counter)
print([y := 5, y ** 2], y)
def walrus_comp():
    data = [1, 2, 3, 4]
    result = [z for v in data if (z := v * 2) > 4]
    return result, z
print(walrus_comp())
i = 10
print([i for i in range(3)], i)
def default_mut(a, lst=[]):
    lst.append(a)
    return lst
print(default_mut(1), default_mut(2))
assert True, "never"
try:
    assert 1 == 2, "math broke"
except AssertionError as e:
    print("assert:", e)
del a[0]
print(a)
x, y = 1, 2
x, y = y, x
print(x, y)
a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
