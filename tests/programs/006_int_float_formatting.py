# Formatting numbers with format(), str, and format specs
n = 1234567
print(format(n, "d"), format(n, ","), format(n, "_"), format(n, "10d"), format(n, "<10d") + "|")
print(format(n, "^12d"), format(n, "012d"), format(-n, "012d"), format(n, "+d"), format(-n, "+d"))
print(format(255, "x"), format(255, "X"), format(255, "#x"), format(255, "o"), format(255, "#o"))
print(format(255, "b"), format(255, "#b"), format(255, "08b"), format(-5, "b"), format(0, "#x"))
print(format(65, "c"), format(10, "n"))
print(format(3.14159, "f"), format(3.14159, ".2f"), format(3.14159, "8.3f"), format(-3.14159, "+.1f"))
print(format(1234.5, "e"), format(1234.5, ".2e"), format(1234.5, "E"), format(0.000123, "g"))
print(format(1234567.891, ",.2f"), format(0.25, "%"), format(0.25, ".1%"), format(1e20, "g"))
print(format(1.5, "010.3f"), format(-1.5, "010.3f"), format(1.5, "<10.2f") + "|", format(1.5, "*^11.2f"))
print(format(123.456, "g"), format(1e-10, "g"), format(123456789.0, "g"), format(100.0, "g"))
print(format(2.5, ".0f"), format(3.5, ".0f"), format(0.125, ".2f"), format(0.375, ".2f"))
print(format(float("inf"), "f"), format(float("nan"), ".2f"), format(-float("inf"), "e"))
print(format(42), format(4.2), format(42, ""), format(True), format(None))
print(format(1e100, ".3g"), format(12345, ".2g"), format(0.0, "e"))
print(format(1234, "=+8d"), format(-42, "=8d"), format(42, " d"), format(-42, " d"))
print(format(1 / 3, ".15f"), format(2 / 3, ".17g"), repr(2 / 3))
print(str(1.0), str(10.0 ** 16), str(1e-4), str(0.0001234), str(12345678901234567.0))
print(format(12.0, "#g"), format(12.0, "g"), format(12, "#.3g"))
print(format(255, "_x"), format(2 ** 40, "_b"), format(123456789, "_d"))
print(format(3, ".2f"), format(7, "e"), format(10, "%"))
for w in range(1, 8, 2):
    print(format(3.14159265, f"{w}.{w // 2}f") + "|")
for v in (0, 1, -1, 999, 1000, 123456789):
    print(f"{v:>12,} {v:<8x}|{v:^+9}|")
for v in (0.5, 1.25, 100.125, -0.001, 1e6):
    print(f"{v:10.3f}|{v:<10.2e}|{v:^10g}|")
print(round(1.23456, 3), round(-1.5), round(123, -1), round(125, -1), round(135, -1))
