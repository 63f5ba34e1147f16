# List methods
a = [5, 3, 8, 1, 9, 2]
a.sort()
print(a)
a.sort(reverse=True)
print(a)
a.reverse()
print(a)
words = ["banana", "Apple", "cherry", "date", "Elder", "fig"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
words.sort(key=lambda w: (len(w), w))
print(words)
# stability
pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b"), (2, "c"), (1, "c")]
print(sorted(pairs, key=lambda p: p[0]))
l = [1, 2, 3]
l.insert(0, 0)
l.insert(100, 4)
l.insert(-1, 3.5)
l.insert(-100, -1)
print(l)
print(l.pop(), l.pop(0), l.pop(2), l)
l.remove(3)
print(l)
try:
    l.remove(42)
except ValueError as e:
    print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
l.extend([7, 7, 8])
l.extend(range(2))
l.extend("ab")
print(l, l.count(7), l.index(7), l.index(8))
try:
    l.index(42)
except ValueError as e:
    print("ValueError:", e)
print(l.index(7, 4) if l.count(7) > 1 else None)
c = l.copy()
c.clear()
print(c, len(l))
nums = [3, -1, 4, -1, 5, -9, 2, 6]
print(sorted(nums, key=abs), max(nums, key=abs), min(nums), sorted(nums)[::-1])
mixed = [3, 1.5, True, 2]
mixed.sort()
print(mixed)
try:
    [1, "a"].sort()
except TypeError as e:
    print("TypeError:", e)
m = [[3, 1], [1, 2], [3, 0], [1, 1]]
m.sort()
print(m)
stack = []
for i in range(4):
    stack.append(i)
while stack:
    print("pop", stack.pop(), end=" ")
print()
print([1, 2, 3].__len__(), [1, 2].__getitem__(-1), [].__iadd__([1]))
d = [4, 2, 4, 1, 2, 4]
dedup = []
for x in d:
    if x not in dedup:
        dedup.append(x)
print(dedup, sorted(set(d)))
