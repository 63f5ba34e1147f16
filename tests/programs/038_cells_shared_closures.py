# Several closures sharing the same cell variables
def make_account(balance):
    def deposit(x):
        nonlocal balance
        balance += x
        return balance
    def withdraw(x):
        nonlocal balance
        if x > balance:
            return "insufficient"
        balance -= x
        return balance
    def peek():
        return balance
    return deposit, withdraw, peek
d, w, p = make_account(100)
print(d(50), w(30), w(500), p())
d2, w2, p2 = make_account(0)
print(d2(1), p(), p2())
print(d.__closure__[0] is p.__closure__[0], d.__closure__[0] is d2.__closure__[0])
print(d.__code__.co_freevars, p.__closure__[0].cell_contents)
def loop_cells():
    fns = []
    for i in range(3):
        fns.append(lambda: i)
    i = 100
    return fns
print([f() for f in loop_cells()])
def shared_list():
    items = []
    def add(x):
        items.append(x)
    def show():
        return list(items)
    def reset():
        nonlocal items
        items = []
    return add, show, reset
add, show, reset = shared_list()
add(1); add(2)
print(show())
reset()
add(3)
print(show())
def param_cell(x):
    def get():
        return x
    def set_(v):
        nonlocal x
        x = v
    return get, set_
g, s = param_cell("initial")
print(g())
s("updated")
print(g())
def two_levels():
    v = 0
    def level1():
        def level2():
            nonlocal v
            v += 1
            return v
        return level2
    a = level1()
    b = level1()
    return a(), b(), a(), v
print(two_levels())
def cell_in_comprehension():
    factor = 3
    res = [x * factor for x in range(4)]
    factor = 10
    gen = (x * factor for x in range(4))
    factor = 100
    return res, list(gen)
print(cell_in_comprehension())
