# functools.singledispatch and singledispatchmethod
from functools import singledispatch, singledispatchmethod
@singledispatch
def describe(obj):
    return f"object of type {type(obj).__name__}"
@describe.register
def _(obj: int):
    return f"int {obj}"
@describe.register
def _(obj: str):
    return f"str {obj!r}"
@describe.register(list)
@describe.register(tuple)
def _(obj):
    return f"sequence of {len(obj)}: " + ", ".join(describe(x) for x in obj)
@describe.register(float)
def describe_float(obj):
    return f"float {obj:.2f}"
@describe.register(type(None))
def _(obj):
    return "nothing"
for v in [1, "hi", 2.5, [1, "a"], (3.0,), None, {1: 2}, True]:
    print(repr(v), "->", describe(v))
print(describe.dispatch(bool).__name__, describe.dispatch(dict).__name__, describe_float(1.0))
print(sorted(t.__name__ for t in describe.registry.keys()))
class Animal:
    pass
class Dog(Animal):
    pass
class Puppy(Dog):
    pass
@singledispatch
def sound(a):
    return "..."
@sound.register
def _(a: Animal):
    return "generic animal noise"
@sound.register
def _(a: Dog):
    return "woof"
print(sound(Animal()), sound(Dog()), sound(Puppy()), sound(5))
from collections.abc import Mapping, Sequence
@singledispatch
def kind(x):
    return "other"
@kind.register
def _(x: Mapping):
    return "mapping"
@kind.register
def _(x: Sequence):
    return "sequence"
print(kind({}), kind([]), kind("s"), kind(range(2)), kind(5))
class Formatter:
    @singledispatchmethod
    def fmt(self, arg):
        return f"<{arg}>"
    @fmt.register
    def _(self, arg: int):
        return f"int:{arg:04d}"
    @fmt.register
    def _(self, arg: list):
        return "[" + "|".join(self.fmt(x) for x in arg) + "]"
f = Formatter()
print(f.fmt(7), f.fmt("s"), f.fmt([1, "x", [2]]))
@singledispatch
def total(x):
    raise TypeError(f"unsupported {type(x).__name__}")
@total.register(int)
@total.register(float)
def _(x):
    return x
@total.register(dict)
def _(x):
    return sum(total(v) for v in x.values())
@total.register(list)
def _(x):
    return sum(total(v) for v in x)
print(total([1, 2.5, {"a": 3, "b": [4, {"c": 5}]}]))
