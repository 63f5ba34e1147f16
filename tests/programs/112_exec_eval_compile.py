# exec / eval / compile with explicit globals and locals dicts
print(eval("1 + 2 * 3"), eval("x * 2", {"x": 21}), eval("a + b", {"a": 1}, {"b": 2}))
g = {}
exec("y = 10\ndef f(n):\n    return n + y\nz = f(5)", g)
print(g["y"], g["z"], g["f"](100), sorted(k for k in g if k != "__builtins__"), "__builtins__" in g)
loc = {}
exec("a = 1\nb = a + 1", {}, loc)
print(loc)
code = compile("sum(range(n))", "<expr>", "eval")
print(type(code).__name__, code.co_filename, eval(code, {"n": 10}), eval(code, {"n": 101}))
stmts = compile("for i in range(3):\n    out.append(i * i)", "<stmts>", "exec")
ns = {"out": []}
exec(stmts, ns)
exec(stmts, ns)
print(ns["out"])
single = compile("1 + 1", "<single>", "single")
print(type(single).__name__, single.co_name)
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno)
try:
    exec("def broken(:\n    pass")
except SyntaxError as e:
    print("SyntaxError at line", e.lineno)
try:
    eval("x = 5")
except SyntaxError as e:
    print("SyntaxError: eval only accepts expressions")
try:
    eval("undefined_thing + 1", {})
except NameError as e:
    print("NameError:", e)
restricted = {"__builtins__": {}}
try:
    eval("len([1, 2])", restricted)
except NameError as e:
    print("NameError with empty builtins:", e)
print(eval("len([1, 2])", {"__builtins__": {"len": len}}))
def func_scope():
    local_var = "local"
    return eval("local_var + '!'"), eval("local_var * 2", {}, {"local_var": "ab"})
print(func_scope())
src = """
class Dyn:
    def __init__(self, v):
        self.v = v
    def double(self):
        return self.v * 2
result = Dyn(21).double()
"""
space = {}
exec(src, space)
print(space["result"], space["Dyn"].__name__, space["Dyn"].__module__ if "__name__" in space else "module from builtins")
gl = {"__name__": "custom_mod"}
exec("class K: pass\nname = K.__module__", gl)
print(gl["name"])
counter = {"n": 0}
for _ in range(3):
    exec("n += 1", counter)
print(counter["n"])
expr = "[x ** 2 for x in range(5) if x % 2 == 0]"
print(eval(expr), eval(compile(expr, "<c>", "eval")))
print(eval("(lambda a, b: a * b)(6, 7)"), eval("'%s-%s' % ('a', 'b')"))
ret = exec("1 + 1")
print("exec returns", ret)
globals_seen = {}
exec("import math\nr = math.sqrt(49)", globals_seen)
print(globals_seen["r"], "math" in globals_seen)
print(eval("__name__"), eval("__name__", {"__name__": "other"}))
