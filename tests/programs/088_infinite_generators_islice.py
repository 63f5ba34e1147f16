# Infinite generators consumed with islice/takewhile/zip
from itertools import islice, takewhile, count
def naturals(start=0):
    n = start
    while True:
        yield n
        n += 1
print(list(islice(naturals(), 5)), list(islice(naturals(10), 2, 8, 2)))
def primes():
    found = []
    for n in naturals(2):
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
print(list(islice(primes(), 25)))
print(list(takewhile(lambda p: p < 60, primes())))
def collatz(n):
    while True:
        yield n
        if n == 1:
            return
        n = n // 2 if n % 2 == 0 else 3 * n + 1
print(list(collatz(6)), len(list(collatz(97))))
def cycle_forever(items):
    while True:
        yield from items
print(list(islice(cycle_forever("abc"), 8)))
print(list(zip(naturals(1), "xyz")))
def triangular():
    total = 0
    for n in count(1):
        total += n
        yield total
print(list(islice(triangular(), 10)))
def running_mean(source):
    total = 0
    for i, v in enumerate(source, 1):
        total += v
        yield total / i
print([round(x, 3) for x in islice(running_mean(naturals(1)), 6)])
g = naturals()
print(next(g), next(g), list(islice(g, 3)), next(g))
def pi_digits():
    q, r, t, k, n, l = 1, 0, 1, 1, 3, 3
    while True:
        if 4 * q + r - t < n * t:
            yield n
            q, r, t, k, n, l = 10 * q, 10 * (r - n * t), t, k, (10 * (3 * q + r)) // t - 10 * n, l
        else:
            q, r, t, k, n, l = q * k, (2 * q + r) * l, t * l, k + 1, (q * (7 * k + 2) + r * l) // (t * l), l + 2
print("".join(map(str, islice(pi_digits(), 40))))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
print(next(x for x in fib() if x > 10 ** 20))
print(sum(islice((x for x in fib() if x % 2 == 0), 10)))
print(list(islice(naturals(), 0)), list(islice(naturals(), 3, 3)))
