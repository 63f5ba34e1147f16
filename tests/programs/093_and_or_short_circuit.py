# and / or return operands and short-circuit evaluation
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, "" or "default", None or 0, [] and "never")
print("a" and "b" and "c", "a" and "" and "c", 0 or "" or None, 0 or "" or "last")
print(True and 3, False or [], not 0 and "x", (0 or 5) and (6 or 0))
log = []
def v(x, label):
    log.append(label)
    return x
log.clear(); r = v(0, "A") and v(1, "B"); print(r, log)
log.clear(); r = v(1, "A") and v(2, "B"); print(r, log)
log.clear(); r = v(1, "A") or v(2, "B"); print(r, log)
log.clear(); r = v(0, "A") or v(0, "B") or v(3, "C") or v(4, "D"); print(r, log)
log.clear(); r = v(1, "A") and v(0, "B") or v(5, "C"); print(r, log)
log.clear(); r = v(0, "A") or v(1, "B") and v(0, "C"); print(r, log)
log.clear(); r = not v([], "A") and v("x", "B"); print(r, log)
def safe_div(a, b):
    return b != 0 and a / b
print(safe_div(10, 2), safe_div(1, 0))
d = {}
print(d and d["missing"], d.get("k") or "fallback")
name = ""
print(name or "anonymous", (name or None) is None)
class Truth:
    def __init__(self, v, label):
        self.v, self.label = v, label
    def __bool__(self):
        log.append(f"bool({self.label})")
        return self.v
    def __repr__(self):
        return f"Truth({self.label})"
log.clear()
print(Truth(True, "a") and Truth(False, "b") and Truth(True, "c"), log)
log.clear()
print(Truth(False, "a") or Truth(False, "b"), log)
log.clear()
if Truth(True, "x") or Truth(True, "y"):
    pass
print(log)
print(1 or 1 / 0, 0 and 1 / 0, [x for x in range(5) if x and x % 2])
x = 5
print(x > 0 and x < 10, x > 0 and x, x < 0 or x, not x or x * 2)
print(None and None.attr, "" or [] or {} or (), [] or 0)
values = [0, 1, "", "s", None, [1]]
print([a and b for a in values[:3] for b in values[3:]])
print([a or b for a in values[:3] for b in values[3:]])
print(bool(0 or None), type(0 or None).__name__, (1 and []) == [])
