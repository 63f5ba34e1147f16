# int() parsing with bases, prefixes, underscores; str <-> int conversions
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("777", 8), int("0o777", 0))
print(int("1010", 2), int("0b1010", 0), int("z", 36), int("ZZ", 36), int("10", 36), int("-101", 2))
print(int("  12  ", 10), int("1_000_000"), int("0x_ff", 16), int("0", 0), int("00", 0), int("+0b11", 0))
print(int("12", 3), int("120", 3), int("hello", 36), int("Python", 36))
for s, base in [("12", 2), ("9", 8), ("g", 16), ("0x1", 10), ("010", 0), ("1__2", 10), ("_1", 10), ("", 16), ("0b", 0), ("1 2", 10)]:
    try:
        print(int(s, base))
    except ValueError as e:
        print("ValueError:", e)
for base in [1, 37, -1]:
    try:
        int("1", base)
    except ValueError as e:
        print("ValueError:", e)
try:
    int(1.5, 10)
except TypeError as e:
    print("TypeError:", e)
print(int(b"42"), int(bytearray(b"-7")), int("٣"), int("١٢٣"))
def to_base(n, b):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = []
    while n:
        n, r = divmod(n, b)
        out.append(digits[r])
    return sign + "".join(reversed(out))
for n in [0, 5, 255, -255, 123456789, 2 ** 64]:
    reps = [to_base(n, b) for b in (2, 7, 16, 36)]
    print(n, reps, [int(r, b) for r, b in zip(reps, (2, 7, 16, 36))])
print(str(123), str(-0), repr(10 ** 25), str(0b1111), str(0o17), str(0xAbC))
print(int(True), int(False), int(-0.0), int(1e15), int(123.999999), int(-1e-9))
print(int("9" * 50) + 1)
print(len(str(2 ** 1000)), str(2 ** 1000)[:20])
class HasInt:
    def __int__(self):
        return 17
class HasIndex:
    def __index__(self):
        return 23
print(int(HasInt()), int(HasIndex()), int("11", HasIndex()))
print(float.fromhex("0x1p4"), (16.0).hex())
print([int(c) for c in str(987654321)], sum(int(c) for c in str(2 ** 100)))
