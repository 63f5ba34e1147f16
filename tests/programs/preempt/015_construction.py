# preempt-in: __new__ __init__
def spin(n):
    total = 0
    for i in range(n):
        total += i % 7
    return total


class Interned:
    pool = {}

    def __new__(cls, name):
        spin(600)
        if name not in cls.pool:
            cls.pool[name] = super().__new__(cls)
        return cls.pool[name]

    def __init__(self, name):
        spin(400)
        self.name = name
        self.seen = getattr(self, "seen", 0) + 1


a, b, c = Interned("x"), Interned("y"), Interned("x")
print(a is c, a is b, a.seen, b.seen)


class Point(tuple):
    def __new__(cls, x, y):
        spin(500)
        return super().__new__(cls, (x, y))

    def norm1(self):
        return abs(self[0]) + abs(self[1])


p = Point(3, -4)
print(p, p.norm1(), type(p).__name__)


class Registry(dict):
    def __init__(self, *names):
        spin(700)
        super().__init__()
        self.update((n, len(n)) for n in names)


print(Registry("ab", "cde"))


class AppError(Exception):
    def __init__(self, code, detail):
        spin(500)
        super().__init__(f"{code}: {detail}")
        self.code = code


try:
    raise AppError(404, "missing")
except AppError as e:
    print(e, e.code, e.args)


class NotMine:
    def __new__(cls):
        spin(300)
        return "something else"

    def __init__(self):
        raise AssertionError("never runs")


print(NotMine())
