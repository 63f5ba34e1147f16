# collections.defaultdict and OrderedDict
from collections import defaultdict, OrderedDict
dd = defaultdict(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    dd[word[0]].append(word)
print(dd, dict(dd), dd["z"], "z" in dd)
counts = defaultdict(int)
for ch in "hello world":
    counts[ch] += 1
print(sorted(counts.items()))
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["x"] += 1
nested["a"]["y"] += 2
nested["b"]["x"] += 3
print({k: dict(v) for k, v in nested.items()})
sets = defaultdict(set)
sets["k"].add(1)
sets["k"].add(1)
print(sets, sets.default_factory)
plain = defaultdict()
try:
    plain["missing"]
except KeyError as e:
    print("KeyError with no default_factory:", e)
print(dd.get("q"), "q" in dd)
const = defaultdict(lambda: "N/A", {"known": "yes"})
print(const["known"], const["other"], dict(const))
tree = lambda: defaultdict(tree)
root = tree()
root["a"]["b"]["c"] = 1
root["a"]["d"] = 2
def to_dict(t):
    return {k: to_dict(v) if isinstance(v, defaultdict) else v for k, v in t.items()}
print(to_dict(root))
od = OrderedDict()
od["z"] = 1
od["a"] = 2
od["m"] = 3
print(od, list(od))
od.move_to_end("z")
print(list(od))
od.move_to_end("m", last=False)
print(list(od))
print(od.popitem(), od.popitem(last=False), od)
o1 = OrderedDict([("a", 1), ("b", 2)])
o2 = OrderedDict([("b", 2), ("a", 1)])
print(o1 == o2, dict(o1) == dict(o2), o1 == {"b": 2, "a": 1})
class LRU(OrderedDict):
    def __init__(self, cap):
        super().__init__()
        self.cap = cap
    def get_(self, k):
        if k not in self:
            return None
        self.move_to_end(k)
        return self[k]
    def put(self, k, v):
        self[k] = v
        self.move_to_end(k)
        if len(self) > self.cap:
            evicted = self.popitem(last=False)
            print("  evicted", evicted)
cache = LRU(2)
cache.put("a", 1)
cache.put("b", 2)
cache.get_("a")
cache.put("c", 3)
print(list(cache.items()))
print(OrderedDict.fromkeys("abc", 0), list(reversed(OrderedDict(x=1, y=2))))
d = defaultdict(list, a=[1])
d2 = d.copy()
d2["a"].append(2)
print(d, type(d2).__name__, d2.default_factory is list)
print(isinstance(dd, dict), isinstance(od, dict))
