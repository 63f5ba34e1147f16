# nonlocal: rebinding enclosing function variables
def counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get
inc, get = counter()
print(inc(), inc(), inc(10), get())
inc2, get2 = counter()
print(inc2(), get(), get2())
def outer():
    x = 1
    def middle():
        x = 2
        def inner():
            nonlocal x
            x += 100
            return x
        r = inner()
        return r, x
    m = middle()
    return m, x
print(outer())
def skip_level():
    v = "outer"
    def mid():
        def inner():
            nonlocal v
            v = "changed by inner"
        inner()
    mid()
    return v
print(skip_level())
def accumulate():
    total = []
    items = 0
    def add(x):
        nonlocal items
        total.append(x)
        items += 1
        return items, sum(total)
    return add
acc = accumulate()
for v in [5, 10, 15]:
    print(acc(v))
def make_fib():
    a, b = 0, 1
    def nxt():
        nonlocal a, b
        r = a
        a, b = b, a + b
        return r
    return nxt
nf = make_fib()
print([nf() for _ in range(12)])
def nonlocal_del():
    z = 1
    def kill():
        nonlocal z
        del z
    kill()
    try:
        return z
    except NameError as e:
        return "NameError: " + str(e)
print(nonlocal_del())
