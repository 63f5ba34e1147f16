# sum / any / all with various iterables and short-circuiting
print(sum([1, 2, 3]), sum([]), sum(range(101)), sum([0.1] * 10), sum([1, 2], 10), sum((x for x in range(5)), start=100))
print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()), sum([True, True, False]), sum([1, 2.5, 3j]))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
try:
    sum(["a", "b"])
except TypeError as e:
    print("TypeError:", e)
print(sum([10 ** 20, 10 ** 20]), sum([-1, 1]), sum(range(0)), sum({1: "a", 2: "b"}))
print(any([]), all([]), any([0, "", None]), any([0, 1]), all([1, "x", [0]]), all([1, 0, 1]))
print(any(x > 3 for x in range(5)), all(x < 5 for x in range(5)), any("abc"), all(""))
log = []
def check(x):
    log.append(x)
    return x > 2
print(any(check(x) for x in range(10)), log)
log.clear()
print(all(check(x) for x in [5, 4, 1, 9]), log)
log.clear()
print(any(map(check, [3, 0])), log)
print(all([[], [1]]), any([[], [1]]), all([[1], [2]]))
print(any({0: "a"}), any({1: "a"}), all({}), all(set()), any(x for x in ()))
matrix = [[1, 2], [3, 4], [5, 6]]
print(sum(sum(row) for row in matrix), sum(map(sum, matrix)), any(6 in row for row in matrix))
print(all(len(row) == 2 for row in matrix), sum(row[0] for row in matrix))
def avg(*nums):
    return sum(nums) / len(nums) if nums else 0
print(avg(1, 2, 3, 4), avg(), avg(10))
print(sum([0.1, 0.2, 0.3]), sum([1e100, 1.0, -1e100]))
import math
print(math.fsum([0.1, 0.2, 0.3]), math.fsum([1e100, 1.0, -1e100]), math.prod([1, 2, 3, 4]), math.prod([]))
class Money:
    def __init__(self, c):
        self.c = c
    def __add__(self, o):
        return Money(self.c + (o.c if isinstance(o, Money) else o))
    def __radd__(self, o):
        return self.__add__(o)
    def __repr__(self):
        return f"Money({self.c})"
print(sum([Money(1), Money(2), Money(3)]), sum([Money(5)], Money(100)))
print(sum(i * i for i in range(1, 11) if i % 2), sum(1 for c in "mississippi" if c == "s"))
