# Catching RecursionError from unbounded recursion and continuing afterwards
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError:
    print("caught RecursionError")
print(issubclass(RecursionError, RuntimeError))
def forever_method_chain():
    class Node:
        def visit(self):
            return self.visit()
    return Node().visit()
try:
    forever_method_chain()
except RecursionError:
    print("caught RecursionError in method")
class Recursive:
    def __repr__(self):
        return repr(self)
try:
    repr(Recursive())
except RecursionError:
    print("caught RecursionError in __repr__")
def mutual_a(n):
    return mutual_b(n)
def mutual_b(n):
    return mutual_a(n)
try:
    mutual_a(1)
except RecursionError:
    print("caught RecursionError in mutual recursion")
def fine(n):
    return 0 if n == 0 else 1 + fine(n - 1)
print("recursion still works afterwards:", fine(500))
cleanups = 0
def with_finally(n):
    global cleanups
    try:
        return with_finally(n + 1)
    finally:
        cleanups += 1
try:
    with_finally(0)
except RecursionError:
    print("caught RecursionError through finally blocks, cleanups ran:", cleanups > 100)
class Attr:
    def __getattr__(self, name):
        return getattr(self, "x" + name)
try:
    Attr().a
except RecursionError:
    print("caught RecursionError in __getattr__")
def gen_forever():
    yield from gen_forever()
try:
    next(gen_forever())
except RecursionError:
    print("caught RecursionError in generator delegation")
print(fine(100))
