# Assignment expressions (walrus operator)
data = [3, 8, 1, 9, 4, 7]
it = iter(data)
while (item := next(it, None)) is not None:
    print("item", item, end="; ")
print()
results = [y for x in data if (y := x * x) > 20]
print(results, y)
if (n := len(data)) > 5:
    print(f"list is long ({n} elements)")
print(n)
chunks = []
buf = list(range(10))
while chunk := buf[:3]:
    chunks.append(chunk)
    buf = buf[3:]
print(chunks)
def f(x):
    print(f"  f({x})")
    return x * 10
vals = [f(1), f(2)]
print([v for x in (1, 2, 3) if (v := f(x)) >= 20])
print((total := 0), [total := total + x for x in data], total)
print(any((hit := x) > 8 for x in data), hit)
print(all((miss := x) < 5 for x in data), miss)
def stats(nums):
    return {"min": (lo := min(nums)), "max": (hi := max(nums)), "range": hi - lo}
print(stats(data))
import re
for line in ["key=value", "no match", "a=b"]:
    if (m := re.match(r"(\w+)=(\w+)", line)):
        print("matched", m.groups())
    else:
        print("no match for", repr(line))
x = 5
print((x := x + 1), x, (x := x * 2), x)
print([(a := i, a * 2) for i in range(3)], a)
def scope_test():
    [inner := v for v in range(3)]
    return inner
print(scope_test())
fib = [0, 1]
while (nxt := fib[-1] + fib[-2]) < 100:
    fib.append(nxt)
print(fib, nxt)
print(f"{(w := 'walrus')!r} {w}")
count = 0
def counter():
    global count
    count += 1
    return count
while (c := counter()) < 4:
    print("c =", c)
print(c, count)
matrix = [[1, 2], [3, 4]]
print([[last := e for e in row] for row in matrix], last)
print((lambda: (z := 7) + z)())
