# Recursion up to depth ~500 in various forms
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500))
def sum_list(lst):
    if not lst:
        return 0
    return lst[0] + sum_list(lst[1:])
print(sum_list(list(range(500))))
def build(n):
    return [] if n == 0 else [build(n - 1)]
def measure(x):
    return 0 if not x else 1 + measure(x[0])
nested = build(450)
print(measure(nested))
def reverse_str(s):
    return s if len(s) <= 1 else reverse_str(s[1:]) + s[0]
r = reverse_str("abcdefghij" * 45)
print(len(r), r[:20])
class LinkedNode:
    def __init__(self, val, nxt=None):
        self.val, self.nxt = val, nxt
def make_list(n):
    head = None
    for i in range(n, 0, -1):
        head = LinkedNode(i, head)
    return head
def length(node):
    return 0 if node is None else 1 + length(node.nxt)
def total(node):
    return 0 if node is None else node.val + total(node.nxt)
lst = make_list(480)
print(length(lst), total(lst))
def count_down_with_kwargs(n, *, acc=()):
    if n == 0:
        return len(acc)
    return count_down_with_kwargs(n - 1, acc=acc + (n,))
print(count_down_with_kwargs(400))
def gen_depth(n):
    if n > 0:
        yield n
        yield from gen_depth(n - 1)
print(sum(gen_depth(300)))
class Visitor:
    def visit(self, n):
        if n == 0:
            return "done"
        return self.visit(n - 1)
print(Visitor().visit(490))
def with_try(n):
    try:
        if n == 0:
            raise ValueError("bottom")
        return with_try(n - 1)
    finally:
        pass
try:
    with_try(400)
except ValueError as e:
    print("propagated through 400 frames:", e)
memo = {}
def partitions(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    key = (n, k)
    if key not in memo:
        memo[key] = partitions(n - k, k) + partitions(n, k - 1)
    return memo[key]
print(partitions(100, 100), partitions(200, 200))
lam = lambda n: 0 if n == 0 else 1 + lam(n - 1)
print(lam(450))
