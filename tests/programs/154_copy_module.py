# copy.copy and copy.deepcopy, including cycles and custom __copy__/__deepcopy__
import copy
orig = {"nums": [1, 2, [3, 4]], "name": "x", "t": (1, [2])}
sh = copy.copy(orig)
dp = copy.deepcopy(orig)
orig["nums"][2].append(5)
orig["t"][1].append(3)
orig["name"] = "changed"
print(orig)
print(sh)
print(dp)
print(sh["nums"] is orig["nums"], dp["nums"] is orig["nums"], dp["nums"][2] is orig["nums"][2])
a = [1, 2]
a.append(a)
b = copy.deepcopy(a)
print(b, b[2] is b, b is not a, b[2] is not a)
shared = [0]
pair = [shared, shared]
dpair = copy.deepcopy(pair)
print(dpair[0] is dpair[1], dpair[0] is shared)
class Node:
    def __init__(self, v):
        self.v = v
        self.next = None
    def __repr__(self):
        return f"Node({self.v})"
n1, n2 = Node(1), Node(2)
n1.next, n2.next = n2, n1
c1 = copy.deepcopy(n1)
print(c1, c1.next, c1.next.next is c1, c1 is not n1)
s1 = copy.copy(n1)
print(s1.next is n2, s1 is not n1)
class Tracked:
    def __init__(self, data):
        self.data = data
    def __copy__(self):
        print("  __copy__ called")
        return Tracked(self.data)
    def __deepcopy__(self, memo):
        print("  __deepcopy__ called, memo size", len(memo))
        return Tracked(copy.deepcopy(self.data, memo))
t = Tracked([1, [2]])
t2 = copy.copy(t)
t3 = copy.deepcopy(t)
print(t2.data is t.data, t3.data is t.data, t3.data == t.data)
tup = (1, 2, 3)
print(copy.copy(tup) is tup, copy.deepcopy(tup) is tup)
tup2 = (1, [2])
print(copy.deepcopy(tup2) is tup2, copy.deepcopy(tup2) == tup2)
print(copy.copy(5) == 5, copy.deepcopy(None) is None, copy.copy([1, [2]])[1] is not None)
from collections import OrderedDict, defaultdict
dd = defaultdict(list, {"a": [1]})
ddc = copy.deepcopy(dd)
ddc["a"].append(2)
ddc["b"].append(3)
print(dd, ddc)
class WithState:
    def __init__(self):
        self.items = [1, 2]
        self.cache = "expensive"
    def __getstate__(self):
        st = self.__dict__.copy()
        del st["cache"]
        return st
    def __setstate__(self, st):
        self.__dict__.update(st)
        self.cache = "rebuilt"
ws = copy.deepcopy(WithState())
print(ws.items, ws.cache)
lst = [[0] * 2] * 2
dl = copy.deepcopy(lst)
dl[0][0] = 9
print(dl, dl[0] is dl[1])
import functools
print(copy.deepcopy(len) is len, copy.copy(functools.partial(int, base=2))("101"))
