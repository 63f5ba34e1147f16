# preempt-in: numbers __next__ __iter__ __bool__
def spin(n):
    total = 0
    for i in range(n):
        total += i % 7
    return total


def numbers(n):
    for i in range(n):
        spin(800)
        yield i * 3 % 11


class Countdown:
    def __init__(self, start):
        self.n = start

    def __iter__(self):
        return self

    def __next__(self):
        spin(800)
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


class Deck:
    def __init__(self, cards):
        self.cards = cards

    def __iter__(self):
        spin(1500)
        return iter(self.cards)


class Maybe:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        spin(1500)
        return self.v


print(sum(numbers(6)), sum(numbers(4), 100))
print(list(numbers(5)), tuple(Countdown(3)))
print(sorted(set(numbers(8))), sorted(frozenset(Countdown(4))))
print(min(numbers(6)), max(Countdown(5)), max(numbers(0), default="none"))
print(any(Maybe(False) for _ in range(1)), all([Maybe(True), Maybe(True)]))
print(any([Maybe(False), Maybe(True)]), all([Maybe(True), Maybe(False), Maybe(True)]))
print("-".join(str(n) for n in numbers(4)), "+".join(Deck(["a", "b"])))
print(sorted(numbers(7)), sorted(Countdown(4), reverse=True))
print(list(Deck([3, 1, 2])))
for card in Deck(["x", "y"]):
    print("card", card)
try:
    min(Countdown(0))
except ValueError:
    print("ValueError")


def failing():
    yield 1
    spin(1500)
    raise KeyError("inside")


try:
    sum(failing())
except KeyError as e:
    print("KeyError:", e)
