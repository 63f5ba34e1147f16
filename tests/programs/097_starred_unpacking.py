# Starred assignment targets and nested unpacking
a, *b, c = [1, 2, 3, 4, 5]
print(a, b, c)
first, *rest = "hello"
print(first, rest)
*init, last = range(5)
print(init, last)
head, *mid, tail = [1, 2]
print(head, mid, tail)
*everything, = (1, 2, 3)
print(everything)
(a, b), (c, *d) = (1, 2), [3, 4, 5]
print(a, b, c, d)
x, (y, *z), w = 1, "abc", 4
print(x, y, z, w)
for i, *vals in [(1, 2, 3), (4,), (5, 6)]:
    print(i, vals)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 1, 2, 3
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = "ab"
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError:", e)
[p, q] = [10, 20]
print(p, q)
[p, [q, [r]]] = (1, (2, [3]))
print(p, q, r)
key, value = list({"k": "v"}.items())[0]
print(key, value)
def gen():
    yield from range(4)
g1, *g2 = gen()
print(g1, g2)
m, n = n, m = 1, 2
print(m, n)
lst = [0, 0, 0]
lst[0], *lst[1:] = [7, 8, 9, 10]
print(lst)
class O:
    pass
o = O()
o.a, o.b = "ab"
print(o.a, o.b)
d = {}
d["x"], d["y"], *d["rest"] = range(5)
print(d)
(((deep,),),) = [[[42]]]
print(deep)
*s, = "xyz"
print(s)
a = b = c = [1]
print(a is b is c)
x = y = 5
x, y = y + 1, x + 1
print(x, y)
i = 0
items = [10, 20]
i, items[i] = 1, 99
print(i, items)
first, second, *_ = "abcdef"
print(first, second, _)
