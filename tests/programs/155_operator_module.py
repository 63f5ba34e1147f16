# operator module: itemgetter, attrgetter, methodcaller, arithmetic functions
import operator as op
from operator import itemgetter, attrgetter, methodcaller
print(op.add(2, 3), op.sub(2, 3), op.mul(4, 5), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 8), op.neg(5), op.pos(-5))
print(op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.invert(5), op.lshift(1, 4), op.rshift(64, 2), op.matmul.__name__)
print(op.eq(1, 1), op.ne(1, 2), op.lt(1, 2), op.le(2, 2), op.gt(1, 2), op.ge(3, 2), op.not_(0), op.truth([]), op.is_(None, None), op.is_not(1, None))
print(op.concat([1], [2]), op.contains("abc", "b"), op.countOf([1, 2, 1], 1), op.indexOf("xyz", "z"), op.getitem([5, 6], 1), op.abs(-3), op.index(7))
lst = [1, 2, 3]
op.setitem(lst, 0, "a")
op.delitem(lst, 1)
print(lst, op.length_hint(iter(range(5))))
x = [1]
x = op.iadd(x, [2])
print(x, op.iconcat([0], [1]), op.imul(3, 4))
rows = [("ann", 30, "oslo"), ("bob", 25, "rome"), ("cy", 35, "oslo"), ("dee", 25, "lima")]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(2, 0)))
get0 = itemgetter(0)
get_multi = itemgetter(2, 0)
print(get0(rows[0]), get_multi(rows[0]), itemgetter("k")({"k": "v"}), itemgetter(slice(1, 3))("abcd"))
print(list(map(itemgetter(0), rows)), max(rows, key=itemgetter(1)))
class P:
    def __init__(self, name, addr):
        self.name = name
        self.addr = addr
class Addr:
    def __init__(self, city):
        self.city = city
people = [P("zed", Addr("b")), P("amy", Addr("c")), P("kim", Addr("a"))]
print([p.name for p in sorted(people, key=attrgetter("name"))], [p.name for p in sorted(people, key=attrgetter("addr.city"))])
print(attrgetter("name", "addr.city")(people[0]))
up = methodcaller("upper")
rep = methodcaller("replace", "a", "4")
split2 = methodcaller("split", ",", 1)
print(up("abc"), rep("banana"), split2("a,b,c"), list(map(methodcaller("strip", "*"), ["*x*", "**y"])))
from functools import reduce
print(reduce(op.mul, range(1, 6)), reduce(op.or_, [1, 2, 4]), list(map(op.add, [1, 2], [10, 20])))
ops = {"+": op.add, "-": op.sub, "*": op.mul, "/": op.truediv, "**": op.pow, "%": op.mod}
for sym, fn in ops.items():
    print(f"12 {sym} 5 = {fn(12, 5)}")
def rpn(expr):
    stack = []
    for tok in expr.split():
        if tok in ops:
            b, a = stack.pop(), stack.pop()
            stack.append(ops[tok](a, b))
        else:
            stack.append(int(tok))
    return stack[0]
print(rpn("3 4 + 2 *"), rpn("5 1 2 + 4 * + 3 -"), rpn("2 10 **"))
from itertools import starmap
print(list(starmap(op.mul, [(2, 3), (4, 5)])), sorted({"b": 2, "a": 3}.items(), key=itemgetter(1)))
print(repr(itemgetter(1, 2)), repr(attrgetter("x")), repr(methodcaller("f", 1, k=2)))
