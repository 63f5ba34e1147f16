# sorted with key/reverse, min/max with key/default, stability
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=str.lower, reverse=True))
print(sorted(words, key=len))
print(sorted(words, key=lambda w: (len(w), w)))
print(sorted(words, key=len, reverse=True))
nums = [5, -3, 2, -8, 0, 7, -1]
print(sorted(nums), sorted(nums, reverse=True), sorted(nums, key=abs), sorted(nums, key=lambda n: -n))
print(sorted("hello world"), sorted((3, 1, 2)), sorted({3: "c", 1: "a"}), sorted({5, 1, 3}))
print(sorted([]), sorted([1]), sorted([[2, 1], [1, 2], [1, 1]]), sorted([(1, "b"), (1, "a"), (0, "z")]))
recs = [("ann", 30), ("bob", 25), ("cy", 30), ("dee", 25), ("eve", 35)]
print(sorted(recs, key=lambda r: r[1]))
print(sorted(recs, key=lambda r: r[1], reverse=True))
by_age_then_name_desc = sorted(sorted(recs, key=lambda r: r[0], reverse=True), key=lambda r: r[1])
print(by_age_then_name_desc)
print(min(nums), max(nums), min(nums, key=abs), max(nums, key=abs), min("hello"), max("hello"))
print(min(3, 1, 2), max(3, 1, 2), min([], default="empty"), max([], default=None), min([4], default=0))
print(max(words, key=len), min(words, key=len), max(recs, key=lambda r: r[1]), min(recs, key=lambda r: (r[1], r[0])))
print(max([1, 5, 5, 2], key=lambda x: x), max([(1, "a"), (1, "b")], key=lambda t: t[0]), min([3, 3.0]), max([3.0, 3]))
try:
    min([])
except ValueError as e:
    print("ValueError:", e)
try:
    max(1)
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
try:
    min(1, 2, default=0)
except TypeError as e:
    print("TypeError:", e)
print(max("apple", "pear", "fig", key=len), min(range(10), key=lambda x: (x - 6) ** 2))
print(sorted(range(10), key=lambda x: (x % 3, -x)))
data = {"x": 3, "y": 1, "z": 2}
print(sorted(data, key=data.get), max(data, key=data.get), min(data.items(), key=lambda kv: kv[1]))
lst = [3, 1, 2]
s = sorted(lst)
print(lst, s, s is lst)
print(sorted([True, False, 0, 1, -1]), sorted([0.5, 1, -2.5, 0]))
print(sorted(["10", "9", "100", "1"]), sorted(["10", "9", "100", "1"], key=int))
class V:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return f"V{self.v}"
print(sorted([V(3), V(1), V(2)]), max([V(3), V(5), V(1)]), min(V(9), V(4)))
