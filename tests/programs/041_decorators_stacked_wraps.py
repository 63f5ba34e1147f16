# Stacked decorators, application order, and functools.wraps
import functools
order = []
def deco(tag):
    order.append(f"factory {tag}")
    def d(func):
        order.append(f"apply {tag} to {func.__name__}")
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            order.append(f"enter {tag}")
            r = func(*args, **kwargs)
            order.append(f"exit {tag}")
            return f"{tag}({r})"
        return wrapper
    return d
@deco("A")
@deco("B")
@deco("C")
def base(x):
    """Base docstring."""
    order.append("base body")
    return x
print(order)
order.clear()
print(base(1))
print(order)
print(base.__name__, base.__doc__, base.__qualname__, base.__wrapped__.__name__)
print(base.__wrapped__(2))
def no_wraps(func):
    def wrapper(*a):
        return func(*a)
    return wrapper
@no_wraps
def documented():
    "doc here"
print(documented.__name__, documented.__doc__)
def bold(f):
    @functools.wraps(f)
    def w():
        return "<b>" + f() + "</b>"
    return w
def italic(f):
    @functools.wraps(f)
    def w():
        return "<i>" + f() + "</i>"
    return w
@bold
@italic
def text():
    return "hi"
@italic
@bold
def text2():
    return "hi"
print(text(), text2(), text.__name__)
def annotated(a: int) -> str:
    return str(a)
wrapped = functools.wraps(annotated)(lambda *a: annotated(*a))
print(wrapped.__name__, wrapped.__annotations__, wrapped(5))
unwrapped = base
depth = 0
while hasattr(unwrapped, "__wrapped__"):
    unwrapped = unwrapped.__wrapped__
    depth += 1
print("unwrap depth", depth, unwrapped.__name__)
class MethodDeco:
    @deco("M")
    def method(self, v):
        return v * 2
order.clear()
print(MethodDeco().method(21), MethodDeco.method.__qualname__)
