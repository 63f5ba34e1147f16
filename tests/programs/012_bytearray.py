# bytearray: mutable bytes
ba = bytearray(b"hello")
print(ba, len(ba), ba[0], ba[1:3])
ba[0] = 72
print(ba)
ba.append(33)
print(ba)
ba.extend(b" ok")
print(ba)
ba[1:5] = b"EY"
print(ba)
del ba[0]
print(ba)
ba.insert(0, ord("h"))
print(ba, ba.pop(), ba)
ba.reverse()
print(ba)
ba.remove(ord("o"))
print(ba)
ba += b"++"
print(ba, ba * 2)
print(bytearray(3), bytearray([1, 2, 3]), bytearray("abc", "ascii"), bytearray(b"xyz").upper())
print(bytes(ba), ba.decode(), ba.hex(), ba.find(b"+"))
try:
    ba[0] = 300
except ValueError as e:
    print("ValueError:", e)
c = bytearray(b"abcdef")
c[::2] = b"XYZ"
print(c)
del c[::2]
print(c)
c[1:1] = b"123"
print(c)
c.clear()
print(c, len(c), bool(c))
d = bytearray(b"aaa")
e = d
e += b"b"
print(d, d is e, d == b"aaab", d == bytearray(b"aaab"))
print(bytearray(b"a,b,c").split(b","), bytearray(b"  s  ").strip())
buf = bytearray()
for i in range(10):
    buf.append(i * 25)
print(buf, list(buf), sum(buf))
print(bytearray(b"abc") + b"def", b"abc" + bytearray(b"def"), type(b"abc" + bytearray(b"def")).__name__)
