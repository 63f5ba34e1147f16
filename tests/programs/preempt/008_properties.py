# preempt-in: area side __getattr__
def spin(n):
    total = 0
    for i in range(n):
        total += i % 7
    return total


class Square:
    def __init__(self, side):
        self._side = side

    @property
    def area(self):
        spin(3000)
        return self._side * self._side

    @property
    def side(self):
        return self._side

    @side.setter
    def side(self, value):
        spin(3000)
        if value < 0:
            raise ValueError("negative side")
        self._side = value


s = Square(3)
print(s.area)
s.side = 5
print(s.side, s.area)
t = s
print(t.area + 1)
try:
    s.side = -1
except ValueError as e:
    print("ValueError:", e)
print(s.side)


class Record:
    def __init__(self, **fields):
        self.fields = fields

    def __getattr__(self, name):
        spin(3000)
        try:
            return self.fields[name]
        except KeyError:
            raise AttributeError("no field " + name) from None


r = Record(x=1, y=2)
print(r.x + r.y, r.fields)
try:
    r.missing
except AttributeError as e:
    print("AttributeError:", e)
