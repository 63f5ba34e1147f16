# frozenset: immutable, hashable sets
f = frozenset([1, 2, 3, 2])
print(f, len(f), 2 in f, type(f).__name__)
g = frozenset({3, 4})
print(f | g, f & g, f - g, f ^ g)
print(type(f | {5}).__name__, type({5} | f).__name__)
print(f == {1, 2, 3}, frozenset() == set(), frozenset(), repr(frozenset()))
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError:", e)
d = {frozenset([1, 2]): "a", frozenset([2, 1]): "b"}
print(len(d), d[frozenset({1, 2})])
nested = {frozenset({1}), frozenset({1}), frozenset({2})}
print(len(nested))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
print(f.union([9]), f.intersection([1, 9]), f.issubset(range(10)), f.isdisjoint([7]))
print(frozenset("abc") == frozenset("cba"), sorted(frozenset("hello")))
c = f.copy()
print(c == f, c)
power = [frozenset()]
for x in [1, 2, 3]:
    power += [s | {x} for s in power]
print(len(power), sorted(sorted(s) for s in power))
print(frozenset(range(5)) - frozenset(range(0, 5, 2)))
s = {1, 2}
s |= frozenset({3})
print(s, type(s).__name__)
print(frozenset([frozenset([1])]), frozenset({(1, 2)}))
