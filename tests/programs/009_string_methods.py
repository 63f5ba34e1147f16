# String methods part 1: case, search, strip, predicates
s = "  Hello World  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr("xxhixx".strip("x")), repr("abcba".strip("ab")))
w = "hello world Python"
print(w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), "ǅ".casefold())
print(w.find("o"), w.find("o", 5), w.find("zz"), w.rfind("o"), w.index("world"), w.rindex("o"))
try:
    w.index("zz")
except ValueError as e:
    print("ValueError:", e)
print(w.count("o"), w.count("o", 0, 5), w.count(""), "aaaa".count("aa"))
print(w.startswith("hello"), w.startswith(("x", "he")), w.endswith("Python"), w.endswith("on", 0, 10))
print("abc123".isalnum(), "abc".isalpha(), "123".isdigit(), "12.3".isdigit(), "   ".isspace(), "".isspace())
print("Hello".istitle(), "hello".islower(), "HELLO".isupper(), "x1".isidentifier(), "1x".isidentifier())
print("½".isnumeric(), "½".isdigit(), "٣".isdecimal(), "abc".isascii(), "é".isascii(), "ab\n".isprintable())
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2))
print("abc".center(9, "*"), "abc".ljust(6, "."), "abc".rjust(6), "abc".center(2), "ab".center(5))
print("a\tb\tc".expandtabs(4), "1234\t5".expandtabs(4), repr("\tx".expandtabs()))
print("hello".replace("l", "L"), "hello".replace("l", "L", 1), "aaa".replace("", "-"), "abc".replace("x", "y"))
print("Hello".removeprefix("He"), "Hello".removesuffix("lo"), "Hello".removeprefix("x"))
tbl = str.maketrans("abc", "xyz", "d")
print("abcdabcd".translate(tbl), str.maketrans({"a": "1"}) == {97: "1"})
print("hello".translate({ord("l"): None, ord("h"): "J"}))
print("Straße".casefold(), "ΣΊΣΥΦΟΣ".lower(), "ﬁ".upper())
print("one two".title(), "they're bill's".title(), "hELLO wORLD".capitalize())
for word in ["", "a", "Ab", "ABC", "abc1", "1", " "]:
    print(repr(word), word.isupper(), word.islower(), word.isalnum(), word.isdigit())
print("%-5s|%5s|" % ("ab", "cd"))
print("abc".encode(), "é".encode("utf-8"), "é".encode("latin-1"), b"caf\xc3\xa9".decode())
print("x".join(["a", "b", "c"]), "".join([]), ", ".join(map(str, range(5))))
try:
    "-".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
print("abc".find(""), "abc".rfind(""), "abc".find("c", -1), "abcabc".rfind("abc", 0, 5))
