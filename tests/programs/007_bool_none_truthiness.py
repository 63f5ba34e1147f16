# Booleans, None, and truthiness of builtins
values = [0, 1, -1, 0.0, 0.5, "", "a", [], [0], (), (None,), {}, {0: 0}, set(), {0}, None, True, False, 0j, range(0), range(1), b"", b"x"]
for v in values:
    print(repr(v), bool(v), "truthy" if v else "falsy")
print(True and False, True or False, not True, not 0, not "")
print(True == 1, False == 0, True is True, None is None, None == False)
print(isinstance(True, int), issubclass(bool, int), type(True).__name__)
print(True + 1, False * 5, sum([True, True, False]), True & False, True | False, True ^ True)
print(str(True), repr(False), int(True), float(False), bool("False"))
print(bool(), bool(None))
print(None.__class__.__name__, type(None)())
x = None
if x is None:
    print("x is None")
if not x:
    print("not x")
class Box:
    def __init__(self, n):
        self.n = n
    def __bool__(self):
        print("  __bool__ called", self.n)
        return self.n > 0
class Sized:
    def __len__(self):
        print("  __len__ called")
        return 0
print(bool(Box(3)), bool(Box(-3)))
print(bool(Sized()))
if Box(1) and Box(0):
    print("both")
else:
    print("not both")
print("while with __bool__:")
b = Box(2)
while b:
    b.n -= 1
print("end", b.n)
class Bad:
    def __bool__(self):
        return 1
try:
    bool(Bad())
except TypeError as e:
    print("TypeError:", e)
print(True < 2, False < True, max(True, 0), -True, ~True)
print(hash(True), hash(False), hash(None) == hash(None))
