# for loops with else, break, continue, and various iterables
for i in range(3):
    print("i", i)
else:
    print("for-else after normal completion")
for i in range(10):
    if i == 4:
        print("break at 4")
        break
else:
    print("not printed")
def is_prime(n):
    if n < 2:
        return False
    for d in range(2, int(n ** 0.5) + 1):
        if n % d == 0:
            return False
    return True
primes = []
for n in range(2, 60):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        primes.append(n)
print(primes)
print([n for n in range(60) if is_prime(n)] == primes)
for ch in "a1b2c3":
    if ch.isdigit():
        continue
    print("letter", ch)
for x in []:
    print("never")
else:
    print("else on empty iterable")
for k, v in {"a": 1, "b": 2}.items():
    print(k, v)
for i, (a, b) in enumerate(zip("xyz", [10, 20, 30]), start=1):
    print(i, a, b)
for x in (1, 2, 3):
    pass
print("loop var after loop:", x)
total = 0
for row in [[1, 2], [3, 4], [5]]:
    for v in row:
        total += v
print("total", total)
lst = [1, 2, 3]
for item in lst:
    if item == 1:
        lst.append(4)
    print("item", item)
print(lst)
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        if i == 1:
            continue
        print("pair", i, j)
    else:
        print("inner else", i)
result = None
for word in ["apple", "banana", "cherry"]:
    if "n" in word:
        result = word
        break
print("first with n:", result)
for c in b"hi":
    print(c)
for _ in range(2):
    print("underscore loop")
x = 10
for x in range(x):
    pass
print(x)
