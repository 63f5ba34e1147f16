# repr of nested and recursive containers, strings with quotes and escapes
data = {"list": [1, 2.5, "s", None, True], "tuple": (1,), "empty": ((), [], {}, set(), ""), "nested": {"a": {"b": [{"c": (1, [2])}]}}}
print(data)
print(repr(data) == str(data))
print([[], [[]], [[[]]]], ((), ((),)), [{}], {1: {2: {3: {}}}})
print(["it's", 'say "hi"', "both ' and \"", "back\\slash", "new\nline", "tab\t", "\x00\x1f\x7f", "é", "\u200b", "😀"])
print(("a",), ("a", "b"), [("a",)], {("k",): ["v"]})
print([1.0, 1e100, -0.0, float("inf"), float("nan"), 1 / 3, 2 ** 0.5, 1e-10])
print([1 + 2j, -1j, complex(0, 0), b"bytes", bytearray(b"ba"), b"\x00\xff'\""])
print(range(3), [range(0, 10, 2)], slice(1, 2), [slice(None)], Ellipsis, [...], NotImplemented)
print(frozenset(), [frozenset({1})], {frozenset({2}): frozenset()})
a = [1, 2]
a.append(a)
print(a, repr(a))
d = {"self": None}
d["self"] = d
print(d)
b = [1]
c = [b, b]
print(c)
x = []
y = [x]
x.append(y)
print(x, y)
s = {"k": [1]}
s["k"].append(s)
print(s)
class Node:
    def __init__(self, v, children=()):
        self.v = v
        self.children = list(children)
    def __repr__(self):
        return f"Node({self.v!r}, {self.children!r})" if self.children else f"Node({self.v!r})"
tree = Node("root", [Node(1), Node("two", [Node(3.0)]), Node(None)])
print(tree, [tree.children[1]])
print(str([Node("x")]), f"{[Node('y')]}", "%s" % [Node("z")])
from collections import OrderedDict, defaultdict, deque, Counter, namedtuple
P = namedtuple("P", "x y")
print(OrderedDict(a=1), defaultdict(list, {"k": [1]}), deque([1, [2]]), Counter("aab"), P(1, [2]))
print([OrderedDict(), defaultdict(int), deque(), Counter()], deque([1, 2], maxlen=3))
print({True: "t", None: [None], (): ()}, [type, int, str], [len, print] == [len, print])
print(repr("a'b"), repr('a"b'), repr("a'b\"c"), repr(""), repr("'"), repr('"'))
print(str(["a"]), str(("a",)), str({"a"}), str({"a": "b"}))
print([[1, 2], [3, 4]] == eval(repr([[1, 2], [3, 4]])), eval(repr(data)) == data)
