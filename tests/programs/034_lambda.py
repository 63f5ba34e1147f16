# lambda expressions
square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2), (lambda: "no args")(), (lambda *a, **k: (a, k))(1, x=2))
print(square.__name__, (lambda: 0).__name__, add.__defaults__)
pairs = [(1, "one"), (3, "three"), (2, "two")]
print(sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: -p[0]))
print(list(map(lambda x: x ** 2, range(6))), list(filter(lambda s: len(s) > 3, ["a", "abcd", "xyzzy", "no"])))
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
# late binding in lambdas created in loops
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs2 = [lambda i=i: i for i in range(3)]
print([f() for f in fs2])
# lambdas capturing enclosing scope
def make_multiplier(n):
    return lambda x: x * n
triple = make_multiplier(3)
print(triple(4), make_multiplier(-1)(9))
cond = lambda x: "even" if x % 2 == 0 else "odd"
print([cond(i) for i in range(4)])
curry = lambda a: lambda b: lambda c: a + b + c
print(curry(1)(2)(3), curry("a")("b")("c"))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
for sym in "+-*":
    print(7, sym, 3, "=", ops[sym](7, 3))
print((lambda x, /, y, *, z: (x, y, z))(1, 2, z=3))
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(12))
Y = lambda f: (lambda x: x(x))(lambda y: f(lambda *a: y(y)(*a)))
print(Y(lambda rec: lambda n: 1 if n == 0 else n * rec(n - 1))(6))
nested = lambda: (lambda: (lambda: "deep")())()
print(nested())
print(type(square).__name__, callable(square))
print(max(["apple", "fig", "banana"], key=lambda s: s[-1]))
