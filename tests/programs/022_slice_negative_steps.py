# Negative steps and unusual slice bounds
s = "0123456789"
cases = [
    (None, None, -1), (None, None, -2), (8, 2, -1), (8, 2, -2), (2, 8, -1),
    (-1, -5, -1), (-5, -1, -1), (None, 3, -1), (3, None, -1), (100, None, -3),
    (None, -100, -1), (-100, None, -1), (5, 5, -1), (9, -11, -1), (0, None, -1),
]
for start, stop, step in cases:
    sl = slice(start, stop, step)
    print(f"{str(start):>5} {str(stop):>5} {step:>3} -> {s[sl]!r:14} {list(range(10))[sl]} {sl.indices(10)}")
r = range(0, 30, 3)
print(r[::-1], r[-2:1:-2], list(r[8:2:-3]))
print(list(range(10, 0, -3)), list(range(10, 0, -3))[::-1], range(10, 0, -3)[::-1])
t = tuple("abcdef")
print(t[::-1], t[-2::-2], t[4:0:-2])
w = "racecar"
print(w == w[::-1], "python"[::-1], "ab"[::-5], "abcdef"[-1:-7:-1])
lst = list(range(6))
lst[::-1] = lst
print(lst)
lst2 = list(range(6))
lst2[::-2] = ["a", "b", "c"]
print(lst2)
print([1, 2, 3][-1::-1], [1, 2, 3][-4::-1], [1, 2, 3][:-4:-1])
n = 12345
print(int(str(n)[::-1]), str(-n)[:0:-1])
print(b"abcdef"[::-2], bytearray(b"xyz")[::-1])
