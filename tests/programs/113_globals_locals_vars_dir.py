# globals(), locals(), vars(), dir() on various scopes (sorted output)
import math
module_level = 1
def show_locals(a, b=2, *args, **kw):
    c = a + b
    loc = locals()
    return sorted(loc.items())
print(show_locals(1))
print(show_locals(1, 5, 6, 7, x=8))
def nested():
    outer_var = "o"
    def inner():
        inner_var = "i"
        return sorted(locals()), outer_var
    return inner()
print(nested())
def free_var_in_locals():
    x = 1
    def g():
        return x
    return sorted(locals())
print(free_var_in_locals())
def dir_in_function():
    p = 1
    q = 2
    return dir()
print(dir_in_function())
class C:
    cls_attr = 1
    def __init__(self):
        self.inst = 2
        self._private = 3
    def method(self):
        pass
c = C()
print(vars(c), sorted(vars(C).keys() - set(vars(object))))
print([n for n in dir(c) if not n.startswith("__")])
print([n for n in dir(C) if not n.startswith("__")])
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
g = globals()
print("module_level" in g, g["module_level"], "show_locals" in g, g["__name__"])
g["injected"] = "via globals()"
print(injected)
def modify_locals():
    x = 1
    locals()["x"] = 99
    return x
print(modify_locals())
print(sorted(n for n in dir(math) if n.startswith("f")))
print([n for n in dir([]) if not n.startswith("_")])
print([n for n in dir({}) if not n.startswith("_")])
print([n for n in dir("") if not n.startswith("_")][:10])
class WithDir:
    def __dir__(self):
        return ["zeta", "alpha", "mid"]
print(dir(WithDir()))
print(vars(C)["cls_attr"], type(vars(C)).__name__)
def class_body_locals():
    class Inner:
        a = 1
        b = a + 1
        snapshot = sorted(k for k in locals() if not k.startswith("__"))
    return Inner.snapshot
print(class_body_locals())
print(sorted(k for k in globals() if not k.startswith("__")))
