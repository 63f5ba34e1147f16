# __getattr__ (fallback), __setattr__, __delattr__
class Record:
    def __init__(self, **fields):
        object.__setattr__(self, "_fields", dict(fields))
        object.__setattr__(self, "_log", [])
    def __getattr__(self, name):
        self._log.append(f"getattr {name}")
        try:
            return self._fields[name]
        except KeyError:
            raise AttributeError(f"no field {name!r}") from None
    def __setattr__(self, name, value):
        self._log.append(f"setattr {name}={value!r}")
        if name.startswith("_"):
            raise AttributeError("private")
        self._fields[name] = value
    def __delattr__(self, name):
        self._log.append(f"delattr {name}")
        del self._fields[name]
r = Record(a=1, b=2)
print(r.a, r.b)
r.c = 3
print(r.c, r._fields)
del r.a
print(hasattr(r, "a"), getattr(r, "a", "dflt"))
try:
    r.zzz
except AttributeError as e:
    print("AttributeError:", e)
try:
    r._secret = 1
except AttributeError as e:
    print("AttributeError:", e)
print(r._log)
class Lazy:
    real = "class attr"
    def __init__(self):
        self.inst = "instance attr"
    def __getattr__(self, name):
        print(f"  __getattr__({name!r})")
        if name.startswith("computed_"):
            value = name[len("computed_"):].upper()
            setattr(self, name, value)
            return value
        raise AttributeError(name)
lz = Lazy()
print(lz.real, lz.inst)
print(lz.computed_foo)
print(lz.computed_foo)
print(getattr(lz, "computed_bar"), "computed_bar" in vars(lz))
print(hasattr(lz, "nothing"))
class Proxy:
    def __init__(self, target):
        self._target = target
    def __getattr__(self, name):
        attr = getattr(self._target, name)
        if callable(attr):
            def wrapped(*a, **k):
                print(f"  proxy call {name}{a}")
                return attr(*a, **k)
            return wrapped
        return attr
p = Proxy([3, 1, 2])
p.append(0)
p.sort()
print(p._target, p.count(1))
class Counting:
    def __init__(self):
        self.sets = 0
        self.sets = 0
    def __setattr__(self, name, value):
        if name != "sets":
            object.__setattr__(self, "sets", self.sets + 1)
        object.__setattr__(self, name, value)
cnt = Counting()
cnt.a = 1
cnt.b = 2
cnt.a = 3
print(cnt.sets, cnt.a, cnt.b)
