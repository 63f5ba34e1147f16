# Metaclass keywords, __init_subclass__, properties, slots, descriptors, closures in loops,
# generator send, formatting: a mixed program.
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["tag"] = kw.get("tag", "none")
        return super().__new__(mcls, name, bases, ns)
    def __call__(cls, *a, **k):
        print("creating", cls.__name__)
        return super().__call__(*a, **k)
class Base(metaclass=Meta, tag="base"):
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        cls.sub = True
    def __init__(self, v=0):
        self.v = v
class Child(Base):
    @property
    def double(self):
        return self.v * 2
    @double.setter
    def double(self, x):
        self.v = x // 2
    @classmethod
    def make(cls, v):
        return cls(v)
    @staticmethod
    def st(a, b=1):
        return a + b
c = Child.make(4)
c.double = 10
print(Base.tag, Child.tag, Child.sub, c.v, c.double, Child.st(1), c.st(a=2, b=3))
fns = [lambda i=i: i * 10 for i in range(3)]
print([f() for f in fns])
def outer():
    fs = []
    for i in range(3):
        def f():
            return i
        fs.append(f)
    return [f() for f in fs]
print(outer())
class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
    def __add__(self, o): return Vec(self.x + o.x, self.y + o.y)
    def __radd__(self, o): return self if o == 0 else self + o
    def __repr__(self): return f"Vec({self.x}, {self.y})"
    def __eq__(self, o): return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    __hash__ = None
print(sum([Vec(1, 2), Vec(3, 4)]), Vec(1, 1) == Vec(1, 1), Vec(1, 1) != Vec(1, 2))
try:
    hash(Vec(1, 1))
except TypeError as e:
    print("TypeError", e)
d = {}
d.setdefault("k", []).append(1)
print(d, sorted(d.items(), key=lambda kv: kv[0]))
class Desc:
    def __set_name__(self, owner, name): self.name = name
    def __get__(self, obj, objtype=None): return f"desc:{self.name}" if obj else self
class H:
    attr = Desc()
print(H().attr, type(H.attr).__name__)
import itertools, collections, functools, operator
print(list(itertools.accumulate([1, 2, 3], operator.mul)), collections.Counter("abca").most_common(1))
print(functools.reduce(lambda a, b: a * b, range(1, 6)))
g = (x * x for x in range(4))
print(next(g), list(g), list(g))
def gen():
    x = yield 1
    while x:
        x = yield x * 2
s = gen()
print(next(s), s.send(3), s.send(5))
try:
    s.send(0)
except StopIteration:
    print("done")
print(*map(str.upper, ["a", "b"]), sep="-", end="!\n")
text = "a,b;c"
import re
print(re.split(r"[,;]", text), "{:>6}|{:<4}|{:^5}".format("r", "l", "c"), "%5.2f%%" % 12.345)
x = 5
def scope():
    global x
    x += 1
    return x
print(scope(), x)
print(repr(1e100), 1/3, 0.1 + 0.2, float("inf"), -0.0, 2**63, round(2.5), round(3.5), int("0x1f", 16))
