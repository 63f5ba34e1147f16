# async for / async with / async generators / async comprehensions, driven manually
class Pause:
    def __await__(self):
        yield "pause"
class Ticker:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        await Pause()
        self.i += 1
        return self.i * 10
class AsyncResource:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        print(f"  aenter {self.name}")
        await Pause()
        return self.name.upper()
    async def __aexit__(self, et, ev, tb):
        print(f"  aexit {self.name} exc={et.__name__ if et else None}")
        await Pause()
        return et is KeyError
async def agen(n):
    for i in range(n):
        await Pause()
        yield i * i
async def main():
    out = []
    async for v in Ticker(3):
        out.append(v)
    print("  ticker values", out)
    async with AsyncResource("db") as r:
        print("  inside async with:", r)
    async with AsyncResource("suppressing"):
        raise KeyError("swallowed")
    print("  KeyError suppressed by __aexit__")
    squares = [x async for x in agen(5)]
    print("  async comprehension", squares)
    evens = {x: x % 2 == 0 async for x in agen(3)}
    print("  async dict comprehension", evens)
    async for x in agen(10):
        if x > 10:
            print("  breaking at", x)
            break
    else:
        print("  never")
    try:
        async with AsyncResource("failing"):
            raise ValueError("propagates")
    except ValueError as e:
        print("  caught", e)
    return len(out) + len(squares)
def drive(coro):
    pauses = 0
    while True:
        try:
            coro.send(None)
            pauses += 1
        except StopIteration as e:
            return e.value, pauses
print(drive(main()))
async def gen_with_return_value():
    yield 1
    yield 2
async def consume():
    g = gen_with_return_value()
    first = await g.__anext__()
    second = await g.asend(None)
    try:
        await g.__anext__()
    except StopAsyncIteration:
        return first, second, "exhausted"
print(drive(consume()))
ag = agen(1)
print(type(ag).__name__, type(ag.__anext__()).__name__ != "", hasattr(ag, "asend"))
