# preempt-in: naturals slow_even slow_small slow_pow __next__ slow_max __add__
import itertools


def spin(n):
    total = 0
    for i in range(n):
        total += i % 7
    return total


def naturals():
    n = 0
    while True:
        spin(300)
        yield n
        n += 1


def slow_even(x):
    spin(400)
    return x % 2 == 0


def slow_small(x):
    spin(350)
    return x < 4


def slow_pow(a, b):
    spin(500)
    return a**b


class Words:
    def __init__(self, text):
        self.words = text.split()

    def __iter__(self):
        return self

    def __next__(self):
        spin(450)
        if not self.words:
            raise StopIteration
        return self.words.pop(0)


# an infinite generator drained through islice by builtins and for loops
print(sum(itertools.islice(naturals(), 5)), list(itertools.islice(naturals(), 2, 9, 3)))
for n in itertools.islice(naturals(), 1, 3):
    print("islice", n)

# chain over generators and a program iterator
print(list(itertools.chain(itertools.islice(naturals(), 2), "ab", Words("x y"))))
print(max(itertools.chain.from_iterable([itertools.islice(naturals(), 3), [1]])))

# predicates that are Sleepy code
print(list(itertools.takewhile(slow_small, naturals())))
print(list(itertools.islice(itertools.dropwhile(slow_small, naturals()), 2)))
print(list(itertools.islice(itertools.filterfalse(slow_even, naturals()), 3)))
for p in itertools.starmap(slow_pow, [(2, 5), (3, 2)]):
    print("pow", p)

# a pipeline partly consumed, then resumed
evens = filter(slow_even, naturals())
pipe = zip(itertools.count(1), map(str, itertools.takewhile(lambda x: x < 9, evens)))
print(next(pipe))
print(dict(pipe))


# accumulate through a Sleepy function and through a program's __add__; pairwise and
# zip_longest over generators
def slow_max(a, b):
    spin(400)
    return max(a, b)


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        spin(500)
        return Money(self.cents + other.cents)


print(list(itertools.accumulate(itertools.islice(naturals(), 4), slow_max, initial=2)))
print([m.cents for m in itertools.accumulate([Money(5), Money(10), Money(1)])])
print(list(itertools.pairwise(itertools.islice(naturals(), 4))))
print(list(itertools.zip_longest(itertools.islice(naturals(), 3), "ab", fillvalue="-")))
print(list(itertools.compress(itertools.islice(naturals(), 5), (int(w) for w in Words("1 0 1 1")))))
print(list(itertools.batched(itertools.islice(naturals(), 5), 2)))
print(list(itertools.islice(itertools.cycle(w for w in Words("a b")), 5)))
