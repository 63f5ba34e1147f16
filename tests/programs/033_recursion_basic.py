# Basic recursion: factorial, fibonacci, hanoi, permutations, flatten
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print([fact(i) for i in range(10)], fact(30))
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(20)])
moves = []
def hanoi(n, src, dst, via):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst)
    moves.append((src, dst))
    hanoi(n - 1, via, dst, src)
hanoi(4, "A", "C", "B")
print(len(moves), moves[:7])
def perms(seq):
    if len(seq) <= 1:
        return [seq]
    out = []
    for i in range(len(seq)):
        for p in perms(seq[:i] + seq[i + 1:]):
            out.append(seq[i] + p)
    return out
print(perms("abc"), len(perms("abcde")))
def flatten(x):
    if isinstance(x, list):
        result = []
        for item in x:
            result.extend(flatten(item))
        return result
    return [x]
print(flatten([1, [2, [3, [4, [5]]]], [], [[6, 7]]]))
def power_set(s):
    if not s:
        return [[]]
    rest = power_set(s[1:])
    return rest + [[s[0]] + r for r in rest]
print(power_set([1, 2, 3]))
def binary_search(arr, x, lo=0, hi=None):
    if hi is None:
        hi = len(arr)
    if lo >= hi:
        return -1
    mid = (lo + hi) // 2
    if arr[mid] == x:
        return mid
    if arr[mid] < x:
        return binary_search(arr, x, mid + 1, hi)
    return binary_search(arr, x, lo, mid)
arr = list(range(0, 100, 3))
print([binary_search(arr, v) for v in (0, 3, 50, 51, 99, 100)])
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print([ackermann(2, n) for n in range(4)], ackermann(3, 3))
def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
print(gcd(1071, 462), gcd(17, 5), gcd(0, 9))
def depth(tree):
    return 0 if not isinstance(tree, tuple) else 1 + max(depth(t) for t in tree)
print(depth((1, (2, (3,), 4), ((((5,),),),))))
def count_down(n):
    if n == 0:
        return ["liftoff"]
    return [n] + count_down(n - 1)
print(count_down(5))
