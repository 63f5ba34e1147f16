# property: getter, setter, deleter, computed properties, validation, inheritance
class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius
    @property
    def celsius(self):
        print("  get celsius")
        return self._c
    @celsius.setter
    def celsius(self, value):
        print(f"  set celsius {value}")
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._c = value
    @celsius.deleter
    def celsius(self):
        print("  delete celsius")
        del self._c
    @property
    def fahrenheit(self):
        return self.celsius * 9 / 5 + 32
t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 10
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
try:
    t.celsius
except AttributeError as e:
    print("AttributeError:", e)
print(type(Temperature.celsius).__name__, Temperature.celsius.fget.__name__, Temperature.fahrenheit.fset)
class Old:
    def _get(self):
        return self._v * 2
    def _set(self, v):
        self._v = v
    value = property(_get, _set, None, "The value doc")
o = Old()
o.value = 21
print(o.value, Old.value.__doc__)
class Base:
    @property
    def name(self):
        return "base"
class Child(Base):
    @Base.name.getter
    def name(self):
        return "child"
class Child2(Base):
    @property
    def name(self):
        return "child2+" + super().name
print(Base().name, Child().name, Child2().name)
class ReadOnly:
    @property
    def x(self):
        return 42
ro = ReadOnly()
try:
    del ro.x
except AttributeError as e:
    print("AttributeError:", e)
ro.__dict__["x"] = "shadow?"
print(ro.x)
