# __init_subclass__ and class keyword arguments, __class_getitem__
class Plugin:
    registry = {}
    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        key = name or cls.__name__.lower()
        print(f"registering {cls.__name__} as {key!r}")
        Plugin.registry[key] = cls
class Alpha(Plugin):
    pass
class Beta(Plugin, name="b"):
    pass
class Gamma(Beta):
    pass
print(sorted(Plugin.registry), Plugin.registry["b"] is Beta)
class Validated:
    required = ()
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        missing = [r for r in cls.required if not hasattr(cls, r)]
        if missing:
            raise TypeError(f"{cls.__name__} missing {missing}")
class Good(Validated):
    required = ("run",)
    def run(self):
        return "running"
print(Good().run())
try:
    class BadOne(Validated):
        required = ("run", "stop")
except TypeError as e:
    print("TypeError:", e)
class Counted:
    subclasses = 0
    def __init_subclass__(cls):
        Counted.subclasses += 1
        cls.index = Counted.subclasses
class C1(Counted): pass
class C2(Counted): pass
class C3(C1): pass
print(Counted.subclasses, C1.index, C2.index, C3.index)
try:
    class Wrong(Counted, extra=1):
        pass
except TypeError as e:
    print("TypeError:", e)
class Typed:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__ if isinstance(item, type) else item}]"
print(Typed[int], Typed["x"], Typed[str])
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print(f"Meta.__new__({name}, kw={kw})")
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
class WithMeta(metaclass=Meta):
    def __init_subclass__(cls, **kw):
        print(f"__init_subclass__({cls.__name__}, kw={kw})")
class Sub(WithMeta, tag="x"):
    pass
class Hooked:
    def __init_subclass__(cls, **kw):
        print("Hooked sees", cls.__name__, "attrs:", sorted(k for k in vars(cls) if not k.startswith("__")))
class H(Hooked):
    a = 1
    def b(self): pass
print(type(Plugin.__dict__["__init_subclass__"]).__name__)
