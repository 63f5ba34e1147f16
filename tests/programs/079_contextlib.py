# contextlib: contextmanager, suppress, ExitStack, closing, nullcontext, redirect_stdout
from contextlib import contextmanager, suppress, ExitStack, closing, nullcontext, redirect_stdout
import io
@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")
with tag("div") as t:
    print("  inside", t)
    with tag("span"):
        print("    nested")
try:
    with tag("p"):
        raise ValueError("inside p")
except ValueError as e:
    print("propagated:", e)
@contextmanager
def catching():
    try:
        yield
    except KeyError as e:
        print("  generator caught", repr(e))
with catching():
    raise KeyError("k")
print("suppressed by generator-based manager")
@contextmanager
def transaction(log):
    log.append("begin")
    try:
        yield log
        log.append("commit")
    except Exception:
        log.append("rollback")
        raise
log = []
with transaction(log):
    log.append("work")
try:
    with transaction(log):
        log.append("bad work")
        raise RuntimeError("fail")
except RuntimeError:
    pass
print(log)
with suppress(ZeroDivisionError, KeyError):
    1 / 0
print("suppress works")
with ExitStack() as stack:
    for n in ["a", "b", "c"]:
        stack.enter_context(tag(n))
    stack.callback(print, "callback runs first on exit")
    print("  stack body")
class Closable:
    def close(self):
        print("closed!")
with closing(Closable()):
    print("using closable")
with nullcontext(42) as v:
    print("nullcontext gives", v)
buf = io.StringIO()
with redirect_stdout(buf):
    print("captured line")
    print("another")
print(repr(buf.getvalue()))
@contextmanager
def bad():
    yield 1
    yield 2
try:
    with bad():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)
