# range objects: construction, indexing, slicing, membership, len
r = range(10)
print(r, list(r), len(r), r[0], r[-1], r[3])
print(range(5, 10), list(range(5, 10)), list(range(0, 20, 5)), list(range(10, 0, -2)), list(range(5, 5)))
print(list(range(-3, 3)), list(range(3, -3, -1)), list(range(0)), list(range(-5)))
r2 = range(1, 100, 7)
print(len(r2), r2[5], r2[-2], 50 in r2, 43 in r2, r2.index(43), r2.count(43))
print(r2[2:6], r2[::-1], r2[::3])
try:
    range(1, 10, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    r[100]
except IndexError as e:
    print("IndexError:", e)
try:
    r2.index(44)
except ValueError as e:
    print("ValueError:", e)
print(range(0, 10, 3) == range(0, 11, 3), range(0) == range(5, 5), range(1) == range(0, 1))
print(r.start, r.stop, r.step, r2.start, r2.stop, r2.step)
big = range(10 ** 18)
print(len(big), big[-1], 10 ** 17 in big, big[10 ** 17])
print(sum(range(101)), max(range(3, 30, 4)), min(range(10, 1, -3)))
print(list(reversed(range(5))), list(reversed(range(1, 10, 3))))
print(bool(range(0)), bool(range(1)), 3.0 in range(5), "x" in range(5))
for i in range(2, 12, 3):
    print(i, end=" ")
print()
print(list(enumerate(range(3, 6))), list(zip(range(3), range(10, 13))))
print(tuple(range(4)), set(range(4)), dict.fromkeys(range(3)))
print(hash(range(3)) == hash(range(3)), range(3).__len__())
rr = range(-10, 10, 4)
print(list(rr), rr[1:-1], len(rr[1:-1]), list(rr[::-2]))
print(range(1, 2, 3), repr(range(0, 5)), str(range(2, 8, 2)))
print(list(range(True, 4)))
class Idx:
    def __index__(self):
        return 3
print(list(range(Idx())), range(10)[Idx()])
