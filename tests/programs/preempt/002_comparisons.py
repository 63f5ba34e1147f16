# preempt-in: __lt__ __eq__ __gt__
def spin(n):
    total = 0
    for i in range(n):
        total += i % 3
    return total


class Key:
    def __init__(self, k):
        self.k = k

    def __lt__(self, other):
        spin(2500)
        if not isinstance(other, Key):
            return NotImplemented
        return self.k < other.k

    def __eq__(self, other):
        spin(2500)
        return isinstance(other, Key) and self.k == other.k


class Derived(Key):
    def __gt__(self, other):
        spin(2500)
        return "Derived.__gt__ reflected first"


print(Key(1) < Key(2))
print(Key(3) < Key(2))
print(Key(1) == Key(1), Key(1) != Key(1), Key(1) == 5)
print(Key(1) < Derived(2))
print(Key(1) > Key(0))
try:
    Key(1) < 3
except TypeError as e:
    print("TypeError:", e)
if Key(2) < Key(5):
    print("branch on a Sleepy comparison")
while Key(0) == Key(1):
    print("never")
print("done")
