# re: sub with strings and functions, compile with flags, verbose patterns, Pattern/Match objects
import re
print(re.sub(r"\d+", "#", "a1b22c333"), re.sub(r"\d+", "#", "a1b22c333", count=2), re.subn(r"o", "0", "foo boo"))
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "ann@home bob@work"), re.sub(r"(?P<w>\w+)", r"[\g<w>]", "a b"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "3 apples and 10 pears"))
def title(m):
    return m.group(1).upper() + m.group(2).lower()
print(re.sub(r"\b(\w)(\w*)", title, "hELLO wORLD from PYTHON"))
print(re.sub(r"x*", "-", "abc"), re.sub(r"", "|", "ab"), re.sub(r"a", r"\\", "banana"))
print(re.sub(r"(?m)^", "> ", "line1\nline2"), re.sub(r"\s+", " ", "  too   many    spaces  ").strip())
pat = re.compile(r"(?P<key>\w+)\s*=\s*(?P<val>[^;]+);?")
print(pat.pattern, pat.groups, sorted(pat.groupindex.items()), pat.flags & re.UNICODE != 0)
cfg = "host = example.com; port=8080;debug = true"
print({m["key"]: m["val"].strip() for m in pat.finditer(cfg)})
print(pat.findall(cfg), pat.search(cfg, 10).group("key"), pat.match(cfg, 20))
ci = re.compile(r"^error:\s*(.*)$", re.IGNORECASE | re.MULTILINE)
log = "INFO: ok\nERROR: disk full\nerror: net down\nWarning: x"
print(ci.findall(log), bool(ci.flags & re.IGNORECASE))
verbose = re.compile(r"""
    (?P<area>\d{3})   # area code
    [-.\s]?           # optional separator
    (?P<num>\d{4})    # number
""", re.VERBOSE)
for s in ["555-1234", "555.9876", "5551111", "55-1234"]:
    m = verbose.fullmatch(s)
    print(s, m.groupdict() if m else None)
email = re.compile(r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$")
for e in ["a@b.com", "first.last+tag@sub.domain.org", "bad@", "@bad.com", "no at.com"]:
    print(e, bool(email.match(e)))
m = re.search(r"(\d+)\.(\d+)", "version 3.11 released")
print(m.string, m.re.pattern, m.pos, m.endpos, m.lastindex, m.span(1))
tokens = re.compile(r"\s*(?:(\d+\.?\d*)|(.))")
print([(num, op) for num, op in tokens.findall("3.5 + 42*(2 - 1)")])
print(re.split(r"(?<=[.!?])\s+", "One. Two! Three? Four"))
csvish = 'a,"b,c",d,"e ""quoted"""'
print(re.findall(r'"((?:[^"]|"")*)"|([^,]+)', csvish))
print(re.sub(r"(\d)(?=(\d{3})+$)", r"\1,", "1234567890"))
try:
    re.compile(r"(unclosed")
except re.error as e:
    print("re.error:", e.msg, "at", e.pos)
print(re.fullmatch(r"[01]+", "0101") is not None, re.fullmatch(r"(?:0|1(?:01*0)*1)+", "110") is not None)
word_re = re.compile(r"\w+")
text = "the quick brown the lazy the end"
from collections import Counter
print(Counter(word_re.findall(text)).most_common(2))
print(re.findall(r"[\u00c0-\u017f]+", "café naïve Zürich"), re.findall(r"\w+", "日本 語"))
print(re.sub(r"(?i)PYTHON", "Py", "python Python PYTHON"), re.findall(rb"\d+", b"a1b23"))
