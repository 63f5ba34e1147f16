# Starred expressions in calls and displays; ** in calls and dict displays
def show(*args, **kwargs):
    return f"args={args} kwargs={kwargs}"
a = [1, 2]
b = (3, 4)
d1 = {"x": 1, "y": 2}
d2 = {"y": 20, "z": 30}
print(show(*a))
print(show(*a, *b))
print(show(0, *a, 5, *b, 6))
print(show(**d1))
print(show(**d1, w=0))
print(show(*a, **{"k": "v"}, **{"j": 1}))
print(show(*"ab", *range(2), *{7: 0}))
print([*a, *b], [*a, 0, *b, *"cd"], (*a,), (*a, *b), [*range(3)])
print({*a, *b, 2}, {*"aa"} == {"a"}, set([*a]))
print({**d1, **d2}, {**d2, **d1}, {"y": 0, **d1}, {**d1, "y": 0})
print({**{}, **{}}, {**{1: "a"}, 2: "b", **{1: "c"}})
print(dict(**d1, z=3), dict(d1, **d2))
try:
    show(**d1, **{"x": 99})
except TypeError as e:
    print("TypeError raised")
try:
    show(*5)
except TypeError as e:
    print("TypeError raised")
try:
    show(**[1])
except TypeError as e:
    print("TypeError raised")
def point(x, y, z=0):
    return (x, y, z)
coords = [1, 2]
print(point(*coords), point(*coords, 3), point(*coords, z=9), point(**{"x": 5, "y": 6}))
print(point(*[1], **{"y": 2}))
matrix = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*matrix)), [list(r) for r in zip(*matrix)])
print(max(*[3, 9, 2]), min(*"hello"), print(*[], sep=","))
def gen():
    yield 1
    yield 2
print([*gen(), *gen()], show(*gen()))
head, *tail = [*a, *b]
print(head, tail)
nested = [*[*a, *[*b]]]
print(nested)
print(*[1, 2, 3], sep=" | ")
print(*"abc", *[1, 2], end=" <end>\n")
print({**dict.fromkeys("ab", 0), **{c: 1 for c in "bc"}})
args = (1,)
kwargs = {"z": 4}
print(point(*args, 2, **kwargs), point(*args, *args), point(*(), 7, 8))
