# Realistic: generator-based data pipeline (producer -> parse -> filter -> enrich -> aggregate -> consumer)
import itertools
from collections import defaultdict
RAW_LOG = """\
2024-01-01 10:00:01 INFO  user=alice action=login ms=120
2024-01-01 10:00:03 WARN  user=bob action=login ms=900
2024-01-01 10:00:04 INFO  user=alice action=view item=42 ms=35
garbage line without structure
2024-01-01 10:00:09 ERROR user=carol action=buy item=7 ms=1500
2024-01-01 10:01:10 INFO  user=bob action=view item=42 ms=40
2024-01-01 10:01:11 INFO  user=alice action=buy item=42 ms=210
2024-01-01 10:01:15 DEBUG user=dave action=ping ms=1

2024-01-01 10:02:00 INFO  user=carol action=view item=9 ms=55
2024-01-01 10:02:30 ERROR user=bob action=buy item=42 ms=2000
2024-01-01 10:03:00 INFO  user=alice action=logout ms=15
"""
trace = []
def produce(text):
    for lineno, line in enumerate(text.splitlines(), 1):
        trace.append(f"produce {lineno}")
        yield lineno, line
def parse(lines):
    for lineno, line in lines:
        parts = line.split()
        if len(parts) < 4 or "=" not in parts[3]:
            print(f"  skip line {lineno}: {line!r}")
            continue
        rec = {"line": lineno, "date": parts[0], "time": parts[1], "level": parts[2]}
        for kv in parts[3:]:
            k, _, v = kv.partition("=")
            rec[k] = int(v) if v.isdigit() else v
        yield rec
def only(levels, records):
    for r in records:
        if r["level"] in levels:
            yield r
def enrich(records):
    seen = defaultdict(int)
    for r in records:
        seen[r["user"]] += 1
        r["nth_for_user"] = seen[r["user"]]
        r["slow"] = r["ms"] > 500
        yield r
def window_by_minute(records):
    for minute, group in itertools.groupby(records, key=lambda r: r["time"][:5]):
        yield minute, list(group)
def consumer():
    totals = {"count": 0, "ms": 0}
    try:
        while True:
            rec = yield totals["count"]
            totals["count"] += 1
            totals["ms"] += rec["ms"]
    except GeneratorExit:
        print(f"  consumer closing with {totals}")
pipeline = enrich(only({"INFO", "WARN", "ERROR"}, parse(produce(RAW_LOG))))
print("pipeline built, nothing produced yet:", trace == [])
first = next(pipeline)
print("first record:", first, "| produced so far:", len(trace))
sink = consumer()
next(sink)
print("sink count after first:", sink.send(first))
rest = list(pipeline)
for r in rest:
    sink.send(r)
sink.close()
records = [first] + rest
for r in records:
    print(f"{r['time']} {r['level']:<5} {r['user']:<5} {r['action']:<6} {r.get('item', '-'):>3} {r['ms']:>5}ms nth={r['nth_for_user']} slow={r['slow']}")
for minute, grp in window_by_minute(records):
    print(minute, len(grp), "events, avg ms", round(sum(r["ms"] for r in grp) / len(grp), 1), "users", sorted({r["user"] for r in grp}))
by_user = defaultdict(list)
for r in records:
    by_user[r["user"]].append(r["action"])
print(dict(sorted(by_user.items())))
errors = (r for r in records if r["level"] == "ERROR")
print("errors:", [(r["user"], r["item"]) for r in errors])
def running_stats(values):
    n = total = 0
    lo = hi = None
    for v in values:
        n += 1
        total += v
        lo = v if lo is None else min(lo, v)
        hi = v if hi is None else max(hi, v)
        yield n, total / n, lo, hi
for n, mean, lo, hi in running_stats(r["ms"] for r in records):
    print(f"n={n:2} mean={mean:8.2f} min={lo:5} max={hi:5}")
def chunked(it, size):
    it = iter(it)
    while chunk := list(itertools.islice(it, size)):
        yield chunk
print([[r["line"] for r in c] for c in chunked(records, 3)])
print("total lines produced:", len(trace))
