# isinstance / issubclass / getattr / setattr / hasattr / delattr / callable / type
class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, B), isinstance(b, A), isinstance(b, C), isinstance(b, (C, A)), isinstance(b, object))
print(issubclass(B, A), issubclass(A, B), issubclass(B, (C, A)), issubclass(B, B), issubclass(bool, int))
print(isinstance(1, int), isinstance(True, int), isinstance(1.0, int), isinstance(None, type(None)))
print(isinstance([], (list, tuple)), isinstance(int, type), isinstance(type, type), isinstance(A, object))
print(isinstance(1, int | str), issubclass(bool, int | float), isinstance("x", (int, (float, str))))
try:
    isinstance(1, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(1, int)
except TypeError as e:
    print("TypeError:", e)
class Obj:
    x = 1
    def __init__(self):
        self.y = 2
o = Obj()
print(getattr(o, "x"), getattr(o, "y"), getattr(o, "z", "dflt"), getattr(Obj, "x"))
try:
    getattr(o, "z")
except AttributeError as e:
    print("AttributeError:", e)
setattr(o, "z", 3)
setattr(o, "with space", "odd name")
print(o.z, getattr(o, "with space"), sorted(vars(o)))
print(hasattr(o, "x"), hasattr(o, "nope"), hasattr(Obj, "y"), hasattr(o, "__init__"))
delattr(o, "z")
print(hasattr(o, "z"))
try:
    delattr(o, "x")
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(o, "__class__").__name__, getattr(5, "real"), getattr("s", "upper")())
print(callable(len), callable(o), callable(Obj), callable(lambda: 0), callable(5), callable("s".upper))
print(type(5), type(5) is int, type(o).__name__, type(Obj).__name__, type(type).__name__)
class Prop:
    @property
    def p(self):
        raise AttributeError("inside property")
print(hasattr(Prop(), "p"), getattr(Prop(), "p", "fallback"))
class Bad:
    @property
    def p(self):
        raise ValueError("not attribute error")
try:
    hasattr(Bad(), "p")
except ValueError as e:
    print("ValueError propagates from hasattr:", e)
try:
    getattr(o, 5)
except TypeError as e:
    print("TypeError:", e)
for name in ["upper", "lower", "title"]:
    print(getattr("mIxEd", name)())
print(type("Dynamic", (A,), {"v": 1})().v, isinstance(type("T", (B,), {})(), A))
print(id(o) == id(o), o is o, type(o) is Obj)
