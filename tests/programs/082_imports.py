# import forms for stdlib modules
import math
import math as m
from collections import deque, Counter as C
from os import path as osp
import collections.abc
from itertools import *
from functools import (
    reduce,
    partial,
)
import json, string
print(math.sqrt(16), m.sqrt(25), m is math, math.pi == m.pi)
dq = deque([1, 2, 3])
dq.appendleft(0)
print(dq, C("hello").most_common(2))
print(osp.join("a", "b", "c.txt"), osp.splitext("file.tar.gz"), osp.basename("/x/y/z.py"))
print(collections.abc.Sequence.__name__, issubclass(list, collections.abc.MutableSequence))
print(list(islice(count(5), 3)), list(chain([1], [2])), reduce(lambda a, b: a * b, range(1, 6)))
print(partial(int, base=2)("1011"), json.dumps([1, None]), string.digits)
import sys
print("math" in sys.modules, type(sys.modules["json"]).__name__, sys.modules["math"] is math)
def lazy():
    import random as rnd
    return rnd.__name__
print(lazy(), "rnd" in globals())
mod = __import__("operator")
print(mod.add(2, 3), mod.__name__)
import importlib
heapq_mod = importlib.import_module("heapq")
print(heapq_mod.nsmallest(2, [5, 1, 4]))
try:
    import does_not_exist_module
except ImportError as e:
    print(type(e).__name__, e.name)
try:
    from math import no_such_name
except ImportError as e:
    print("ImportError:", e.name, "no_such_name" in str(e))
from math import (pi as PI, e as E)
print(round(PI, 4), round(E, 4))
print(sorted(n for n in dir(math) if n.startswith("is")))
print(hasattr(math, "tau"), math.__name__, type(math).__name__)
import math
print(math is m, m.floor(-2.5), m.gcd(12, 18))
print(__name__, type(__builtins__).__name__ in ("module", "dict"))
import builtins
print(builtins.len("four"), builtins.__name__)
