# Benchmark: common string operations (building, split/join, replace, find, case changes, formatting, slicing).
ROUNDS = 120

WORDS = ("the quick brown fox jumps over the lazy dog while seven wizards "
         "quietly hex jumbo plaid foxes and pack my box with five dozen liquor jugs").split()


def checksum(s, h=0):
    for i in range(0, len(s), 3):
        h = (h * 257 + ord(s[i])) % 2147483647
    return h


def one_round(r):
    h = r
    parts = []
    for i in range(300):
        w = WORDS[(i * 7 + r) % len(WORDS)]
        parts.append(w.upper() if i % 5 == 0 else w)
    text = " ".join(parts)
    h = checksum(text, h)
    words = text.split()
    h = (h + len(words) * 31) % 2147483647
    counts = {}
    for w in words:
        lw = w.lower()
        counts[lw] = counts.get(lw, 0) + 1
    for k in sorted(counts):
        h = (h * 31 + counts[k] + len(k)) % 2147483647
    replaced = text.replace("the", "THE").replace("o", "0").replace("  ", " ")
    h = checksum(replaced, h)
    pos = 0
    hits = 0
    while True:
        pos = replaced.find("f0x", pos)
        if pos < 0:
            break
        hits += 1
        pos += 3
    h = (h + hits * 7 + replaced.count("e") * 13) % 2147483647
    lines = []
    for i, w in enumerate(words[:120]):
        lines.append("%-10s|%5d|%s" % (w, i * r, w[::-1]))
        lines.append("{:>12}:{:08.3f}:{}".format(w.title(), i / 7, w.center(11, "*")))
        lines.append(f"{w!r}-{len(w):03d}-{w.swapcase()}")
    block = "\n".join(lines)
    h = checksum(block, h)
    rows = block.splitlines()
    h = (h + sum(len(x) for x in rows) + len(rows)) % 2147483647
    s = block
    acc = []
    for i in range(0, len(s) - 20, 97):
        chunk = s[i:i + 20]
        acc.append(chunk.strip().capitalize())
        acc.append(chunk[::2])
    joined = "".join(acc)
    h = checksum(joined, h)
    h = (h + sum(1 for c in joined if c.isdigit()) + sum(1 for c in joined if c.isupper())) % 2147483647
    stripped = [x.strip("*-| ").partition(":")[0] for x in rows[:200]]
    h = checksum("".join(stripped), h)
    buf = ""
    for i in range(200):
        buf += str(i * r % 97)
        if len(buf) > 50:
            h = (h + int(buf[-9:]) % 1000003) % 2147483647
            buf = buf[10:]
    return h


total = 0
for r in range(ROUNDS):
    total = (total * 1000003 + one_round(r)) % 2147483647
print("string_ops rounds=%d checksum=%d" % (ROUNDS, total))
