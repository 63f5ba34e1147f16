# dataclasses: fields, defaults, default_factory, __post_init__, asdict/astuple, replace
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, InitVar
@dataclass
class Item:
    name: str
    price: float
    qty: int = 1
    tags: list = field(default_factory=list)
    def total(self):
        return self.price * self.qty
a = Item("pen", 1.5)
b = Item("book", 12.0, 3, ["paper"])
print(a, b)
print(a.total(), b.total(), a == Item("pen", 1.5), a == b)
a.tags.append("office")
print(a.tags, Item("x", 0).tags)
print([f.name for f in fields(Item)], [f.type.__name__ for f in fields(Item)], fields(a)[2].default)
print(asdict(b), astuple(b))
c = replace(b, qty=10)
print(c, b.qty, c is b)
print(is_dataclass(Item), is_dataclass(a), is_dataclass(5))
@dataclass
class Inventory:
    items: list = field(default_factory=list)
    owner: str = "nobody"
inv = Inventory([a, b], "shop")
print(asdict(inv))
@dataclass
class Rect:
    w: float
    h: float
    area: float = field(init=False)
    scale: InitVar[float] = 1.0
    def __post_init__(self, scale):
        self.w *= scale
        self.h *= scale
        self.area = self.w * self.h
print(Rect(2, 3), Rect(2, 3, 2), [f.name for f in fields(Rect)])
@dataclass
class Secret:
    user: str
    password: str = field(repr=False)
    internal: int = field(default=0, compare=False)
s1 = Secret("ann", "pw1", 1)
s2 = Secret("ann", "pw1", 2)
print(s1, s1 == s2)
try:
    @dataclass
    class Bad:
        x: int = 0
        y: int
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class Bad2:
        items: list = []
except ValueError as e:
    print("ValueError:", e)
@dataclass
class Base:
    x: int
    y: int = 0
@dataclass
class Derived(Base):
    z: int = 5
print(Derived(1), Derived(1, 2, 3), [f.name for f in fields(Derived)])
try:
    Item()
except TypeError as e:
    print("TypeError:", e)
print(sorted(Item.__dataclass_fields__), Item.__match_args__)
@dataclass
class WithClassVar:
    from typing import ClassVar
    count: ClassVar[int] = 0
    value: int = 0
print(WithClassVar(3), [f.name for f in fields(WithClassVar)])
