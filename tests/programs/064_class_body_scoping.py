# Class-body scoping rules: class namespace is not an enclosing scope for functions/comprehensions
x = "global x"
class A:
    x = "class x"
    y = x
    def method(self):
        return x
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]
    try:
        bad = [x for _ in items]
    except NameError as e:
        bad = "NameError"
    try:
        bad2 = [items for _ in range(2)]
    except NameError as e:
        bad2 = "NameError: " + str(e)
    gen_first = list(i for i in items)
print(A.y, A().method(), A.doubled, A.bad, A.bad2, A.gen_first)
def outer():
    v = "function v"
    class B:
        v = "class v"
        w = v
        def get(self):
            return v
        lst = [v for _ in range(1)]
    return B
B = outer()
print(B.w, B().get(), B.lst)
def outer2():
    z = "enclosing z"
    class C:
        try:
            print("inside class body z =", z)
        except NameError as e:
            print("NameError in class body:", e)
        z = "class z"
        print("after assignment z =", z)
        def get(self):
            return z
    return C
C = outer2()
print(C.z, C().get())
def outer3():
    z = "enclosing z"
    class C2:
        seen = z
    return C2.seen
print(outer3())
class D:
    n = 5
    sq = {k: k * k for k in range(3)}
    lam = lambda self: n if False else "lambda can't see class n"
    t = tuple(range(n))
print(D.sq, D().lam(), D.t)
class E:
    a = 1
    b = a + 1
    del a
    c = b * 10
print(hasattr(E, "a"), E.b, E.c)
class F:
    counter = 0
    for i in range(3):
        counter += i
    del i
    names = []
    for name in ["x", "y"]:
        names.append(name * 2)
print(F.counter, F.names, F.name)
class G:
    def f(self):
        return "f"
    g = f
    def f(self):
        return "f2"
print(G().f(), G().g())
