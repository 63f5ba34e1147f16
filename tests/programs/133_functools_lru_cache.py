# functools.lru_cache and functools.cache
from functools import lru_cache, cache
calls = 0
@lru_cache(maxsize=None)
def fib(n):
    global calls
    calls += 1
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), calls)
print(fib(80), calls)
print(fib.cache_info())
fib.cache_clear()
print(fib.cache_info())
@lru_cache(maxsize=3)
def square(x):
    print(f"  computing square({x})")
    return x * x
for v in [1, 2, 3, 1, 4, 2, 1, 5, 1]:
    print(v, "->", square(v))
print(square.cache_info())
@cache
def ways(n, coins=(1, 5, 10, 25)):
    if n == 0:
        return 1
    if n < 0 or not coins:
        return 0
    return ways(n - coins[0], coins) + ways(n, coins[1:])
print(ways(100), ways(250), ways.cache_info().misses > 0)
@lru_cache
def no_parens(x):
    return x * 2
print(no_parens(21), no_parens.cache_info().hits)
@lru_cache(maxsize=None)
def kw(a, b=1, *, c=2):
    print(f"  kw({a}, {b}, c={c})")
    return a + b + c
kw(1)
kw(1)
kw(1, 1)
kw(a=1)
kw(1, c=2)
print(kw.cache_info().currsize)
@lru_cache(maxsize=None, typed=True)
def typed(x):
    return type(x).__name__
print(typed(1), typed(1.0), typed(True), typed.cache_info().currsize)
@lru_cache(maxsize=None)
def untyped(x):
    return type(x).__name__
print(untyped(1), untyped(1.0), untyped.cache_info().currsize)
try:
    square([1, 2])
except TypeError as e:
    print("TypeError:", e)
@lru_cache(maxsize=None)
def edit_distance(a, b):
    if not a:
        return len(b)
    if not b:
        return len(a)
    if a[0] == b[0]:
        return edit_distance(a[1:], b[1:])
    return 1 + min(edit_distance(a[1:], b), edit_distance(a, b[1:]), edit_distance(a[1:], b[1:]))
print(edit_distance("kitten", "sitting"), edit_distance("intention", "execution"))
print(fib.__name__, fib.__wrapped__.__name__, hasattr(fib, "cache_parameters"), fib.cache_parameters())
class Circle:
    def __init__(self, r):
        self.r = r
    @lru_cache(maxsize=None)
    def area(self):
        print("  computing area")
        return 3.14159 * self.r ** 2
c = Circle(2)
print(c.area(), c.area())
