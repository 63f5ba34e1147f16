# sets of small ints (deterministic iteration) and set operations
s = {3, 1, 2}
print(s, len(s), 1 in s, 5 in s)
s.add(4)
s.add(1)
print(s)
s.discard(10)
s.remove(2)
print(s)
try:
    s.remove(10)
except KeyError as e:
    print("KeyError:", e)
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(a.union([7], (0,)), a.intersection(range(3)), a.issubset({0, 1, 2, 3, 4, 5}), a.issuperset({1, 2}))
print({1, 2} <= {1, 2}, {1, 2} < {1, 2}, {1} < {1, 2}, {1, 2, 3} > {1}, a.isdisjoint({7, 8}), a.isdisjoint(b))
print(set(), set([3, 3, 1]), set("aab") == {"a", "b"}, set(range(5)))
c = a.copy()
c |= {9}
c &= {1, 2, 9}
c -= {2}
c ^= {5}
print(c, a)
c.update([0, 1], [2])
print(c)
c.intersection_update({0, 1, 2, 5})
print(c)
c.difference_update({0})
print(c)
c.symmetric_difference_update({2, 3})
print(c)
print(c.pop() in {1, 2, 3, 5}, len(c))
c.clear()
print(c, bool(c))
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
words = ["pear", "apple", "pear", "fig", "apple"]
uniq = set(words)
print(sorted(uniq), len(uniq), "fig" in uniq)
print(sorted({"z", "y"} | {"a"}), sorted(set("hello") - set("world")))
print({x % 5 for x in range(20)}, {1, 2} == {2, 1}, {1} != {1.0})
try:
    {[1, 2]}
except TypeError as e:
    print("TypeError:", e)
nums = [5, 1, 5, 2, 1, 7, 2]
seen = set()
out = []
for n in nums:
    if n not in seen:
        seen.add(n)
        out.append(n)
print(out, sorted(seen))
print({(1, 2), (1, 2)}, len({1, 1.0, True}), {0, False})
print(set.__name__, type({1}).__name__, type({}).__name__)
