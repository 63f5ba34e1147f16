# preempt-in: __call__ __getitem__ __setitem__ __contains__
def spin(n):
    total = 0
    for i in range(n):
        total += i % 7
    return total


class Adder:
    def __init__(self, base):
        self.base = base

    def __call__(self, x, scale=1):
        spin(3000)
        return self.base + x * scale


class Grid:
    def __init__(self):
        self.cells = {}

    def __getitem__(self, key):
        spin(3000)
        return self.cells.get(key, 0)

    def __setitem__(self, key, value):
        spin(3000)
        self.cells[key] = value

    def __contains__(self, key):
        spin(3000)
        return key in self.cells


add = Adder(10)
print(add(5), add(5, scale=3))
g = Grid()
g[1, 2] = 7
print(g[1, 2], g[0, 0])
print((1, 2) in g, (3, 3) in g, (3, 3) not in g)
