# collections.Counter
from collections import Counter
c = Counter("mississippi")
print(c, c["s"], c["z"], len(c), sorted(c))
print(c.most_common(), c.most_common(2), c.most_common(0))
words = "the cat and the hat and the bat".split()
wc = Counter(words)
print(wc, wc.most_common(1))
print(Counter({"a": 3, "b": 1}), Counter(a=2, b=0, c=-1), Counter([1, 1, 2, None, None, None]))
a = Counter(a=3, b=1, c=2)
b = Counter(a=1, b=2, d=4)
print(a + b, a - b, a & b, a | b)
print(+Counter(a=1, b=-2), -Counter(a=1, b=-2))
a.update("aab")
print(a)
a.subtract({"a": 10, "z": 1})
print(a)
print(sorted(a.elements()), list(Counter(x=2, y=1).elements()))
print(a.total() if hasattr(a, "total") else sum(a.values()))
c2 = Counter()
for ch in "hello world":
    if ch != " ":
        c2[ch] += 1
print(c2)
del c2["l"]
print(c2, "l" in c2)
print(Counter("abc") == Counter("cba"), Counter(a=1) == Counter(a=1, b=0))
inventory = Counter(apples=5, pears=2)
order = Counter(apples=3, pears=4)
remaining = inventory - order
short = order - inventory
print(remaining, short)
print(sum(Counter("aaabbc").values()), Counter("aaabbc").keys(), list(Counter("zyx").values()))
def is_anagram(s1, s2):
    return Counter(s1.replace(" ", "").lower()) == Counter(s2.replace(" ", "").lower())
print(is_anagram("Dormitory", "Dirty room"), is_anagram("abc", "abd"))
text = "It was the best of times it was the worst of times"
freq = Counter(w.lower() for w in text.split())
for word, n in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0])):
    print(f"{word:>6}: {'#' * n}")
print(Counter(len(w) for w in text.split()))
print(dict(Counter("banana")), Counter("banana").most_common()[-1])
