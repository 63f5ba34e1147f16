# map / filter / zip (incl. strict=True) laziness and edge cases
print(list(map(str, [1, 2, 3])), list(map(lambda x, y: x * y, [1, 2, 3], [4, 5, 6, 7])))
print(list(map(pow, [2, 3], [3, 2], [5, 5])), list(map(len, ["a", "bb", ""])))
m = map(lambda x: x * 10, range(3))
print(type(m).__name__, next(m), list(m), list(m))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(str.isdigit, "a1b22c")))
print(list(filter(lambda x: x % 2, range(10))), type(filter(None, [])).__name__)
print(list(zip()), list(zip([1, 2, 3])), list(zip("ab", [1, 2, 3], (True, False))))
print(dict(zip("abc", range(3))), list(zip(*[(1, "a"), (2, "b")])))
try:
    list(zip([1, 2], [1, 2, 3], strict=True))
except ValueError as e:
    print("ValueError:", e)
try:
    list(zip([1, 2, 3], [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
try:
    list(zip([1], [1], [1, 2], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(zip([1, 2], "ab", strict=True)))
log = []
def noisy(x):
    log.append(x)
    return x
mm = map(noisy, [1, 2, 3])
print("created map, log:", log)
print(next(mm), log)
z = zip(map(noisy, "xy"), map(noisy, [7, 8, 9]))
print(list(z), log)
def inc(x):
    return x + 1
print(list(map(inc, filter(lambda v: v > 2, map(abs, [-5, 1, -3, 2])))))
it = iter([1, 2, 3, 4, 5, 6])
print(list(zip(it, it)), list(zip(*[iter("abcdefg")] * 3)))
matrix = [[1, 2, 3], [4, 5, 6]]
print(list(map(list, zip(*matrix))), [sum(col) for col in zip(*matrix)])
print(list(map(str.upper, "abc")), list(map(int, ["1", "-2", " 3 "])))
keys, vals = zip(*{"a": 1, "b": 2}.items())
print(keys, vals)
print(list(zip(range(3), range(10, 100))), list(enumerate(zip("ab", "cd"))))
try:
    list(map(int, ["1", "x"]))
except ValueError as e:
    print("ValueError:", e)
print(list(filter(lambda s: s, map(str.strip, [" a ", "  ", "b"]))))
print(sorted(map(lambda p: p[1], zip("cab", [3, 1, 2]))))
