# Metaclasses: __new__, __init__, __call__, __prepare__-free usage, class creation via type()
class Meta(type):
    def __new__(mcls, name, bases, ns, **kwargs):
        print(f"Meta.__new__ {name} bases={[b.__name__ for b in bases]} kwargs={kwargs}")
        print("  namespace keys:", sorted(k for k in ns if not k.startswith("__")))
        ns["added_by_meta"] = name.lower()
        cls = super().__new__(mcls, name, bases, ns)
        return cls
    def __init__(cls, name, bases, ns, **kwargs):
        print(f"Meta.__init__ {name}")
        super().__init__(name, bases, ns)
    def __call__(cls, *args, **kwargs):
        print(f"Meta.__call__ {cls.__name__}{args}")
        inst = super().__call__(*args, **kwargs)
        inst.created_via_meta = True
        return inst
class Base(metaclass=Meta):
    x = 1
    def method(self):
        return "m"
class Child(Base, flag=True):
    y = 2
print(type(Base).__name__, type(Child).__name__, Base.added_by_meta, Child.added_by_meta)
c = Child()
print(c.created_via_meta, isinstance(Child, Meta), isinstance(c, Base))
Dyn = type("Dyn", (Base,), {"z": 3, "hello": lambda self: "hi from Dyn"})
d = Dyn()
print(Dyn.__name__, Dyn.z, d.hello(), Dyn.added_by_meta, Dyn.__mro__[1].__name__)
Plain = type("Plain", (), {"v": 10})
print(Plain.v, type(Plain), Plain.__bases__)
print(type(type), type(object), isinstance(type, object), isinstance(object, type))
class Singleton(type):
    _instances = {}
    def __call__(cls, *a, **k):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*a, **k)
        return cls._instances[cls]
class Conf(metaclass=Singleton):
    def __init__(self, v):
        self.v = v
a, b = Conf(1), Conf(2)
print(a is b, a.v, b.v)
class Registry(type):
    classes = []
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        if bases:
            Registry.classes.append(name)
        return cls
class Plugin(metaclass=Registry):
    pass
class PA(Plugin):
    pass
class PB(PA):
    pass
print(Registry.classes)
class Upper(type):
    def __new__(mcls, name, bases, ns):
        new_ns = {k if k.startswith("__") else k.upper(): v for k, v in ns.items()}
        return super().__new__(mcls, name, bases, new_ns)
class Shouty(metaclass=Upper):
    greeting = "hello"
    def speak(self):
        return "speaking"
print(Shouty.GREETING, Shouty().SPEAK(), hasattr(Shouty, "greeting"))
class MetaWithMethod(type):
    def describe(cls):
        return f"class {cls.__name__} with {len(cls.__dict__)} entries"
    @property
    def upper_name(cls):
        return cls.__name__.upper()
class Described(metaclass=MetaWithMethod):
    a = 1
print(Described.describe() == f"class Described with {len(Described.__dict__)} entries", Described.upper_name)
print(hasattr(Described(), "describe"))
