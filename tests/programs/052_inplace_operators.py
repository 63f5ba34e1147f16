# In-place operators: __iadd__ etc., fallback to __add__, identity semantics
class Acc:
    def __init__(self, items=None):
        self.items = list(items or [])
    def __repr__(self):
        return f"Acc({self.items})"
    def __iadd__(self, o):
        print("  __iadd__")
        self.items.append(o)
        return self
    def __isub__(self, o):
        print("  __isub__")
        self.items.remove(o)
        return self
    def __add__(self, o):
        print("  __add__")
        return Acc(self.items + [o])
a = Acc()
alias = a
a += 1
a += 2
print(a, alias, a is alias)
a -= 1
print(a)
b = a + 99
print(b, a, b is a)
class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        print("  OnlyAdd.__add__")
        return OnlyAdd(self.v + o)
x = OnlyAdd(1)
orig = x
x += 10
print(x.v, orig.v, x is orig)
class AllInplace:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"AI({self.v})"
for name, op in [("imul", "*"), ("itruediv", "/"), ("ifloordiv", "//"), ("imod", "%"), ("ipow", "**"),
                 ("ilshift", "<<"), ("irshift", ">>"), ("iand", "&"), ("ior", "|"), ("ixor", "^"), ("imatmul", "@")]:
    def make(op):
        def method(self, o):
            self.v = eval(f"self.v {op if op != '@' else '*'} o")
            return self
        return method
    setattr(AllInplace, f"__{name}__", make(op))
obj = AllInplace(100)
for op, val in [("*=", 3), ("//=", 7), ("%=", 10), ("**=", 3), ("<<=", 2), (">>=", 1), ("&=", 0xFF), ("|=", 1), ("^=", 3), ("@=", 2), ("/=", 4)]:
    exec(f"obj {op} {val}")
    print(op, val, obj)
class RetOther:
    def __iadd__(self, o):
        return "replaced"
r = RetOther()
r += 1
print(r)
lst = [1]
lst2 = lst
lst += [2]
print(lst, lst2, lst is lst2)
t = (1,)
t2 = t
t += (2,)
print(t, t2, t is t2)
st = {1}
st2 = st
st |= {2}
print(st, st2, st is st2)
class NotImpl:
    def __iadd__(self, o):
        return NotImplemented
    def __add__(self, o):
        return "fallback __add__"
n = NotImpl()
n += 1
print(n)
