# finally interacting with return, break, continue
def return_override():
    try:
        return "try"
    finally:
        return "finally"
print(return_override())
def swallow_exception():
    try:
        raise ValueError("lost")
    finally:
        return "finally return swallows exception"
print(swallow_exception())
def break_swallows():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return f"break in finally swallowed KeyError, i={i}"
print(break_swallows())
def continue_in_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise ValueError("skip me")
            out.append(i)
        finally:
            continue
    return out
print(continue_in_finally())
def return_value_evaluated_before_finally():
    x = [1]
    try:
        return x
    finally:
        x.append(2)
print(return_value_evaluated_before_finally())
def return_int_then_modify():
    x = 10
    try:
        return x
    finally:
        x = 20
print(return_int_then_modify())
def while_finally():
    n = 0
    log = []
    while True:
        n += 1
        try:
            if n == 2:
                continue
            if n == 4:
                break
            log.append(f"body{n}")
        finally:
            log.append(f"fin{n}")
    return log
print(while_finally())
def nested_returns():
    try:
        try:
            return "inner try"
        finally:
            print("  inner finally")
    finally:
        print("  outer finally")
print(nested_returns())
def gen_finally():
    try:
        yield 1
        yield 2
    finally:
        print("  generator finally")
g = gen_finally()
print(next(g))
g.close()
