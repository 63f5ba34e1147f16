# __exit__ returning True suppresses exceptions; ordering with multiple managers
class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.types):
            print(f"  suppressing {et.__name__}: {ev}")
            self.caught = ev
            return True
        return False
with Suppress(ZeroDivisionError) as s:
    print("before")
    1 / 0
    print("not printed")
print("after, caught:", repr(s.caught))
try:
    with Suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print("escaped:", e)
class Named:
    def __init__(self, n, suppress=False):
        self.n, self.suppress = n, suppress
    def __enter__(self):
        print(f"  enter {self.n}")
        return self.n
    def __exit__(self, et, ev, tb):
        print(f"  exit {self.n} (exc={et.__name__ if et else None})")
        return self.suppress
with Named("A") as a, Named("B") as b, Named("C") as c:
    print("  body", a, b, c)
with Named("outer", suppress=True), Named("inner"):
    raise KeyError("x")
print("outer suppressed inner's exception")
with Named("outer"), Named("inner", suppress=True):
    raise KeyError("y")
print("inner suppressed; outer saw no exception")
class Truthy:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return "non-empty string is truthy"
with Truthy():
    raise RuntimeError("suppressed by truthy return")
print("truthy suppress worked")
def in_function():
    with Suppress(IndexError):
        return [][1]
    return "fell through after suppression"
print(in_function())
results = []
for i in range(4):
    with Suppress(ValueError):
        if i % 2:
            raise ValueError(i)
        results.append(i)
print(results)
class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        raise TypeError(f"exit replaced {et.__name__}")
try:
    with ExitRaises():
        raise ValueError("original")
except TypeError as e:
    print("TypeError:", e, "| context:", repr(e.__context__))
