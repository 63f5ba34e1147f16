# Reflected operators (__radd__ etc.) and NotImplemented dispatch
class Meters:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"{self.v}m"
    def __add__(self, o):
        print(f"  __add__({self!r}, {o!r})")
        if isinstance(o, Meters):
            return Meters(self.v + o.v)
        if isinstance(o, (int, float)):
            return Meters(self.v + o)
        return NotImplemented
    def __radd__(self, o):
        print(f"  __radd__({self!r}, {o!r})")
        if isinstance(o, (int, float)):
            return Meters(o + self.v)
        return NotImplemented
    def __rsub__(self, o):
        return Meters(o - self.v)
    def __rmul__(self, o):
        return Meters(o * self.v)
    def __rtruediv__(self, o):
        return f"{o}/{self.v}"
    def __rpow__(self, o):
        return f"{o}**{self.v}"
    def __rmatmul__(self, o):
        return "rmatmul"
    def __rfloordiv__(self, o):
        return o // self.v
    def __rmod__(self, o):
        return o % self.v
print(Meters(2) + Meters(3))
print(Meters(2) + 5)
print(5 + Meters(2))
print(10 - Meters(4), 3 * Meters(4), 1 / Meters(4), 2 ** Meters(3), 17 // Meters(5), 17 % Meters(5))
print(sum([Meters(1), Meters(2), Meters(3)]))
try:
    "s" + Meters(1)
except TypeError as e:
    print("TypeError:", e)
class Base:
    def __init__(self, n):
        self.n = n
    def __add__(self, o):
        return f"Base.__add__ ({type(self).__name__}+{type(o).__name__})"
    def __radd__(self, o):
        return f"Base.__radd__ ({type(self).__name__})"
class Sub(Base):
    def __radd__(self, o):
        return f"Sub.__radd__ ({type(self).__name__})"
print(Base(1) + Base(2))
print(Base(1) + Sub(2))
print(Sub(1) + Base(2))
class NoAdd:
    pass
try:
    NoAdd() + NoAdd()
except TypeError as e:
    print("TypeError:", e)
class Both:
    def __add__(self, o):
        return NotImplemented
    def __radd__(self, o):
        return NotImplemented
try:
    Both() + Both()
except TypeError as e:
    print("TypeError:", e)
class Lst(list):
    def __radd__(self, other):
        return "Lst.__radd__"
print([1] + Lst([2]))
print(3 @ Meters(1), 2.5 + Meters(1))
