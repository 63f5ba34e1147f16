# Deep recursion close to (but under) CPython's default limit of 1000 frames
def down(n):
    if n == 0:
        return 0
    return down(n - 1) + 1
print(down(900))
def sum_to(n):
    return n if n <= 0 else n + sum_to(n - 1)
print(sum_to(900), 900 * 901 // 2)
def build_chain(n):
    return None if n == 0 else (n, build_chain(n - 1))
def chain_len(c):
    return 0 if c is None else 1 + chain_len(c[1])
chain = build_chain(850)
print(chain_len(chain), chain[0], chain[1][0])
def collect(n, acc):
    if n == 0:
        return acc
    acc.append(n % 7)
    return collect(n - 1, acc)
r = collect(900, [])
print(len(r), sum(r), r[:10])
class Tree:
    def __init__(self, depth):
        self.child = Tree(depth - 1) if depth > 0 else None
    def height(self):
        return 0 if self.child is None else 1 + self.child.height()
print(Tree(400).height())
def str_depth(n):
    return "" if n == 0 else "(" + str_depth(n - 1) + ")"
s = str_depth(880)
print(len(s), s[:6], s[-6:])
def max_depth(s):
    best = cur = 0
    for ch in s:
        cur += 1 if ch == "(" else -1
        best = max(best, cur)
    return best
print(max_depth(s))
def count_paths(n, memo={}):
    if n <= 1:
        return 1
    if n in memo:
        return memo[n]
    memo[n] = count_paths(n - 1) + count_paths(n - 2)
    return memo[n]
print(count_paths(900) % 10 ** 12)
def deep_exc(n):
    if n == 0:
        raise KeyError("deep")
    return deep_exc(n - 1)
try:
    deep_exc(900)
except KeyError as e:
    print("caught from depth 900:", e)
for i in range(3):
    print("repeat", i, down(880 + i))
