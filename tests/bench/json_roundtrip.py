# Benchmark: build nested data, json.dumps/json.loads round trips (string building, dict/list traversal).
import json

RECORDS = 400
ROUNDS = 9


def lcg(seed):
    state = seed
    while True:
        state = (state * 1103515245 + 12345) % 2147483648
        yield state


def make_data(n):
    rnd = lcg(42)
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
             "quote\"d", "back\\slash", "tab\there", "unicode \u00e9\u4e2d", "newline\nx"]
    data = []
    for i in range(n):
        r = next(rnd)
        rec = {
            "id": i,
            "name": words[r % len(words)] + "-" + str(r % 1000),
            "score": (r % 10000) / 4.0,
            "active": r % 3 == 0,
            "parent": None if r % 5 == 0 else (r % (i + 1)),
            "tags": [words[(r >> k) % len(words)] for k in range(r % 6)],
            "coords": {"x": r % 97 - 48, "y": (r >> 8) % 89 - 44, "z": [(r >> j) % 10 for j in range(4)]},
            "nested": {"level1": {"level2": {"values": list(range(r % 7)), "flag": r % 2 == 1}}},
        }
        data.append(rec)
    return {"version": 1, "count": n, "records": data, "meta": {"source": "benchmark", "ok": True}}


def checksum_text(s):
    h = 0
    for i in range(0, len(s), 7):
        h = (h * 131 + ord(s[i])) % 1000000007
    return h


data = make_data(RECORDS)
total_len = 0
check = 0
for r in range(ROUNDS):
    text = json.dumps(data, sort_keys=(r % 2 == 0))
    back = json.loads(text)
    assert back == data
    pretty = json.dumps(back, indent=2, sort_keys=True)
    again = json.loads(pretty)
    assert again == data
    total_len += len(text) + len(pretty)
    check = (check + checksum_text(text) * 3 + checksum_text(pretty)) % 1000000007
print("json roundtrip records=%d rounds=%d total_len=%d checksum=%d" % (RECORDS, ROUNDS, total_len, check))
