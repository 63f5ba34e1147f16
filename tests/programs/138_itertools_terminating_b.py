# itertools: groupby, islice, pairwise, starmap, tee, zip_longest
from itertools import groupby, islice, pairwise, starmap, tee, zip_longest, count
print([(k, list(g)) for k, g in groupby("aaabbbcca")])
print([(k, len(list(g))) for k, g in groupby([1, 1, 2, 3, 3, 3, 1])])
words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
print([(k, list(g)) for k, g in groupby(words, key=lambda w: w[0])])
print([(k, list(g)) for k, g in groupby(sorted(words), key=lambda w: w[0])])
print([(k, list(g)) for k, g in groupby(range(10), key=lambda x: x // 3)])
groups = groupby("aabb")
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2))
def rle(s):
    return "".join(f"{len(list(g))}{k}" for k, g in groupby(s))
print(rle("WWWWBBBWWCCCCCD"), [k for k, _ in groupby([])])
print(list(islice("abcdefg", 3)), list(islice("abcdefg", 2, 5)), list(islice("abcdefg", 1, None, 2)), list(islice("abc", 0, None)))
print(list(islice(count(), 5, 15, 3)), list(islice([1, 2], 10)))
try:
    islice("abc", -1)
except ValueError as e:
    print("ValueError:", e)
print(list(pairwise([1, 2, 3, 4])), list(pairwise("ab")), list(pairwise("a")), list(pairwise([])))
print([b - a for a, b in pairwise([1, 4, 9, 16, 25])])
print(list(starmap(pow, [(2, 3), (3, 2), (10, 0)])), list(starmap(lambda a, b, c: a + b + c, ["abc", "xyz"])))
print(list(starmap(max, [(1, 5), (7, 2)])), dict(starmap(lambda k, v: (v, k), {"a": 1}.items())))
a, b = tee([1, 2, 3])
print(list(a), list(b))
x, y, z = tee(iter("xyz"), 3)
print(next(x), next(x), next(y), list(z), list(x), list(y))
src = iter(range(5))
t1, t2 = tee(src)
next(t1)
print(list(zip(t1, t2)))
print(list(zip_longest("abc", [1, 2])), list(zip_longest("ab", "xyz", fillvalue="-")))
print(list(zip_longest()), list(zip_longest([1], [], [2, 3], fillvalue=0)))
table = [["a", "b", "c"], ["d"], ["e", "f"]]
for row in zip_longest(*table, fillvalue="."):
    print(" ".join(row))
def window(seq, n):
    its = tee(seq, n)
    for i, it in enumerate(its):
        for _ in range(i):
            next(it, None)
    return list(zip(*its))
print(window([1, 2, 3, 4, 5], 3))
data = [("fruit", "apple"), ("fruit", "pear"), ("veg", "kale"), ("fruit", "fig")]
for key, grp in groupby(data, key=lambda t: t[0]):
    print(key, [item for _, item in grp])
