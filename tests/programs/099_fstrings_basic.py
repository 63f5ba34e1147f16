# f-strings: expressions, conversions, = specifier, nesting, escapes
name = "World"
n = 42
pi = 3.14159265
print(f"Hello, {name}!", f"{n}", f"{n + 1}", f"{n * 2 = }", f"{name!r}", f"{name!s}", f"{'é'!a}")
print(f"{name=}", f"{n=}", f"{pi=:.2f}", f"{n = }", f"{name = !s}", f"{[1, 2]=}")
items = ["a", "b"]
d = {"key": "value"}
print(f"{items[0]}{items[-1]}", f"{d['key']}", f"{len(items)}", f"{items}", f"{d}")
print(f"{{literal braces}}", f"{{{n}}}", f"{'nested quotes'}", f'{"double inside single"}')
print(f"{n:5}|{n:<5}|{n:^5}|{n:>5}|{n:05}|{n:x}|{n:#b}|{n:,}")
print(f"{pi:.3f}|{pi:10.4f}|{pi:<10.2f}|{pi:e}|{pi:.2%}|{pi:g}")
width, prec = 12, 3
print(f"[{pi:{width}.{prec}f}]", f"[{name:>{width}}]", f"[{name:{'*'}^{width}}]", f"[{n:{'<' if n > 0 else '>'}{width}}]")
class P:
    def __repr__(self):
        return "P-repr"
    def __str__(self):
        return "P-str"
    def __format__(self, spec):
        return f"P-format({spec!r})"
p = P()
print(f"{p}", f"{p!r}", f"{p!s}", f"{p:spec}", f"{p!s:>8}", f"{p=}")
print(f"{'multi' + 'ple'} {1 + 1} {(lambda x: x * 2)(4)} {[i for i in range(3)]}")
print(f"{n if n > 10 else 0}", f"{'yes' if name else 'no'}", f"{n:{'x'}}")
print(f"{3.0}", f"{1e20}", f"{None}", f"{True}", f"{b'bytes'}", f"{1/3}")
x = 10
print(f"{x!r:>6}", f"{'s'!r:^7}", f"{x:=+6}", f"{-x:=+6}", f"{x:+}", f"{x: }")
print(f"{'a':_<6}|", f"{'b':->4}|")
line = f"{name}" f" and {n}" "plain"
print(line)
print(f"""triple {name}
second line {n}""")
print(f"{d['key']!r:>10}", f"{items!r}", f"{items[0]!a}")
obj = {"a": {"b": [10, 20]}}
print(f"{obj['a']['b'][1] * 2}", f"{'%s' % 'percent'}", f"{'{}'.format('fmt')}")
print(f"{n:{'>'}{width}}", f"{name[::-1]}", f"{name.upper():.3}", f"{42:c}" if False else f"{65:c}")
print(f"{x:08.3f}", f"{-x:08.3f}", f"{1234567.891:,.2f}", f"{0.000012345:.3g}", f"{1e-7:f}")
def g():
    return "called"
print(f"{g()}", f"{g()!r}", f"{g.__name__}")
print(f"{x}" == str(x), f"{pi:.0f}", f"{2.5:.0f}", f"{-0.0}", f"{-0.0:.1f}")
