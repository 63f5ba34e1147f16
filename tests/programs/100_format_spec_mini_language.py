# Format specification mini-language exercised via format() and f-strings
vals_int = [0, 7, -7, 255, 123456789]
specs_int = ["", "d", "5d", "<6d", "^7d", ">8d", "+d", " d", "-d", "08d", "x", "X", "#x", "o", "#o", "b", "#010b", ",d", "_d", "=+8d", "*^9d"]
for spec in specs_int:
    row = []
    for v in vals_int:
        try:
            row.append(f"[{format(v, spec)}]")
        except (ValueError, OverflowError) as e:
            row.append(f"<{type(e).__name__}>")
    print(f"{spec!r:>8}: " + " ".join(row))
vals_float = [0.0, 1.5, -2.25, 1234.5678, 1e-5, 1e16, float("inf"), float("nan")]
specs_float = ["", "f", ".1f", "8.2f", "<9.3f", "^10.1f", "+.2f", "e", ".2E", "g", ".3g", "G", "%", ".1%", ",.2f", "010.2f"]
for spec in specs_float:
    print(f"{spec!r:>8}: " + " ".join(f"[{format(v, spec)}]" for v in vals_float))
strs = ["", "a", "hello", "longer string"]
for spec in ["", "5", "<5", ">5", "^5", "*^7", ".3", "10.2", "-<6", "s"]:
    print(f"{spec!r:>6}: " + " ".join(f"[{format(s, spec)}]" for s in strs))
for bad_spec, value in [("d", 1.5), ("s", 5), ("x", "str"), (",x", 255), ("=5", "s")]:
    try:
        print(format(value, bad_spec))
    except ValueError as e:
        print("ValueError:", e)
print(format(True, "d"), format(True, ""), format(False, ">6"), format(None, ""), format(3 + 4j, ".1f"))
print(format(1 / 3, ".50f"), format(65, "c"), format(0x263A, "c"), f"{97:c}{98:c}")
print(format(2 ** 70, ","), format(-(2 ** 70), "_x"), format(10 ** 20, "e"))
