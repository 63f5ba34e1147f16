# bytes: literals, indexing, slicing, methods, conversions
b = b"hello world"
print(b, len(b), b[0], b[-1], b[0:5], b[::-1], type(b[0]), type(b[:1]))
print(b + b"!", b * 2, b"ll" in b, 104 in b, b.upper(), b.title())
print(b.split(), b.split(b"o"), b.replace(b"l", b"L"), b.find(b"wor"), b.count(b"l"))
print(b.startswith(b"he"), b.endswith(b"ld"), b.strip(b"hd"), b"  x  ".strip())
print(bytes(5), bytes([65, 66, 67]), bytes(range(48, 58)), bytes("é", "utf-8"))
print(b"\x00\x01\xff", b"\n\t\\", b"'", b'"', b"'\"", repr(b"\x7f\x80"))
print(list(b"abc"), tuple(b"\x01\x02"), sum(b"abc"))
print(b.hex(), bytes.fromhex("48 65 6c 6c 6f"), b"\xde\xad\xbe\xef".hex(), b"ab".hex("-"))
print(b"abc".decode(), b"caf\xc3\xa9".decode("utf-8"), b"\xe9".decode("latin-1"))
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e.reason, e.start, e.end)
print(b"\xff".decode("utf-8", "replace"), b"a\xffb".decode("utf-8", "ignore"))
print(b"abc" == b"abc", b"abc" < b"abd", b"" < b"\x00", b"a" == "a")
try:
    b[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    bytes([256])
except ValueError as e:
    print("ValueError:", e)
try:
    b"a" + "b"
except TypeError as e:
    print("TypeError:", e)
print(b"-".join([b"a", b"b", b"c"]), b"a,b".partition(b","), b"abc".isalpha(), b"123".isdigit())
print(b"%d-%s" % (5, b"x"), b"%05.1f" % 3.14159, b"%c" % 65)
print(b"Hello".lower(), b"Hello".swapcase(), b"abc".center(7, b"*"), b"7".zfill(3))
print(int.from_bytes(b"\x00\x10", "big"), (4096).to_bytes(3, "little"), (-1).to_bytes(2, "big", signed=True))
print(bytes.maketrans(b"abc", b"xyz")[95:101], b"aabbcc".translate(bytes.maketrans(b"abc", b"xyz")))
print(memoryview(b"abcdef")[1:4].tobytes(), bytes(memoryview(b"xy")))
for byte in b"AZaz09":
    print(byte, chr(byte), end="; ")
print()
print(hash(b"abc") == hash(b"abc"), b"abc".index(b"c"), b"a b\tc".split(None))
