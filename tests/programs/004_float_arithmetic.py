# Floating point arithmetic and repr
print(0.1 + 0.2, 0.1 + 0.2 == 0.3)
print(1.5 + 2, 3 * 0.5, 7.0 // 2, 7.0 % 2, -7.0 // 2, -7.0 % 2)
print(7.5 % -2, -7.5 % 2, divmod(7.5, 2), divmod(-7.5, 2))
print(2.0 ** 10, 2 ** 0.5, 4 ** -0.5, (-8.0) ** 2)
print(1e308 * 10, -1e308 * 10)
print(1e-320, 5e-324, 2.2250738585072014e-308)
print(float("1.5"), float(" -2.25 "), float("1e3"), float("inf"), float("-Infinity"))
print(float(10), float(-0))
print(int(2.999), int(-2.999), round(2.5), round(3.5), round(-2.5), round(2.675, 2))
print(round(1234.5678, -2), round(1234.5678, 1), round(0.5), round(1.5))
nan = float("nan")
print(nan == nan, nan != nan, nan < 1, nan > 1)
inf = float("inf")
print(inf > 1e308, -inf < -1e308, inf - inf, inf * 0, inf + 1)
print(1.0.is_integer(), 1.5.is_integer(), (2.5).as_integer_ratio(), (0.75).hex())
print(float.fromhex("0x1.8p1"))
print(3.0 == 3, hash(3.0) == hash(3))
values = [1.0, 10.0, 100.0, 1e15, 1e16, 1e17, 123456789.123, 0.0001, 0.00001, 1.23e-7]
for v in values:
    print(repr(v), str(v), -v)
print(1 / 3 * 3, 2 / 3, 10 / 3, 100 / 7)
print(sum([0.1] * 10))
print(abs(-3.5), -(-0.0), 0.0 == -0.0)
print(max(1.5, 2), min(-0.5, 0))
print(3.14159.__round__(2), (2.5).__floordiv__(1.0))
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1.0 // 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError raised")
x = 0.0
for i in range(10):
    x += i * 0.37
print(x)
print(1e22, 1e21, 1e20, 123e18)
print(0.1 * 3, 1.1 * 1.1, 9.99 * 100)
