# preempt-in: slow_square is_interesting countdown __getitem__ __bool__
import itertools


def spin(n):
    total = 0
    for i in range(n):
        total += i % 7
    return total


def slow_square(x):
    spin(700)
    return x * x


def is_interesting(x):
    spin(500)
    return x % 3 != 1


def countdown(n):
    while n > 0:
        spin(400)
        yield n
        n -= 1


# map: in a for loop, drained by builtins, with several inputs, over a generator
for sq in map(slow_square, range(4)):
    print("square", sq)
print(list(map(slow_square, [5, 6])), sum(map(slow_square, countdown(3))))
print(list(map(lambda a, b: slow_square(a) + b, [1, 2, 3], "xy" and [10, 20])))
print("-".join(map(str, map(slow_square, (7, 8)))))

# filter: a Sleepy predicate, None over program objects whose __bool__ loops
print(list(filter(is_interesting, range(8))))


class Truthy:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        spin(300)
        return self.v > 1

    def __repr__(self):
        return f"T{self.v}"


print([t.v for t in filter(None, [Truthy(0), Truthy(2), Truthy(5)])])
for t in filter(bool, (Truthy(i) for i in range(4))):
    print("truthy", t)

# zip: over generators, strict, into dict
for a, b in zip(countdown(3), "abc"):
    print("pair", a, b)
print(dict(zip("xyz", map(slow_square, range(3)))))
try:
    print(list(zip(countdown(2), [1, 2, 3], strict=True)))
except ValueError as e:
    print("ValueError:", e)
try:
    print(list(zip([1, 2, 3], countdown(2), strict=True)))
except ValueError as e:
    print("ValueError:", e)

# enumerate: over a generator, with a start
for i, v in enumerate(countdown(3), start=10):
    print("enum", i, v)
print(list(enumerate(map(slow_square, [9]))))


# reversed over a program's sequence
class Countdown:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        spin(600)
        return i * 10


print(list(reversed(Countdown(4))))
r = reversed(Countdown(3))
print(next(r), r.__length_hint__())
for x in r:
    print("rev", x)


class Deck:
    cards = ["A", "K", "Q"]

    def __len__(self):
        return len(self.cards)

    def __getitem__(self, i):
        spin(500)
        return self.cards[i]


print("".join(reversed(Deck())), sorted(enumerate(reversed(Deck()))))
# the old sequence protocol: iteration through __getitem__ alone
print(list(Countdown(3)), [c for c in Deck()], next(iter(Deck())), list(zip(Deck(), Countdown(2))))

# pipelines of them, partly consumed, then resumed
pipe = zip(itertools.count(), map(slow_square, filter(is_interesting, range(100))))
print(next(pipe), next(pipe))
for pair in pipe:
    if pair[0] > 3:
        break
    print("pipe", pair)
print(type(map(abs, [])).__name__, type(reversed(Deck())).__name__, isinstance(zip(), zip))
