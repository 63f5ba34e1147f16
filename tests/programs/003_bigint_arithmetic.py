# Arbitrary precision integers
x = 2 ** 100
print(x)
print(x + 1, x - 1)
print(x * x)
print(x // 3, x % 3)
print(-x // 7, -x % 7)
print(divmod(x, 12345678901234567890))
print(3 ** 200)
f = 1
for i in range(1, 51):
    f *= i
print("50! =", f)
print(len(str(f)), str(f).count("0"))
print(f // (2 ** 47))
print(f % 1000000007)
print(pow(3, 10 ** 6, 10 ** 9 + 7))
print(-(2 ** 64), abs(-(2 ** 64)))
print((2 ** 64) >> 3, (2 ** 64) << 3, 2 ** 64 & (2 ** 64 - 1), (2 ** 65 - 1) ^ (2 ** 64))
print(~(2 ** 70))
print((2 ** 100).bit_length())
print(2 ** 63 - 1, -(2 ** 63), 2 ** 63, -(2 ** 63) - 1)
print(9223372036854775807 + 1, -9223372036854775808 - 1)
print(9223372036854775807 * 2, 4611686018427387904 * 2)
print(int("123456789012345678901234567890") * 10)
print(hex(2 ** 80), oct(2 ** 40), bin(2 ** 20))
print(2 ** 100 == 2 ** 100, 2 ** 100 < 2 ** 101, 2 ** 100 > -(2 ** 200))
print(10 ** 30 / 10 ** 10)
print(float(2 ** 80))
print(2 ** 100 // -3, 2 ** 100 % -3)
# fibonacci with big ints
a, b = 0, 1
for _ in range(200):
    a, b = b, a + b
print("fib(200) =", a)
# gcd via Euclid on big numbers
def gcd(m, n):
    while n:
        m, n = n, m % n
    return m
print(gcd(2 ** 120 * 3 ** 5, 2 ** 90 * 3 ** 40))
print(sum(range(10 ** 6, 10 ** 6 + 1000)) * 10 ** 20)
print(int(str(7 ** 77)[::-1]))
print(hash(2 ** 100) == hash(2 ** 100), (2 ** 100) // (2 ** 100))
