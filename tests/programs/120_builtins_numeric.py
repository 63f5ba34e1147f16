# divmod, pow (incl. 3-arg and negative exponents), round, abs, int/float conversions
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5), divmod(0, 3))
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(10 ** 20 + 3, 7))
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(pow(2, 10), pow(2, -2), pow(2.0, 3), pow(9, 0.5), pow(0, 0))
print(pow(3, 200, 1000), pow(2, 10, 7), pow(-2, 3, 5), pow(5, -1, 7), pow(3, -2, 11), pow(7, 0, 1))
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2.0, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
print(round(2.5), round(3.5), round(-0.5), round(-1.5), round(0.49999), round(1e20))
print(round(3.14159, 2), round(3.14159, 0), round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2))
print(round(2.675, 2), round(0.125, 2), round(0.375, 2), round(1.005, 2), round(5, 3), round(5.0))
print(type(round(2.5)), type(round(2.5, 0)), type(round(5, 1)))
try:
    round(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
print(abs(-5), abs(5), abs(-2.5), abs(-0.0), abs(3 - 4j), abs(-10 ** 30), abs(True))
print(int("  42 "), int("-0"), int("1_000"), int(3.99), int(-3.99), int("+7"), float("  -1.5e3 "), float("-inf"))
for bad in ["", "1.5", "abc", "1__0", "0x10"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
print(float(".5"), float("5."), float("1_000.5"), float("nan") != float("nan"), float("1e400"))
print(max(1, 2.5), min(-1, -1.0), 7 // 2.0, 7 % 2.5, -7 // 2.0, 2 ** 0.5 * 2 ** 0.5)
import math
print(math.isclose(0.1 + 0.2, 0.3), math.copysign(3, -0.0), math.fmod(-7, 3), -7 % 3, math.remainder(7, 4))
print(int(2 ** 53 + 1.0), float(2 ** 53 + 1), 2 ** 53 + 1 == float(2 ** 53 + 1))
print((7).__divmod__(2), (7).__rdivmod__(30), (2).__pow__(5, 3), (10).__round__(-1))
print(sum(divmod(n, 10)[1] for n in range(100)), [pow(i, 2, 5) for i in range(6)])
