# fractions.Fraction: exact rational arithmetic
from fractions import Fraction as F
a = F(1, 3)
b = F(2, 4)
print(a, b, repr(b), a.numerator, a.denominator, F(6, -8), F(0, 5), F(5))
print(a + b, a - b, a * b, a / b, a ** 2, b ** -1, -a, abs(F(-3, 4)), a // b, F(7, 2) % 1)
print(F("3/4"), F("1.25"), F("-0.5"), F("  7/21 "), F(0.5), F(0.1), F(1, 3) == F(2, 6))
print(F(0.1).limit_denominator(100), F(3.14159).limit_denominator(1000), F(2 ** 0.5).limit_denominator(50))
print(a < b, a == F(1, 3), a == 1 / 3, F(1, 2) == 0.5, F(2, 1) == 2, sorted([F(1, 2), F(1, 3), F(2, 3)]))
print(a + 1, 1 - a, 2 * a, a / 2, a + 0.5, type(a + 0.5).__name__, type(a + 1).__name__)
print(float(a), int(F(7, 2)), int(F(-7, 2)), round(F(7, 2)), round(F(5, 2)), round(F(1, 3), 3), str(F(3, 1)))
print(F(1, 3).as_integer_ratio(), F(10, 4).limit_denominator(1), hash(F(1, 2)) == hash(0.5), hash(F(3)) == hash(3))
try:
    F(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    F("abc")
except ValueError as e:
    print("ValueError:", e)
h = sum(F(1, n) for n in range(1, 11))
print("H(10) =", h, float(h))
def egyptian(fr):
    out = []
    while fr.numerator != 0:
        n = -(-fr.denominator // fr.numerator)
        out.append(F(1, n))
        fr -= F(1, n)
    return out
print(egyptian(F(4, 13)), sum(egyptian(F(4, 13))))
def bernoulli(n):
    A = [0] * (n + 1)
    for m in range(n + 1):
        A[m] = F(1, m + 1)
        for j in range(m, 0, -1):
            A[j - 1] = j * (A[j - 1] - A[j])
    return A[0]
print([str(bernoulli(i)) for i in range(9)])
def cont_frac(x, terms):
    out = []
    for _ in range(terms):
        i = x.numerator // x.denominator
        out.append(i)
        x -= i
        if x == 0:
            break
        x = 1 / x
    return out
print(cont_frac(F(415, 93), 10), cont_frac(F(355, 113), 10))
print(F(2, 3) ** 3, F(4, 9) ** F(1, 2), F(-8, 27) ** 3, (F(1, 2) + F(1, 3)) * 6)
import math
print(math.floor(F(7, 3)), math.ceil(F(7, 3)), math.floor(F(-7, 3)), F(1, 3).__floor__())
print(max(F(1, 2), F(2, 3), key=float), min(F(5, 6), 0.8), F(1, 2) in {0.5})
