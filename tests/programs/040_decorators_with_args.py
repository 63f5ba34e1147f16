# Decorators taking arguments (decorator factories)
def repeat(n):
    def decorator(func):
        def wrapper(*args, **kwargs):
            return [func(*args, **kwargs) for _ in range(n)]
        return wrapper
    return decorator
@repeat(3)
def hello(name):
    return "hi " + name
print(hello("x"))
def prefix(p, sep=": "):
    def deco(func):
        def wrapper(*a):
            return p + sep + func(*a)
        return wrapper
    return deco
@prefix("INFO")
def msg(s):
    return s
@prefix("WARN", sep=" | ")
def warn(s):
    return s.upper()
print(msg("started"), warn("disk low"))
def validate(**types):
    def deco(func):
        def wrapper(**kwargs):
            for k, t in types.items():
                if not isinstance(kwargs.get(k), t):
                    raise TypeError(f"{k} must be {t.__name__}")
            return func(**kwargs)
        return wrapper
    return deco
@validate(x=int, y=str)
def use(x, y):
    return y * x
print(use(x=3, y="ab"))
try:
    use(x="3", y="ab")
except TypeError as e:
    print("TypeError:", e)
def retry(times):
    def deco(func):
        def wrapper(*args):
            for attempt in range(1, times + 1):
                try:
                    return func(*args, attempt)
                except ValueError as e:
                    print(f"  attempt {attempt} failed: {e}")
            return "gave up"
        return wrapper
    return deco
@retry(4)
def flaky(target, attempt):
    if attempt < target:
        raise ValueError(f"not yet ({attempt}<{target})")
    return f"succeeded on {attempt}"
print(flaky(3))
print(flaky(9))
def optional_args(func=None, *, label="default"):
    def deco(f):
        def wrapper():
            return f"{label}:{f()}"
        return wrapper
    if func is None:
        return deco
    return deco(func)
@optional_args
def a():
    return "a"
@optional_args(label="custom")
def b():
    return "b"
print(a(), b())
print((lambda: 0).__name__, repeat(2)(len)("abc"))
@(lambda f: f())
def evaluated_immediately():
    return "decorator expression can be any expression"
print(evaluated_immediately)
