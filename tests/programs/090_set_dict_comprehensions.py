# Set and dict comprehensions
print({x % 4 for x in range(20)}, {c.lower() for c in "AaBbCc"} == {"a", "b", "c"})
print(sorted({len(w) for w in ["a", "bb", "cc", "ddd"]}))
squares = {x: x * x for x in range(6)}
print(squares)
print({v: k for k, v in squares.items() if k % 2})
print({k: v for k, v in zip("abc", range(3))})
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
by_letter = {w[0]: [x for x in words if x[0] == w[0]] for w in words}
print(by_letter)
print({w: len(w) for w in words if len(w) > 5})
print({(i, j): i * j for i in range(3) for j in range(3) if i <= j})
counts = {c: "mississippi".count(c) for c in "mississippi"}
print(counts)
print({k: v for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))})
dup = {x // 2: x for x in range(6)}
print(dup)
nested = {i: {j: i + j for j in range(i)} for i in range(4)}
print(nested)
print({x for x in range(10) if x % 2 if x % 3})
print({frozenset({i, i + 1}) for i in range(3)} == {frozenset({0, 1}), frozenset({1, 2}), frozenset({2, 3})})
inv = {"a": 1, "b": 2, "c": 1}
grouped = {v: sorted(k for k, vv in inv.items() if vv == v) for v in inv.values()}
print(grouped)
print({str(k): [k] * k for k in range(1, 4)})
order = []
def key(k):
    order.append(f"key{k}")
    return k
def val(v):
    order.append(f"val{v}")
    return v
d = {key(i): val(i) for i in range(2)}
print(d, order)
print({**{k: 0 for k in "ab"}, **{k: 1 for k in "bc"}})
print(type({x for x in ()}).__name__, type({x: x for x in ()}).__name__, {x: x for x in ()})
