# List comprehensions: filters, nesting, conditional expressions, multiple for clauses
print([x * x for x in range(10)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[x * y for y in range(1, 4)] for x in range(1, 4)])
print(["even" if x % 2 == 0 else "odd" for x in range(5)])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for i in range(3) for row in matrix])
print([[row[i] for row in matrix] for i in range(3)])
print([x for row in matrix for x in row if x % 2])
words = ["hello", "World", "PYTHON", "code"]
print([w.lower() for w in words if w[0].isupper()], [len(w) for w in words])
print([c for w in words for c in w if c in "aeiou"])
print([(i, w) for i, w in enumerate(words) if i % 2 == 0])
print([a + b for a, b in zip([1, 2, 3], [10, 20, 30])])
print([x for x in "a1b2c3" if x.isdigit()], [int(x) for x in "1 2 3".split()])
print([f(x) for f in (abs, str) for x in (-1, 2)])
print([y for x in range(6) if (y := x * x) > 5])
print([[]for _ in range(2)], [[0] * 2 for _ in range(2)])
primes = [n for n in range(2, 50) if all(n % d for d in range(2, int(n ** 0.5) + 1))]
print(primes)
print([(a, b, c) for c in range(1, 21) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c])
flat = [item for sublist in [[1], [2, 3], [], [4, [5]]] for item in sublist]
print(flat)
print([i for i in range(3)] == list(range(3)), [] == [x for x in []])
def gen():
    yield from "xyz"
print([c * 2 for c in gen()], [k for k in {"b": 1, "a": 2}], [v for _, v in {"b": 1, "a": 2}.items()])
nested = [[[i, j, k] for k in range(2)] for j in range(2) for i in range(2)]
print(nested)
print([x if x > 0 else -x if x < 0 else "zero" for x in [-2, 0, 3]])
print([lambda: 1 for _ in range(2)][0]())
funcs = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in funcs])
