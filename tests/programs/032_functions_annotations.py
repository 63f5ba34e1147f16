# Function annotations and __annotations__
def f(a: int, b: str = "x", *args: float, c: bool = True, **kw: dict) -> list:
    return [a, b, args, c, kw]
print(f.__annotations__)
print(f(1), f(1, "y", 2.0, c=False, z=1))
def g(x, y):
    return x
print(g.__annotations__)
def h(x: "forward ref", y: 1 + 2) -> None:
    pass
print(h.__annotations__)
def k(p: list[int], q: dict[str, tuple[int, ...]] | None = None) -> int | str:
    return 0
print(k.__annotations__)
ann = k.__annotations__
print(sorted(ann), ann["return"])
x: int = 5
y: str
print(x, __annotations__ if "__annotations__" in dir() else "no module annotations")
try:
    print(y)
except NameError as e:
    print("NameError:", e)
class C:
    a: int
    b: str = "hello"
    c: list = []
    def m(self, v: int) -> "C":
        return self
print(C.__annotations__)
print(C.m.__annotations__, hasattr(C, "a"), C.b)
def local_ann():
    z: int = 3
    w: float
    return z
print(local_ann(), local_ann.__annotations__)
lam = lambda q: q
print(lam.__annotations__)
def defaults_and_ann(a: int = 1, *, b: int = 2):
    return a + b
print(defaults_and_ann.__annotations__, defaults_and_ann.__defaults__, defaults_and_ann.__kwdefaults__)
def returns_ann() -> tuple[int, str]:
    return (1, "a")
print(returns_ann.__annotations__, returns_ann())
f.__annotations__["extra"] = "added"
print(list(f.__annotations__))
