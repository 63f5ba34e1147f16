# __name__, __qualname__, __module__ of functions, classes, methods, nested definitions
def top():
    def inner():
        def innermost():
            pass
        return innermost
    return inner
print(top.__name__, top.__qualname__)
print(top().__name__, top().__qualname__)
print(top()().__qualname__)
class Outer:
    class Inner:
        class Deepest:
            def meth(self):
                pass
        def meth(self):
            def local():
                pass
            return local
    def method(self):
        class LocalClass:
            pass
        return LocalClass
    @staticmethod
    def sm():
        pass
    @classmethod
    def cm(cls):
        pass
    lam = lambda self: None
print(Outer.__qualname__, Outer.Inner.__qualname__, Outer.Inner.Deepest.__qualname__)
print(Outer.Inner.Deepest.meth.__qualname__, Outer.Inner().meth().__qualname__)
print(Outer().method().__qualname__, Outer().method().__name__)
print(Outer.sm.__qualname__, Outer.cm.__qualname__, Outer.lam.__qualname__, Outer.lam.__name__)
print(Outer.__module__, top.__module__, Outer.Inner.__module__, __name__)
import collections, math, json
print(collections.OrderedDict.__module__, collections.OrderedDict.__qualname__)
print(math.__name__, json.__name__, json.dumps.__module__, len.__module__, len.__qualname__)
print(int.__module__, int.__qualname__, dict.fromkeys.__qualname__, str.upper.__qualname__)
print((lambda: 0).__qualname__, [lambda: 0][0].__qualname__)
def gen():
    yield 1
g = gen()
print(g.__name__, g.__qualname__)
def make_class():
    class Made:
        def m(self):
            pass
    return Made
M = make_class()
print(M.__name__, M.__qualname__, M.m.__qualname__, M.__module__)
def f():
    pass
f.__qualname__ = "renamed.f"
f.__name__ = "g"
print(f.__name__, f.__qualname__)
print(type(Outer()).__qualname__, Outer.Inner().__class__.__qualname__)
class Meta(type):
    pass
class WithMeta(metaclass=Meta):
    pass
print(Meta.__qualname__, WithMeta.__qualname__, type(WithMeta).__qualname__)
print(__name__ == "__main__", repr(Outer.Inner), repr(top().__qualname__))
