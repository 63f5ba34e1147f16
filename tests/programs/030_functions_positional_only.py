# Positional-only parameters (PEP 570)
def pos(a, b, /, c, *, d):
    return (a, b, c, d)
print(pos(1, 2, 3, d=4), pos(1, 2, c=3, d=4))
try:
    pos(1, b=2, c=3, d=4)
except TypeError as e:
    print("TypeError:", e)
def only_pos(x, y=5, /):
    return x + y
print(only_pos(1), only_pos(1, 2))
try:
    only_pos(x=1)
except TypeError as e:
    print("TypeError:", e)
def pos_and_kwargs(name, /, **kwargs):
    return name, kwargs
print(pos_and_kwargs("n", name="also allowed", other=1))
print(pos.__code__.co_posonlyargcount, only_pos.__code__.co_posonlyargcount, only_pos.__defaults__)
def everything(a, /, b, *args, c, d=4, **kw):
    return f"a={a} b={b} args={args} c={c} d={d} kw={kw}"
print(everything(1, 2, c=3))
print(everything(1, b=2, c=3, e=5))
print(everything(1, 2, 3, 4, c=5, d=6, f=7))
try:
    everything(1, 2)
except TypeError as e:
    print("TypeError:", e)
print(divmod(7, 2), len([1, 2]), pow(2, 5))
try:
    len(obj=[1])
except TypeError as e:
    print("TypeError raised for len(obj=...)")
class P:
    def method(self, x, /, y):
        return x, y
print(P().method(1, y=2), P().method(1, 2))
try:
    P().method(x=1, y=2)
except TypeError as e:
    print("TypeError:", e)
lam = lambda a, /, b: a - b
print(lam(10, 3), lam(10, b=4))
try:
    lam(a=1, b=2)
except TypeError as e:
    print("TypeError:", e)
