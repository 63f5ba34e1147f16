// The Examples menu: short programs that show what pausing, snapshots and reloads do.

import type { Files } from "../../src/index.ts";

export interface Example {
  id: string;
  title: string;
  files: Files;
}

const counter = `# An endless counter. Pause it and look at the stack; reload the page and it goes on
# counting; Share sends it, running, to someone else.

def count_forever():
    n = 0
    while True:
        n += 1
        if n % 200_000 == 0:
            print(f"{n:,} and counting")


count_forever()
`;

const recursion = `# A recursion 50,000 frames deep: every frame is Sleepy's own data, not the Rust stack,
# so it can be paused, snapshotted and resumed at any depth.
import sys

sys.setrecursionlimit(100_000)


def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


for size in (10, 1_000, 50_000):
    print(f"depth({size:,}) = {depth(size):,}")


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


print("ackermann(2, 3) =", ackermann(2, 3))
print("ackermann(3, 5) =", ackermann(3, 5))
`;

const pipeline = `# A generator pipeline: each stage is a paused generator frame; pause and all of them
# show in the snapshot.
import itertools


def naturals():
    n = 2
    while True:
        yield n
        n += 1


def primes(numbers):
    found = []
    for n in numbers:
        if all(n % p for p in itertools.takewhile(lambda p: p * p <= n, found)):
            found.append(n)
            yield n


def gaps(values):
    previous = next(values)
    for value in values:
        yield value - previous, value
        previous = value


widest = 0
for gap, prime in itertools.islice(gaps(primes(naturals())), 20_000):
    if gap > widest:
        widest = gap
        print(f"a gap of {gap} before {prime}")
`;

const quiz = `# input() does not block the page: the program waits, the page stays live. Reload while
# it waits and the question is still there.
questions = [
    ("What is 6 * 7?", "42"),
    ("Which planet is the largest?", "jupiter"),
    ("How many bits in a byte?", "8"),
]

score = 0
for question, answer in questions:
    reply = input(question + " ")
    if reply.strip().lower() == answer:
        score += 1
        print("Right!")
    else:
        print(f"No: {answer}.")

name = input("Your name? ")
print(f"{name or 'Anonymous'} scored {score} out of {len(questions)}.")
`;

const clock = `# time.sleep suspends the program without blocking anything; a snapshot taken while it
# sleeps remembers when to wake up.
import time

start = time.time()
for tick in range(1, 31):
    time.sleep(1)
    print(f"tick {tick:2d} at {time.time() - start:5.2f} s")
print("done")
`;

const modulesMain = `# Several files: main.py imports shapes.py (see the tabs).
from shapes import Circle, Square, total_area

shapes = [Circle(1), Square(2), Circle(0.5)]
for shape in shapes:
    print(shape)
print(f"total area {total_area(shapes):.3f}")
`;

const modulesShapes = `import math
from dataclasses import dataclass


@dataclass
class Circle:
    radius: float

    def area(self):
        return math.pi * self.radius**2


@dataclass
class Square:
    side: float

    def area(self):
        return self.side**2


def total_area(shapes):
    return sum(shape.area() for shape in shapes)
`;

const tasklets = `# Tasklets talking over channels, as in Stackless Python. Pause: the stack panel lists
# every tasklet with its own frames and locals; a snapshot (and a share link) carries them
# all, blocked on a channel or runnable, and a reload resumes every one.
import stackless

WORKERS = 3
jobs = stackless.channel()
results = stackless.channel()


def producer(limit):
    for n in range(1, limit + 1):
        jobs.send(n)
    for _ in range(WORKERS):
        jobs.send(None)


def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def worker(name):
    done = 0
    while (n := jobs.receive()) is not None:
        results.send((name, n, collatz_steps(n)))
        done += 1
    results.send((name, None, done))


def collector():
    best, finished = 0, 0
    while finished < WORKERS:
        name, n, steps = results.receive()
        if n is None:
            finished += 1
            print(f"{name} finished after {steps:,} numbers")
        elif steps > best:
            best = steps
            print(f"{name}: {n:,} takes {steps} steps")


stackless.tasklet(producer)(300_000)
for i in range(WORKERS):
    stackless.tasklet(worker)(f"worker-{i}").name = f"worker-{i}"
stackless.tasklet(collector)()

# The watchdog: run the tasklets, interrupting any that runs 1,000 instructions without
# switching, and put it back at the end of the queue.
while True:
    interrupted = stackless.run(1_000)
    if interrupted is None:
        break
    interrupted.insert()
print("all done")
`;

export const EXAMPLES: Example[] = [
  { id: "counter", title: "Endless counter", files: { "main.py": counter } },
  { id: "recursion", title: "Deep recursion", files: { "main.py": recursion } },
  { id: "pipeline", title: "Generator pipeline", files: { "main.py": pipeline } },
  { id: "quiz", title: "input() quiz", files: { "main.py": quiz } },
  { id: "clock", title: "time.sleep clock", files: { "main.py": clock } },
  { id: "modules", title: "Two modules", files: { "main.py": modulesMain, "shapes.py": modulesShapes } },
  { id: "tasklets", title: "Tasklets and channels", files: { "main.py": tasklets } },
];

export const DEFAULT_EXAMPLE = EXAMPLES[0]!;
