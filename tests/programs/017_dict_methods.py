# dict methods and views
d = {"a": 1, "b": 2, "c": 3}
print(d.keys(), d.values(), d.items())
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.get("a"), d.get("z"), d.get("z", 0))
print(d.setdefault("a", 100), d.setdefault("d", 4), d)
print(d.pop("d"), d.pop("zz", "default"), d)
try:
    d.pop("zz")
except KeyError as e:
    print("KeyError:", e)
print(d.popitem(), d)
d.update({"x": 10}, y=20)
d.update([("z", 30)])
print(d)
c = d.copy()
c["a"] = -1
print(d["a"], c["a"])
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0))
keys = d.keys()
d["new"] = 1
print(keys, len(keys), "new" in keys)
print(d.keys() & {"a", "x"} == {"a", "x"}, sorted(d.keys() | {"q"}), sorted(d.keys() - {"a"}))
print(d.items() & {("a", 1)}, ("a", 1) in d.items(), ("a", 2) in d.items())
merged = {"a": 1, "b": 2} | {"b": 3, "c": 4}
print(merged)
m = {"a": 1}
m |= {"a": 2, "b": 3}
print(m)
print(list(reversed({"p": 1, "q": 2, "r": 3})), list(reversed({"p": 1}.items())))
e = {}
try:
    e.popitem()
except KeyError as ex:
    print("KeyError:", ex)
d.clear()
print(d, len(d))
inv = {v: k for k, v in {"one": 1, "two": 2, "three": 3}.items()}
print(inv)
groups = {}
for w in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(w[0], []).append(w)
print(groups)
print(sorted({"b": 2, "a": 1, "c": 0}.items(), key=lambda kv: kv[1]))
print(max({"x": 3, "y": 9, "z": 5}, key=lambda k: {"x": 3, "y": 9, "z": 5}[k]))
vals = {"k1": 10, "k2": 20}.values()
print(sum(vals), 10 in vals, list(vals))
print({"a": 1}.items() == {("a", 1)}, {"a": 1}.keys() == {"a"})
print({1: 2}.__contains__(1), {1: 2}.__getitem__(1), {1: 2}.__len__())
