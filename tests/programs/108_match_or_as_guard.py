# match statement: OR patterns, AS patterns, guards, and binding behaviour
def classify(x):
    match x:
        case 0 | 1 as bit:
            return f"bit {bit}"
        case int(n) | float(n) if n < 0:
            return f"negative {n}"
        case [1, _] | [_, 1] as pair:
            return f"pair with a one: {pair}"
        case (str() | bytes()) as text:
            return f"text-like {text!r}"
        case [(int() as a) | (str() as a), *_]:
            return f"list starting with int-or-str {a!r}"
        case {"k": (1 | 2 | 3) as small}:
            return f"mapping with small k={small}"
        case _:
            return "nothing"
for v in [0, 1, -5, -2.5, 7, [1, 9], [9, 1], [2, 2], "s", b"b", ["x", 2], [3.5], {"k": 2}, {"k": 9}]:
    print(repr(v), "->", classify(v))
log = []
def g(label, result):
    log.append(label)
    return result
def guarded(x):
    match x:
        case n if g(f"guard1({n})", n > 10):
            return "big"
        case n if g(f"guard2({n})", n % 2 == 0):
            return "even"
        case _:
            return "odd small"
for v in [20, 4, 3]:
    log.clear()
    print(v, guarded(v), log)
def nested_or(x):
    match x:
        case ("add" | "plus", a, b) | ("sum", a, b):
            return a + b
        case ("neg" | "minus", a):
            return -a
        case (op, *args):
            return f"unknown op {op} with {len(args)} args"
for cmd in [("add", 1, 2), ("plus", 3, 4), ("sum", 5, 6), ("neg", 7), ("mul", 1, 2)]:
    print(cmd, "->", nested_or(cmd))
match [1, [2, 3]]:
    case [x, [y, z] as inner] as whole:
        print(x, y, z, inner, whole)
def literal_or(c):
    match c:
        case "a" | "e" | "i" | "o" | "u":
            return "vowel"
        case str() if c.isalpha():
            return "consonant"
        case _:
            return "non-letter"
print("".join({"vowel": "V", "consonant": "c", "non-letter": "."}[literal_or(ch)] for ch in "hello, world"))
match 42:
    case (1 | 2) as small:
        print("never", small)
    case int() as n if n > 40:
        print("as-pattern with guard:", n)
