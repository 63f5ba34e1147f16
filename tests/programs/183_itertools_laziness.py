# itertools never reads more of an input than CPython does: shared iterators see the same rest
from itertools import (accumulate, batched, chain, combinations, compress, count, cycle,
                       dropwhile, filterfalse, groupby, islice, pairwise, permutations, product,
                       repeat, starmap, takewhile, tee, zip_longest)

class Logged:
    def __init__(self, name, items):
        self.name, self.items, self.i = name, list(items), 0
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= len(self.items):
            print(f"  {self.name}: exhausted")
            raise StopIteration
        v = self.items[self.i]
        self.i += 1
        print(f"  {self.name} -> {v!r}")
        return v

print("islice stops before reading past stop")
it = Logged("a", range(10))
print(list(islice(it, 2, 5)), "rest:", next(it))
it = Logged("b", range(10))
print(list(islice(it, 1, 7, 3)), "rest:", next(it))
it = Logged("c", range(3))
print(list(islice(it, 0)), list(islice(it, None)))

print("compress reads the datum before its selector")
d, s = Logged("data", "abc"), Logged("sel", [1, 0])
print(list(compress(d, s)), "data left:", list(d))

print("takewhile consumes the first failing item, dropwhile stops testing")
it = Logged("t", [1, 2, 5, 1])
print(list(takewhile(lambda x: x < 3, it)), "rest:", list(it))
calls = []
def small(x):
    calls.append(x)
    return x < 3
print(list(dropwhile(small, [1, 2, 5, 1, 0])), calls)

print("zip_longest and chain")
a, b = Logged("x", [1, 2]), Logged("y", [1])
print(list(zip_longest(a, b)))
c = chain(Logged("p", [1]), Logged("q", [2]))
print(next(c), next(c))

print("pairwise and batched read ahead only as needed")
it = Logged("pw", "abcd")
p = pairwise(it)
print(next(p))
print(next(p))
it = Logged("bt", range(5))
bt = batched(it, 2)
print(next(bt))
print(list(bt))
print(list(batched(Logged("bs", range(2)), 3)))

print("groupby reads one item ahead")
it = Logged("g", "aabc")
gb = groupby(it)
k, g = next(gb)
print("key", k)
print(next(g))
print(next(g))
k2, g2 = next(gb)
print("key", k2, "old group:", list(g))
print([(k, list(v)) for k, v in gb])

print("tee buffers for the slower sibling")
it = Logged("te", range(4))
t1, t2 = tee(it)
print(next(t1), next(t1))
print(next(t2))
print(list(t1), list(t2))

print("combinatorics read the whole input first")
it = Logged("co", "abc")
cm = combinations(it, 2)
print("made")
print(next(cm))
print(next(product(Logged("pr", [1, 2]), repeat=2)))
print(next(permutations(Logged("pe", "xy"))))

print("cycle saves items while it reads them")
it = Logged("cy", "ab")
cy = cycle(it)
print([next(cy) for _ in range(5)])

print("accumulate, starmap, filterfalse")
print(list(accumulate(Logged("ac", [1, 2, 3]), initial=10)))
print(list(starmap(pow, Logged("sm", [(2, 3), (3, 2)]))))
print(list(filterfalse(None, Logged("ff", [0, 1, 0, 2]))))

print("count and repeat never touch anything")
print(list(zip(count(), Logged("z", "ab"))))
print(list(zip(Logged("z2", "ab"), repeat("r"))))

print("errors from inputs pass through and leave the iterator usable")
def boom():
    yield 1
    raise KeyError("input failed")
it = islice(boom(), 5)
print(next(it))
try:
    next(it)
except KeyError as e:
    print("KeyError", e)
print(list(it))
ch = chain([1], boom(), [9])
try:
    print(list(ch))
except KeyError as e:
    print("KeyError", e)
print(list(ch))
def key_fails(x):
    if x == 2:
        raise ValueError("bad key")
    return x
gb = groupby([1, 1, 2, 3], key=key_fails)
print(next(gb)[0])
try:
    next(gb)
except ValueError as e:
    print("ValueError", e)
z = zip_longest([1, 2], boom())
print(next(z))
try:
    next(z)
except KeyError as e:
    print("KeyError", e)
print(list(z))
b = batched(boom(), 3)
try:
    next(b)
except KeyError as e:
    print("KeyError", e)
print(list(b))
