# Arithmetic operator overloading on a vector class
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        if isinstance(k, Vec):
            return self.x * k.x + self.y * k.y
        return Vec(self.x * k, self.y * k)
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)
    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)
    def __pow__(self, k):
        return Vec(self.x ** k, self.y ** k)
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __pos__(self):
        return Vec(+self.x, +self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __invert__(self):
        return Vec(self.y, self.x)
    def __matmul__(self, o):
        return self.x * o.y - self.y * o.x
    def __and__(self, o):
        return Vec(self.x & o.x, self.y & o.y)
    def __or__(self, o):
        return Vec(self.x | o.x, self.y | o.y)
    def __xor__(self, o):
        return Vec(self.x ^ o.x, self.y ^ o.y)
    def __lshift__(self, n):
        return Vec(self.x << n, self.y << n)
    def __rshift__(self, n):
        return Vec(self.x >> n, self.y >> n)
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __bool__(self):
        return bool(self.x or self.y)
    def __divmod__(self, k):
        return (self // k, self % k)
    def __round__(self, n=0):
        return Vec(round(self.x, n), round(self.y, n))
a, b = Vec(3, 4), Vec(1, 2)
print(a + b, a - b, a * 2, a * b, a / 2, a // 2, a % 2, a ** 2)
print(-a, +a, abs(a), ~a, a @ b, a & b, a | b, a ^ b, a << 2, a >> 1)
print(a == Vec(3, 4), a != b, bool(Vec(0, 0)), bool(a), divmod(a, 2))
print(round(Vec(1.256, 2.5)), round(Vec(1.256, 2.5), 1))
print(a + b * 2 - Vec(1, 1), (a - b) * (a + b))
try:
    a + 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    1 + a
except TypeError as e:
    print("TypeError:", e)
try:
    a < b
except TypeError as e:
    print("TypeError:", e)
total = Vec(0, 0)
for i in range(5):
    total = total + Vec(i, i * i)
print(total, sum([Vec(1, 1), Vec(2, 2)], Vec(0, 0)))
