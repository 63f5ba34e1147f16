# Generator expressions: laziness, scoping, use as arguments
squares = (x * x for x in range(6))
print(type(squares).__name__, sum(squares), sum(squares))
print(sum(x for x in range(10) if x % 3 == 0), max(len(w) for w in ["a", "abc", "ab"]))
print(list((x, y) for x in range(3) for y in "ab" if x != 1))
print(any(x > 5 for x in [1, 7, 3]), all(x > 0 for x in [1, 2, 0]), "".join(c for c in "h-e-l-l-o" if c != "-"))
log = []
def src(n):
    for i in range(n):
        log.append(f"produce {i}")
        yield i
g = (v * 10 for v in src(3))
log.append("created")
first = next(g)
log.append(f"first={first}")
rest = list(g)
print(log, rest)
try:
    bad = (1 / x for x in [1, 0])
    print("created without error")
    print(list(bad))
except ZeroDivisionError as e:
    print("error only at consumption:", e)
try:
    gen = (x for x in undefined_iterable)
except NameError as e:
    print("NameError at creation (first iterable evaluated eagerly):", e)
def late():
    n = 1
    gen = (x * n for x in range(3))
    n = 100
    return list(gen)
print(late())
outer_list = [1, 2, 3]
gen = (x for x in outer_list)
outer_list = [9, 9]
print(list(gen))
nums = [1, 2]
gen = (x for x in nums)
nums.append(3)
print(list(gen))
print(sorted((c for c in "banana"), reverse=True), tuple(i for i in range(3)), set(i % 2 for i in range(5)))
print(dict((k, len(k)) for k in ["aa", "b"]), min((abs(x - 5), x) for x in [1, 4, 9, 6]))
matrix = [[1, 2], [3, 4], [5, 6]]
print(list(x for row in matrix for x in row), sum(sum(row) for row in matrix))
gen = (i for i in range(5))
print(3 in gen, list(gen))
g1 = (x for x in range(3))
g2 = (y * 2 for y in g1)
g3 = (z + 1 for z in g2)
print(list(g3), list(g1))
pipeline = (w.strip().lower() for w in [" Apple ", "BANANA", " cherry"])
print([w for w in pipeline if "a" in w])
print(list(zip((i for i in range(3)), (c for c in "xyz"))))
