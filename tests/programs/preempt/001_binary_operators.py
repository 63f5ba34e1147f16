# preempt-in: __add__ __radd__ __iadd__ __sub__ __neg__ __mul__
def spin(n):
    total = 0
    for i in range(n):
        total += i % 7
    return total


class Vec:
    def __init__(self, x):
        self.x = x

    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(self.x + other.x + spin(3000) % 1)
        if isinstance(other, int):
            return Vec(self.x + other)
        return NotImplemented

    def __radd__(self, other):
        spin(3000)
        return Vec(other * 10 + self.x)

    def __iadd__(self, other):
        spin(3000)
        self.x += 100 * other
        return self

    def __sub__(self, other):
        spin(3000)
        return NotImplemented

    def __rsub__(self, other):
        return "rsub of %r" % (other,)

    def __neg__(self):
        spin(3000)
        return Vec(-self.x)

    def __repr__(self):
        return "Vec(%d)" % self.x


class Sub(Vec):
    def __radd__(self, other):
        return "Sub.__radd__ first"


class Other:
    def __rsub__(self, other):
        return "Other.__rsub__ after Vec.__sub__ gave NotImplemented"

    def __mul__(self, other):
        spin(3000)
        return NotImplemented


print(repr(Vec(1) + Vec(2)))
print(repr(Vec(1) + 5))
print(repr(5 + Vec(1)))
v = Vec(3)
w = v
v += 2
print(repr(v), v is w)
print(Vec(1) - Other())
print(Vec(1) + Sub(2))
print(repr(-Vec(4)))
try:
    Other() * Other()
except TypeError as e:
    print("TypeError:", e)
try:
    Vec(1) - 3
except TypeError as e:
    print("TypeError:", e)
print(spin(10))
