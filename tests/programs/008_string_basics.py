# String basics: indexing, concatenation, repetition, membership, comparison
s = "Hello, World"
print(s, len(s), s[0], s[-1], s[7], s[-5])
print(s + "!", s * 2, 3 * "ab", "" * 5, "x" * 0, "y" * -1)
print("World" in s, "world" in s, "" in s, "lo, W" in s, "z" not in s)
print("abc" < "abd", "abc" < "ab", "Z" < "a", "" < "a", "abc" == "abc", "a" != "b")
print(ord("A"), chr(97), ord("\n"), chr(0x263A), ord("é"))
for ch in "abc":
    print(ch, end=" ")
print()
print(list("hello"), tuple("hi"), sorted("banana"))
print(str(123), str(1.5), str([1, 2]), str(None), str("x"))
print(repr("a\nb\tc\\d'e\""), repr("\x00\x7f\x80é"), repr("\u200b"))
print("line1\nline2".splitlines(), len("\n"), len("\\n"), len(r"\n"))
print("caf\u00e9", len("café"), "café".upper(), "STRASSE".lower(), "ß".upper())
t = "immutable"
try:
    t[0] = "I"
except TypeError as e:
    print("TypeError:", e)
try:
    t[100]
except IndexError as e:
    print("IndexError:", e)
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
print("abc"[1:], "abc"[:-1], "abc"[::-1], "abc"[5:], "abc"[-10:2])
a = "spam"
b = "spa" + "m"
print(a == b, a is a)
print("%s and %s" % ("x", "y"))
print("a" "b" "c", ("implicit "
      "concat"))
print("\N{SNOWMAN}", "\u2603" == "\N{SNOWMAN}", "\x41\x42", "\101\102", "\U0001F600" != "")
print(len("\U0001F600"), "😀" == "\U0001F600")
print(min("hello"), max("hello"), "".join(reversed("hello")))
print(str.__name__, type("").__name__, isinstance("s", str))
n = 0
for c in "mississippi":
    if c == "s":
        n += 1
print("s count", n, "mississippi".count("ss"), "mississippi".count("i"))
print("abc".__len__(), "abc".__contains__("b"), "abc".__getitem__(1), "ab".__add__("cd"))
multi = """first
  second
third"""
print(multi)
print(multi.split("\n"))
