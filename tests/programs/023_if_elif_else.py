# if / elif / else with various conditions
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"
for n in [-5, 0, 3, 9, 10, 99, 100, 10 ** 9]:
    print(n, classify(n))
def fizzbuzz(n):
    if n % 15 == 0:
        return "FizzBuzz"
    elif n % 3 == 0:
        return "Fizz"
    elif n % 5 == 0:
        return "Buzz"
    return str(n)
print(" ".join(fizzbuzz(i) for i in range(1, 31)))
x = 7
if x > 5: print("one-line if")
if x > 100:
    print("never")
if not x > 100:
    print("negated")
if x:
    if x % 2:
        print("odd nonzero")
    else:
        print("even nonzero")
for v in [[], [0], "", "0", None, 0.0, {}, {"k": 0}]:
    if v:
        print(repr(v), "-> truthy")
    else:
        print(repr(v), "-> falsy")
def grade(score):
    if score >= 90: g = "A"
    elif score >= 80: g = "B"
    elif score >= 70: g = "C"
    else: g = "F"
    return g
print([grade(s) for s in (95, 90, 89, 75, 12, 100)])
a, b = 3, 4
if a < b and b < 10 or a == 0:
    print("compound true")
if (a > b) or (not a):
    print("never2")
else:
    print("compound false")
if a in (1, 2, 3) and b not in [1, 2, 3]:
    print("membership")
def sign(n):
    return 1 if n > 0 else -1 if n < 0 else 0
print([sign(n) for n in (-3, 0, 8)])
if []:
    pass
elif {}:
    pass
elif 0:
    pass
else:
    print("all falsy branches skipped")
