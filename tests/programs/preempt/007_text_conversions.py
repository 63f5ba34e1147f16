# preempt-in: __str__ __repr__ __format__
def spin(n):
    total = 0
    for i in range(n):
        total += i % 7
    return total


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __str__(self):
        spin(2500)
        return "(%d, %d)" % (self.x, self.y)

    def __repr__(self):
        spin(2500)
        return "Point(%d, %d)" % (self.x, self.y)


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        spin(2500)
        return "$%d.%02d" % divmod(self.cents, 100)


class OnlyRepr:
    def __repr__(self):
        spin(2500)
        return "<only repr>"


class BadStr:
    def __str__(self):
        return 42


p = Point(1, 2)
print(p)
print(p, Point(3, 4), sep=" | ", end=".\n")
print(str(p), repr(p))
print(f"{p} {p!r} {Money(1234)} {OnlyRepr()}")
print(OnlyRepr(), str(OnlyRepr()))
try:
    print(BadStr())
except TypeError as e:
    print("TypeError:", e)
