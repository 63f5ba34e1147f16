# Standard library tour plus subclasses of list/dict, linked-list iteration, formatting.
import heapq, bisect, json, math, random, string, textwrap, copy, enum, fractions, decimal, statistics, typing, collections, functools, itertools
random.seed(42)
print(random.randint(1, 100), random.choice("abc"), round(random.random(), 6))
h = [5, 1, 4]; heapq.heapify(h); heapq.heappush(h, 0); print(heapq.nsmallest(2, h), bisect.bisect([1, 3, 5], 4))
print(json.dumps({"b": [1, 2.5, None, True], "a": "x"}, sort_keys=True, indent=1))
print(math.gcd(12, 18), math.isqrt(17), math.comb(5, 2), math.pi)
class Color(enum.Enum):
    RED = 1
    GREEN = enum.auto()
print(Color.GREEN, Color(1).name, list(Color))
print(fractions.Fraction(1, 3) + fractions.Fraction(1, 6), decimal.Decimal("0.1") + decimal.Decimal("0.2"))
print(statistics.mean([1, 2, 3, 4]), statistics.median([3, 1, 2]))
Point = collections.namedtuple("Point", "x y")
p = Point(1, 2)
print(p, p._replace(x=5), p.x + p.y)
class NT(typing.NamedTuple):
    a: int
    b: str = "z"
print(NT(1), NT(2, "q").b)
@functools.lru_cache(maxsize=None)
def fibm(n):
    return n if n < 2 else fibm(n - 1) + fibm(n - 2)
print(fibm(80))
print(list(itertools.permutations("abc", 2))[:3], list(itertools.product([0, 1], repeat=2)))
d = copy.deepcopy({"a": [1, [2]]}); print(d)
print(textwrap.fill("the quick brown fox jumps over the lazy dog", 15))
print(string.ascii_lowercase[:5], "{0}-{1}".format("a", "b"))
dd = collections.defaultdict(list); dd["x"].append(1); print(dict(dd))
class Node:
    def __init__(self, v, nxt=None):
        self.v, self.nxt = v, nxt
    def __iter__(self):
        n = self
        while n:
            yield n.v
            n = n.nxt
lst = Node(1, Node(2, Node(3)))
print(list(lst), sum(lst), max(lst))
class Stack(list):
    def push(self, x):
        self.append(x)
s = Stack(); s.push(1); s.push(2); print(s, len(s), isinstance(s, list))
class D(dict):
    def __missing__(self, k):
        return k * 2
print(D(a=1)["a"], D()["zz"])
try:
    raise RuntimeError("a") from None
except RuntimeError as e:
    print(e.__cause__, e.__suppress_context__)
def kwonly(*, a, b=2, **rest):
    return a, b, rest
print(kwonly(a=1, c=3), kwonly(**{"a": 5, "b": 6}))
print((lambda *a, **k: (a, k))(1, 2, x=3))
nums = [3, 1, 2]
print(sorted(nums, reverse=True), nums[::-1], nums[-1:], [n for n in nums if n > 1])
matrix = [[1, 2], [3, 4]]
print([list(r) for r in zip(*matrix)], sum(map(sum, matrix)))
print("%s is %d years and %.1f%%" % ("Ann", 30, 99.5), f"{'nested {}'.format(1)}")
print(str(1.0), str(1e16), repr(0.1), 1e-7, 123456789.123, float("nan") != float("nan"))
