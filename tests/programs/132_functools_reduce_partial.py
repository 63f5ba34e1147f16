# functools.reduce and functools.partial
from functools import reduce, partial
import operator
print(reduce(operator.add, [1, 2, 3, 4]), reduce(operator.mul, range(1, 8)), reduce(lambda a, b: a + b, ["a", "b", "c"]))
print(reduce(operator.add, [], 0), reduce(operator.add, [5]), reduce(lambda acc, x: acc + [x * 2], [1, 2, 3], []))
try:
    reduce(operator.add, [])
except TypeError as e:
    print("TypeError:", e)
trace = []
def tracer(a, b):
    trace.append((a, b))
    return a * 10 + b
print(reduce(tracer, [1, 2, 3, 4]), trace)
print(reduce(max, [3, 9, 2, 7]), reduce(lambda d, kv: {**d, kv[0]: kv[1]}, [("a", 1), ("b", 2)], {}))
flatten = reduce(operator.concat, [[1, 2], [3], [4, 5]])
print(flatten, reduce(operator.or_, [{1}, {2, 3}, {3, 4}]))
def compose(*fs):
    return reduce(lambda f, g: lambda x: f(g(x)), fs)
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5))
print(reduce(lambda a, b: a * 2 + b, [1, 0, 1, 1]), int("1011", 2))
def power(base, exp, mod=None):
    return pow(base, exp, mod)
square = partial(power, exp=2)
cube = partial(power, exp=3)
two_to = partial(power, 2)
print(square(7), cube(3), two_to(10), two_to(10, 1000), square(5, mod=7))
print(square.func is power, square.args, square.keywords, two_to.args)
base2 = partial(int, base=2)
print(base2("1111"), base2("1010", base=10))
p2 = partial(partial(print, "A"), "B", sep="-")
p2("C")
join_dash = partial(str.join, "-")
print(join_dash(["x", "y", "z"]))
def show(a, b, c, d=0):
    return (a, b, c, d)
p = partial(show, 1, d=4)
print(p(2, 3), p(2, 3, d=5), partial(p, 2)(3))
try:
    p()
except TypeError as e:
    print("TypeError:", e)
adders = [partial(operator.add, i) for i in range(3)]
print([f(10) for f in adders])
from functools import partialmethod
class Cell:
    def __init__(self):
        self.alive = False
    def set_state(self, state):
        self.alive = state
    set_alive = partialmethod(set_state, True)
    set_dead = partialmethod(set_state, False)
c = Cell()
c.set_alive()
print(c.alive)
c.set_dead()
print(c.alive)
print(sorted(["b10", "a2", "c1"], key=partial(lambda idx, s: s[idx:], 1)))
print(list(map(partial(round, ndigits=1), [1.25, 2.35, 3.14159])))
