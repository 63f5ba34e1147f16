# random module with fixed seeds: random, randint, choice, shuffle, sample, gauss, uniform
import random
random.seed(12345)
print([random.random() for _ in range(3)])
print([random.randint(1, 100) for _ in range(10)])
print([random.randrange(0, 50, 5) for _ in range(5)], random.randrange(10))
items = ["apple", "banana", "cherry", "date", "elder"]
print([random.choice(items) for _ in range(5)])
deck = list(range(20))
random.shuffle(deck)
print(deck)
print(random.sample(range(100), 8), random.sample(items, 3))
print([round(random.gauss(0, 1), 6) for _ in range(4)])
print([round(random.uniform(10, 20), 6) for _ in range(3)])
print(random.getrandbits(32), random.getrandbits(64), random.getrandbits(1))
print(random.choices(items, k=4), random.choices(items, weights=[10, 1, 1, 1, 1], k=5))
print([round(random.normalvariate(5, 2), 6) for _ in range(2)], round(random.expovariate(1.5), 6))
print(round(random.triangular(0, 10, 3), 6), random.randint(-5, 5))
random.seed(12345)
again = [random.random() for _ in range(3)]
print("reseed reproduces:", again)
random.seed(0)
print(random.random(), random.randint(0, 10 ** 12))
random.seed(2 ** 80 + 7)
print(random.random())
r1 = random.Random(99)
r2 = random.Random(99)
print([r1.randint(0, 9) for _ in range(10)] == [r2.randint(0, 9) for _ in range(10)])
state = r1.getstate()
a = [r1.random() for _ in range(2)]
r1.setstate(state)
b = [r1.random() for _ in range(2)]
print(a == b, a)
random.seed(7)
walk = [0]
for _ in range(20):
    walk.append(walk[-1] + random.choice([-1, 1]))
print(walk)
random.seed(0)
counts = [0] * 6
for _ in range(600):
    counts[random.randint(1, 6) - 1] += 1
print(counts, sum(counts))
random.seed(42)
matrix = [[random.randint(0, 9) for _ in range(4)] for _ in range(3)]
print(matrix)
try:
    random.choice([])
except IndexError as e:
    print("IndexError:", e)
try:
    random.sample(range(3), 5)
except ValueError as e:
    print("ValueError:", e)
