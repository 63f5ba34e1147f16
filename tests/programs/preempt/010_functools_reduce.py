# preempt-in: slow_add __add__ merge
import functools
import operator


def spin(n):
    total = 0
    for i in range(n):
        total += i % 7
    return total


def slow_add(a, b):
    spin(1500)
    return a + b


print(functools.reduce(slow_add, range(8)), functools.reduce(slow_add, [], "start"))
print(functools.reduce(slow_add, ["a", "b", "c"], ">"), functools.reduce(slow_add, [42]))


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        spin(800)
        return Money(self.cents + other.cents)

    def __repr__(self):
        return f"${self.cents / 100:.2f}"


wallet = [Money(125), Money(250), Money(5)]
print(functools.reduce(lambda a, b: a + b, wallet), functools.reduce(operator.mul, [2, 3, 7], 1))


def merge(counts, word):
    spin(600)
    counts[word] = counts.get(word, 0) + 1
    return counts


words = (w for w in "the cat and the hat and the bat".split())
print(functools.reduce(merge, words, {}))
try:
    functools.reduce(slow_add, [])
except TypeError as e:
    print("TypeError:", e)
try:
    functools.reduce(lambda a, b: a / b, [1, 0])
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
