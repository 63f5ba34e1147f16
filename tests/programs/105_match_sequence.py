# match statement: sequence patterns with star, nested sequences, type constraints
def seq(x):
    match x:
        case []:
            return "empty sequence"
        case [a]:
            return f"one element: {a}"
        case [a, b]:
            return f"two elements: {a}, {b}"
        case [first, *middle, last] if len(middle) > 2:
            return f"long: first={first} middle={middle} last={last}"
        case [first, *rest]:
            return f"first={first} rest={rest}"
        case _:
            return "not a sequence"
for v in [[], [1], (1, 2), [1, 2, 3], list(range(7)), "str", {"a": 1}, 5, range(3), b"ab"]:
    print(repr(v), "->", seq(v))
def nested(x):
    match x:
        case [(0, 0), *_]:
            return "starts at origin"
        case [[a, b], [c, d]]:
            return f"2x2 matrix det={a * d - b * c}"
        case [_, [_, [deep]]]:
            return f"deep={deep}"
        case [*_, (x, y)]:
            return f"ends with pair ({x}, {y})"
        case _:
            return "other"
for v in [[(0, 0), 1], [[1, 2], [3, 4]], [1, [2, [3]]], [1, 2, (5, 6)], [1]]:
    print(v, "->", nested(v))
def star_positions(x):
    match x:
        case [*init, 0]:
            return f"ends with 0, init={init}"
        case [1, *_, 9]:
            return "1 ... 9"
        case [*all_items]:
            return f"any list: {all_items}"
for v in [[0], [5, 6, 0], [1, 2, 3, 9], [1, 9], [2, 3]]:
    print(v, "->", star_positions(v))
def typed(x):
    match x:
        case [int(a), int(b)]:
            return f"two ints sum={a + b}"
        case [str(s), *_]:
            return f"starts with str {s!r}"
        case (float() | int()) as num, *_:
            return f"starts with number {num}"
        case _:
            return "no"
for v in [[1, 2], ["a", 1], [1.5, "x"], [1, "x"], []]:
    print(v, "->", typed(v))
match (1, 2, 3):
    case (1, *rest):
        print("tuple subject, rest is a list:", rest, type(rest).__name__)
match [1, [2, 3]]:
    case [a, [b, c]]:
        print("unpacked", a, b, c)
from collections import deque
match deque([1, 2, 3]):
    case [1, *rest]:
        print("deque matches sequence pattern:", rest)
match "abc":
    case [*chars]:
        print("never: str is not matched as sequence")
    case str():
        print("str matched by class pattern instead")
