# Mutual recursion between functions and methods
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print([is_even(i) for i in range(8)], is_even(800), is_odd(801), is_odd(700))
def hofstadter_f(n):
    return 1 if n == 0 else n - hofstadter_m(hofstadter_f(n - 1))
def hofstadter_m(n):
    return 0 if n == 0 else n - hofstadter_f(hofstadter_m(n - 1))
print([hofstadter_f(i) for i in range(20)])
print([hofstadter_m(i) for i in range(20)])
# recursive descent over nested expression lists
def eval_expr(e):
    if isinstance(e, int):
        return e
    op, *args = e
    vals = [eval_expr(a) for a in args]
    if op == "+":
        return sum(vals)
    if op == "*":
        out = 1
        for v in vals:
            out *= v
        return out
    if op == "neg":
        return -eval_term(args[0])
    raise ValueError(op)
def eval_term(t):
    return eval_expr(t)
print(eval_expr(["+", 1, ["*", 2, 3], ["neg", ["+", 4, 5]]]))
class Ping:
    def __init__(self):
        self.log = []
    def ping(self, n):
        self.log.append(f"ping{n}")
        return self.pong(n - 1) if n > 0 else "done"
    def pong(self, n):
        self.log.append(f"pong{n}")
        return self.ping(n - 1) if n > 0 else "done"
p = Ping()
print(p.ping(5), p.log)
def a(n):
    return n if n <= 0 else b(n - 1) + 1
def b(n):
    return n if n <= 0 else c(n - 2) + 2
def c(n):
    return n if n <= 0 else a(n - 3) + 3
print(a(10), a(100), a(600))
def collatz_even(n, steps):
    return steps if n == 1 else collatz_odd(n // 2, steps + 1) if n % 2 == 0 else collatz_odd(n, steps)
def collatz_odd(n, steps):
    if n == 1:
        return steps
    if n % 2 == 1:
        return collatz_even(3 * n + 1, steps + 1)
    return collatz_even(n, steps)
print([collatz_even(n, 0) for n in (1, 6, 7, 27)])
def gen_a(n):
    if n > 0:
        yield ("a", n)
        yield from gen_b(n - 1)
def gen_b(n):
    if n > 0:
        yield ("b", n)
        yield from gen_a(n - 1)
print(list(gen_a(6)))
print(sum(1 for _ in gen_a(300)))
