# Edge cases found while building Sleepy: continue in finally during return, generator
# finalisation, exec/eval scopes, except*, nested unpacking, coroutine results.
def g():
    yield next(gen)
gen = g()
try:
    next(gen)
except ValueError as e:
    print("VE", e)
def f():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
print(f())
def h():
    try:
        yield 1
    finally:
        print("cleanup")
x = h(); next(x); del x
import gc; gc.collect()
exec("y = 5")
print(y)
def k():
    exec("z = 1")
    return eval("[a * 2 for a in range(3)]")
print(k())
class A:
    x = [i for i in range(3)]
    def m(self):
        v = 1
        def inner():
            nonlocal v
            v += 1
            return v
        return inner()
print(A.x, A().m())
try:
    raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
except* ValueError as e:
    print("vals", e.exceptions)
except* TypeError as e:
    print("types", e.exceptions)
print([*range(3), *"ab"], {**{"a": 1}, "b": 2})
a, *b, c = range(5)
print(a, b, c)
match {"x": 1, "y": [1, 2]}:
    case {"x": 1, "y": [_, *rest]}:
        print("matched", rest)
async def co():
    return 7
c = co()
try:
    c.send(None)
except StopIteration as e:
    print("coroutine", e.value)
print(f"{3.14159:.2f} {'x'!r:>5} {42=}")
lst = [3, 1, 2]
lst.sort(key=lambda v: -v)
print(lst, sorted("bca"), max([1, 5, 3], key=lambda v: v % 5))
print(sum(x for x in range(10) if x % 2))
def deco(fn):
    import functools
    @functools.wraps(fn)
    def w(*a, **k):
        return fn(*a, **k) + 1
    return w
@deco
def add(a, b=2, *, c=3):
    "doc"
    return a + b + c
print(add(1), add(1, c=10), add.__name__, add.__doc__)
print(type(lambda: 0).__name__, type(h()).__name__)
import dataclasses
@dataclasses.dataclass(order=True)
class P:
    x: int
    y: int = 0
print(P(1, 2) < P(1, 3), P(3))
while True:
    break
else:
    print("no")
print(int.__name__, (1).__class__, divmod(-7, 2), -7 // 2, -7 % 2, 2 ** -1, 10 ** 20 + 1)
