# enum: Flag, IntFlag, StrEnum-like behaviour, combination and membership
from enum import Flag, IntFlag, Enum, auto
class Perm(Flag):
    R = 4
    W = 2
    X = 1
rw = Perm.R | Perm.W
print(rw, repr(rw), rw.value, Perm.R in rw, Perm.X in rw, bool(Perm.R & Perm.X))
print(Perm(7), Perm(0), bool(Perm(0)), ~Perm.R, rw ^ Perm.W, rw & Perm.W)
print([p.name for p in Perm], list(rw), len(list(Perm(7))))
class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE
print([c.value for c in Color], Color.WHITE, Color.WHITE.value, Color.RED | Color.BLUE)
print(Color.GREEN in Color.WHITE, Color(3), Color.WHITE & ~Color.RED)
class IPerm(IntFlag):
    R = 4
    W = 2
    X = 1
mode = IPerm.R | IPerm.X
print(mode, repr(mode), mode == 5, mode + 1, IPerm(6), IPerm.R | 8, int(IPerm.W | IPerm.X))
print(IPerm(0), IPerm.R & IPerm.W, isinstance(mode, int), 5 & IPerm.R)
def describe(p):
    return "".join(ch if flag in p else "-" for ch, flag in [("r", IPerm.R), ("w", IPerm.W), ("x", IPerm.X)])
print([describe(IPerm(v)) for v in range(8)])
class Shape(str, Enum):
    CIRCLE = "circle"
    SQUARE = "square"
print(Shape.CIRCLE == "circle", Shape("square"), Shape.SQUARE.upper(), Shape.CIRCLE.value, isinstance(Shape.CIRCLE, str))
print(sorted(Shape, key=lambda s: s.value), f"{Shape.CIRCLE.value}")
class Weekday(Flag):
    MON = auto()
    TUE = auto()
    WED = auto()
    THU = auto()
    FRI = auto()
    SAT = auto()
    SUN = auto()
weekend = Weekday.SAT | Weekday.SUN
workdays = ~weekend
print(weekend, workdays.value, [d.name for d in Weekday if d in workdays])
schedule = Weekday(0)
for d in (Weekday.MON, Weekday.WED, Weekday.FRI):
    schedule |= d
print(schedule, Weekday.WED in schedule, Weekday.TUE in schedule, schedule.value)
class Ordered(Enum):
    LOW = 1
    HIGH = 2
    def __lt__(self, other):
        return self.value < other.value
print(sorted([Ordered.HIGH, Ordered.LOW]), max(Ordered, key=lambda o: o.value))
try:
    Ordered.LOW < 5
except (TypeError, AttributeError) as e:
    print(type(e).__name__, "comparing enum with int")
