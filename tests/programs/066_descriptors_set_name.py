# __set_name__ and descriptor-based field systems
class Field:
    def __init__(self, default=None):
        self.default = default
    def __set_name__(self, owner, name):
        print(f"__set_name__ owner={owner.__name__} name={name}")
        self.name = name
        self.private = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private, self.default)
    def __set__(self, obj, value):
        setattr(obj, self.private, value)
class Model:
    x = Field(0)
    y = Field("why")
    def __repr__(self):
        return f"Model(x={self.x!r}, y={self.y!r})"
m = Model()
print(m)
m.x = 42
print(m, vars(m))
print(Model.x.name, Model.y.private)
class Positive:
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, objtype=None):
        return obj.__dict__[self.name]
    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f"{self.name} must be positive, got {value}")
        obj.__dict__[self.name] = value
class Rect:
    w = Positive()
    h = Positive()
    def __init__(self, w, h):
        self.w, self.h = w, h
    @property
    def area(self):
        return self.w * self.h
r = Rect(3, 4)
print(r.area)
try:
    r.h = -1
except ValueError as e:
    print("ValueError:", e)
class Tracker:
    instances = []
    def __set_name__(self, owner, name):
        Tracker.instances.append(f"{owner.__qualname__}.{name}")
class A:
    one = Tracker()
    two = Tracker()
    class Nested:
        three = Tracker()
print(Tracker.instances)
class Once:
    def __init__(self, fn):
        self.fn = fn
    def __set_name__(self, owner, name):
        self.attr = name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        val = self.fn(obj)
        obj.__dict__[self.attr] = val
        print("  computed", self.attr)
        return val
class Data:
    @Once
    def expensive(self):
        return sum(range(1000))
d = Data()
print(d.expensive, d.expensive, "expensive" in vars(d))
