# Argument errors, exception chaining, finally, generators inside with, exc_info, builtins.
def f(a, b, /, c, *, d):
    return a, b, c, d
for call in [lambda: f(1, 2, 3, d=4), lambda: f(1, 2, c=3, d=4), lambda: f(1, b=2, c=3, d=4), lambda: f(1, 2, 3, 4), lambda: f(1, 2, 3)]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)
class E(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    try:
        raise E(3)
    except E as e:
        raise KeyError("k") from e
except KeyError as k:
    print(repr(k), repr(k.__cause__), k.__cause__.code, k.__suppress_context__)
try:
    try:
        1 / 0
    finally:
        print("finally runs")
except ZeroDivisionError:
    print("caught")
def gen_with():
    with open_ctx() as v:
        yield v
class open_ctx:
    def __enter__(self):
        print("enter")
        return 1
    def __exit__(self, *a):
        print("exit", a[0])
        return False
print(list(gen_with()))
import sys
try:
    undefined
except NameError as e:
    print(e, sys.exc_info()[0].__name__)
print(sys.exc_info())
print(isinstance(True, int), issubclass(bool, int), callable(f), hasattr(f, "__code__"))
print(sorted([(1, "b"), (1, "a"), (0, "z")]), min("bca"), max(range(3), default=9), any([]), all([]))
print(list(zip("ab", [1, 2, 3])), list(enumerate("xy", 1)), list(reversed([1, 2])))
try:
    list(zip([1], [1, 2], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(" ".join(str(i) for i in range(3)), "-".join(map(str, range(3))))
print(bytes([65, 66]), bytearray(b"x") + b"y", b"abc"[1:], "é".encode(), "\u00e9" == "é")
print({1, 2} | {3}, frozenset([1]) & {1, 2}, {1: 2} | {3: 4})
print(divmod(7.5, 2), pow(2, 10, 1000), abs(-3.5), bin(10), hex(255), oct(8), chr(97), ord("a"))
print(str(b"x", "ascii"), int(3.9), float("1e3"), complex(1, 2) * 1j)
