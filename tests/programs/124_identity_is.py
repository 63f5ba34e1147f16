# Identity checks with `is` (no id() values printed)
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, b is not a)
print(None is None, True is True, False is not True, ... is Ellipsis, NotImplemented is NotImplemented)
x = None
print(x is None, x is not None, type(x) is type(None))
def f():
    pass
print(f() is None, f is f, type(f) is type(lambda: 0))
print(int is int, type(1) is int, type(True) is bool, type(True) is not int)
class Singleton:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
print(Singleton() is Singleton())
lst = [[]] * 3
print(lst[0] is lst[1] is lst[2])
lst2 = [[] for _ in range(3)]
print(lst2[0] is lst2[1])
d = {"k": a}
print(d["k"] is a, list(d.values())[0] is b)
copy1 = a[:]
copy2 = list(a)
copy3 = a.copy()
print(copy1 is a, copy2 is a, copy3 is a, copy1 == a)
import copy
deep = copy.deepcopy([a, a])
print(deep[0] is deep[1], deep[0] is a)
s = "hello"
u = s
print(s is u, s.upper() is s)
m1 = a.append
m2 = a.append
print(m1 == m2, m1.__self__ is m2.__self__, m1.__func__ is m2.__func__ if hasattr(m1, "__func__") else "builtin")
class C:
    def meth(self):
        pass
o = C()
print(o.meth == o.meth, C.meth is C.meth, o.meth.__func__ is C.meth, o.meth.__self__ is o)
def gen():
    yield 1
g = gen()
print(iter(g) is g, iter(a) is iter(a))
e1 = ValueError("x")
try:
    raise e1
except ValueError as caught:
    print(caught is e1)
n = 5
m = n
n += 1
print(m is n, m, n)
l1 = [1]
l2 = l1
l1 += [2]
print(l1 is l2)
l1 = l1 + [3]
print(l1 is l2, l2)
print(type(a) is list, isinstance(a, list), a.__class__ is list)
x = y = []
print(x is y)
x, y = [], []
print(x is y)
print(sorted([None, None], key=lambda v: 0)[0] is None)
