# String methods part 2: split, rsplit, partition, splitlines, join
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a b  c ".split(), "  ".split(), "".split(","), "".split())
print("a b c d".rsplit(" ", 2), "a,b,c".rsplit(",", 1), "a b c".split(None, 1), "  a  b  ".rsplit(None, 1))
print("k=v=w".partition("="), "kvw".partition("="), "k=v=w".rpartition("="), "kvw".rpartition("="))
text = "line one\nline two\r\nline three\rfour\n\nsix"
print(text.splitlines())
print(text.splitlines(keepends=True))
print("".splitlines(), "\n".splitlines(), "x\n".splitlines(), "x\n".split("\n"))
try:
    "abc".split("")
except ValueError as e:
    print("ValueError:", e)
csv = "name,age,city\nAnn,30,Oslo\nBob,25,Rome"
rows = [r.split(",") for r in csv.split("\n")]
header, *data = rows
for r in data:
    print(dict(zip(header, r)))
words = "the quick brown fox jumps over the lazy dog".split()
print(len(words), sorted(words), sorted(words, key=len), max(words, key=len))
print(" ".join(w[::-1] for w in words))
print(" ".join(w.capitalize() for w in words))
print("-".join("abc"), "".join(reversed(words)))
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(counts)
path = "/usr/local/lib/python3/site.py"
print(path.split("/"), path.rsplit("/", 1)[-1], path.rpartition(".")[2])
print("a1b2c3".split("b"), "aXbXc".split("X", maxsplit=1), "1  2".split(" "))
print("abc".split("abc"), "abcabc".split("abc"), "a".split("a"))
print(" padded ".strip().split(" "), "\tx\ny z\x0b".split())
s = "key1: value1; key2: value2 ; key3:value3"
pairs = [p.strip().split(":") for p in s.split(";")]
print({k.strip(): v.strip() for k, v in pairs})
print("%s" % "a;b".split(";"))
sentence = "Hello, World! How are you?"
cleaned = "".join(c for c in sentence if c.isalpha() or c == " ")
print(cleaned, cleaned.lower().split())
print("1,2,3".split(",") == ["1", "2", "3"], list(map(int, "10 20 30".split())))
