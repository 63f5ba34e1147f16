# Augmented assignment to names, attributes, subscripts, slices
n = 10
n += 5; print(n)
n -= 3; print(n)
n *= 2; print(n)
n //= 5; print(n)
n **= 3; print(n)
n %= 7; print(n)
n <<= 4; print(n)
n >>= 2; print(n)
n |= 0b1000; print(n)
n &= 0b1110; print(n)
n ^= 0b0101; print(n)
n /= 2; print(n)
s = "ab"
s += "cd"; s *= 2
print(s)
class Obj:
    def __init__(self):
        self.count = 0
        self.items = []
o = Obj()
o.count += 1
o.count *= 10
o.items += [1, 2]
o.items *= 2
print(o.count, o.items)
d = {"a": 1}
d["a"] += 100
d.setdefault("b", 0)
d["b"] -= 1
print(d)
lst = [1, 2, 3]
lst[0] += 10
lst[-1] **= 2
lst[1:2] += ["x"]
print(lst)
m = [[0] * 3 for _ in range(2)]
m[1][2] += 7
m[0][0] -= 1
print(m)
class Cls:
    total = 0
Cls.total += 5
print(Cls.total)
t = (1, 2)
t += (3,)
t *= 2
print(t)
st = {1, 2}
st |= {3}
st &= {2, 3, 4}
st -= {4}
st ^= {5}
print(st)
f = 1.5
f **= 2
f //= 1
print(f)
c = 1 + 2j
c *= 1j
print(c)
b = b"x"
b += b"yz"
print(b)
nested = {"k": {"inner": [1]}}
nested["k"]["inner"][0] += 41
print(nested)
x = y = 5
x += 1
print(x, y)
la = lb = [1]
la += [2]
print(la, lb, la is lb)
fr = frozenset({1})
fr2 = fr
fr |= {2}
print(fr, fr2, fr is fr2)
