# Closures: capturing variables from enclosing scopes
def make_adder(n):
    def add(x):
        return x + n
    return add
add5 = make_adder(5)
add10 = make_adder(10)
print(add5(1), add10(1), add5(add10(0)))
print(add5.__closure__[0].cell_contents, add5.__code__.co_freevars, make_adder.__code__.co_cellvars)
def outer():
    x = "outer x"
    def middle():
        def inner():
            return x
        return inner
    return middle()
print(outer()())
def late():
    funcs = []
    for i in range(3):
        def f():
            return i
        funcs.append(f)
    return funcs
print([f() for f in late()])
def early():
    funcs = []
    for i in range(3):
        def make(j):
            def f():
                return j
            return f
        funcs.append(make(i))
    return funcs
print([f() for f in early()])
def see_later_assignment():
    def get():
        return value
    value = "assigned after def"
    return get()
print(see_later_assignment())
def unbound():
    def get():
        return v
    try:
        return get()
    except NameError as e:
        return "NameError: " + str(e)
    v = 1
print(unbound())
def compose(*fns):
    def composed(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return composed
pipeline = compose(str, lambda x: x * 2, abs)
print(repr(pipeline(-21)))
def memo(f):
    cache = {}
    def wrapped(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    wrapped.cache = cache
    return wrapped
@memo
def slow_sq(n):
    print("  computing", n)
    return n * n
print(slow_sq(4), slow_sq(4), slow_sq(5), sorted(slow_sq.cache.items()))
x = "global"
def shadow():
    x = "local"
    def inner():
        return x
    return inner()
print(shadow(), x)
