# A tiny hand-written event loop running several coroutines cooperatively
from collections import deque
class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks
    def __await__(self):
        yield ("sleep", self.ticks)
class Loop:
    def __init__(self):
        self.time = 0
        self.ready = deque()
        self.sleeping = []
        self.results = {}
        self.seq = 0
    def spawn(self, name, coro):
        self.ready.append((name, coro, None))
    def run(self):
        while self.ready or self.sleeping:
            if not self.ready:
                self.sleeping.sort()
                wake, seq, name, coro = self.sleeping.pop(0)
                self.time = wake
                self.ready.append((name, coro, None))
                continue
            name, coro, value = self.ready.popleft()
            try:
                cmd = coro.send(value)
            except StopIteration as e:
                print(f"[t={self.time}] {name} finished -> {e.value!r}")
                self.results[name] = e.value
                continue
            kind, arg = cmd
            if kind == "sleep":
                self.seq += 1
                self.sleeping.append((self.time + arg, self.seq, name, coro))
loop = Loop()
async def worker(name, delays):
    total = 0
    for d in delays:
        print(f"[t={loop.time}] {name} sleeping {d}")
        await Sleep(d)
        total += d
    return f"{name} slept {total}"
async def counter(n):
    for i in range(n):
        print(f"[t={loop.time}] counter tick {i}")
        await Sleep(1)
    return n
async def parent():
    print(f"[t={loop.time}] parent starting child inline")
    r = await worker("child", [2, 2])
    print(f"[t={loop.time}] parent got {r!r}")
    return "parent done"
loop.spawn("A", worker("A", [3, 1]))
loop.spawn("B", worker("B", [1, 1, 1]))
loop.spawn("C", counter(4))
loop.spawn("P", parent())
loop.run()
print("final time", loop.time)
print(sorted(loop.results.items()))
