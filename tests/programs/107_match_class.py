# match statement: class patterns with positional (__match_args__) and keyword sub-patterns
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
class Circle:
    __match_args__ = ("center", "radius")
    def __init__(self, center, radius):
        self.center, self.radius = center, radius
class Rect:
    def __init__(self, w, h):
        self.w, self.h = w, h
def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(0, y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x=x, y=y) if x == y:
            return f"diagonal at {x}"
        case Point(x, y=yy):
            return f"somewhere ({x}, {yy})"
        case _:
            return "not a point"
for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 7), "pt"]:
    print(p, "->", where(p))
def shape(s):
    match s:
        case Circle(Point(0, 0), r):
            return f"circle at origin r={r}"
        case Circle(center=Point(x, y), radius=r) if r > 10:
            return f"big circle at {x},{y}"
        case Circle(c, r):
            return f"circle {c} r={r}"
        case Rect(w=w, h=h) if w == h:
            return f"square {w}"
        case Rect(w=w, h=h):
            return f"rect {w}x{h}"
        case _:
            return "unknown"
for s in [Circle(Point(0, 0), 1), Circle(Point(1, 2), 20), Circle(Point(1, 2), 3), Rect(2, 2), Rect(2, 3), 7]:
    print(shape(s))
try:
    match Rect(1, 2):
        case Rect(1, 2):
            pass
except TypeError as e:
    print("TypeError:", e)
def builtins_match(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(i):
            return f"int {i}"
        case str() as s if len(s) > 3:
            return f"long str {s}"
        case str(s):
            return f"short str {s}"
        case list([*items]):
            return f"list {items}"
        case dict(d):
            return f"dict {d}"
        case tuple((a, b)):
            return f"pair {a},{b}"
        case _:
            return f"other {type(v).__name__}"
for v in [True, 3, 2.5, "long one", "ab", [1, 2], {"k": 1}, (1, 2), (1, 2, 3), None]:
    print(repr(v), "->", builtins_match(v))
from dataclasses import dataclass
@dataclass
class DC:
    a: int
    b: str
match DC(1, "z"):
    case DC(1, b):
        print("dataclass auto __match_args__:", DC.__match_args__, b)
