# Class decorators
def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls
@add_repr
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
print(Point(1, 2), [Point(0, "a")])
registry = []
def register(cls):
    registry.append(cls.__name__)
    return cls
def tag(label):
    def deco(cls):
        cls.label = label
        return cls
    return deco
@register
@tag("important")
class Task:
    pass
@register
class Other:
    pass
print(registry, Task.label)
def singleton(cls):
    instances = {}
    def get(*a, **k):
        if cls not in instances:
            instances[cls] = cls(*a, **k)
        return instances[cls]
    return get
@singleton
class Db:
    def __init__(self, url):
        self.url = url
print(Db("first").url, Db("second").url, Db("x") is Db("y"), type(Db).__name__)
def auto_eq(cls):
    def __eq__(self, other):
        return type(self) is type(other) and vars(self) == vars(other)
    cls.__eq__ = __eq__
    cls.__hash__ = None
    return cls
@auto_eq
@add_repr
class Pair:
    def __init__(self, a, b):
        self.a, self.b = a, b
print(Pair(1, 2) == Pair(1, 2), Pair(1, 2) == Pair(2, 1), Pair(1, [2]))
def replace_with_instance(cls):
    return cls()
@replace_with_instance
class Config:
    debug = True
    def __repr__(self):
        return "Config-instance"
print(Config, Config.debug)
def trace_methods(cls):
    for name, val in list(vars(cls).items()):
        if callable(val) and not name.startswith("__"):
            def make(n, f):
                def wrapper(self, *a):
                    print(f"  -> {cls.__name__}.{n}{a}")
                    return f(self, *a)
                return wrapper
            setattr(cls, name, make(name, val))
    return cls
@trace_methods
class Calc:
    def add(self, a, b):
        return a + b
    def neg(self, a):
        return -a
c = Calc()
print(c.add(2, 3), c.neg(4))
