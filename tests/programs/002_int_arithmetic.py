# Integer arithmetic: operators, floor division and modulo with negatives
a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2)
for x in (7, -7):
    for y in (3, -3):
        print(x, y, "//", x // y, "%", x % y, "divmod", divmod(x, y))
print(-(3), +(3), -(-3))
print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 2)
print(2 ** -1, 10 ** -2)
print(-2 ** 2)  # precedence: -(2**2)
print(2 ** 3 ** 2)  # right assoc
print(7 // 2 * 2 + 7 % 2)
print(1 + 2 * 3 - 4 // 2)
print((1 + 2) * (3 - 4))
# bitwise
print(0b1100 & 0b1010, 0b1100 | 0b1010, 0b1100 ^ 0b1010, ~5, ~-1)
print(1 << 10, 1024 >> 3, -16 >> 2, -1 >> 100, 5 << 0)
print(-5 & 0xFF, -5 | 2, -5 ^ 3)
# comparisons
print(3 < 5, 3 > 5, 3 == 3, 3 != 3, 3 <= 3, 3 >= 4)
# bool is int
print(True + True, True * 10, False - 1, True // 1)
# int conversions
print(int(3.9), int(-3.9), int("42"), int("  -17  "), int(True))
print(abs(-12), abs(0))
# true division produces float
print(10 / 2, type(10 / 2), 1 / 4, -7 / 2)
# zero division
for op in ("//", "%", "/"):
    try:
        eval("1 " + op + " 0")
    except ZeroDivisionError as e:
        print(op, "ZeroDivisionError:", e)
# int methods
print((255).bit_length(), (0).bit_length(), (-8).bit_length())
print((10).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"))
print((12).bit_count(), (255).bit_count())
print((7).__add__(3), (7).__neg__())
print(int.__name__, (5).real, (5).imag, (5).numerator, (5).denominator)
total = 0
for i in range(1, 101):
    total += i * i
print("sum of squares", total)
print(max(3, 9, -1), min(3, 9, -1))
