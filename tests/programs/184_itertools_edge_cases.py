# itertools edge cases: numbers in count, subclasses, reprs, length hints, big and empty inputs
import itertools
from itertools import (accumulate, batched, chain, combinations, combinations_with_replacement,
                       compress, count, cycle, dropwhile, filterfalse, groupby, islice, pairwise,
                       permutations, product, repeat, starmap, takewhile, tee, zip_longest)
from fractions import Fraction
from decimal import Decimal
import operator

print(sorted(n for n in dir(itertools) if not n.startswith("__")))
print(count.__module__, count.__name__, type(tee("a")[0]).__name__, type(next(groupby("a"))[1]).__name__)
print([repr(c) for c in (count(), count(3), count(-2), count(2 ** 70), count(1.5), count(2, 1.0),
                         count(True), count(True, 2), count(2, True), count(1, -1), count(1 + 2j),
                         count(Fraction(1, 3)), count(Decimal("1.1"), Decimal("0.2")))])
print(next(count(True)), next(count(True, 2)), list(islice(count(1, 1.0), 3)))
print(list(islice(count(Fraction(1, 2), Fraction(1, 3)), 3)))
print(list(islice(count(Decimal("1.1"), Decimal("0.2")), 3)))
print(list(islice(count(2 ** 63 - 2), 4)), list(islice(count(0.1, 0.1), 3)))
c = count(5)
next(c)
print(repr(c), repr(count(start=7, step=3)))
print(repr(repeat("a")), repr(repeat(None, 3)), repr(repeat(1, -5)), repr(repeat([1, 2], 0)))
r = repeat("x", 3)
print(r.__length_hint__(), operator.length_hint(r), next(r), r.__length_hint__(), list(r), r.__length_hint__())
print(operator.length_hint(repeat(1), 42), list(repeat(1, times=2)))

class MyCount(count):
    pass
class Tagged(cycle):
    def __init__(self, iterable, tag="?"):
        self.tag = tag
print(repr(MyCount(3)), isinstance(MyCount(), count), next(MyCount(9)))
t = Tagged("ab", tag="t1")
print(t.tag, next(t), next(t), next(t), type(t).__name__)
class Chunks(batched):
    pass
print(list(Chunks("abcde", 2)), type(chain.from_iterable([])).__name__)
class MyChain(chain):
    pass
print(type(MyChain.from_iterable(["ab"])).__name__, list(MyChain.from_iterable(["ab", "c"])))
print(chain[int], list(chain.from_iterable(x for x in ["xy", "z"])))

print(list(islice("abcdef", None)), list(islice("abcdef", None, None, 2)), list(islice("abcdef", 2, None)))
print(list(islice("abcdef", 4, 2)), list(islice("abcdef", 1, 100, 50)), list(islice(range(10), 0, 10, 9)))
print(list(islice(count(), 5, 5)), list(islice("abc", True)))
print(list(batched("abcdefg", 3)), list(batched([], 2)), list(batched("ab", 5)), list(batched(range(4), 2, strict=True)))
print(list(pairwise(range(5))), list(pairwise(iter([]))))
print(list(zip_longest("ab", "c", "def", fillvalue=None)), list(zip_longest(fillvalue=1)))
print(list(accumulate([1, 2, 3], operator.sub)), list(accumulate(["a", "b"], initial="z")))
print(list(accumulate([None, None], lambda a, b: None)), list(accumulate([5], initial=None)))
print(list(accumulate([1, 2], None)), list(accumulate(iterable=[1, 2], func=operator.mul)))
print(list(compress(data="abc", selectors=[0, 1, 1])), list(compress("abc", repeat(1))))
print(list(filterfalse(bool, [0, 1, [], [2]])), list(filterfalse(lambda x: x > 1, [3, 1, 0])))
print(list(starmap(lambda *a: a, [[1, 2], "ab", (3,), ()])), list(starmap(divmod, iter([(7, 2)]))))
print(list(takewhile(bool, [1, 2, 0, 3])), list(dropwhile(bool, [1, 2, 0, 3])))

print(list(product(repeat=0)), list(product("ab", repeat=0)), len(list(product("ab", "cd", repeat=2))))
print(next(product(repeat=2 ** 62), "none"), list(product("", repeat=0)), list(product("a", "")))
print(list(permutations("abc", 0)), list(permutations("ab", 3)), list(permutations((), 0)), list(permutations(range(3), r=2)))
print(list(permutations("abc", None))[:2], list(permutations("aa")))
print(list(combinations("", 0)), list(combinations("abc", 0)), list(combinations("abc", 4)), list(combinations(iterable="abc", r=3)))
print(list(combinations_with_replacement("", 0)), list(combinations_with_replacement("", 1)), list(combinations_with_replacement("ab", 0)))
print(len(list(combinations_with_replacement(range(4), 4))), list(combinations_with_replacement("xy", 3)))
pool = (1, 2, 3)
print(next(combinations(pool, 3))[0] is pool[0], next(permutations([[]]))[0])

print([(k, list(g)) for k, g in groupby([1, 1.0, True, 2, 2.0])])
print([(k, "".join(g)) for k, g in groupby("AaBbbA", key=str.lower)])
print([k for k, _ in groupby("aaabbc", key=None)], [(k, list(g)) for k, g in groupby([], len)])
class Odd:
    def __eq__(self, other):
        return False
odd = Odd()
print([len(list(g)) for k, g in groupby([odd, odd, 1])])
gb = groupby("aabbcc")
groups = [g for _, g in gb]
print([list(g) for g in groups])
gb = groupby("aaab")
k, g = next(gb)
print(k, next(g), [k for k, _ in gb], list(g))

a, b, c = tee(range(3), 3)
print(list(a), list(b), list(c), tee("x", 0), len(tee("xyz", 1)))
t1, t2 = tee(iter("abc"))
t3 = t1.__copy__()
print(next(t1), next(t3), list(t2), list(t1), list(t3))
t4, t5 = tee(t1)
print(type(t4).__name__, t4 is t1, t5 is not t1)
u1, u2 = tee([1, 2])
v1, v2 = tee(u1)
print(list(v1), list(v2), list(u2))
big1, big2 = tee(range(200))
print(sum(big1), sum(big2))
lagging, leading = tee(iter(range(100000)))
print(sum(leading), next(lagging), sum(lagging))
del lagging, leading
print(itertools._tee(iter("ab")).__class__.__name__, list(itertools._tee("cd")))
def gen():
    yield from range(3)
g1, g2 = tee(gen())
print(list(zip(g1, g2)))
