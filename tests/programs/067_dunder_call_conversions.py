# __call__, __index__, __int__, __float__, __complex__, __new__ for immutables, __len__/__bool__
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *rest, scale=1):
        return (x + self.n + sum(rest)) * scale
add3 = Adder(3)
print(add3(1), add3(1, 2, 3), add3(1, scale=10), callable(add3), callable(Adder))
class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
i = Idx(2)
print([10, 20, 30][i], "abcdef"[Idx(1):Idx(4)], bin(Idx(5)), hex(Idx(255)), range(Idx(3)))
print(list(range(10))[Idx(1):Idx(8):Idx(3)], [0] * Idx(3), operator_index := Idx(7).__index__())
class Num:
    def __int__(self):
        return 7
    def __float__(self):
        return 2.5
    def __complex__(self):
        return 1 + 2j
    def __round__(self, n=None):
        return "rounded"
    def __trunc__(self):
        return 3
n = Num()
print(int(n), float(n), complex(n), round(n), round(n, 2))
import math
print(math.trunc(n), math.floor(2.7), math.ceil(2.1))
class Celsius(float):
    def __new__(cls, value):
        print(f"  Celsius.__new__({value})")
        return super().__new__(cls, value)
    def __repr__(self):
        return f"{float(self)}°C"
c = Celsius(21.5)
print(c, c + 1, type(c + 1).__name__, isinstance(c, float))
class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
print(Upper("hello"), len(Upper("abc")), Upper("x") == "X")
class Pt(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
p = Pt(1, 2)
print(p, p.x, p + (3,), len(p), type(p).__name__)
class Cached:
    _cache = {}
    def __new__(cls, key):
        if key in cls._cache:
            return cls._cache[key]
        obj = super().__new__(cls)
        cls._cache[key] = obj
        return obj
    def __init__(self, key):
        print("  __init__ runs each time for", key)
        self.key = key
a, b = Cached("k"), Cached("k")
print(a is b, Cached("j") is a)
class NotInstance:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(NotInstance())
class BadIndex:
    def __index__(self):
        return "x"
try:
    [1, 2][BadIndex()]
except TypeError as e:
    print("TypeError:", e)
