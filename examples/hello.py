# A small tour: functions, generators, classes, exceptions and input.
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

def primes():
    n = 2
    while True:
        if all(n % p for p in range(2, int(n ** 0.5) + 1)):
            yield n
        n += 1

class Greeter:
    def __init__(self, name):
        self.name = name

    def __str__(self):
        return f"Hello, {self.name}!"

print([fib(i) for i in range(15)])
gen = primes()
print([next(gen) for _ in range(10)])
try:
    name = input("Your name? ")
except EOFError:
    name = "stranger"
print(Greeter(name))
