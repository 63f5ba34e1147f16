# __getattribute__ intercepts every attribute access
class Logged:
    cls_attr = "class-level"
    def __init__(self):
        self.x = 10
    def method(self):
        return "method result"
    def __getattribute__(self, name):
        if not name.startswith("__"):
            print(f"  get {name}")
        return object.__getattribute__(self, name)
o = Logged()
print(o.x)
print(o.cls_attr)
print(o.method())
try:
    o.missing
except AttributeError as e:
    print("AttributeError:", e)
class WithBoth:
    def __init__(self):
        self.real = 1
    def __getattribute__(self, name):
        if name == "hidden":
            raise AttributeError("hidden is hidden")
        return super().__getattribute__(name)
    def __getattr__(self, name):
        return f"fallback for {name}"
w = WithBoth()
print(w.real, w.hidden, w.other)
class Upper:
    def __init__(self):
        self.name = "alice"
        self.city = "paris"
    def __getattribute__(self, name):
        val = object.__getattribute__(self, name)
        if isinstance(val, str):
            return val.upper()
        return val
u = Upper()
print(u.name, u.city, u.__dict__)
class Counter:
    def __init__(self):
        object.__setattr__(self, "counts", {})
        self.a = 1
        self.b = 2
    def __getattribute__(self, name):
        counts = object.__getattribute__(self, "counts")
        counts[name] = counts.get(name, 0) + 1
        return object.__getattribute__(self, name)
c = Counter()
for _ in range(3):
    c.a
c.b
c.a + c.b
print(object.__getattribute__(c, "counts"))
class Redirect:
    def __getattribute__(self, name):
        if name == "__class__":
            return int
        return object.__getattribute__(self, name)
r = Redirect()
print(r.__class__, type(r).__name__, isinstance(r, int), isinstance(r, Redirect))
class Deny:
    def __getattribute__(self, name):
        raise AttributeError(f"denied {name}")
    def __getattr__(self, name):
        return f"__getattr__ rescued {name}"
print(Deny().anything)
print(getattr(Deny(), "foo", "default"))
print(type(Deny()).__name__)
