# dataclasses: frozen, order, eq, unsafe_hash, slots, kw_only
from dataclasses import dataclass, field, FrozenInstanceError, KW_ONLY
@dataclass(frozen=True)
class Point:
    x: int
    y: int
p = Point(1, 2)
print(p, hash(p) == hash(Point(1, 2)), {p: "stored"}[Point(1, 2)])
try:
    p.x = 10
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
try:
    del p.y
except FrozenInstanceError as e:
    print("FrozenInstanceError on del:", e)
print(isinstance(FrozenInstanceError(), AttributeError))
@dataclass(order=True)
class Version:
    major: int
    minor: int
    patch: int = 0
vs = [Version(1, 2), Version(1, 10), Version(0, 9, 9), Version(1, 2, 1)]
print(sorted(vs))
print(Version(1, 2) < Version(1, 3), Version(2, 0) >= Version(1, 99), max(vs))
try:
    Version(1, 0) < (1, 0)
except TypeError as e:
    print("TypeError:", e)
@dataclass(order=True)
class Task:
    priority: int
    name: str = field(compare=False)
tasks = [Task(3, "low"), Task(1, "high"), Task(2, "mid")]
print([t.name for t in sorted(tasks)], Task(1, "a") == Task(1, "b"))
@dataclass
class Mutable:
    v: int
print(Mutable.__hash__ is None)
try:
    hash(Mutable(1))
except TypeError as e:
    print("TypeError:", e)
@dataclass(unsafe_hash=True)
class Hashable:
    v: int
print(hash(Hashable(5)) == hash(Hashable(5)))
@dataclass(slots=True)
class Slotted:
    a: int
    b: str = "s"
sl = Slotted(1)
print(sl, Slotted.__slots__, hasattr(sl, "__dict__"))
try:
    sl.c = 3
except AttributeError as e:
    print("AttributeError raised for new attribute on slotted dataclass")
@dataclass(kw_only=True)
class Config:
    host: str
    port: int = 80
print(Config(host="h"), Config(port=1, host="x"))
try:
    Config("h")
except TypeError as e:
    print("TypeError:", e)
@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int = 2
    c: int = 3
print(Mixed(1, c=30), Mixed(1, b=20))
@dataclass(frozen=True, order=True)
class Card:
    rank: int
    suit: str
hand = {Card(10, "h"), Card(10, "h"), Card(2, "s")}
print(sorted(hand), len(hand))
