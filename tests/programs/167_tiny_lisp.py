# Realistic: a tiny Lisp interpreter (tokenizer, reader, environments, closures, tail-ish recursion)
import math
import operator as op
class LispError(Exception):
    pass
Symbol = str
def tokenize(src):
    return src.replace("(", " ( ").replace(")", " ) ").replace("'", " ' ").split()
def read(tokens):
    if not tokens:
        raise LispError("unexpected EOF")
    tok = tokens.pop(0)
    if tok == "(":
        lst = []
        while tokens and tokens[0] != ")":
            lst.append(read(tokens))
        if not tokens:
            raise LispError("missing )")
        tokens.pop(0)
        return lst
    if tok == ")":
        raise LispError("unexpected )")
    if tok == "'":
        return ["quote", read(tokens)]
    for conv in (int, float):
        try:
            return conv(tok)
        except ValueError:
            pass
    return Symbol(tok)
class Env(dict):
    def __init__(self, params=(), args=(), outer=None):
        super().__init__(zip(params, args))
        self.outer = outer
    def find(self, name):
        if name in self:
            return self
        if self.outer is None:
            raise LispError(f"unbound symbol: {name}")
        return self.outer.find(name)
class Procedure:
    def __init__(self, params, body, env, name="lambda"):
        self.params, self.body, self.env, self.name = params, body, env, name
    def __call__(self, *args):
        if len(args) != len(self.params):
            raise LispError(f"{self.name} expects {len(self.params)} args, got {len(args)}")
        return evaluate(self.body, Env(self.params, args, self.env))
def standard_env():
    env = Env()
    env.update({
        "+": lambda *a: sum(a), "-": lambda a, b=None: -a if b is None else a - b,
        "*": lambda *a: math.prod(a), "/": op.truediv, "quotient": op.floordiv, "mod": op.mod,
        "<": op.lt, ">": op.gt, "=": op.eq, "<=": op.le, ">=": op.ge,
        "car": lambda x: x[0], "cdr": lambda x: x[1:], "cons": lambda a, b: [a] + b,
        "list": lambda *a: list(a), "null?": lambda x: x == [], "length": len,
        "abs": abs, "sqrt": math.sqrt, "not": op.not_, "apply": lambda f, a: f(*a),
        "map": lambda f, xs: [f(x) for x in xs], "filter": lambda f, xs: [x for x in xs if f(x)],
        "#t": True, "#f": False,
    })
    return env
def evaluate(x, env):
    while True:
        if isinstance(x, Symbol):
            return env.find(x)[x]
        if not isinstance(x, list):
            return x
        if not x:
            return []
        head, *args = x
        if head == "quote":
            return args[0]
        if head == "if":
            test, conseq, alt = args
            x = conseq if evaluate(test, env) not in (False, [], 0) else alt
            continue
        if head == "define":
            target, expr = args
            if isinstance(target, list):
                name, *params = target
                env[name] = Procedure(params, expr, env, name)
            else:
                env[target] = evaluate(expr, env)
            return None
        if head == "set!":
            env.find(args[0])[args[0]] = evaluate(args[1], env)
            return None
        if head == "lambda":
            return Procedure(args[0], args[1], env)
        if head == "begin":
            for e in args[:-1]:
                evaluate(e, env)
            x = args[-1]
            continue
        if head == "let":
            bindings, body = args
            names = [b[0] for b in bindings]
            vals = [evaluate(b[1], env) for b in bindings]
            env = Env(names, vals, env)
            x = body
            continue
        proc = evaluate(head, env)
        vals = [evaluate(a, env) for a in args]
        if isinstance(proc, Procedure):
            if len(vals) != len(proc.params):
                raise LispError(f"{proc.name} expects {len(proc.params)} args, got {len(vals)}")
            env = Env(proc.params, vals, proc.env)
            x = proc.body
            continue
        if not callable(proc):
            raise LispError(f"not a procedure: {to_str(proc)}")
        return proc(*vals)
def to_str(v):
    if v is True:
        return "#t"
    if v is False:
        return "#f"
    if isinstance(v, list):
        return "(" + " ".join(map(to_str, v)) + ")"
    if isinstance(v, Procedure):
        return f"<procedure {v.name}>"
    return str(v)
genv = standard_env()
program = [
    "(define (fact n) (if (<= n 1) 1 (* n (fact (- n 1)))))",
    "(fact 20)",
    "(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))",
    "(map fib (list 0 1 2 3 4 5 6 7 8 9 10))",
    "(define (count-down n acc) (if (= n 0) acc (count-down (- n 1) (+ acc 1))))",
    "(count-down 1000 0)",
    "(define make-counter (lambda () (let ((n 0)) (lambda () (begin (set! n (+ n 1)) n)))))",
    "(define c1 (make-counter))", "(c1)", "(c1)", "(define c2 (make-counter))", "(c2)", "(c1)",
    "(define (compose f g) (lambda (x) (f (g x))))",
    "((compose (lambda (x) (* x 2)) (lambda (x) (+ x 10))) 5)",
    "(filter (lambda (x) (= (mod x 3) 0)) (list 1 2 3 4 5 6 7 8 9))",
    "(cons 1 '(2 3))", "(car '(a b c))", "(cdr '(a b c))", "(null? '())", "(length '(1 2 (3 4)))",
    "(let ((x 2) (y 3)) (* x y))", "(apply + (list 1 2 3 4))", "(sqrt 2)", "(/ 7 2)", "(quotient 7 2)",
    "fact", "(undefined-fn 1)", "(fact 1 2)", "(1 2 3)", "(+ 1 (* 2", ")",
]
for src in program:
    try:
        result = evaluate(read(tokenize(src)), genv)
        if result is not None:
            print(f"{src} => {to_str(result)}")
        else:
            print(f"{src} ok")
    except LispError as e:
        print(f"{src} !! LispError: {e}")
