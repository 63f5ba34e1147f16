# Conditional (ternary) expressions
def sign(n):
    return "pos" if n > 0 else "neg" if n < 0 else "zero"
print([sign(n) for n in (-5, 0, 5)])
calls = []
def t(v):
    calls.append(f"t{v}")
    return v
r = t("yes") if t(True) else t("no")
print(r, calls)
calls.clear()
r = t("yes") if t(0) else t("no")
print(r, calls)
x = 5
print("big" if x > 3 else "small", ("a" if x else "b") + "!", 1 if x else 2 * 10)
print((lambda v: "odd" if v % 2 else "even")(7))
nested = [("A" if n >= 90 else "B" if n >= 80 else "C" if n >= 70 else "F") for n in (95, 85, 75, 5)]
print(nested)
val = None
print(val if val is not None else "default", (val or "or-default"))
print([i if i % 3 else "fizz" for i in range(7)])
print(max(3, 7) if True else min(3, 7), (10 if False else 20) + 1)
print("x" if [] else "y", "x" if [0] else "y", "x" if "" else "y")
a, b = (1, 2) if x > 0 else (3, 4)
print(a, b)
f = abs if x < 0 else str
print(f(x), repr(f(x)))
print({"k": 1 if x else 0}, [0 if i < 2 else 1 for i in range(4)])
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(10))
print(1 if 0 else 2 if 0 else 3 if 0 else 4)
print(("then" if 1 else "else").upper(), len("abc" if x else "de"))
lst = [1, 2, 3]
lst[0 if x > 100 else -1] = "changed"
print(lst)
print(not x if x else "falsy")
