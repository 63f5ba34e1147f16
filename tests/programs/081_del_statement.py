# del: names, attributes, subscripts, slices, tuples of targets
x = 10
del x
try:
    x
except NameError as e:
    print("NameError:", e)
a, b, c = 1, 2, 3
del a, b
print("c still", c, "a" in globals(), "b" in globals())
lst = list(range(10))
del lst[0]
print(lst)
del lst[-1]
print(lst)
del lst[2:5]
print(lst)
del lst[::2]
print(lst)
try:
    del lst[100]
except IndexError as e:
    print("IndexError:", e)
d = {"k1": 1, "k2": 2, "k3": 3}
del d["k2"]
print(d)
try:
    del d["nope"]
except KeyError as e:
    print("KeyError:", e)
class Obj:
    cls_attr = "class"
    def __init__(self):
        self.a = 1
        self.b = 2
o = Obj()
del o.a
print(vars(o), hasattr(o, "a"))
try:
    del o.a
except AttributeError as e:
    print("AttributeError:", e)
try:
    del o.cls_attr
except AttributeError as e:
    print("AttributeError:", e)
del Obj.cls_attr
print(hasattr(Obj, "cls_attr"))
m = [[1, 2, 3], [4, 5, 6]]
del m[0][1], m[1][::2]
print(m)
p, q = [1, 2], {"x": 1}
del (p[0], q["x"])
print(p, q)
def local_del():
    v = "local"
    del v
    try:
        return v
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(local_del())
class Tracker:
    def __delitem__(self, key):
        print("  __delitem__", key)
    def __delattr__(self, name):
        print("  __delattr__", name)
t = Tracker()
del t[1], t["a":"b"], t[1, 2]
del t.some_attr
s = "immutable"
try:
    del s[0]
except TypeError as e:
    print("TypeError:", e)
for i in range(3):
    pass
del i
print("loop var deleted:", "i" in globals())
