# try/except basics: catching builtin exceptions, exception objects, hierarchy
def attempt(label, fn):
    try:
        result = fn()
        print(label, "ok:", result)
    except ZeroDivisionError as e:
        print(label, "ZeroDivisionError:", e)
    except (KeyError, IndexError) as e:
        print(label, type(e).__name__, "(lookup):", e, e.args)
    except TypeError as e:
        print(label, "TypeError:", e)
    except ValueError as e:
        print(label, "ValueError:", e)
    except Exception as e:
        print(label, "other", type(e).__name__, e)
attempt("div", lambda: 1 / 0)
attempt("key", lambda: {}["k"])
attempt("idx", lambda: [][3])
attempt("type", lambda: "a" + 1)
attempt("value", lambda: int("abc"))
attempt("attr", lambda: None.foo)
attempt("name", lambda: undefined_name)
attempt("ok", lambda: 42)
attempt("overflow", lambda: int(float("inf")))
attempt("unicode", lambda: "é".encode("ascii"))
attempt("stop", lambda: next(iter([])))
attempt("import", lambda: __import__("no_such_module_xyz"))
attempt("runtime", lambda: (_ for _ in ()).throw(RuntimeError("thrown")))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, LookupError), issubclass(LookupError, Exception))
print(issubclass(Exception, BaseException), issubclass(KeyboardInterrupt, Exception), issubclass(StopIteration, Exception))
print(issubclass(ModuleNotFoundError, ImportError), issubclass(UnicodeDecodeError, ValueError), issubclass(NotImplementedError, RuntimeError))
print(issubclass(FileNotFoundError, OSError), issubclass(RecursionError, RuntimeError), issubclass(IndentationError, SyntaxError))
e = ValueError("bad", 42)
print(e, repr(e), e.args, str(e), type(e).__name__)
print(repr(ValueError()), str(ValueError()), repr(KeyError("k")), str(KeyError("k")), str(KeyError("a", "b")))
print(repr(Exception("a", 1)), str(Exception("single")), str(Exception()), str(Exception(1, 2)))
try:
    try:
        raise ValueError("inner")
    except TypeError:
        print("not reached")
except ValueError as err:
    print("outer caught", err)
try:
    raise KeyError
except KeyError as e:
    print("class raised:", repr(e), e.args)
try:
    pass
except Exception:
    print("never")
name = "before"
try:
    raise ValueError("x")
except ValueError as name:
    print("bound", repr(name))
try:
    print(name)
except NameError as e:
    print("NameError after except-as:", e)
try:
    raise Exception("base")
except BaseException as e:
    print("BaseException catches", type(e).__name__)
def catch_all():
    try:
        return 1 / 0
    except:
        return "bare except"
print(catch_all())
