# except with tuples, bare raise re-raise, raise in except, exception variable scope
def risky(kind):
    if kind == 1:
        raise KeyError("k")
    if kind == 2:
        raise IndexError("i")
    if kind == 3:
        raise ZeroDivisionError("z")
    return "fine"
for k in range(4):
    try:
        print(risky(k))
    except (KeyError, IndexError) as e:
        print("lookup problem:", type(e).__name__, e)
    except (ZeroDivisionError,) as e:
        print("math problem:", e)
errors = (TypeError, ValueError)
try:
    int("x")
except errors as e:
    print("caught via tuple variable:", type(e).__name__)
def logger(fn):
    try:
        return fn()
    except Exception as e:
        print("  logging", type(e).__name__, e)
        raise
try:
    logger(lambda: 1 / 0)
except ZeroDivisionError as e:
    print("re-raised:", e)
def reraise_after_handling():
    try:
        raise ValueError("first")
    except ValueError:
        try:
            raise TypeError("second")
        except TypeError:
            pass
        raise
try:
    reraise_after_handling()
except ValueError as e:
    print("bare raise re-raises current:", repr(e))
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
def transform():
    try:
        [][0]
    except IndexError as e:
        raise KeyError("converted") from e
try:
    transform()
except KeyError as e:
    print("transformed:", e, "cause:", type(e.__cause__).__name__)
try:
    raise "string"
except TypeError as e:
    print("TypeError:", e)
try:
    try:
        1 / 0
    except (ValueError, TypeError):
        print("wrong")
except ArithmeticError as e:
    print("propagated to outer:", type(e).__name__)
exc = None
try:
    raise OSError(2, "No such thing")
except OSError as e:
    exc = e
print(exc.errno, exc.strerror, exc.args, str(exc))
try:
    raise ExceptionGroup("eg", [ValueError(1)])
except Exception as e:
    print("plain except catches group:", type(e).__name__, len(e.exceptions))
