# functools.total_ordering and cmp_to_key
from functools import total_ordering, cmp_to_key
@total_ordering
class Version:
    def __init__(self, s):
        self.t = tuple(map(int, s.split(".")))
        self.s = s
    def __eq__(self, o):
        return self.t == o.t
    def __lt__(self, o):
        return self.t < o.t
    def __repr__(self):
        return f"v{self.s}"
a, b = Version("1.2"), Version("1.10")
print(a < b, a <= b, a > b, a >= b, a == b, a != b)
print(sorted([Version("2.0"), Version("1.9.9"), Version("1.10"), Version("1.2")]))
print(max(Version("0.1"), Version("0.0.9")), Version("1.0") >= Version("1.0"))
@total_ordering
class Rev:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __gt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return f"Rev({self.v})"
print(sorted([Rev(1), Rev(3), Rev(2)]), Rev(1) >= Rev(2), Rev(1) <= Rev(2))
print(sorted(n for n in ("__lt__", "__le__", "__gt__", "__ge__") if n in vars(Rev)))
try:
    @total_ordering
    class NoOrder:
        pass
except ValueError as e:
    print("ValueError:", e)
def compare_len_then_alpha(x, y):
    if len(x) != len(y):
        return len(x) - len(y)
    return (x > y) - (x < y)
words = ["pear", "fig", "banana", "kiwi", "apple", "date"]
print(sorted(words, key=cmp_to_key(compare_len_then_alpha)))
def reverse_numeric(x, y):
    return y - x
print(sorted([5, 2, 9, 1], key=cmp_to_key(reverse_numeric)))
def largest_number(nums):
    strs = list(map(str, nums))
    strs.sort(key=cmp_to_key(lambda a, b: (a + b < b + a) - (a + b > b + a)))
    return "".join(strs)
print(largest_number([3, 30, 34, 5, 9]), largest_number([10, 2]))
calls = []
def tracking_cmp(a, b):
    calls.append((a, b))
    return a - b
res = sorted([3, 1, 2], key=cmp_to_key(tracking_cmp))
print(res, len(calls) > 0)
K = cmp_to_key(lambda a, b: a - b)
print(K(1) < K(2), K(2) == K(2), K(3) >= K(4))
print(min(["bb", "a", "ccc"], key=cmp_to_key(compare_len_then_alpha)), max([3, 1], key=cmp_to_key(reverse_numeric)))
records = [("x", 3), ("y", 1), ("z", 3), ("w", 2)]
def by_score_desc_name_asc(r1, r2):
    if r1[1] != r2[1]:
        return r2[1] - r1[1]
    return -1 if r1[0] < r2[0] else (1 if r1[0] > r2[0] else 0)
print(sorted(records, key=cmp_to_key(by_score_desc_name_asc)))
