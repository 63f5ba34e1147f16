# Custom exception classes: attributes, hierarchy, __str__, args
class AppError(Exception):
    """Base for app errors."""
class ValidationError(AppError):
    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
class NotFound(AppError):
    def __init__(self, key):
        self.key = key
    def __str__(self):
        return f"not found: {self.key}"
class WithCode(AppError):
    def __init__(self, msg, code=500):
        super().__init__(msg, code)
        self.code = code
def check(data):
    if "name" not in data:
        raise ValidationError("name", "required")
    if data["name"] == "ghost":
        raise NotFound(data["name"])
    if data.get("fail"):
        raise WithCode("server failure", code=503)
    return "valid"
for d in [{"name": "ok"}, {}, {"name": "ghost"}, {"name": "x", "fail": True}]:
    try:
        print(check(d))
    except ValidationError as e:
        print("ValidationError", e.field, e.message, str(e), e.args)
    except NotFound as e:
        print("NotFound", e.key, str(e), e.args, repr(e))
    except AppError as e:
        print("AppError", type(e).__name__, e, e.args, e.code)
print(issubclass(ValidationError, AppError), isinstance(NotFound("k"), Exception), AppError.__doc__)
print(ValidationError.__mro__[1:3])
class Retry(Exception):
    pass
attempts = 0
def flaky():
    global attempts
    attempts += 1
    if attempts < 3:
        raise Retry(attempts)
    return f"done after {attempts}"
while True:
    try:
        print(flaky())
        break
    except Retry as r:
        print("retrying, attempt", r.args[0])
class Silent(Exception):
    def __init__(self):
        pass
s = Silent()
print(repr(s), s.args, str(s) == "")
class KwErr(Exception):
    def __init__(self, *, detail):
        super().__init__(detail)
        self.detail = detail
try:
    raise KwErr(detail="keyword only")
except KwErr as e:
    print(e, e.detail)
class StopAll(BaseException):
    pass
try:
    try:
        raise StopAll("stop")
    except Exception:
        print("Exception does not catch BaseException subclass")
except StopAll as e:
    print("caught StopAll", e)
e = WithCode("m", 1)
e.extra = "attributes on instances"
print(e.extra, e.code, e.args)
try:
    raise NotFound
except TypeError as te:
    print("TypeError:", te)
