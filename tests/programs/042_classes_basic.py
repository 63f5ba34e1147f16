# Classes: definition, instances, methods, attributes
class Point:
    """A 2D point."""
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def move(self, dx, dy):
        self.x += dx
        self.y += dy
        return self
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
p = Point(3, 4)
print(p, p.x, p.y, p.norm2(), Point.dims, p.dims)
print(p.move(1, 1).move(-2, 0), p)
print(Point.__name__, Point.__doc__, type(p).__name__, type(p) is Point, isinstance(p, Point))
print(sorted(vars(p).items()), p.__dict__)
p.z = 10
print(p.__dict__, hasattr(p, "z"), hasattr(p, "w"))
m = p.norm2
print(m(), Point.norm2(p), m.__self__ is p, m.__func__ is Point.norm2)
try:
    p.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
class Empty:
    pass
e = Empty()
e.anything = "dynamic"
print(e.anything, Empty.__name__, Empty.__bases__, Empty.__mro__)
class Counter:
    def __init__(self):
        self.count = 0
    def tick(self):
        self.count += 1
        return self
c = Counter()
c.tick().tick().tick()
print(c.count)
pts = [Point(i, i * i) for i in range(4)]
print(pts, sorted(pts, key=lambda q: -q.y)[0])
print(getattr(p, "x"), getattr(p, "nope", "default"))
setattr(p, "x", 99)
print(p.x)
delattr(p, "z")
print(hasattr(p, "z"))
class WithClassMethodCall:
    value = 5
    def get(self):
        return self.value
    def set(self, v):
        self.value = v
w1, w2 = WithClassMethodCall(), WithClassMethodCall()
w1.set(10)
print(w1.get(), w2.get(), WithClassMethodCall.value)
def external(self):
    return "external " + repr(self)
Point.ext = external
print(p.ext())
print(callable(Point), callable(p), Point.__init__.__name__, Point.__module__)
print(Point.__dict__["dims"], "norm2" in Point.__dict__, "x" in Point.__dict__)
