# Class attributes vs instance attributes, shadowing, mutable class attrs
class Dog:
    species = "canis"
    tricks = []
    count = 0
    def __init__(self, name):
        self.name = name
        Dog.count += 1
        self.own_tricks = []
    def add_trick(self, t):
        self.tricks.append(t)
        self.own_tricks.append(t)
a, b = Dog("rex"), Dog("fido")
a.add_trick("roll")
b.add_trick("sit")
print(a.tricks, b.tricks, Dog.tricks, a.own_tricks, b.own_tricks)
print(Dog.count, a.count, b.count)
a.species = "wolf"
print(a.species, b.species, Dog.species, "species" in a.__dict__, "species" in b.__dict__)
del a.species
print(a.species)
Dog.species = "canis familiaris"
print(a.species, b.species)
a.count = 100
Dog.count += 1
print(a.count, b.count, Dog.count)
try:
    del b.species
except AttributeError as e:
    print("AttributeError:", e)
class Config:
    defaults = {"debug": False}
    def __init__(self, **over):
        self.settings = dict(self.defaults)
        self.settings.update(over)
c1 = Config(debug=True)
c2 = Config()
print(c1.settings, c2.settings, Config.defaults)
class A:
    x = 1
class B(A):
    pass
class C(B):
    x = 3
print(A.x, B.x, C.x)
B.x = 2
print(A.x, B.x, C.x, B.__dict__.get("x"), C().x)
del B.x
print(B.x)
obj = B()
obj.x = "instance"
print(obj.x, B.x, type(obj).x)
class Counter:
    total = 0
    def inc(self):
        self.total += 1
c = Counter()
c.inc(); c.inc()
print(c.total, Counter.total)
class Meta:
    items = [i * i for i in range(4)]
    first = items[0]
    doubled = list(map(lambda v: v * 2, items))
print(Meta.items, Meta.first, Meta.doubled)
print(sorted(k for k in Dog.__dict__ if not k.startswith("__")))
print(sorted(vars(a)))
