# Realistic: tokenizer + recursive-descent calculator with variables, functions and errors
import math
class Token:
    def __init__(self, kind, value, pos):
        self.kind, self.value, self.pos = kind, value, pos
    def __repr__(self):
        return f"{self.kind}:{self.value!r}"
class CalcError(Exception):
    pass
def tokenize(src):
    tokens = []
    i = 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or (ch == "." and i + 1 < len(src) and src[i + 1].isdigit()):
            start = i
            while i < len(src) and (src[i].isdigit() or src[i] == "."):
                i += 1
            text = src[start:i]
            if text.count(".") > 1:
                raise CalcError(f"bad number {text!r} at {start}")
            tokens.append(Token("num", float(text) if "." in text else int(text), start))
        elif ch.isalpha() or ch == "_":
            start = i
            while i < len(src) and (src[i].isalnum() or src[i] == "_"):
                i += 1
            tokens.append(Token("name", src[start:i], start))
        elif src.startswith("**", i):
            tokens.append(Token("op", "**", i))
            i += 2
        elif ch in "+-*/%^(),=":
            tokens.append(Token("op", ch, i))
            i += 1
        else:
            raise CalcError(f"unexpected character {ch!r} at {i}")
    tokens.append(Token("eof", None, len(src)))
    return tokens
class Parser:
    FUNCS = {"sqrt": math.sqrt, "abs": abs, "max": max, "min": min, "round": round}
    def __init__(self, tokens, env):
        self.toks = tokens
        self.i = 0
        self.env = env
    def peek(self):
        return self.toks[self.i]
    def next(self):
        t = self.toks[self.i]
        self.i += 1
        return t
    def expect(self, value):
        t = self.next()
        if t.value != value:
            raise CalcError(f"expected {value!r} at {t.pos}, got {t.value!r}")
        return t
    def statement(self):
        if self.peek().kind == "name" and self.toks[self.i + 1].value == "=":
            name = self.next().value
            self.next()
            value = self.expr()
            self.env[name] = value
            result = value
        else:
            result = self.expr()
        if self.peek().kind != "eof":
            raise CalcError(f"trailing input at {self.peek().pos}")
        return result
    def expr(self):
        left = self.term()
        while self.peek().value in ("+", "-"):
            op = self.next().value
            right = self.term()
            left = left + right if op == "+" else left - right
        return left
    def term(self):
        left = self.unary()
        while self.peek().value in ("*", "/", "%"):
            op = self.next().value
            right = self.unary()
            if op != "*" and right == 0:
                raise CalcError("division by zero")
            left = left * right if op == "*" else left / right if op == "/" else left % right
        return left
    def unary(self):
        if self.peek().value == "-":
            self.next()
            return -self.unary()
        if self.peek().value == "+":
            self.next()
            return self.unary()
        return self.power()
    def power(self):
        base = self.atom()
        if self.peek().value in ("^", "**"):
            self.next()
            return base ** self.unary()
        return base
    def atom(self):
        t = self.next()
        if t.kind == "num":
            return t.value
        if t.kind == "name":
            if self.peek().value == "(":
                self.next()
                args = []
                if self.peek().value != ")":
                    args.append(self.expr())
                    while self.peek().value == ",":
                        self.next()
                        args.append(self.expr())
                self.expect(")")
                if t.value not in self.FUNCS:
                    raise CalcError(f"unknown function {t.value}")
                return self.FUNCS[t.value](*args)
            if t.value not in self.env:
                raise CalcError(f"undefined variable {t.value}")
            return self.env[t.value]
        if t.value == "(":
            v = self.expr()
            self.expect(")")
            return v
        raise CalcError(f"unexpected {t.value!r} at {t.pos}")
env = {"pi": 3.14159}
lines = [
    "1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ** 2", "10 / 4", "10 % 4 + 7 % 3",
    "x = 5", "y = x * 2 + 1", "x * y - 3", "sqrt(16) + abs(-3)", "max(1, x, y, 3)",
    "round(pi * 100)", "2 * -3", "--4", "1 / 0", "3 + ", "foo(1)", "z + 1", "1.2.3", "4 $ 4",
    "(1 + 2", "min()" , "((((7))))", "1 2",
]
print(tokenize("x = 3.5 * (y + 2)"))
for line in lines:
    try:
        result = Parser(tokenize(line), env).statement()
        print(f"{line:<22} => {result}")
    except CalcError as e:
        print(f"{line:<22} !! CalcError: {e}")
    except TypeError as e:
        print(f"{line:<22} !! TypeError: {e}")
print(sorted(env.items()))
