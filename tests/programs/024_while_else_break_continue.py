# while loops with else, break, continue
i = 0
while i < 5:
    print("i =", i)
    i += 1
else:
    print("while-else runs, i =", i)
i = 0
while i < 10:
    i += 1
    if i % 2 == 0:
        continue
    if i > 7:
        print("breaking at", i)
        break
    print("odd", i)
else:
    print("not printed")
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps for 27:", steps)
def find(seq, target):
    idx = 0
    while idx < len(seq):
        if seq[idx] == target:
            print("found", target, "at", idx)
            break
        idx += 1
    else:
        print(target, "not found")
find([4, 8, 15, 16, 23, 42], 15)
find([4, 8, 15], 99)
find([], 1)
count = 0
while True:
    count += 1
    if count == 3:
        continue
    if count >= 6:
        break
    print("count", count)
print("after infinite loop", count)
outer = 0
while outer < 3:
    inner = 0
    while inner < 3:
        if inner == outer:
            inner += 1
            continue
        print(outer, inner, end="; ")
        inner += 1
    outer += 1
print()
x = 0
while x < 0:
    print("never")
else:
    print("else on zero iterations")
stack = [1, [2, [3, [4]]]]
depth = 0
while stack:
    depth += 1
    head = stack[0]
    print("depth", depth, "head", head)
    stack = stack[1] if len(stack) > 1 else []
a, b = 0, 1
fibs = []
while a < 100:
    fibs.append(a)
    a, b = b, a + b
print(fibs)
