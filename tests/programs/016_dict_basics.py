# dict basics: creation, access, mutation, ordering, errors
d = {"a": 1, "b": 2}
print(d, len(d), d["a"], "a" in d, "z" in d, 1 in d)
d["c"] = 3
d["a"] = 100
print(d)
del d["b"]
print(d)
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e, repr(e), e.args)
try:
    del d["missing"]
except KeyError as e:
    print("KeyError on del:", e)
print(dict(), dict(x=1, y=2), dict([("k", "v"), ("k2", "v2")]), dict({"a": 1}, b=2), dict(zip("abc", range(3))))
print({1: "int", 1.0: "float", True: "bool"})
print({(1, 2): "tuple", None: "none", 3.5: "f", "s": "str", b"b": "bytes"})
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
order = {}
for k in ["z", "a", "m", "b"]:
    order[k] = len(order)
print(order, list(order), list(order.values()))
order["z"] = 99
print(order)
del order["a"]
order["a"] = -1
print(order)
print({"x": 1} == {"x": 1}, {"x": 1, "y": 2} == {"y": 2, "x": 1}, {"x": 1} != {"x": 2})
counts = {}
for ch in "abracadabra":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
nested = {"outer": {"inner": [1, 2, {"deep": True}]}}
print(nested["outer"]["inner"][2]["deep"], nested)
for key in {"one": 1, "two": 2, "three": 3}:
    print(key, end=" ")
print()
for k, v in {"one": 1, "two": 2}.items():
    print(k, "->", v)
sq = {i: i * i for i in range(6)}
print(sq, sum(sq), sum(sq.values()))
d2 = {}
d2[0] = "zero"
d2[-1] = "neg"
d2[10 ** 20] = "big"
print(d2, d2[10 ** 20])
m = {"k": []}
m["k"].append(1)
m["k"] += [2]
print(m)
print(len({}), bool({}), bool({0: 0}), {}.__class__.__name__)
try:
    for k in d:
        d[k + "x"] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
