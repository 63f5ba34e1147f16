# typing: NamedTuple, TypedDict, Optional annotations, Generic classes, Protocol (no isinstance checks)
from typing import NamedTuple, TypedDict, Optional, Union, Generic, TypeVar, Protocol, List, Dict, Callable, Any, Iterator
class Employee(NamedTuple):
    name: str
    dept: str = "eng"
    salary: int = 100
e = Employee("ann")
print(e, e.name, e._fields, e._field_defaults, Employee.__annotations__)
print(e._replace(salary=200), e._asdict(), isinstance(e, tuple), e == ("ann", "eng", 100))
class Movie(TypedDict):
    title: str
    year: int
class MovieExtra(Movie, total=False):
    rating: float
m: Movie = {"title": "Alien", "year": 1979}
mx = MovieExtra(title="Heat", year=1995)
print(m, type(m).__name__, mx, sorted(Movie.__annotations__), sorted(MovieExtra.__required_keys__), sorted(MovieExtra.__optional_keys__))
def find(items: List[str], target: str) -> Optional[int]:
    for i, s in enumerate(items):
        if s == target:
            return i
    return None
print(find(["a", "b"], "b"), find([], "x"), find.__annotations__["return"])
def norm(v: Union[int, str, None] = None) -> str:
    return str(v)
print(norm(), norm(5), Optional[int] == Union[int, None], Union[int, int] == int)
T = TypeVar("T")
K = TypeVar("K")
class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> T:
        return self.items.pop()
    def __len__(self) -> int:
        return len(self.items)
s: Stack[int] = Stack[int]()
s.push(1)
s.push(2)
print(s.pop(), len(s), Stack[str].__origin__ is Stack, T.__name__, Stack.__parameters__)
class Pair(Generic[K, T]):
    def __init__(self, k: K, v: T):
        self.k, self.v = k, v
    def swap(self) -> "Pair[T, K]":
        return Pair(self.v, self.k)
p = Pair("a", 1).swap()
print(p.k, p.v)
class Greeter(Protocol):
    def greet(self, name: str) -> str: ...
class English:
    def greet(self, name: str) -> str:
        return f"Hello, {name}"
class French:
    def greet(self, name: str) -> str:
        return f"Bonjour, {name}"
def welcome(g: Greeter, who: str) -> str:
    return g.greet(who)
print(welcome(English(), "Ann"), welcome(French(), "Luc"))
def apply(f: Callable[[int], int], x: int) -> int:
    return f(x)
print(apply(lambda v: v * 3, 7), apply.__annotations__["f"])
def first(xs: List[T]) -> T:
    return xs[0]
print(first([3, 2]), first("xy"))
def gen(n: int) -> Iterator[int]:
    yield from range(n)
print(list(gen(3)), gen.__annotations__)
Vector = List[float]
def scale(v: Vector, k: float) -> Vector:
    return [x * k for x in v]
print(scale([1.0, 2.5], 2), Vector, Dict[str, Any])
print(list[int], dict[str, list[int]], tuple[int, ...], int | None, type(int | None).__name__)
