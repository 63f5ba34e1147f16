# super(type, obj) and super(type, type) forms, skipping classes in the MRO
class A:
    def hi(self):
        return "A.hi"
    @classmethod
    def cm(cls):
        return f"A.cm({cls.__name__})"
class B(A):
    def hi(self):
        return "B.hi"
    @classmethod
    def cm(cls):
        return f"B.cm({cls.__name__})"
class C(B):
    def hi(self):
        return "C.hi"
    def all_his(self):
        return [super(C, self).hi(), super(B, self).hi(), self.hi()]
c = C()
print(c.all_his())
print(super(C, c).hi(), super(B, c).hi())
print(super(C, C).cm(), super(B, C).cm())
try:
    super(A, c).hi()
except AttributeError as e:
    print("AttributeError:", e)
class L(A):
    def who(self):
        return ["L"] + getattr(super(), "who", lambda: ["end"])()
class R(A):
    def who(self):
        return ["R"] + super().who()
class LR(L, R):
    def who(self):
        return ["LR"] + super().who()
A.who = lambda self: ["A"]
print(LR().who(), L().who())
print(super(L, LR()).who(), super(R, LR()).who())
print([k.__name__ for k in LR.__mro__])
sp = super(C, c)
print(type(sp).__name__, sp.__thisclass__.__name__, type(sp.__self__).__name__)
class Base:
    def __init__(self):
        self.tag = "base"
class Skip(Base):
    def __init__(self):
        self.tag = "skip"
class Final(Skip):
    def __init__(self):
        super(Skip, self).__init__()
print(Final().tag)
class Num(int):
    def __add__(self, other):
        return Num(super(Num, self).__add__(other) * 10)
    def __repr__(self):
        return f"Num({int(self)})"
print(Num(2) + 3, Num(1) + Num(1))
unbound = super(C)
print(type(unbound).__name__)
print(super(C, c).hi.__qualname__, super(C, c).__class__.__name__)
try:
    super(C, 5)
except TypeError as e:
    print("TypeError:", e)
