# preempt-in: slow_key by_length __lt__ __gt__
def spin(n):
    total = 0
    for i in range(n):
        total += i % 7
    return total


calls = []


def slow_key(x):
    calls.append(x)
    spin(1500)
    return abs(x - 4)


data = [9, 3, 5, 4, 1, 7, 4, 8]
# Ties keep the first item, and every key is computed once, in order.
print(min(data, key=slow_key), max(data, key=slow_key), calls)
print(min([], key=slow_key, default="empty"), max(7, 2, 9, key=slow_key))


def by_length(word):
    spin(1200)
    return len(word)


words = ["pear", "fig", "banana", "kiwi", "cherry"]
print(min(words, key=by_length), max(words, key=by_length))
print(max((w for w in words), key=by_length), min(iter(words), key=None))


class Weight:
    def __init__(self, grams):
        self.grams = grams

    def __lt__(self, other):
        spin(500)
        return self.grams < other.grams

    def __gt__(self, other):
        spin(500)
        return self.grams > other.grams


class Parcel:
    def __init__(self, name, grams):
        self.name = name
        self.weight = Weight(grams)


parcels = [Parcel("a", 300), Parcel("b", 120), Parcel("c", 950), Parcel("d", 120)]
print(min(parcels, key=lambda p: p.weight).name, max(parcels, key=lambda p: p.weight).name)
try:
    min([1, 2], key=lambda x: 1 / (x - 2))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    max([], key=slow_key)
except ValueError as e:
    print("ValueError:", e)
