# iter() with sentinel, next() with default, iterator protocol details
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration:
    print("StopIteration without default")
data = [5, 3, 0, 7, 0, 2]
pos = 0
def reader():
    global pos
    v = data[pos]
    pos += 1
    return v
print(list(iter(reader, 0)))
print(list(iter(reader, 0)))
import random
random.seed(3)
rolls = list(iter(lambda: random.randint(1, 6), 6))
print(rolls)
class Counter:
    def __init__(self, limit):
        self.i = 0
        self.limit = limit
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.limit:
            raise StopIteration
        self.i += 1
        return self.i
c = Counter(3)
print(list(c), list(c), iter(c) is c)
class Reusable:
    def __iter__(self):
        return iter(range(3))
r = Reusable()
print(list(r), list(r), iter(r) is iter(r))
s = "abc"
i1, i2 = iter(s), iter(s)
print(next(i1), next(i1), next(i2))
d = {"a": 1, "b": 2}
di = iter(d)
print(next(di), next(iter(d.values())), next(iter(d.items())), iter(di) is di)
print([hasattr(iter(x), "__next__") for x in ([], (), "", range(1), set(), {}, b"")])
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    iter(5, 0)
except TypeError as e:
    print("TypeError:", e)
class BadIter:
    def __iter__(self):
        return 42
try:
    iter(BadIter())
except TypeError as e:
    print("TypeError:", e)
lines = iter(["header", "a", "b", "", "ignored"])
header = next(lines)
body = list(iter(lambda: next(lines), ""))
print(header, body, list(lines))
chunks = iter(lambda it=iter(range(10)): [x for _, x in zip(range(3), it)], [])
print(list(chunks))
it = iter(range(5))
for x in it:
    if x == 1:
        print("skipping", next(it))
    print("x", x)
print(list(iter(iter(iter([7, 8])))))
print(next(iter({}), "empty dict"), next(reversed([1, 2])), next(enumerate("z")))
