# __hash__, __lt__ and rich comparisons, sorting custom objects
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __repr__(self):
        return "V" + ".".join(map(str, self.parts))
    def __eq__(self, o):
        return self.parts == o.parts
    def __hash__(self):
        return hash(self.parts)
    def __lt__(self, o):
        return self.parts < o.parts
    def __le__(self, o):
        return self.parts <= o.parts
vs = [Version(s) for s in ["1.10", "1.2", "1.2.1", "0.9", "1.2"]]
print(sorted(vs), max(vs), min(vs))
print(Version("1.0") < Version("1.1"), Version("2.0") > Version("1.9"), Version("1.0") >= Version("1.0"))
print(len(set(vs)), {Version("1.2"): "a"}[Version("1.2")], Version("1.2") in vs)
print(hash(Version("3.4")) == hash((3, 4)))
class EqOnly:
    def __eq__(self, o):
        return True
try:
    hash(EqOnly())
except TypeError as e:
    print("TypeError:", e)
print(EqOnly.__hash__)
class NoOrder:
    pass
try:
    NoOrder() < NoOrder()
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([NoOrder(), NoOrder()])
except TypeError as e:
    print("TypeError:", e)
class Reflect:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        print(f"  {self.v}.__lt__({o.v})")
        return self.v < o.v
    def __gt__(self, o):
        print(f"  {self.v}.__gt__({o.v})")
        return self.v > o.v
print(Reflect(1) < Reflect(2))
print(Reflect(1) > Reflect(2))
class OnlyLt:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return f"L{self.v}"
print(OnlyLt(2) > OnlyLt(1), sorted([OnlyLt(3), OnlyLt(1), OnlyLt(2)]))
try:
    OnlyLt(1) <= OnlyLt(2)
except TypeError as e:
    print("TypeError:", e)
class HashCount:
    calls = 0
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        HashCount.calls += 1
        return self.k
    def __eq__(self, o):
        return self.k == o.k
d = {HashCount(1): "one", HashCount(2): "two"}
print(d[HashCount(1)], HashCount.calls)
print(hash(1) == hash(1.0) == hash(True), hash(-1), hash(0), hash((1, 2)) == hash((1, 2)))
class Sub(Version):
    __hash__ = None
try:
    hash(Sub("1.0"))
except TypeError as e:
    print("TypeError:", e)
