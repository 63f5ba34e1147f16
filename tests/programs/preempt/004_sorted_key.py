# preempt-in: slow_key __lt__
def spin(n):
    total = 0
    for i in range(n):
        total += i % 7
    return total


def slow_key(x):
    spin(1500)
    return -x if x % 2 else x


data = [5, 3, 8, 1, 9, 2, 7, 4, 6, 0, 3, 8]
print(sorted(data, key=slow_key))
print(sorted(data, key=slow_key, reverse=True))
words = ["pear", "Apple", "fig", "banana", "Cherry", "date"]
words.sort(key=lambda w: (spin(1200), w.lower())[1])
print(words)


class Card:
    def __init__(self, rank, tag):
        self.rank = rank
        self.tag = tag

    def __lt__(self, other):
        spin(400)
        return self.rank < other.rank



cards = [Card(r, t) for r, t in [(3, "a"), (1, "b"), (3, "c"), (2, "d"), (1, "e"), (5, "f")]]
def show(cards):
    return " ".join("%d%s" % (c.rank, c.tag) for c in cards)


print(show(sorted(cards)))
print(show(sorted(cards, reverse=True)))
cards.sort(key=lambda c: c.rank % 2)
print(show(cards))
try:
    sorted([3, 1, 2], key=lambda x: 1 // (x - 1))
except ZeroDivisionError:
    print("ZeroDivisionError")
try:
    sorted([Card(1, "x"), 2])
except (TypeError, AttributeError) as e:
    print(type(e).__name__)
print(sorted([], key=slow_key), sorted([4], key=slow_key))
