# Function definitions, default arguments, evaluation time of defaults
def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"
print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", punct="?"))
print(greet(greeting="Yo", name="Di"))
def append_to(item, target=[]):
    target.append(item)
    return target
print(append_to(1), append_to(2), append_to(3, []), append_to(4))
def append_safe(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(append_safe(1), append_safe(2))
counter = 10
def show(x=counter):
    return x
counter = 20
print(show(), show(5))
print(greet.__defaults__, show.__defaults__, append_to.__defaults__)
def noreturn():
    pass
print(noreturn(), noreturn.__name__)
def multi():
    return 1, 2, 3
print(multi(), type(multi()).__name__)
def early(n):
    if n < 0:
        return "neg"
    return
print(early(-1), early(1))
try:
    greet()
except TypeError as e:
    print("TypeError:", e)
try:
    greet("a", "b", "c", "d")
except TypeError as e:
    print("TypeError:", e)
try:
    greet("a", nme="x")
except TypeError as e:
    print("TypeError:", e)
try:
    greet("a", name="b")
except TypeError as e:
    print("TypeError:", e)
def f(a, b=2, *, c=3):
    return a, b, c
print(f(1), f(1, 5), f(1, c=9), f.__kwdefaults__)
def outer():
    def inner(x=len("abc")):
        return x
    return inner()
print(outer())
def doc():
    "A docstring."
    return 0
print(doc.__doc__, greet.__doc__, doc.__name__, doc.__qualname__)
print(greet.__code__.co_argcount, greet.__code__.co_varnames[:3])
fns = [greet, show, multi]
print([fn.__name__ for fn in fns])
g = greet
print(g("alias"), g is greet, g == greet)
