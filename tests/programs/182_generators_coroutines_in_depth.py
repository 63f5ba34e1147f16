# Generators and coroutines in depth
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], (3,), range(4, 6))))
def tree(n):
    if n:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)
print(list(tree(3)))
def echo():
    received = []
    try:
        while True:
            v = yield len(received)
            received.append(v)
    except GeneratorExit:
        print("closing with", received)
        raise
e = echo(); next(e); e.send("a"); e.send("b"); e.close()
def thrower():
    try:
        yield 1
    except ValueError as ex:
        yield f"caught {ex}"
t = thrower(); next(t); print(t.throw(ValueError("boom")))
def inner():
    try:
        yield 1
        yield 2
    finally:
        print("inner cleanup")
def outer():
    yield from inner()
o = outer(); print(next(o)); o.close()
def delegating_throw():
    try:
        yield from inner()
    except KeyError:
        yield "outer got KeyError"
d = delegating_throw(); next(d); print(d.throw(KeyError))
class Countdown:
    def __init__(self, n): self.n = n
    def __aiter__(self): return self
    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n
class Sleep:
    def __await__(self):
        yield "tick"
        return "woke"
async def worker(name, n):
    out = []
    async for v in Countdown(n):
        r = await Sleep()
        out.append((name, v, r))
    return out
def run(*coros):
    pending = list(coros)
    results = []
    ticks = 0
    while pending:
        c = pending.pop(0)
        try:
            c.send(None)
            ticks += 1
            pending.append(c)
        except StopIteration as s:
            results.append(s.value)
    return results, ticks
print(run(worker("a", 2), worker("b", 1)))
async def agen(n):
    for i in range(n):
        await Sleep()
        yield i * i
async def consume():
    return [x async for x in agen(3)]
print(run(consume()))
gen = (i for i in range(3))
print(next(gen), next(gen), next(gen), next(gen, "end"))
def infinite():
    n = 0
    while True:
        yield n
        n += 1
import itertools
print(list(itertools.islice(infinite(), 5)), sum(itertools.takewhile(lambda v: v < 10, infinite())))
