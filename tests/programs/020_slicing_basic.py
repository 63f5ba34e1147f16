# Slicing of lists, strings, tuples, ranges with various bounds
a = list(range(10))
s = "abcdefghij"
t = tuple(a)
for lo, hi in [(None, None), (2, 5), (-3, None), (None, -3), (5, 2), (-100, 100), (3, 3), (8, 100)]:
    print(lo, hi, a[lo:hi], s[lo:hi], t[lo:hi])
for step in [1, 2, 3, -1, -2, -3]:
    print("step", step, a[::step], s[::step])
print(a[1:8:2], a[8:1:-2], a[-1:-8:-3], s[1::3], s[:5:-1], s[5::-1])
print(a[slice(2, 6)], a[slice(None, None, -1)], s[slice(3)], slice(1, 5, 2))
sl = slice(1, 9, 3)
print(sl.start, sl.stop, sl.step, a[sl], sl.indices(5), slice(None, None, -1).indices(10))
r = range(20)
print(r[2:10], r[::-1], r[5:15:3], list(r[::-5]), r[-3:])
print(a[100:], s[100:], a[:-100], s[-100:-90])
try:
    a[::0]
except ValueError as e:
    print("ValueError:", e)
print(s[-1], s[-len(s)], s[len(s) - 1])
copy = a[:]
copy[0] = 99
print(a[0], copy[0])
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[1:] for row in m[:2]], [row[::-1] for row in m][::-1])
b = b"0123456789"
print(b[2:5], b[::-2], b[-3:], bytearray(b)[1:3])
print("hello"[1:-1], "hello"[::2], "x"[1:], ""[:], "ab"[-1:-3:-1])
def middle(seq):
    return seq[1:-1]
print(middle([1, 2, 3, 4]), middle("word"), middle((1,)))
class Seq:
    def __getitem__(self, item):
        return item
sq = Seq()
print(sq[1:2], sq[::3], sq[1:2, 3], sq[...], sq[:, 1])
print(a[2:8][1:3], s[::2][::2])
print(a[True:3], s[False:2])
