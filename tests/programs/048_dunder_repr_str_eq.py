# __repr__, __str__, __eq__, __ne__, __format__, __bool__
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return f"Money({self.cents})"
    def __str__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"
    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return self.cents == other.cents
    def __format__(self, spec):
        if spec == "long":
            return f"{self.cents / 100:.2f} dollars"
        return format(str(self), spec)
m = Money(1234)
print(m, repr(m), str(m), [m], (m,), {"k": m}, f"{m}", f"{m!r}", f"{m:long}", f"{m:>10}|")
print("%s %r" % (m, m), "{} {!r} {:long}".format(m, m, m))
print(m == Money(1234), m != Money(1234), m == Money(1), m != Money(1), m == 1234, m != "x")
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"
print(OnlyRepr(), str(OnlyRepr()), [OnlyRepr()])
class OnlyStr:
    def __str__(self):
        return "OnlyStr-str"
print(OnlyStr(), f"{OnlyStr()}")
class Tricky:
    def __eq__(self, other):
        print("  Tricky.__eq__ called")
        return True
t = Tricky()
print(t == 1, 1 == t, t != 1)
print(t in [1, 2], [t] == [5])
class NeOverride:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __ne__(self, o):
        return "custom ne"
print(NeOverride(1) == NeOverride(1), NeOverride(1) != NeOverride(1))
class Default:
    pass
d1, d2 = Default(), Default()
print(d1 == d1, d1 == d2, d1 != d2, d1 is d1)
class Left:
    def __eq__(self, other):
        print("  Left.__eq__")
        return NotImplemented
class Right:
    def __eq__(self, other):
        print("  Right.__eq__")
        return "right-result"
print(Left() == Right())
print(Right() == Left())
print(Left() == Left())
class Vec:
    def __init__(self, *c):
        self.c = c
    def __repr__(self):
        return "Vec(" + ", ".join(map(repr, self.c)) + ")"
print(Vec(1, "a", [2]), repr(Vec()), [Vec(Vec(1))])
print(repr("x"), str("x"), repr(1.0), str(None), ascii("é"), repr("é"))
print(Money.__repr__(m), object.__repr__(m)[:15])
class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
