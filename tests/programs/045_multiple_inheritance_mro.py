# Multiple inheritance, C3 linearization, diamond problem
class A:
    def who(self):
        return "A"
    def chain(self):
        return ["A"]
class B(A):
    def who(self):
        return "B"
    def chain(self):
        return ["B"] + super().chain()
class C(A):
    def who(self):
        return "C"
    def chain(self):
        return ["C"] + super().chain()
class D(B, C):
    def chain(self):
        return ["D"] + super().chain()
print([k.__name__ for k in D.__mro__])
print(D().who(), D().chain())
print([k.__name__ for k in D.mro()])
class E(C, B):
    pass
print([k.__name__ for k in E.__mro__], E().who(), E().chain())
class X: pass
class Y: pass
class Z: pass
class K1(X, Y): pass
class K2(Y, Z): pass
class K3(X, Z): pass
class M(K1, K2, K3): pass
print([k.__name__ for k in M.__mro__])
try:
    class Bad(X, K1):
        pass
except TypeError as e:
    print("TypeError:", e)
class Mixin:
    def to_dict(self):
        return {k: v for k, v in sorted(vars(self).items())}
class JsonMixin:
    def to_json(self):
        return "{" + ", ".join(f'"{k}": {v!r}' for k, v in self.to_dict().items()) + "}"
class Person(JsonMixin, Mixin):
    def __init__(self, name, age):
        self.name, self.age = name, age
p = Person("Ann", 30)
print(p.to_dict(), p.to_json())
class Init1:
    def __init__(self):
        print("Init1.__init__")
        super().__init__()
class Init2:
    def __init__(self):
        print("Init2.__init__")
        super().__init__()
class Both(Init1, Init2):
    def __init__(self):
        print("Both.__init__")
        super().__init__()
Both()
print(issubclass(D, B), issubclass(D, C), isinstance(D(), A), B in D.__mro__)
class Attr1:
    x = "from Attr1"
class Attr2:
    x = "from Attr2"
    y = "y from Attr2"
class Combined(Attr1, Attr2):
    pass
print(Combined.x, Combined.y, Combined.__bases__)
