# with statement: __enter__/__exit__ protocol, exception info passed to __exit__
class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print(f"enter {self.name}")
        return f"handle-{self.name}"
    def __exit__(self, exc_type, exc, tb):
        print(f"exit {self.name}: type={exc_type.__name__ if exc_type else None} exc={exc!r} tb={tb is not None}")
        return False
with Resource("a") as h:
    print("  body with", h)
with Resource("b"):
    print("  body without as")
try:
    with Resource("c") as h:
        print("  about to fail")
        raise ValueError("boom")
        print("  unreachable")
except ValueError as e:
    print("propagated:", e)
def early_return():
    with Resource("d"):
        return "returned from inside with"
print(early_return())
for i in range(3):
    with Resource(f"loop{i}"):
        if i == 1:
            continue
        if i == 2:
            break
        print("  loop body", i)
class Self:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        print("Self exit args:", args)
    def value(self):
        return 99
with Self() as s:
    print(s.value())
with Resource("outer") as o, Resource("inner") as i:
    print("  both:", o, i)
with (
    Resource("p1") as x,
    Resource("p2") as y,
):
    print("  parenthesized:", x, y)
class Targets:
    def __enter__(self):
        return (1, [2, 3])
    def __exit__(self, *a):
        return None
with Targets() as (a, [b, c]):
    print(a, b, c)
d = {}
with Targets() as d["key"]:
    pass
print(d)
class NoExit:
    def __enter__(self):
        return self
try:
    with NoExit():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, "raised:", e)
class EnterFails:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("never called")
try:
    with EnterFails():
        print("never")
except RuntimeError as e:
    print("RuntimeError:", e)
