# global statement and module-level names
counter = 0
def increment():
    global counter
    counter += 1
    return counter
print(increment(), increment(), counter)
def read_only():
    return counter * 10
print(read_only())
def shadow():
    counter = -1
    return counter
print(shadow(), counter)
def unbound_local():
    try:
        print(counter)
        counter = 5
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
unbound_local()
def create_global():
    global brand_new
    brand_new = "created inside function"
create_global()
print(brand_new)
def nested_global():
    def inner():
        global counter
        counter = 100
    inner()
    return counter
print(nested_global(), counter)
def del_global():
    global brand_new
    del brand_new
del_global()
try:
    print(brand_new)
except NameError as e:
    print("NameError:", e)
x = "module"
def f():
    x = "f local"
    def g():
        global x
        return x
    return g()
print(f())
def multiple():
    global a, b
    a, b = 1, 2
multiple()
print(a, b)
print("counter" in globals(), globals()["counter"])
globals()["dynamic"] = 42
print(dynamic)
def uses_builtin():
    return len([1, 2, 3])
len_backup = len
def len(x):
    return "shadowed len"
print(uses_builtin())
del len
print(uses_builtin())
for i in range(3):
    pass
print("loop var i at module level:", i)
if True:
    block_var = "blocks do not create scope"
print(block_var)
class K:
    global from_class
    from_class = "set in class body"
print(from_class)
