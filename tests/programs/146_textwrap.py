# textwrap: wrap, fill, shorten, dedent, indent
import textwrap
text = ("The quick brown fox jumps over the lazy dog. Pack my box with five dozen liquor jugs. "
        "How vexingly quick daft zebras jump!")
print(textwrap.wrap(text, width=30))
print(textwrap.fill(text, width=40))
print(textwrap.fill(text, width=25, initial_indent="* ", subsequent_indent="  "))
print(textwrap.shorten(text, width=50), "|", textwrap.shorten("short", width=20))
print(textwrap.shorten(text, width=40, placeholder=" [...]"))
code = """
    def f():
        return 1
    # comment
"""
print(repr(textwrap.dedent(code)))
print(textwrap.indent("line1\nline2\n\nline4", "> "))
print(textwrap.indent("a\nb", "+ ", predicate=lambda line: line.startswith("b")))
print(textwrap.wrap("supercalifragilisticexpialidocious is long", width=10))
print(textwrap.wrap("supercalifragilisticexpialidocious", width=10, break_long_words=False))
print(textwrap.wrap("a-hyphenated-word-here and more", width=12))
print(textwrap.wrap("a-hyphenated-word-here", width=12, break_on_hyphens=False))
print(textwrap.wrap("", width=10), textwrap.wrap("   ", width=10), textwrap.fill("x", 1))
print(textwrap.wrap("one\ttwo three", width=8, tabsize=4))
w = textwrap.TextWrapper(width=20, max_lines=2, placeholder="...")
print(w.wrap(text))
w2 = textwrap.TextWrapper(width=15, drop_whitespace=False)
print(w2.wrap("hello   world   again"))
for width in (10, 20, 35):
    lines = textwrap.wrap(text, width)
    print(width, len(lines), max(len(l) for l in lines))
print(textwrap.dedent("  a\n    b\n  c"), textwrap.dedent("\ta\n\tb") == "a\nb")
para = textwrap.fill("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.", 30)
print(textwrap.indent(para, "    "))
print(textwrap.wrap("sentence one.  Sentence two.", width=100, fix_sentence_endings=True))
