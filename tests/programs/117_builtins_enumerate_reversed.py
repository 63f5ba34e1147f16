# enumerate with start, reversed on sequences and custom objects
print(list(enumerate("abc")), list(enumerate("abc", start=1)), list(enumerate("abc", -2)))
print(list(enumerate([])), list(enumerate(range(3), 10)))
e = enumerate(["x", "y"])
print(type(e).__name__, next(e), next(e), next(e, "done"))
for i, (a, b) in enumerate(zip("pq", "rs"), start=100):
    print(i, a, b)
print(dict(enumerate("hey")), {v: i for i, v in enumerate("hey")})
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(5))), list(reversed((1, 2))))
print(list(reversed(range(1, 10, 3))), list(reversed([])), "".join(reversed("stressed")))
r = reversed([1, 2, 3])
print(iter(r) is r, next(r), list(r))
d = {"a": 1, "b": 2, "c": 3}
print(list(reversed(d)), list(reversed(d.values())), list(reversed(d.items())))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)
try:
    reversed(x for x in [1])
except TypeError as e:
    print("TypeError:", e)
class Countdown:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return f"item{i}"
print(list(reversed(Countdown(3))), list(Countdown(2)))
class WithReversed:
    def __reversed__(self):
        return iter(["custom", "reversed"])
print(list(reversed(WithReversed())))
lst = [10, 20, 30]
for i, v in reversed(list(enumerate(lst))):
    print(i, v, end="; ")
print()
for i, v in enumerate(reversed(lst)):
    print(i, v, end="; ")
print()
lst2 = [1, 2, 3, 4]
rev = reversed(lst2)
lst2[0] = 99
print(list(rev))
data = ["a", "b", "c", "d"]
for idx, item in enumerate(data):
    if idx % 2:
        data[idx] = item.upper()
print(data)
print(list(enumerate(reversed(range(3)), start=1)))
print([(i, c) for i, c in enumerate("hello") if c == "l"])
