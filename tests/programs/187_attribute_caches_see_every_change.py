# Attribute access from one instruction while the classes and instances behind it change:
# every answer must be the current one (the evaluator caches lookups per instruction).


class Base:
    kind = "base"

    def describe(self):
        return "Base.describe"


class Child(Base):
    pass


def read_kind(obj):
    return obj.kind


def call_describe(obj):
    return obj.describe()


def bound_describe(obj):
    m = obj.describe
    return m()


def store_x(obj, v):
    obj.x = v


c = Child()
print(read_kind(c), call_describe(c), bound_describe(c))
# Class attribute rebound on the base, then shadowed on the subclass, then deleted.
Base.kind = "base2"
print(read_kind(c))
Child.kind = "child"
print(read_kind(c))
del Child.kind
print(read_kind(c))
# The instance dict shadows class attributes and methods.
c.kind = "instance"
c.describe = lambda: "instance describe"
print(read_kind(c), call_describe(c), bound_describe(c))
del c.kind
del c.describe
print(read_kind(c), call_describe(c), bound_describe(c))
# Methods replaced on the class.
Base.describe = lambda self: "new Base.describe"
print(call_describe(c), bound_describe(c))
Child.describe = lambda self: "Child.describe"
print(call_describe(c), bound_describe(c))


# A property added later takes precedence over the instance dict; removing it restores it.
class P:
    pass


p = P()
store_x(p, 1)
print(p.__dict__, read_kind.__name__)
P.x = property(lambda self: "property x", lambda self, v: print("setter got", v))
store_x(p, 2)
print(p.x, p.__dict__)
del P.x
store_x(p, 3)
print(p.x, p.__dict__)


# A descriptor class gaining __get__/__set__ after its instance became a class attribute.
class D:
    pass


class Holder:
    attr = D()


h = Holder()


def read_attr(o):
    return o.attr


def store_attr(o, v):
    o.attr = v


print(type(read_attr(h)).__name__)
D.__get__ = lambda self, obj, typ: "D.__get__"
print(read_attr(h))
D.__set__ = lambda self, obj, v: print("D.__set__", v)
store_attr(h, 5)
print(read_attr(h), h.__dict__)
del D.__set__
store_attr(h, 6)
print(h.__dict__)
del D.__get__
print(h.__dict__["attr"], type(Holder.__dict__["attr"]).__name__)


# __getattr__ and __getattribute__ added to a class after lookups were cached.
class G:
    def __init__(self):
        self.here = "here"


g = G()


def read_missing(o):
    try:
        return o.missing
    except AttributeError as e:
        return "AttributeError: " + str(e)


def read_here(o):
    return o.here


print(read_missing(g), read_here(g))
G.__getattr__ = lambda self, name: "getattr " + name
print(read_missing(g), read_here(g))
G.__getattribute__ = lambda self, name: "getattribute " + name
print(read_missing(g), read_here(g))
del G.__getattribute__
del G.__getattr__
print(read_missing(g), read_here(g))


# __setattr__ added later.
class S:
    pass


s = S()
store_x(s, 1)
S.__setattr__ = lambda self, name, v: object.__setattr__(self, name, v * 10)
store_x(s, 2)
print(s.x)
del S.__setattr__
store_x(s, 3)
print(s.x)


# __class__ assignment and many types through one instruction.
class A1:
    kind = "A1"

    def describe(self):
        return "A1"


class A2:
    kind = "A2"

    def describe(self):
        return "A2"


class A3(A1):
    kind = "A3"


class A4(A2):
    def describe(self):
        return "A4"


class A5:
    __slots__ = ("kind",)

    def __init__(self):
        self.kind = "A5 slot"

    def describe(self):
        return "A5"


objs = [A1(), A2(), A3(), A4(), A5(), Child()]
for _ in range(3):
    print([read_kind(o) for o in objs], [call_describe(o) for o in objs])
o = A1()
print(read_kind(o), call_describe(o))
o.__class__ = A2
print(read_kind(o), call_describe(o))
o.__class__ = A3
print(read_kind(o), call_describe(o))

# Bases changed.
class Left:
    kind = "Left"


class Right:
    kind = "Right"


class Mixed(Left):
    pass


m = Mixed()
print(read_kind(m))
Mixed.__bases__ = (Right,)
print(read_kind(m))

# Builtin methods and attributes of builtin types through the same instructions.
print(read_kind.__name__, [x.bit_length() for x in (1, 255, 1 << 40)], (2.5).real)
words = ["a", "b"]
words.append("c")
print(" ".join(w.upper() for w in words))


# Globals rebound and deleted while functions read them; builtins shadowed and restored.
def use_len(x):
    return len(x)


LIMIT = 1


def read_limit():
    return LIMIT


print(read_limit(), use_len("abc"))
LIMIT = 2
print(read_limit())
len = lambda x: "shadowed"
print(use_len("abc"))
del len
print(use_len("abc"))
del LIMIT
try:
    read_limit()
except NameError as e:
    print("NameError:", e)
LIMIT = 3
print(read_limit())
