# preempt-in: __bool__ __len__
def spin(n):
    total = 0
    for i in range(n):
        total += i % 5
    return total


class Flag:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        spin(3000)
        return self.v


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        spin(3000)
        return self.n


if Flag(True):
    print("Flag(True) is true")
if not Flag(False):
    print("not Flag(False)")
print(bool(Sized(0)), bool(Sized(3)))
n = Sized(2)
count = 0
while Sized(n.n - count):
    count += 1
print("count", count)
print(Flag(True) and "and-value", Flag(False) or "or-value")


class Bad:
    def __bool__(self):
        spin(100)
        return 1


try:
    if Bad():
        pass
except TypeError as e:
    print("TypeError:", e)


class Negative:
    def __len__(self):
        return -1


try:
    if Negative():
        pass
except ValueError as e:
    print("ValueError:", e)
