# yield from: delegation of iteration, send, throw, close and return values
def inner():
    print("  inner start")
    x = yield "i1"
    print("  inner got", x)
    y = yield "i2"
    print("  inner got", y)
    return "inner-result"
def outer():
    print("  outer start")
    r = yield from inner()
    print("  outer got return", r)
    yield "o1"
    return "outer-result"
g = outer()
print(next(g))
print(g.send("A"))
print(g.send("B"))
try:
    g.send("C")
except StopIteration as e:
    print("final:", e.value)
def chain(*its):
    for it in its:
        yield from it
print(list(chain("ab", range(3), (x * 10 for x in range(2)), {"k": 1})))
def handles():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("  inner handled", e)
def delegate():
    yield from handles()
d = delegate()
print(next(d))
print(d.throw(ValueError("via outer")))
try:
    d.throw(TypeError("unhandled"))
except TypeError as e:
    print("TypeError escaped:", e)
def noisy():
    try:
        yield 1
        yield 2
    finally:
        print("  noisy finally")
def wrapper():
    try:
        yield from noisy()
    finally:
        print("  wrapper finally")
w = wrapper()
print(next(w))
w.close()
def tree(n):
    if n == 0:
        return 1
    a = yield from tree(n - 1)
    yield n
    b = yield from tree(n - 1)
    return a + b
gt = tree(3)
vals = []
try:
    while True:
        vals.append(next(gt))
except StopIteration as e:
    print(vals, "leaves:", e.value)
def from_iter_returns_none():
    r = yield from [1, 2]
    yield f"returned {r}"
print(list(from_iter_returns_none()))
