# *args and **kwargs, forwarding, and ordering
def f(*args, **kwargs):
    return args, kwargs
print(f(), f(1), f(1, 2, a=3), f(*[1, 2], **{"x": 1}), f(*"ab", *range(2)))
print(f(**{"a": 1}, **{"b": 2}), f(1, *(2, 3), 4, k=5, **{"m": 6}))
try:
    f(**{"a": 1}, a=2)
except TypeError as e:
    print("TypeError for duplicate keyword", "'a'" in str(e))
def total(*nums):
    s = 0
    for n in nums:
        s += n
    return s
print(total(), total(5), total(1, 2, 3, 4), total(*range(101)))
def describe(**info):
    return ", ".join(f"{k}={v!r}" for k, v in info.items())
print(describe(name="x", size=3, tags=["a"]))
def wrapper(*args, **kwargs):
    print("wrapper got", args, kwargs)
    return target(*args, **kwargs)
def target(a, b=0, *, c=1):
    return a + b + c
print(wrapper(1), wrapper(1, 2), wrapper(1, c=10), wrapper(a=5, b=5))
def first_rest(first, *rest):
    return first, rest
print(first_rest(1), first_rest(1, 2, 3), type(first_rest(1)[1]).__name__)
def kwtype(**kw):
    return type(kw).__name__, list(kw)
print(kwtype(z=1, a=2, m=3))
args = [3, 1]
kwargs = {"reverse": True}
print(sorted(args, **kwargs), max(*args), "{} {}".format(*args))
def apply(func, *a, **k):
    return func(*a, **k)
print(apply(pow, 2, 10), apply(int, "ff", base=16), apply(dict, x=1))
def varkw_names(a, **kw):
    return a, kw
print(varkw_names(1, **{"b c": 2, "1": 3}))
try:
    target(*[1, 2, 3])
except TypeError as e:
    print("TypeError:", e)
try:
    f(**{1: 2})
except TypeError as e:
    print("TypeError:", e)
def unpack_gen(*a):
    return a
print(unpack_gen(*(x * x for x in range(4))), unpack_gen(*{"k": 1}), unpack_gen(*{1: 2}.items()))
print(f.__code__.co_flags & 0x04 != 0, f.__code__.co_flags & 0x08 != 0)
def counting(*args, **kwargs):
    return len(args), len(kwargs)
print(counting(*range(5), **dict.fromkeys("abc", 0)))
