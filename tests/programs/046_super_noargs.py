# super() without arguments in various contexts
class Base:
    def __init__(self, value):
        self.value = value
        self.log = ["Base.__init__"]
    def describe(self):
        return f"Base({self.value})"
    @classmethod
    def create(cls, v):
        return cls(v)
    @staticmethod
    def helper():
        return "Base.helper"
    def __repr__(self):
        return "<" + self.describe() + ">"
class Child(Base):
    def __init__(self, value, extra):
        super().__init__(value)
        self.extra = extra
        self.log.append("Child.__init__")
    def describe(self):
        return "Child+" + super().describe()
    def call_helper(self):
        return super().helper()
class GrandChild(Child):
    def __init__(self):
        super().__init__(1, "x")
        self.log.append("GrandChild.__init__")
    def describe(self):
        return "Grand+" + super().describe()
g = GrandChild()
print(g.log, g.describe(), g, g.call_helper())
print(Child(5, "e").describe())
class Shape:
    def __init__(self, **kw):
        self.extra = kw
class Named(Shape):
    def __init__(self, name, **kw):
        self.name = name
        super().__init__(**kw)
class Colored(Shape):
    def __init__(self, color, **kw):
        self.color = color
        super().__init__(**kw)
class Thing(Named, Colored):
    pass
t = Thing(name="box", color="red", size=3)
print(t.name, t.color, t.extra)
class Cls:
    @classmethod
    def make(cls):
        return cls.__name__
class SubCls(Cls):
    @classmethod
    def make(cls):
        return "Sub:" + super().make()
print(SubCls.make(), Cls.make())
class Parent:
    def gen(self):
        yield from range(3)
class Kid(Parent):
    def gen(self):
        yield "start"
        yield from super().gen()
print(list(Kid().gen()))
class Props(Base):
    @property
    def val(self):
        return self.value * 2
class MoreProps(Props):
    @property
    def val(self):
        return super().val + 1
print(MoreProps(10).val)
try:
    def outside():
        return super().x
    outside()
except RuntimeError as e:
    print("RuntimeError:", e)
