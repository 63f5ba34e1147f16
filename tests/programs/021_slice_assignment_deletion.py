# Slice assignment and deletion on lists
a = list(range(10))
a[2:5] = ["a", "b"]
print(a)
a[2:4] = []
print(a)
a[:0] = [-2, -1]
print(a)
a[len(a):] = [100, 101]
print(a)
a[3:3] = "xyz"
print(a)
a[:] = [1, 2, 3]
print(a)
a[1:2] = range(5)
print(a)
b = list(range(10))
b[::2] = "ABCDE"
print(b)
b[1::2] = [0] * 5
print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
b[::-3] = ["p", "q", "r", "s"]
print(b)
c = list(range(12))
del c[::3]
print(c)
del c[1:3]
print(c)
del c[-2:]
print(c)
del c[::-2]
print(c)
del c[:]
print(c)
d = list(range(6))
del d[10:20]
print(d)
e = list(range(5))
e[1:4] = e
print(e)
f = [1, 2, 3]
alias = f
f[:] = [9]
print(alias, f is alias)
g = list(range(8))
g[5:2] = ["ins"]
print(g)
g[-3:-1] = ()
print(g)
h = list(range(10))
del h[8:2:-2]
print(h)
try:
    h[1:3] = 5
except TypeError as e:
    print("TypeError:", e)
ba = bytearray(b"abcdef")
ba[1:3] = b"ZZZZ"
del ba[::2]
print(ba)
x = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
x[2:8:3] = ["u", "v"]
print(x)
x[slice(0, 2)] = ["s", "t", "extra"]
print(x)
del x[slice(None, None, 4)]
print(x)
