# async def / await driven manually via coroutine.send(None), no asyncio
class Suspend:
    """Awaitable that suspends once, yielding a message to the driver."""
    def __init__(self, msg):
        self.msg = msg
    def __await__(self):
        reply = yield self.msg
        return f"resumed({self.msg}) with {reply!r}"
async def add(a, b):
    return a + b
async def compute():
    x = await add(1, 2)
    print("  x =", x)
    r1 = await Suspend("first pause")
    print("  r1 =", r1)
    r2 = await Suspend("second pause")
    print("  r2 =", r2)
    y = await add(x, 10)
    return y * 2
coro = compute()
print(type(coro).__name__)
print("yielded:", coro.send(None))
print("yielded:", coro.send("reply-1"))
try:
    coro.send("reply-2")
except StopIteration as e:
    print("result:", e.value)
async def no_suspend():
    return "immediate"
c = no_suspend()
try:
    c.send(None)
except StopIteration as e:
    print("immediate result:", e.value)
async def thrower():
    try:
        await Suspend("waiting")
    except ValueError as e:
        print("  coroutine caught", e)
        return "handled"
t = thrower()
print(t.send(None))
try:
    t.throw(ValueError("injected"))
except StopIteration as e:
    print("after throw:", e.value)
async def closer():
    try:
        await Suspend("x")
    finally:
        print("  coroutine finally on close")
cl = closer()
cl.send(None)
cl.close()
def run(coro):
    """Drive a coroutine to completion, answering each suspension with a counter."""
    n = 0
    try:
        while True:
            msg = coro.send(None if n == 0 else n)
            print("  driver got", msg)
            n += 1
    except StopIteration as e:
        return e.value
async def chain(depth):
    if depth == 0:
        return await Suspend("bottom")
    return "<" + await chain(depth - 1) + ">"
print(run(chain(3)))
c2 = add(1, 1)
try:
    await_twice = c2.send(None)
except StopIteration as e:
    print("first run:", e.value)
try:
    c2.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
