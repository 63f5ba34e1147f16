# Nested try blocks and exceptions raised inside except/finally blocks
def exception_in_finally():
    try:
        raise ValueError("original")
    finally:
        raise TypeError("from finally")
try:
    exception_in_finally()
except TypeError as e:
    print(repr(e), "context:", repr(e.__context__))
def exception_in_except():
    try:
        raise KeyError("a")
    except KeyError:
        raise IndexError("b")
try:
    exception_in_except()
except IndexError as e:
    print(repr(e), "context:", repr(e.__context__))
def deep(n):
    try:
        if n == 0:
            raise RuntimeError("bottom")
        return deep(n - 1)
    finally:
        print(f"  unwinding level {n}")
try:
    deep(3)
except RuntimeError as e:
    print("caught", e)
def three_levels():
    try:
        try:
            try:
                raise ValueError("v")
            except TypeError:
                print("wrong handler")
            finally:
                print("  finally 1")
        except ValueError as e:
            print("  handler 2 got", e)
            raise KeyError("k") from e
        finally:
            print("  finally 2")
    except KeyError as e:
        print("  handler 3 got", repr(e), "cause", repr(e.__cause__))
    finally:
        print("  finally 3")
three_levels()
import sys
def exc_info_demo():
    print(sys.exc_info()[0])
    try:
        raise ValueError("active")
    except ValueError:
        t, v, tb = sys.exc_info()
        print(t.__name__, v, tb is not None)
        try:
            raise KeyError("nested")
        except KeyError:
            print(sys.exc_info()[0].__name__)
        print("after nested:", sys.exc_info()[0].__name__)
    print("after handler:", sys.exc_info())
exc_info_demo()
results = []
for i in range(4):
    try:
        try:
            if i % 2:
                raise ValueError(i)
            results.append(("ok", i))
        finally:
            results.append(("fin", i))
    except ValueError as e:
        results.append(("caught", e.args[0]))
print(results)
