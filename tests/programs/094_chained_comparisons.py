# Chained comparisons: semantics and single evaluation of middle operands
calls = []
def f(x, label):
    calls.append(label)
    return x
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1, 1 == 1 != 2, 1 < 2 > 0)
calls.clear()
print(f(1, "a") < f(2, "b") < f(3, "c"), calls)
calls.clear()
print(f(1, "a") < f(0, "b") < f(3, "c"), calls)
calls.clear()
print(f(1, "a") < f(5, "b") < f(3, "c") < f(9, "d"), calls)
x = 5
print(0 <= x < 10, 0 <= x < 5, 5 <= x <= 5, -1 < x > 4, 1 < x != 5)
print(1 < 2 == 2 < 3, (1 < 2) == (2 < 3), 1 < (2 == 2), 0 < (2 == 2) < 2)
print("a" < "b" < "c", [1] < [2] < [3], (1, 2) < (1, 3) < (2,))
a = [1, 2]
b = a
print(a is b is not None, a == b is b, 1 in a in [[1, 2]], 3 not in a is not None)
print(1 < 2 < 3 < 4 < 5 < 6, 1 < 2 < 3 < 4 < 5 < 5)
class Loud:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        print(f"  {self.v} < {other.v}")
        return self.v < other.v
    def __eq__(self, other):
        print(f"  {self.v} == {other.v}")
        return self.v == other.v
print(Loud(1) < Loud(2) < Loud(3))
print(Loud(1) < Loud(2) == Loud(9) < Loud(10))
class Weird:
    def __lt__(self, other):
        return "truthy string"
w = Weird()
print(w < w, w < w < w, bool(w < w))
class Falsy:
    def __lt__(self, other):
        return 0
print(Falsy() < Falsy() < Falsy())
calls.clear()
r = f(2, "a") == f(2, "b") == f(3, "c") == f(3, "d")
print(r, calls)
vals = [3, 7, 1, 9, 5]
print([v for v in vals if 2 < v <= 7])
i = 0
def incr():
    global i
    i += 1
    return i
print(0 < incr() < 5, i)
print(1 < 2 if True else 3, not 1 < 2 < 3, (not 1) < 2)
print(float("nan") < 1 < 2, 1 < float("inf") > 2)
