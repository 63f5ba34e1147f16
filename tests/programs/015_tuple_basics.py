# Tuples: packing, unpacking, immutability, methods, comparison
t = (1, 2, 3)
print(t, len(t), t[0], t[-1], t[1:], type(t))
single = (42,)
not_tuple = (42)
print(single, not_tuple, type(single).__name__, type(not_tuple).__name__)
e = ()
print(e, len(e), bool(e), tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)))
packed = 1, "two", 3.0
a, b, c = packed
print(packed, a, b, c)
x, y = 1, 2
x, y = y, x
print(x, y)
(p, q), r = (1, 2), 3
print(p, q, r)
print(t + (4, 5), t * 2, 2 in t, t.count(2), t.index(3), (1, 1, 1).count(1))
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
try:
    a, b = (1, 2, 3)
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = (1, 2)
except ValueError as e:
    print("ValueError:", e)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 3), (2,) > (1, 99), (1, "a") == (1, "a"), () < (0,))
mutable_inside = ([1], [2])
mutable_inside[0].append(10)
print(mutable_inside)
try:
    mutable_inside[0] += [20]
except TypeError as e:
    print("TypeError:", e)
print(mutable_inside)
print(hash((1, 2)) == hash((1, 2)), hash((1, (2, 3))) == hash((1, (2, 3))))
try:
    hash(([1],))
except TypeError as e:
    print("TypeError:", e)
d = {(0, 0): "origin", (1, 0): "east"}
print(d[(0, 0)], d[1, 0])
def minmax(seq):
    return min(seq), max(seq)
lo, hi = minmax([4, 8, 1, 9])
print(lo, hi, minmax("hello"))
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1, "a")]))
print(tuple(x * x for x in range(5)))
nested = ((1, 2), (3, (4, (5,))))
print(nested, nested[1][1][1][0])
print(repr((1,)), str(((),)), ((),)[0])
print(t.__len__(), t.__getitem__(1), t.__contains__(3))
