# Realistic: round-robin scheduler for generator "tasks" with sleeping, messaging and joining
from collections import deque
class Scheduler:
    def __init__(self):
        self.ready = deque()
        self.sleeping = []
        self.mailboxes = {}
        self.waiting_recv = {}
        self.joiners = {}
        self.results = {}
        self.clock = 0
        self.next_id = 1
        self.log = []
    def spawn(self, gen, name):
        tid = self.next_id
        self.next_id += 1
        self.mailboxes[tid] = deque()
        self.ready.append((tid, name, gen, None))
        return tid
    def run(self):
        while self.ready or self.sleeping or self.waiting_recv:
            if not self.ready:
                if not self.sleeping:
                    self.log.append("deadlock: " + ", ".join(sorted(n for _, n, _ in self.waiting_recv.values())))
                    break
                self.sleeping.sort(key=lambda s: (s[0], s[1]))
                wake_at, tid, name, gen = self.sleeping.pop(0)
                self.clock = max(self.clock, wake_at)
                self.ready.append((tid, name, gen, None))
                continue
            tid, name, gen, value = self.ready.popleft()
            try:
                request = gen.send(value)
            except StopIteration as e:
                self.results[name] = e.value
                print(f"t={self.clock:<3} {name} finished -> {e.value!r}")
                for jt, jn, jg in self.joiners.pop(tid, []):
                    self.ready.append((jt, jn, jg, e.value))
                continue
            kind = request[0]
            if kind == "yield":
                self.ready.append((tid, name, gen, None))
            elif kind == "sleep":
                self.sleeping.append((self.clock + request[1], tid, name, gen))
            elif kind == "send":
                _, target, msg = request
                if target in self.waiting_recv:
                    rt, rn, rg = self.waiting_recv.pop(target)
                    self.ready.append((rt, rn, rg, msg))
                else:
                    self.mailboxes[target].append(msg)
                self.ready.append((tid, name, gen, None))
            elif kind == "recv":
                if self.mailboxes[tid]:
                    self.ready.append((tid, name, gen, self.mailboxes[tid].popleft()))
                else:
                    self.waiting_recv[tid] = (tid, name, gen)
            elif kind == "join":
                target = request[1]
                if target[1] in self.results:
                    self.ready.append((tid, name, gen, self.results[target[1]]))
                else:
                    self.joiners.setdefault(target[0], []).append((tid, name, gen))
            elif kind == "now":
                self.ready.append((tid, name, gen, self.clock))
sched = Scheduler()
def counter(name, n):
    for i in range(n):
        now = yield ("now",)
        print(f"t={now:<3} {name} step {i}")
        yield ("yield",)
    return f"{name} counted {n}"
def sleeper(name, naps):
    for nap in naps:
        yield ("sleep", nap)
        now = yield ("now",)
        print(f"t={now:<3} {name} woke after {nap}")
    return sum(naps)
def producer(consumer_id, items):
    for it in items:
        print(f"t={sched.clock:<3} producer sends {it!r}")
        yield ("send", consumer_id, it)
        yield ("sleep", 1)
    yield ("send", consumer_id, None)
    return len(items)
def consumer_task():
    got = []
    while True:
        msg = yield ("recv",)
        if msg is None:
            break
        print(f"t={sched.clock:<3} consumer got {msg!r}")
        got.append(msg.upper())
    return got
def joiner(target):
    print(f"t={sched.clock:<3} joiner waiting for {target[1]}")
    result = yield ("join", target)
    print(f"t={sched.clock:<3} joiner saw result {result!r}")
    return "joined"
def lonely():
    msg = yield ("recv",)
    return msg
c_id = sched.spawn(consumer_task(), "consumer")
sched.spawn(producer(c_id, ["a", "b", "c"]), "producer")
t1 = sched.spawn(counter("A", 3), "A")
sched.spawn(counter("B", 2), "B")
s_id = sched.spawn(sleeper("S", [2, 3]), "S")
sched.spawn(joiner((s_id, "S")), "J")
sched.spawn(lonely(), "lonely")
sched.run()
print("clock:", sched.clock)
print("results:", sorted((k, v) for k, v in sched.results.items()))
print("log:", sched.log)
