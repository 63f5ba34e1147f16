# match statement: literal, capture, wildcard and value patterns
def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case "hello":
            return "greeting"
        case True:
            return "True literal"
        case None:
            return "None"
        case 3.5:
            return "three and a half"
        case -1:
            return "minus one"
        case b"bytes":
            return "bytes literal"
        case 1j:
            return "imaginary"
        case _:
            return f"other: {x!r}"
for v in [0, 1, 3, "hello", True, None, 3.5, -1, b"bytes", 1j, 99, "bye", False, 1.0, 0.0]:
    print(repr(v), "->", describe(v))
def capture(x):
    match x:
        case 42:
            return "the answer"
        case other:
            return f"captured {other!r}"
print(capture(42), capture([1, 2]))
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
class Consts:
    LIMIT = 100
    NAME = "const"
def value_pattern(v):
    match v:
        case Color.RED:
            return "red"
        case Color.GREEN:
            return "green"
        case Consts.LIMIT:
            return "limit"
        case Consts.NAME:
            return "name const"
        case _:
            return "no value match"
for v in [Color.RED, Color.GREEN, 100, "const", 1, 101]:
    print(v, value_pattern(v))
def wildcard(x):
    match x:
        case _:
            return "always"
print(wildcard(None), wildcard(object.__name__))
def string_cmd(cmd):
    match cmd.split():
        case ["quit"]:
            return "bye"
        case ["go", direction]:
            return f"going {direction}"
        case ["say", *words]:
            return "saying " + " ".join(words)
        case []:
            return "empty"
        case _:
            return f"unknown {cmd!r}"
for c in ["quit", "go north", "say hi there", "", "dance now please"]:
    print(repr(c), "->", string_cmd(c))
match 5:
    case n if n > 3:
        print("guard with capture", n)
print("n after match:", n)
match "no case matches":
    case "x":
        print("never")
print("fallthrough without match is fine")
