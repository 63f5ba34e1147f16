# __slots__: restricted attributes, inheritance, no __dict__
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"P({self.x}, {self.y})"
p = P(1, 2)
print(p, p.x, hasattr(p, "__dict__"), P.__slots__)
p.x = 10
print(p)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
q = P.__new__(P)
try:
    q.x
except AttributeError as e:
    print("AttributeError:", e)
del p.y
try:
    p.y
except AttributeError as e:
    print("AttributeError:", e)
print(type(P.x).__name__, P.x.__name__)
class Q(P):
    pass
q = Q(1, 2)
q.extra = "ok, subclass without slots has __dict__"
print(q.extra, q.__dict__)
class R(P):
    __slots__ = ("z",)
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
r = R(1, 2, 3)
print(r, r.z, hasattr(r, "__dict__"))
try:
    r.w = 4
except AttributeError as e:
    print("AttributeError:", e)
class WithDict:
    __slots__ = ("a", "__dict__")
w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.b, w.__dict__)
class Single:
    __slots__ = "only"
s = Single()
s.only = "value"
print(s.only, Single.__slots__)
try:
    class Conflict:
        __slots__ = ("v",)
        v = 5
except ValueError as e:
    print("ValueError:", e)
class Default:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 0
d = Default()
print(getattr(d, "b", "unset"), [getattr(d, n, None) for n in Default.__slots__])
import copy
c = copy.copy(p)
print(hasattr(c, "y"), c.x)
print(sorted(n for n in dir(P) if not n.startswith("__")))
