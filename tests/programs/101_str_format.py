# str.format: positional, keyword, indexing, attributes, nested specs, conversions
print("{} {} {}".format(1, "two", 3.0))
print("{0} {1} {0}".format("a", "b"), "{1}{0}".format("x", "y"))
print("{name} is {age}".format(name="Ann", age=30), "{0} {k}".format("pos", k="kw"))
data = {"x": 1, "y": [10, 20]}
print("{0[x]} {0[y][1]}".format(data), "{d[y]}".format(d=data))
class P:
    def __init__(self):
        self.a = "attr"
        self.inner = self
print("{0.a} {0.inner.inner.a}".format(P()))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"), "{:*^10}".format("mid"))
print("{:d} {:5.2f} {:e} {:x} {:o} {:b} {:%}".format(42, 3.14159, 12345.678, 255, 8, 5, 0.125))
print("{:{w}.{p}f}".format(3.14159, w=10, p=3), "{:{}}".format("x", 5) + "|", "{0:{1}}".format(7, "04"))
print("{!r} {!s} {!a}".format("s", "s", "ü"), "{0!r:>10}".format("pad"))
print("{{}} {{{}}}".format("in"), "{{{0}}}".format(5))
print("{:,}".format(1234567), "{:_}".format(1234567), "{:+}".format(5), "{: }".format(5))
print("{0}{1}{0}".format("ab", "-"), "{}".format([1, 2]), "{}".format({"k": None}))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
try:
    "{missing}".format()
except KeyError as e:
    print("KeyError:", e)
try:
    "{0} {}".format(1, 2)
except ValueError as e:
    print("ValueError:", e)
print("{0[0]}{0[1]}".format("xy"), "{.real}".format(3 + 4j), "{[1]}".format((5, 6)))
fmt = "{:<10}{:>6}"
rows = [("apple", 3), ("banana", 12), ("kiwi", 100)]
for r in rows:
    print(fmt.format(*r))
print("{:-^16}".format(""))
print("{0:>{1}}".format("dyn", 7), "{:.{}}".format("truncate", 4))
print("Total: {total:>8.2f}".format(total=sum(n for _, n in rows) * 1.1))
print("{}".format(None), "{}".format(True), "{:d}".format(True), "{:>5}".format(True))
print(str.format("{} via unbound", "called"), "a{}b".format(""), "".format())
print("{:c}{:c}{:c}".format(72, 105, 33))
print("{:#x} {:#o} {:#b} {:#X}".format(255, 255, 5, 255))
print("{:.3s}|{:10.3s}|".format("abcdef", "abcdef"))
print("{0:=^20s}".format(" centered "))
print(format_map_result := "{a}-{b}".format_map({"a": 1, "b": 2}))
class Default(dict):
    def __missing__(self, key):
        return f"<{key}>"
print("{known} {unknown}".format_map(Default(known="yes")))
