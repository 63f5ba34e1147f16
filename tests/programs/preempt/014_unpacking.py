# preempt-in: coords __iter__ __next__ naturals
def spin(n):
    total = 0
    for i in range(n):
        total += i % 7
    return total


def coords(n):
    for i in range(n):
        spin(500)
        yield i * 10


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __iter__(self):
        spin(400)
        yield self.x
        spin(400)
        yield self.y


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        spin(450)
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n


def naturals():
    n = 0
    while True:
        spin(300)
        yield n
        n += 1


a, b = coords(2)
first, *middle, last = coords(5)
x, y = Point(3, 4)
p, q, r = Countdown(3)
print(a, b, first, middle, last, x, y, p, q, r)
for i, (u, v) in enumerate([Point(1, 2), Point(5, 6)]):
    print(i, u, v)
[head, *tail] = Countdown(2)
print(head, tail)
try:
    a, b = naturals()
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = coords(2)
except ValueError as e:
    print("ValueError:", e)
try:
    a, *b, c, d = Countdown(2)
except ValueError as e:
    print("ValueError:", e)

# starred arguments and displays over generators and program iterables
print(*coords(3), sep=", ")
print([*Point(7, 8), *coords(1)], (*Countdown(2),), {*coords(2)})
