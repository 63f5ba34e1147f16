# raise ... from ..., __cause__, __context__, __suppress_context__
class AppError(Exception):
    pass
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise AppError(f"cannot parse {s!r}") from e
try:
    parse("xyz")
except AppError as e:
    print(repr(e))
    print("cause:", repr(e.__cause__))
    print("context:", repr(e.__context__))
    print("suppress_context:", e.__suppress_context__)
    print("cause is context:", e.__cause__ is e.__context__)
def implicit():
    try:
        {}["missing"]
    except KeyError:
        raise RuntimeError("during handling")
try:
    implicit()
except RuntimeError as e:
    print(repr(e), "cause:", e.__cause__, "context:", repr(e.__context__), e.__suppress_context__)
def suppressed():
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("clean") from None
try:
    suppressed()
except ValueError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
def chain3():
    try:
        try:
            raise KeyError("level1")
        except KeyError as e1:
            raise TypeError("level2") from e1
    except TypeError as e2:
        raise ValueError("level3")
try:
    chain3()
except ValueError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(repr(cur))
        cur = cur.__cause__ or cur.__context__
    print(" <- ".join(chain))
try:
    raise ValueError("x") from KeyError("explicit instance")
except ValueError as e:
    print(repr(e.__cause__), e.__context__)
try:
    raise ValueError("y") from TypeError
except ValueError as e:
    print(repr(e.__cause__), type(e.__cause__).__name__)
try:
    raise ValueError("z") from 5
except TypeError as e:
    print("TypeError:", e)
e = ValueError("manual")
e.__cause__ = KeyError("set by hand")
print(repr(e.__cause__), e.__suppress_context__)
try:
    try:
        raise ValueError("original")
    except ValueError as inner:
        saved = inner
        raise
except ValueError as outer:
    print(outer is saved, outer.__context__)
