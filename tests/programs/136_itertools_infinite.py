# itertools infinite iterators: count, cycle, repeat
from itertools import count, cycle, repeat, islice
print(list(islice(count(), 5)), list(islice(count(10), 3)), list(islice(count(5, -2), 4)))
print(list(islice(count(0.5, 0.25), 4)), list(islice(count(1, 3), 5)))
c = count(100)
print(next(c), next(c), c)
print(list(zip(count(1), "abc")))
cy = cycle("AB")
print([next(cy) for _ in range(5)])
print(list(islice(cycle([1, 2, 3]), 7)), list(islice(cycle([]), 3)))
log = []
def src():
    for x in "xyz":
        log.append(x)
        yield x
cyc = cycle(src())
print(list(islice(cyc, 7)), log)
print(list(repeat("r", 3)), list(repeat(0, 0)), list(islice(repeat(7), 4)), repeat("x", 2))
print(list(map(pow, range(5), repeat(2))), list(zip(repeat("k"), range(3))))
r = repeat([1])
a, b = next(r), next(r)
a.append(2)
print(b, a is b)
counter = count()
labels = [f"item{next(counter)}" for _ in range(3)]
print(labels, next(counter))
for i, color in zip(range(5), cycle(["red", "green"])):
    print(i, color, end="; ")
print()
def take(n, it):
    return list(islice(it, n))
print(take(3, count(2 ** 64)), take(3, count(-1, -1)))
print(take(4, map(lambda t: t[0] * t[1], zip(count(1), cycle([1, -1])))))
print(list(islice(count(1, 0), 3)), list(islice(count(start=3, step=2), 3)))
print(repr(count(5, 2)), repr(count(1.5)), repr(repeat(None, 1)))
