# try/except/else/finally ordering
def run(fail):
    log = []
    try:
        log.append("try")
        if fail == "value":
            raise ValueError("v")
        if fail == "type":
            raise TypeError("t")
        log.append("try end")
    except ValueError:
        log.append("except ValueError")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
print(run(None))
print(run("value"))
try:
    run("type")
except TypeError:
    print("TypeError propagated after finally")
def finally_runs_on_return():
    try:
        return "from try"
    finally:
        print("  finally before return")
print(finally_runs_on_return())
def loop_with_finally():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(f"body {i}")
        finally:
            out.append(f"finally {i}")
    return out
print(loop_with_finally())
def nested_finally():
    order = []
    try:
        try:
            order.append(1)
            raise KeyError("k")
        finally:
            order.append(2)
    except KeyError:
        order.append(3)
    finally:
        order.append(4)
    return order
print(nested_finally())
def try_finally_no_except():
    try:
        try:
            raise RuntimeError("boom")
        finally:
            print("  inner finally")
    except RuntimeError as e:
        print("  outer caught", e)
try_finally_no_except()
def exc_in_else():
    try:
        pass
    except Exception:
        print("not here")
    else:
        raise ValueError("from else")
    finally:
        print("  finally after else raised")
try:
    exc_in_else()
except ValueError as e:
    print("caught", e)
