# assert statement
def check_positive(n):
    assert n > 0, f"expected positive, got {n}"
    return n
print(check_positive(5))
try:
    check_positive(-3)
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert False
except AssertionError as e:
    print("bare AssertionError:", repr(e), e.args)
try:
    assert 1 == 2, ("tuple", "message")
except AssertionError as e:
    print("tuple message:", e.args)
try:
    assert [], "empty list is falsy"
except AssertionError as e:
    print(e)
assert True
assert 1, "never"
assert "non-empty"
print("passing asserts are silent")
calls = []
def msg():
    calls.append("msg evaluated")
    return "lazy message"
assert True, msg()
print("message not evaluated when passing:", calls)
try:
    assert None, msg()
except AssertionError as e:
    print(e, calls)
def validate(data):
    assert isinstance(data, dict), "data must be dict"
    assert "id" in data, "missing id"
    assert data["id"] >= 0, "negative id"
    return "valid"
for d in [{"id": 1}, [], {}, {"id": -1}]:
    try:
        print(validate(d))
    except AssertionError as e:
        print("invalid:", e)
try:
    assert 1 < 0, 42
except AssertionError as e:
    print(repr(e), type(e.args[0]).__name__)
print(issubclass(AssertionError, Exception))
x = 5
try:
    assert (x := x + 1) > 100, f"x became {x}"
except AssertionError as e:
    print(e)
class Obj:
    def __bool__(self):
        print("  __bool__ consulted")
        return False
try:
    assert Obj(), "custom falsy object"
except AssertionError as e:
    print(e)
print(__debug__)
