# abc: abstract base classes and abstractmethod
from abc import ABC, abstractmethod
class Shape(ABC):
    @abstractmethod
    def area(self):
        ...
    @abstractmethod
    def name(self):
        return "shape"
    def describe(self):
        return f"{self.name()} with area {self.area()}"
try:
    Shape()
except TypeError as e:
    print("TypeError:", e)
class Partial(Shape):
    def area(self):
        return 0
try:
    Partial()
except TypeError as e:
    print("TypeError:", e)
class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
    def name(self):
        return "square(" + super().name() + ")"
sq = Square(4)
print(sq.describe(), isinstance(sq, Shape), issubclass(Square, Shape))
print(sorted(Shape.__abstractmethods__), sorted(Partial.__abstractmethods__), Square.__abstractmethods__)
class Base(ABC):
    @property
    @abstractmethod
    def value(self):
        pass
    @classmethod
    @abstractmethod
    def make(cls):
        pass
class Impl(Base):
    @property
    def value(self):
        return 10
    @classmethod
    def make(cls):
        return cls()
print(Impl.make().value)
class Duck:
    def quack(self):
        return "quack"
class Quacker(ABC):
    pass
Quacker.register(Duck)
print(isinstance(Duck(), Quacker), issubclass(Duck, Quacker), Duck.__mro__[1].__name__)
from collections.abc import Iterable, Sized, Container, Hashable, Mapping, Sequence, Callable
class MyIter:
    def __iter__(self):
        return iter([])
print(isinstance(MyIter(), Iterable), isinstance([], Sequence), isinstance({}, Mapping), isinstance((), Sequence))
print(isinstance("s", Sized), isinstance(3, Container), isinstance([], Hashable), isinstance(len, Callable))
print(issubclass(dict, Mapping), issubclass(list, Mapping), issubclass(str, Sequence))
class Sub(ABC):
    @abstractmethod
    def a(self): ...
class SubSub(Sub):
    def a(self):
        return "a"
    @abstractmethod
    def b(self): ...
try:
    SubSub()
except TypeError as e:
    print("TypeError:", e)
print(type(Shape).__name__)
