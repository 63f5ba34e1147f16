# Descriptors: data vs non-data, __get__/__set__/__delete__, precedence
class Verbose:
    def __get__(self, obj, objtype=None):
        print(f"  __get__(obj={type(obj).__name__ if obj is not None else None}, type={objtype.__name__})")
        return "verbose value" if obj is not None else self
    def __set__(self, obj, value):
        print(f"  __set__({value!r})")
        obj.__dict__["_v"] = value
    def __delete__(self, obj):
        print("  __delete__")
class Host:
    attr = Verbose()
h = Host()
print(h.attr)
print(type(Host.attr).__name__)
h.attr = 5
print(h.__dict__)
del h.attr
h.__dict__["attr"] = "instance dict"
print(h.attr)
class NonData:
    def __get__(self, obj, objtype=None):
        return "from non-data descriptor"
class Host2:
    attr = NonData()
h2 = Host2()
print(h2.attr)
h2.attr = "instance wins"
print(h2.attr, Host2.attr)
class Typed:
    def __init__(self, name, kind):
        self.name, self.kind = name, kind
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, f"<unset {self.name}>")
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}, got {type(value).__name__}")
        obj.__dict__[self.name] = value
class Person:
    name = Typed("name", str)
    age = Typed("age", int)
    def __init__(self, name, age):
        self.name = name
        self.age = age
p = Person("Ann", 30)
print(p.name, p.age)
try:
    p.age = "old"
except TypeError as e:
    print("TypeError:", e)
class Method:
    def __init__(self, f):
        self.f = f
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return lambda *a: self.f(obj, *a)
class UsesMethod:
    @Method
    def double(self, x):
        return x * 2
print(UsesMethod().double(21))
def plain(self):
    return "plain"
bound = plain.__get__(h, Host)
print(bound(), type(bound).__name__, bound.__self__ is h)
print(staticmethod(len).__get__(None, int)("abc"), classmethod(lambda c: c.__name__).__get__(None, int)())
print(property(lambda s: 42).__get__(h, Host))
class Counter:
    count = 0
    def __get__(self, obj, objtype=None):
        Counter.count += 1
        return Counter.count
class UsesCounter:
    c = Counter()
u = UsesCounter()
print(u.c, u.c, UsesCounter.c)
