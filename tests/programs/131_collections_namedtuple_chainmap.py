# collections.namedtuple and ChainMap
from collections import namedtuple, ChainMap
Point = namedtuple("Point", ["x", "y"])
p = Point(3, 4)
print(p, p.x, p[1], p._asdict(), p._replace(x=10), Point._fields, len(p))
x, y = p
print(x + y, p == (3, 4), isinstance(p, tuple), tuple(p), p + (5,))
Person = namedtuple("Person", "name age city", defaults=["Unknown"])
print(Person("Ann", 30), Person("Bob", 25, "Rome"), Person._field_defaults)
print(Person._make(["Cy", 40, "Oslo"]), Person(age=1, name="Di"))
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    namedtuple("Bad", ["def", "x"])
except ValueError as e:
    print("ValueError:", e)
R = namedtuple("R", ["a", "def", "a"], rename=True)
print(R._fields)
class Vec(namedtuple("Vec", "x y")):
    __slots__ = ()
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    @property
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
v = Vec(1, 2) + Vec(2, 2)
print(v, v.norm, type(v).__name__)
pts = [Point(3, 1), Point(1, 2), Point(2, 0)]
print(sorted(pts), sorted(pts, key=lambda q: q.y), max(pts))
print({Point(0, 0): "origin"}[Point(0, 0)])
defaults = {"color": "red", "size": "M"}
env = {"size": "L"}
cli = {"verbose": True}
cm = ChainMap(cli, env, defaults)
print(cm["color"], cm["size"], cm["verbose"], len(cm), sorted(cm))
print(cm.get("missing", "none"), "color" in cm)
cm["color"] = "blue"
print(cli, defaults["color"])
child = cm.new_child({"size": "XL"})
print(child["size"], cm["size"], child.parents["size"])
print(child.maps[0], len(child.maps))
del cm["color"]
print(cm["color"], cli)
try:
    del cm["size"]
except KeyError as e:
    print("KeyError:", e)
print(dict(ChainMap({"a": 1}, {"a": 2, "b": 3})), list(ChainMap({"a": 1}, {"b": 2})))
scopes = ChainMap({})
scopes["x"] = 1
scopes = scopes.new_child()
scopes["x"] = 2
print(scopes["x"], scopes.parents["x"])
print(p._asdict() == {"x": 3, "y": 4}, Point.__name__, Point(*range(2)))
