# Keyword-only parameters
def kw(a, *, b, c=10):
    return (a, b, c)
print(kw(1, b=2), kw(1, b=2, c=3), kw(a=0, b=0))
try:
    kw(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    kw(1)
except TypeError as e:
    print("TypeError:", e)
def star_kw(*args, sep="-", end="."):
    return sep.join(map(str, args)) + end
print(star_kw(1, 2, 3), star_kw(1, 2, sep="+"), star_kw(end="!"), star_kw("x", end=""))
def required_kw(*, x, y):
    return x * y
print(required_kw(x=3, y=4), required_kw(y=2, x=5))
try:
    required_kw(x=1)
except TypeError as e:
    print("TypeError:", e)
try:
    required_kw(1, 2)
except TypeError as e:
    print("TypeError:", e)
def mixed(a, b=1, *rest, flag=False, **extra):
    return a, b, rest, flag, extra
print(mixed(1))
print(mixed(1, 2, 3, 4))
print(mixed(1, flag=True, z=9))
print(mixed(1, 2, 3, flag=True, y=0, x=1))
print(kw.__kwdefaults__, required_kw.__kwdefaults__, mixed.__kwdefaults__)
print(kw.__code__.co_kwonlyargcount, mixed.__code__.co_kwonlyargcount)
opts = {"b": 5, "c": 6}
print(kw(0, **opts))
try:
    kw(0, b=1, d=2)
except TypeError as e:
    print("TypeError:", e)
def configure(name, *, debug=False, level=0, tags=()):
    parts = [name]
    if debug:
        parts.append("debug")
    if level:
        parts.append(f"level={level}")
    parts.extend(tags)
    return ",".join(parts)
print(configure("app"), configure("app", debug=True), configure("x", level=3, tags=("a", "b")))
