# printf-style % formatting
print("%s %d %f" % ("str", 42, 3.14))
print("%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%.2f|%8.3f|%-8.1f|%+.1e|%E|%g|%G" % (3.14159, 2.71828, 1.5, 12345.678, 0.00012, 0.00001234, 1e20))
print("%x %X %#x %o %#o" % (255, 255, 255, 8, 8))
print("%c%c%c" % (72, "i", 33))
print("%r %s %a" % ("quote", "plain", "é"))
print("%(name)s is %(age)d years" % {"name": "Bob", "age": 40})
print("%% literal, %d%%" % 50)
print("%s" % [1, 2], "%s" % (1,), "%s %s" % (1, 2), "%s" % "only")
print("%*d|%-*d|" % (6, 7, 4, 8), "%.*f" % (2, 3.14159))
print("%10s|%-10s|%.3s" % ("right", "left", "truncate"))
print("%d" % 3.99, "%i" % -2.5, "%d" % True, "%s" % None)
print("%5.1f%%" % 99.44)
try:
    "%d %d" % (1,)
except TypeError as e:
    print("TypeError:", e)
try:
    "%d" % (1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    "%d" % "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "%(k)s" % {}
except KeyError as e:
    print("KeyError:", e)
try:
    "%z" % 1
except ValueError as e:
    print("ValueError:", e)
print("%s" % {"a": 1}, "%(a)s" % {"a": [1]})
print("%s and %r" % ("x", ("tup",)))
print("%-6s|%6s|" % ("ab", "cd"), "%06.2f" % -3.14159, "%+05d" % 3)
print("%x" % -255, "%o" % -8, "%e" % 0, "%g" % 100000, "%g" % 1000000, "%.0f" % 0.5, "%.0f" % 1.5)
print(b"%s %d" % (b"bytes", 5), b"%x" % 255, b"%5s|" % b"ab")
table = [("alpha", 1.5, 3), ("beta", 22.25, 14), ("gamma", 333.125, 159)]
for name, val, count in table:
    print("%-8s %8.2f %5d" % (name, val, count))
print("%s" % 10 ** 30, "%d" % 10 ** 30, "%x" % 2 ** 70)
print("%3c|%-3c|" % ("a", "b"), "%.3r" % "abcdef")
class Str:
    def __str__(self):
        return "custom str"
    def __repr__(self):
        return "custom repr"
print("%s / %r" % (Str(), Str()))
print("%(x)s %(x)r %(y)05.1f" % {"x": "v", "y": 2.25})
