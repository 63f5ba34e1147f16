# Realistic: a hand-written JSON-ish parser and pretty printer (no json module), checked by round trip
class ParseError(Exception):
    pass
class Parser:
    def __init__(self, text):
        self.s = text
        self.i = 0
    def ws(self):
        while self.i < len(self.s) and self.s[self.i] in " \t\r\n":
            self.i += 1
    def peek(self):
        self.ws()
        return self.s[self.i] if self.i < len(self.s) else ""
    def expect(self, ch):
        if self.peek() != ch:
            raise ParseError(f"expected {ch!r} at {self.i}, found {self.peek()!r}")
        self.i += 1
    def parse(self):
        v = self.value()
        if self.peek():
            raise ParseError(f"trailing data at {self.i}")
        return v
    def value(self):
        ch = self.peek()
        if ch == "{":
            return self.obj()
        if ch == "[":
            return self.arr()
        if ch == '"':
            return self.string()
        for word, val in (("true", True), ("false", False), ("null", None)):
            if self.s.startswith(word, self.i):
                self.i += len(word)
                return val
        return self.number()
    def obj(self):
        self.expect("{")
        out = {}
        if self.peek() == "}":
            self.i += 1
            return out
        while True:
            key = self.string()
            self.expect(":")
            out[key] = self.value()
            if self.peek() == ",":
                self.i += 1
                continue
            self.expect("}")
            return out
    def arr(self):
        self.expect("[")
        out = []
        if self.peek() == "]":
            self.i += 1
            return out
        while True:
            out.append(self.value())
            if self.peek() == ",":
                self.i += 1
                continue
            self.expect("]")
            return out
    def string(self):
        self.expect('"')
        out = []
        escapes = {'"': '"', "\\": "\\", "/": "/", "n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f"}
        while True:
            if self.i >= len(self.s):
                raise ParseError("unterminated string")
            ch = self.s[self.i]
            self.i += 1
            if ch == '"':
                return "".join(out)
            if ch == "\\":
                esc = self.s[self.i]
                self.i += 1
                if esc == "u":
                    out.append(chr(int(self.s[self.i:self.i + 4], 16)))
                    self.i += 4
                else:
                    out.append(escapes[esc])
            else:
                out.append(ch)
    def number(self):
        start = self.i
        while self.i < len(self.s) and self.s[self.i] in "+-0123456789.eE":
            self.i += 1
        text = self.s[start:self.i]
        if not text:
            raise ParseError(f"unexpected {self.peek()!r} at {start}")
        return float(text) if any(c in text for c in ".eE") else int(text)
def quote(s):
    out = ['"']
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 32 or ord(ch) > 126:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out) + '"'
def pretty(v, indent=0, step=2, sort_keys=False):
    pad = " " * (indent + step)
    if isinstance(v, dict):
        if not v:
            return "{}"
        keys = sorted(v) if sort_keys else list(v)
        items = [f"{pad}{quote(k)}: {pretty(v[k], indent + step, step, sort_keys)}" for k in keys]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    if isinstance(v, list):
        if not v:
            return "[]"
        if all(not isinstance(x, (list, dict)) for x in v) and len(v) <= 5:
            return "[" + ", ".join(pretty(x) for x in v) + "]"
        return "[\n" + ",\n".join(pad + pretty(x, indent + step, step, sort_keys) for x in v) + "\n" + " " * indent + "]"
    if isinstance(v, str):
        return quote(v)
    if v is True:
        return "true"
    if v is False:
        return "false"
    if v is None:
        return "null"
    return repr(v)
doc = '''{"name": "sleepy", "version": 1.5, "tags": ["fast", "small"], "deps": {},
 "authors": [{"name": "A. Person", "email": "a@example.com", "active": true},
             {"name": "B \\"Quoted\\" Name", "email": null, "active": false}],
 "matrix": [[1, 2, 3], [4, 5, 6]], "escape": "line\\nbreak\\ttab \\u00e9", "neg": -12, "exp": 1.5e3,
 "empty": [], "nested": {"a": {"b": {"c": [1, {"d": []}]}}}}'''
data = Parser(doc).parse()
print(pretty(data))
print(pretty(data, step=4, sort_keys=True)[:200])
again = Parser(pretty(data)).parse()
print("round trip equal:", again == data)
import json
print("agrees with json module:", json.loads(doc) == data, json.loads(pretty(data)) == data)
for bad in ['{"a": }', '[1, 2', '{"a" 1}', '"unterminated', '[1] 2', '{1: 2}', '']:
    try:
        Parser(bad).parse()
        print("parsed?!", bad)
    except (ParseError, IndexError, ValueError) as e:
        print(f"{bad!r:>16} -> {type(e).__name__}: {e}")
