# preempt-in: pairs __next__ slow_label
def spin(n):
    total = 0
    for i in range(n):
        total += i % 7
    return total


def pairs(n, fail_at=None):
    for i in range(n):
        spin(500)
        if i == fail_at:
            raise KeyError(f"pair {i}")
        yield f"k{i}", i * i


class Ticker:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        spin(400)
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n


def slow_label(x):
    spin(450)
    return f"#{x}"


# next() with and without a default, on generators, iterator classes and map objects
g = pairs(2)
print(next(g), next(g), next(g, "done"), next(g, None))
t = Ticker(2)
print(next(t), next(t), next(t, "empty"))
labels = map(slow_label, range(2))
print(next(labels), next(labels, "?"), next(labels, "?"))
try:
    next(Ticker(0))
except StopIteration:
    print("StopIteration from Ticker")

# dict() and dict.update from pairs produced by Sleepy code
print(dict(pairs(3)))
d = {"start": -1}
d.update(pairs(2))
d.update(zip(["a", "b"], (n for n in Ticker(2))))
print(d)
partial = {}
try:
    partial.update(pairs(4, fail_at=2))
except KeyError as e:
    print("KeyError", e, partial)
try:
    dict(map(slow_label, [1]))
except ValueError as e:
    print("ValueError:", e)
try:
    dict((x for x in [1]))
except TypeError as e:
    print("TypeError:", e)
print(dict(zip(map(slow_label, "ab"), pairs(3))), dict(enumerate(pairs(2))))
for n in Ticker(2):
    print("tick", n)
