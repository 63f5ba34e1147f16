# enum: Enum, IntEnum, auto, iteration, lookup by value and name, aliases, unique
from enum import Enum, IntEnum, auto, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value, type(Color.RED).__name__)
print(Color(2), Color["BLUE"], Color.CRIMSON is Color.RED, Color.CRIMSON.name)
print(list(Color), len(Color), [c.name for c in Color])
print(list(Color.__members__), Color.__members__["CRIMSON"])
print(Color.RED == Color.RED, Color.RED == 1, Color.RED is Color(1), Color.RED in Color)
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)
try:
    Color["PURPLE"]
except KeyError as e:
    print("KeyError:", e)
try:
    Color.RED.value = 5
except AttributeError as e:
    print("AttributeError raised when setting value")
class Status(IntEnum):
    OK = 200
    NOT_FOUND = 404
    ERROR = 500
print(Status.OK, repr(Status.OK), Status.OK == 200, Status.NOT_FOUND + 1, Status(500), sorted([Status.ERROR, Status.OK]))
print(Status.OK < Status.ERROR, int(Status.NOT_FOUND), f"{Status.OK}", f"{Status.OK:>6}", str(Status.OK))
class Dir(Enum):
    NORTH = auto()
    EAST = auto()
    SOUTH = auto()
    WEST = auto()
    def turn_right(self):
        members = list(Dir)
        return members[(members.index(self) + 1) % 4]
    @property
    def opposite(self):
        return self.turn_right().turn_right()
print([d.value for d in Dir], Dir.NORTH.turn_right(), Dir.WEST.turn_right(), Dir.EAST.opposite)
class Named(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()
    ALPHA = auto()
    BETA = auto()
print([m.value for m in Named])
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError:", e)
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)
print(Planet.EARTH.value, round(Planet.EARTH.gravity, 3), round(Planet.MERCURY.gravity, 3))
def handle(c):
    match c:
        case Color.RED:
            return "stop"
        case Color.GREEN:
            return "go"
        case _:
            return "?"
print([handle(c) for c in Color])
print({Color.RED: "r", Color.BLUE: "b"}[Color.CRIMSON], Color.RED.__class__ is Color, isinstance(Status.OK, int))
Animal = Enum("Animal", "CAT DOG BIRD")
print(list(Animal), Animal.DOG.value, Enum("E", [("X", 10), ("Y", 20)]).Y.value)
