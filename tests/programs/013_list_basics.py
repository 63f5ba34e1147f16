# List basics: creation, indexing, mutation, membership, comparison
a = [1, 2, 3]
print(a, len(a), a[0], a[-1], a[1:], type(a))
a[1] = 20
print(a)
a.append(4)
print(a, a + [5, 6], a * 2, [0] * 3, [] * 10)
print(2 in a, 20 in a, 5 not in a)
print([1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 100])
nested = [[1, 2], [3, [4, 5]], []]
print(nested, nested[1][1][0], len(nested), len(nested[2]))
empty = []
print(empty, bool(empty), len(empty))
try:
    empty[0]
except IndexError as e:
    print("IndexError:", e)
try:
    a[10] = 1
except IndexError as e:
    print("IndexError:", e)
print(list(), list("abc"), list(range(5)), list((1, 2)), list({1: "a", 2: "b"}))
# aliasing
b = a
b.append(99)
print(a, b, a is b)
c = a[:]
c.append(100)
print(a, c, a is c, a == c[:-1])
# repetition pitfalls
grid = [[0] * 3] * 2
grid[0][0] = 1
print(grid)
grid2 = [[0] * 3 for _ in range(2)]
grid2[0][0] = 1
print(grid2)
# self-containing list
r = [1, 2]
r.append(r)
print(r, r[2][2][0])
# iteration
total = 0
for x in [10, 20, 30]:
    total += x
print(total)
squares = []
for i in range(6):
    squares.append(i * i)
print(squares, sum(squares), min(squares), max(squares))
a += [7, 8]
print(a)
a += "xy"
print(a)
x = [3, 1, 2]
y = x
x = x + [4]
print(x, y)
print([1, "a", None, 2.5, [1], (2,), {3: 4}])
print(list.__name__, [].__class__.__name__, isinstance([], list))
m = [0] * 5
for i in range(5):
    m[i] = m[i - 1] + i
print(m)
