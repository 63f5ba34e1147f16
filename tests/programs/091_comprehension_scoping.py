# Comprehension scoping: loop variables do not leak; first iterable evaluated in enclosing scope
x = "outer x"
result = [x for x in range(3)]
print(result, x)
y = "outer y"
s = {y for y in "ab"}
d = {y: 1 for y in "cd"}
g = list(y for y in "ef")
print(sorted(s), d, g, y)
def func():
    i = "func i"
    lst = [i for i in range(2)]
    return lst, i
print(func())
n = 10
print([n * k for k in range(3)])
def uses_enclosing():
    factor = 3
    return [v * factor for v in range(4)], {v: factor for v in "ab"}
print(uses_enclosing())
data = [[1, 2], [3]]
print([[v for v in row] for row in data])
row = "untouched"
print([v for row in data for v in row], row)
class C:
    vals = [1, 2, 3]
    firsts = [v for v in vals]
    try:
        pairs = [(v, w) for v in vals for w in vals]
    except NameError as e:
        pairs = f"NameError: {e}"
print(C.firsts, C.pairs)
print([w := v * 2 for v in range(3)], w)
def walrus_binds_in_function():
    [last := q for q in range(5)]
    return last
print(walrus_binds_in_function())
total = 0
partial = [total := total + v for v in [1, 2, 3, 4]]
print(partial, total)
fns = [lambda: k for k in range(3)]
print([f() for f in fns])
def shadow_builtin():
    return [len for len in range(3)], len("abc")
print(shadow_builtin())
nested_same = [[i for i in range(i)] for i in range(4)]
print(nested_same)
gen_scope = list((a, b) for a in range(2) for b in range(a, 2))
print(gen_scope)
e = "outer e"
try:
    [e for e in [1]][0] / 0
except ZeroDivisionError:
    pass
print(e)
