# ExceptionGroup and except*
def show(eg, indent=0):
    print(" " * indent + f"{type(eg).__name__}: {eg}")
    if isinstance(eg, BaseExceptionGroup):
        for sub in eg.exceptions:
            show(sub, indent + 2)
eg = ExceptionGroup("many", [ValueError("v1"), TypeError("t1"), ValueError("v2"), KeyError("k")])
show(eg)
try:
    raise eg
except* ValueError as g:
    print("ValueError group:", repr(g.exceptions))
except* TypeError as g:
    print("TypeError group:", repr(g.exceptions))
except* KeyError as g:
    print("KeyError group:", g.exceptions)
def partial_handling():
    try:
        raise ExceptionGroup("mixed", [ValueError("a"), OSError("b")])
    except* ValueError as g:
        print("handled", [str(e) for e in g.exceptions])
try:
    partial_handling()
except ExceptionGroup as rest:
    print("unhandled remainder:", repr(rest), [repr(e) for e in rest.exceptions])
nested = ExceptionGroup("outer", [ValueError("x"), ExceptionGroup("inner", [TypeError("y"), ValueError("z")])])
try:
    raise nested
except* ValueError as g:
    print("matched ValueErrors:")
    show(g, 2)
except* TypeError as g:
    print("matched TypeErrors:")
    show(g, 2)
try:
    raise ValueError("naked")
except* ValueError as g:
    print("naked exception wrapped:", type(g).__name__, repr(g.exceptions))
sub = eg.subgroup(lambda e: isinstance(e, ValueError))
print(repr(sub), sub.message)
match, rest = eg.split(TypeError)
print(repr(match), repr(rest))
print(eg.split(ZeroDivisionError))
d = eg.derive([ValueError("only")])
print(repr(d), d.message)
try:
    ExceptionGroup("bad", [])
except ValueError as e:
    print("ValueError:", e)
print(type(BaseExceptionGroup("b", [KeyboardInterrupt()])).__name__, type(BaseExceptionGroup("b", [ValueError()])).__name__)
try:
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError:
        raise KeyError("raised inside except*")
except KeyError as e:
    print("new exception propagates:", repr(e))
except ExceptionGroup as e:
    print("wrapped in group:", repr(e), [repr(x) for x in e.exceptions])
count = 0
try:
    raise ExceptionGroup("n", [ValueError(i) for i in range(5)])
except* ValueError as g:
    count = len(g.exceptions)
print("count", count)
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, BaseException))
