# json: dumps/loads, indent, sort_keys, separators, round trips, errors
import json
data = {"name": "Widget", "price": 9.99, "tags": ["a", "b"], "stock": None, "active": True, "dims": {"w": 2, "h": 3.5}, "count": 0}
s = json.dumps(data)
print(s)
print(json.dumps(data, sort_keys=True))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, separators=(",", ":")))
print(json.dumps([1, [2, [3, {}]], []], indent=1))
print(json.dumps("unicode é ✓ \n \" \\"), json.dumps("unicode é ✓", ensure_ascii=False))
print(json.dumps([1e10, 1.5e-7, 0.1, -0.0, 10 ** 20, 3.0, float("inf")]), json.dumps({1: "int key", 2.5: "f", True: "b", None: "n"}))
print(json.dumps((1, 2)), json.dumps([]), json.dumps({}), json.dumps(""), json.dumps(None))
back = json.loads(s)
print(back == data, back["dims"]["h"], type(back["tags"]).__name__)
print(json.loads("[1, 2.0, \"x\", null, true, false, {\"a\": [ ]}]"))
print(json.loads('"\\u00e9\\n\\t\\"q\\""'), json.loads(" 42 "), json.loads("-1.5e3"), json.loads("NaN") != json.loads("NaN"))
print(json.loads('{"a": 1, "a": 2}'), json.loads('{"z": 1, "a": 2}'))
for bad in ["{", "[1,]", "{'a': 1}", "", "tru", "[1] x", '{"a" 1}']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(f"JSONDecodeError for {bad!r}: {e.msg} at pos {e.pos}")
try:
    json.dumps({"s": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print("ValueError:", e)
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
def encode(o):
    if isinstance(o, Point):
        return {"__point__": [o.x, o.y]}
    raise TypeError(f"cannot encode {type(o).__name__}")
def decode(d):
    if "__point__" in d:
        return Point(*d["__point__"])
    return d
enc = json.dumps({"p": Point(1, 2), "list": [Point(3, 4)]}, default=encode)
print(enc)
dec = json.loads(enc, object_hook=decode)
print(type(dec["p"]).__name__, dec["p"].x, dec["list"][0].y)
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=lambda pairs: sorted(pairs)))
print(json.loads("[1.5, 2]", parse_float=lambda s: f"float:{s}"), json.loads("10", parse_int=lambda s: int(s) * 2))
class MyEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)
print(json.dumps({"s": {3, 1, 2}}, cls=MyEncoder))
nested = {"level1": {"level2": {"level3": [1, {"deep": "yes"}]}}}
assert json.loads(json.dumps(nested)) == nested
print(json.dumps(nested, indent="\t"))
print(json.dumps({"k": [1, 2]}, indent=0))
