# Evaluation order for augmented assignment, assignment, calls and subscripts
log = []
def f(label, value):
    log.append(label)
    return value
class Box:
    def __init__(self):
        self.v = 0
        self.items = [0, 0, 0]
box = Box()
data = [10, 20, 30]
data[f("index", 1)] += f("rhs", 5)
print(data, log)
log.clear()
f("obj", box).v += f("rhs", 3)
print(box.v, log)
log.clear()
f("container", data)[f("idx", 0)] = f("value", 99)
print(data, log)
log.clear()
f("a", data)[f("i", 2)], f("b", box).v = f("v1", 1), f("v2", 2)
print(data, box.v, log)
log.clear()
f("func", lambda *a, **k: (a, k))(f("arg1", 1), f("arg2", 2), k=f("kw", 3))
print(log)
log.clear()
result = f("left", 1) + f("right", 2) * f("mul", 3)
print(result, log)
log.clear()
x = f("p1", 2) ** f("p2", 3) ** f("p3", 2)
print(x, log)
log.clear()
d = {f("k1", "a"): f("v1", 1), f("k2", "b"): f("v2", 2)}
print(d, log)
log.clear()
lst = [f("e1", 1), f("e2", 2), *f("star", [3, 4])]
print(lst, log)
class Tracked:
    def __init__(self):
        self.store = {}
    def __getitem__(self, k):
        log.append(f"getitem {k}")
        return self.store.get(k, 0)
    def __setitem__(self, k, v):
        log.append(f"setitem {k}={v}")
        self.store[k] = v
log.clear()
t = Tracked()
t[f("key", "x")] += f("inc", 5)
print(log)
class Attr:
    def __getattr__(self, name):
        log.append(f"getattr {name}")
        return 100
    def __setattr__(self, name, value):
        log.append(f"setattr {name}={value}")
log.clear()
a = Attr()
a.field += f("inc", 1)
print(log)
log.clear()
i = 0
arr = [0, 0, 0]
i, arr[i] = 1, 5
print(i, arr)
log.clear()
x = [0, 1]
x[f("first", 0)] = x[f("second", 1)] = f("val", 7)
print(x, log)
log.clear()
print(f("cmp1", 1) < f("cmp2", 2) < f("cmp3", 0), log)
