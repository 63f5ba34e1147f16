# Benchmark: naive recursive Fibonacci (function call overhead, small-int arithmetic).
# Computes fib(N) REPEAT times; tune REPEAT to change the running time.
N = 27
REPEAT = 8


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


total = 0
for _ in range(REPEAT):
    total += fib(N)
print("fib(%d) = %d, checksum %d" % (N, total // REPEAT, total))
