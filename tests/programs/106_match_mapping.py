# match statement: mapping patterns with **rest, nested mappings
def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": str(k), **rest} if rest:
            return f"key {k} with extras {rest}"
        case {"type": "key", "key": k}:
            return f"key {k}"
        case {"type": "scroll", "delta": int() | float() as d}:
            return f"scroll by {d}"
        case {"type": t, **rest}:
            return f"unknown type {t!r}, rest={rest}"
        case {}:
            return "empty-ish mapping (no type)"
        case _:
            return "not a mapping"
events = [
    {"type": "click", "pos": (3, 4)},
    {"type": "click", "pos": (3, 4), "button": "left"},
    {"type": "key", "key": "a", "shift": True, "ctrl": False},
    {"type": "key", "key": "b"},
    {"type": "key", "key": 5},
    {"type": "scroll", "delta": -2.5},
    {"type": "resize", "w": 10, "h": 20},
    {"other": 1},
    {},
    [("type", "click")],
    "type",
]
for e in events:
    print(e, "->", handle(e))
def config(c):
    match c:
        case {"server": {"host": host, "port": int(port)}, "debug": True}:
            return f"debug server {host}:{port}"
        case {"server": {"host": host}}:
            return f"server {host} (default port)"
        case _:
            return "invalid"
print(config({"server": {"host": "localhost", "port": 8080}, "debug": True}))
print(config({"server": {"host": "example", "port": 80}, "debug": False}))
print(config({"server": {"port": 80}}))
from collections import OrderedDict, defaultdict
match OrderedDict(a=1, b=2):
    case {"a": 1, **rest}:
        print("OrderedDict matched, rest:", rest, type(rest).__name__)
dd = defaultdict(int, {"x": 1})
match dd:
    case {"missing": _}:
        print("never: defaultdict default not triggered")
    case {"x": v}:
        print("defaultdict x =", v, "keys:", list(dd))
class Key:
    A = "a"
match {"a": 10, 5: "five", None: 0}:
    case {Key.A: v, 5: s, None: z}:
        print("value/literal keys:", v, s, z)
match {"k": [1, {"deep": "found"}]}:
    case {"k": [_, {"deep": found}]}:
        print("nested:", found)
