# string module: constants, Template, Formatter, capwords
import string
print(string.ascii_letters)
print(string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits)
print(string.punctuation)
print(repr(string.whitespace), len(string.printable))
t = string.Template("Hello $name, you owe $$${amount} by ${day}day.")
print(t.substitute(name="Ann", amount=42, day="Mon"))
print(t.substitute({"name": "Bob", "amount": 7, "day": "Fri"}))
print(t.safe_substitute(name="Cy"))
try:
    t.substitute(name="Dee")
except KeyError as e:
    print("KeyError:", e)
bad = string.Template("cost: $")
try:
    bad.substitute()
except ValueError as e:
    print("ValueError:", e)
print(t.template, string.Template("$a$b").substitute(a=1, b=2), string.Template("${x}y").substitute(x="X"))
print(t.get_identifiers(), t.is_valid(), bad.is_valid())
class Percent(string.Template):
    delimiter = "%"
print(Percent("%who likes %what").substitute(who="she", what="tea"))
print(string.capwords("hello   world  from python"), string.capwords("a-b c-d", "-"))
f = string.Formatter()
print(f.format("{0} + {1} = {sum}", 2, 3, sum=5), list(f.parse("a{0}b{x:>3}c")))
def caesar(text, shift):
    lower = string.ascii_lowercase
    upper = string.ascii_uppercase
    table = str.maketrans(lower + upper, lower[shift:] + lower[:shift] + upper[shift:] + upper[:shift])
    return text.translate(table)
print(caesar("Hello, World!", 13), caesar(caesar("Hello, World!", 13), 13))
def is_pangram(s):
    return set(string.ascii_lowercase) <= set(s.lower())
print(is_pangram("The quick brown fox jumps over the lazy dog"), is_pangram("hello"))
print("".join(c for c in "Hello, World! 123" if c not in string.punctuation))
print([c for c in "a1B2_c3!" if c in string.ascii_letters + string.digits])
print(sum(1 for c in "Hello World" if c in string.ascii_uppercase))
def to_base36(n):
    chars = string.digits + string.ascii_lowercase
    out = ""
    while n:
        n, r = divmod(n, 36)
        out = chars[r] + out
    return out or "0"
print(to_base36(123456789), int(to_base36(123456789), 36))
rows = [("Name", "Qty"), ("apple", "3"), ("kiwi", "12")]
tmpl = string.Template("| $a | $b |")
for a, b in rows:
    print(tmpl.substitute(a=a.ljust(6), b=b.rjust(4)))
