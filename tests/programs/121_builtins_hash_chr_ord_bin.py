# hash of ints/tuples/floats, chr/ord, bin/hex/oct
print(hash(0), hash(1), hash(-1), hash(-2), hash(42), hash(10 ** 20) == hash(10 ** 20))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)), hash(2 ** 64))
print(hash(1.0) == hash(1), hash(0.5), hash(1.5), hash(-0.0) == hash(0.0), hash(True), hash(False))
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), hash((1, (2, 3))) == hash((1, (2, 3))))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])), hash(None) == hash(None))
print(hash(1 + 0j) == hash(1), hash(complex(0, 1)) == hash(1j))
for bad in ([], {}, set()):
    try:
        hash(bad)
    except TypeError as e:
        print("TypeError:", e)
print(chr(65), chr(97), chr(48), chr(32) == " ", chr(0x1F600), chr(0x3B1), chr(8364))
print(ord("A"), ord("z"), ord("0"), ord("€"), ord("😀"), ord("\n"), ord("\x00"))
print([chr(c) for c in range(ord("a"), ord("f"))], "".join(chr(ord(c) + 1) for c in "HAL"))
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    chr(0x110000)
except ValueError as e:
    print("ValueError:", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
try:
    ord("")
except TypeError as e:
    print("TypeError:", e)
print(ord(b"A"), ord(bytearray(b"z")))
for n in [0, 1, 7, 8, 255, 256, -1, -255, 2 ** 40, -(2 ** 65)]:
    print(n, bin(n), oct(n), hex(n))
print(int(bin(12345), 2), int(hex(0xBEEF), 16), int(oct(511), 8), int(bin(-5), 0))
print(bin(True), hex(False), format(255, "x"), f"{255:#06x}", f"{5:08b}")
try:
    bin(1.5)
except TypeError as e:
    print("TypeError:", e)
def caesar(s, k):
    out = []
    for ch in s:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + k) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)
print(caesar("Hello, World!", 3), caesar(caesar("Hello, World!", 3), -3))
print(sum(ord(c) for c in "checksum"), hex(sum(map(ord, "abc"))))
