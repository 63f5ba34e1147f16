# Custom containers: __getitem__/__setitem__/__delitem__/__len__/__contains__/__iter__/__reversed__
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __getitem__(self, key):
        if isinstance(key, tuple):
            x, y = key
            if not (0 <= x < self.w and 0 <= y < self.h):
                raise IndexError(f"cell {key} out of range")
            return self.cells.get(key, ".")
        raise TypeError("key must be (x, y)")
    def __setitem__(self, key, value):
        self.cells[key] = value
    def __delitem__(self, key):
        del self.cells[key]
    def __len__(self):
        return len(self.cells)
    def __contains__(self, value):
        return value in self.cells.values()
    def __iter__(self):
        for y in range(self.h):
            yield "".join(self[x, y] for x in range(self.w))
g = Grid(4, 3)
g[0, 0] = "#"
g[3, 2] = "@"
g[1, 1] = "#"
print(len(g), "@" in g, "X" in g, g[0, 0], g[2, 2])
for row in g:
    print(row)
del g[1, 1]
print(list(g), len(g))
try:
    g[5, 5]
except IndexError as e:
    print("IndexError:", e)
try:
    g["a"]
except TypeError as e:
    print("TypeError:", e)
class Squares:
    def __getitem__(self, i):
        if i >= 6:
            raise IndexError
        print(f"  getitem({i})")
        return i * i
sq = Squares()
print(list(sq))
print(16 in sq, 3 in sq)
for v in sq:
    if v > 4:
        break
class Seq:
    def __init__(self, data):
        self.data = data
    def __len__(self):
        return len(self.data)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return Seq(self.data[i])
        return self.data[i]
    def __reversed__(self):
        print("  __reversed__ used")
        return iter(self.data[::-1] + ["(rev)"])
    def __repr__(self):
        return f"Seq({self.data})"
s = Seq([1, 2, 3, 4, 5])
print(s[1], s[-1], s[1:4], s[::-1], len(s), list(reversed(s)), bool(Seq([])))
class Bag:
    def __init__(self):
        self.items = []
    def __iter__(self):
        return iter(self.items)
    def __len__(self):
        return len(self.items)
b = Bag()
b.items.extend([3, 1, 2])
print(sorted(b), sum(b), 2 in b, list(enumerate(b)), max(b), tuple(b), bool(b))
