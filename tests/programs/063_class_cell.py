# The implicit __class__ cell used by super() and accessible in methods
class A:
    def who(self):
        return __class__.__name__
    def get_cls(self):
        return __class__
class B(A):
    def who(self):
        return __class__.__name__ + "->" + super().who()
b = B()
print(b.who(), b.get_cls() is A, type(b).__name__)
print("__class__" in B.who.__code__.co_freevars, B.who.__closure__[0].cell_contents is B)
class C:
    def method(self):
        return [__class__ for _ in range(2)]
    def nested(self):
        def inner():
            return __class__.__name__
        return inner()
print(C().method()[0] is C, C().nested())
def outside_super_fails():
    class D:
        def m(self):
            return super().m()
    return D
D = outside_super_fails()
try:
    D().m()
except AttributeError as e:
    print("AttributeError:", e)
class Base:
    def greet(self):
        return "base greet"
class Derived(Base):
    def greet(self):
        return "derived+" + super().greet()
moved = Derived.greet
class Unrelated:
    pass
print(moved(Derived()))
try:
    moved(Unrelated())
except TypeError as e:
    print("TypeError:", e)
class Meta(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        print("created", name, "has __classcell__ in ns:", "__classcell__" in ns)
        return cls
class E(metaclass=Meta):
    def m(self):
        return __class__
class F(metaclass=Meta):
    def m(self):
        return 1
print(E().m() is E)
class Renamed:
    def m(self):
        return __class__.__name__
Alias = Renamed
del Renamed
print(Alias().m())
class Sub(Alias):
    def m(self):
        return "Sub of " + super().m()
print(Sub().m())
class Cls:
    @classmethod
    def make(cls):
        return cls, __class__
class SubCls(Cls):
    pass
r = SubCls.make()
print(r[0].__name__, r[1].__name__)
class WithStatic:
    @staticmethod
    def s():
        return __class__.__name__
print(WithStatic.s())
