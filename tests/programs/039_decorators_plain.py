# Plain decorators
def shout(func):
    def wrapper(*args, **kwargs):
        result = func(*args, **kwargs)
        return str(result).upper() + "!"
    return wrapper
@shout
def greet(name):
    return "hello " + name
print(greet("world"), greet.__name__)
calls = []
def trace(func):
    def wrapper(*args):
        calls.append((func.__name__, args))
        return func(*args)
    return wrapper
@trace
def add(a, b):
    return a + b
@trace
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(add(2, 3), fact(5))
print(calls)
def count_calls(func):
    def wrapper(*a, **k):
        wrapper.calls += 1
        return func(*a, **k)
    wrapper.calls = 0
    return wrapper
@count_calls
def noop():
    pass
for _ in range(4):
    noop()
print("noop calls:", noop.calls)
registry = {}
def register(func):
    registry[func.__name__] = func
    return func
@register
def alpha():
    return "A"
@register
def beta():
    return "B"
print(sorted(registry), registry["alpha"](), alpha is registry["alpha"])
def returns_other(func):
    return 42
@returns_other
def replaced():
    pass
print(replaced)
def debug(func):
    def wrapper(*args, **kwargs):
        print(f"call {func.__name__}{args}{kwargs}")
        r = func(*args, **kwargs)
        print(f"  -> {r!r}")
        return r
    return wrapper
@debug
def divide(a, b=1):
    return a / b
divide(10, b=4)
divide(3)
class Wrapper:
    def __init__(self, func):
        self.func = func
        self.n = 0
    def __call__(self, *args):
        self.n += 1
        return self.func(*args) * 2
@Wrapper
def three():
    return 3
print(three(), three(), three.n, type(three).__name__)
def decorate_lambda_style(f):
    return lambda *a: ("wrapped", f(*a))
square = decorate_lambda_style(lambda x: x * x)
print(square(9))
