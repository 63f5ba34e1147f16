# Single inheritance, overriding, isinstance/issubclass
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def describe(self):
        return f"{type(self).__name__}({self.name}): {self.speak()}"
class Dog(Animal):
    sound = "woof"
class Cat(Animal):
    sound = "meow"
    def speak(self):
        return super().speak() + " (purr)"
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return "tiny " + super().speak()
animals = [Animal("generic"), Dog("rex"), Cat("tom"), Puppy("bit", 1)]
for a in animals:
    print(a.describe())
p = animals[3]
print(p.age, p.name, isinstance(p, Puppy), isinstance(p, Dog), isinstance(p, Animal), isinstance(p, Cat))
print(issubclass(Puppy, Animal), issubclass(Dog, Puppy), issubclass(Dog, Dog), issubclass(Dog, object))
print(Puppy.__bases__, Puppy.__mro__)
print(Puppy.__base__.__name__, Dog.__subclasses__(), Animal.__subclasses__())
print(isinstance(3, (str, int)), isinstance("s", (list, tuple)), issubclass(bool, (str, int)))
class Base:
    def template(self):
        return f"[{self.step1()}|{self.step2()}]"
    def step1(self):
        return "base1"
    def step2(self):
        return "base2"
class Derived(Base):
    def step2(self):
        return "derived2"
print(Base().template(), Derived().template())
class Shape:
    def area(self):
        raise NotImplementedError(type(self).__name__ + ".area")
class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
class Circle(Shape):
    pass
for s in (Square(3), Circle()):
    try:
        print(type(s).__name__, s.area())
    except NotImplementedError as e:
        print("NotImplementedError:", e)
class MyList(list):
    def sum(self):
        return sum(self)
ml = MyList([1, 2, 3])
ml.append(4)
print(ml, ml.sum(), len(ml), type(ml).__name__, isinstance(ml, list), ml[1:])
class MyDict(dict):
    def __missing__(self, key):
        return f"<{key} missing>"
md = MyDict(a=1)
print(md["a"], md["zzz"], md.get("zzz"), md)
class Upper(str):
    def shout(self):
        return self.upper() + "!"
u = Upper("hey")
print(u, u.shout(), u + " you", type(u + "x").__name__, len(u))
