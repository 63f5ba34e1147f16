# staticmethod and classmethod
class Pizza:
    count = 0
    def __init__(self, toppings):
        self.toppings = toppings
        Pizza.count += 1
    @classmethod
    def margherita(cls):
        return cls(["mozzarella", "tomato"])
    @classmethod
    def count_str(cls):
        return f"{cls.__name__}: {cls.count}"
    @staticmethod
    def is_veggie(toppings):
        return not any(t in ("ham", "salami") for t in toppings)
    def __repr__(self):
        return f"{type(self).__name__}({self.toppings})"
p = Pizza.margherita()
print(p, Pizza.count_str(), p.count_str())
print(Pizza.is_veggie(["ham"]), p.is_veggie(p.toppings), Pizza.is_veggie([]))
class Calzone(Pizza):
    pass
c = Calzone.margherita()
print(c, type(c).__name__, Calzone.count_str(), Pizza.count)
print(type(Pizza.__dict__["margherita"]).__name__, type(Pizza.__dict__["is_veggie"]).__name__)
print(Pizza.margherita.__self__ is Pizza, Calzone.margherita.__self__ is Calzone)
sm = Pizza.__dict__["is_veggie"]
print(sm.__func__(["x"]), callable(sm))
cm = Pizza.__dict__["margherita"]
print(cm.__func__.__name__)
class Registry:
    _items = None
    @classmethod
    def register(cls, item):
        if cls._items is None:
            cls._items = []
        cls._items.append(item)
        return cls
class RegA(Registry):
    pass
class RegB(Registry):
    pass
RegA.register(1).register(2)
RegB.register("x")
print(RegA._items, RegB._items, Registry._items)
class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        return cls(*map(int, s.split("-")))
    @staticmethod
    def valid(s):
        parts = s.split("-")
        return len(parts) == 3 and all(p.isdigit() for p in parts)
    def __repr__(self):
        return f"Date({self.y}, {self.m}, {self.d})"
print(Date.from_string("2024-02-29"), Date.valid("2024-1-1"), Date.valid("x-1"))
def free(x):
    return x * 2
class Holder:
    f = staticmethod(free)
    g = free
print(Holder.f(4), Holder().f(4), Holder.g(4))
try:
    Holder().g(4)
except TypeError as e:
    print("TypeError:", e)
print(staticmethod(len)("abc"), Pizza.count_str.__func__(Calzone))
print(sorted(k for k in vars(Pizza) if not k.startswith("_")))
