# Generator functions: yield, laziness, state, iteration protocol
def countdown(n):
    print("  countdown started")
    while n > 0:
        yield n
        n -= 1
    print("  countdown finished")
g = countdown(3)
print(type(g).__name__)
print(next(g))
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
try:
    next(g)
except StopIteration:
    print("exhausted generator raises StopIteration again")
print(list(countdown(4)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
def evens(limit):
    for i in range(limit):
        if i % 2 == 0:
            yield i
print(list(evens(11)), sum(evens(101)), max(evens(7)))
def multi_yield():
    yield "first"
    yield "second"
    return
    yield "never"
print(list(multi_yield()))
def gen_with_local_state():
    total = 0
    for x in [5, 10, 15]:
        total += x
        yield total
print(list(gen_with_local_state()))
g = countdown(2)
print(iter(g) is g, hasattr(g, "__next__"), hasattr(g, "send"))
def trace():
    print("  step 1")
    yield 1
    print("  step 2")
    yield 2
    print("  step 3")
for v in trace():
    print("got", v)
def empty():
    return
    yield
print(list(empty()), list(x for x in []))
def pairs(seq):
    it = iter(seq)
    for a in it:
        yield a, next(it, None)
print(list(pairs("abcde")))
def nested_loops():
    for i in range(3):
        for j in range(i):
            yield (i, j)
print(list(nested_loops()))
gen = (c.upper() for c in "abc")
print(next(gen), list(gen), list(gen))
def yield_expr_value():
    x = yield 1
    print("  received", x)
    yield 2
y = yield_expr_value()
print(next(y), next(y))
