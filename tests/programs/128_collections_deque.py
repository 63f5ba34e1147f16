# collections.deque
from collections import deque
d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], d[2])
print(d.pop(), d.popleft(), d)
d.extend([5, 6])
d.extendleft([-1, -2])
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
print(d.count(5), d.index(5), 5 in d, 100 in d)
d.remove(5)
d.insert(1, "ins")
print(d)
d.reverse()
print(d, list(reversed(d)))
bounded = deque(maxlen=3)
for i in range(6):
    bounded.append(i)
    print(list(bounded), end=" ")
print()
bounded.appendleft("L")
print(bounded, bounded.maxlen)
bounded.extend("xy")
print(bounded)
try:
    deque().pop()
except IndexError as e:
    print("IndexError:", e)
try:
    deque([1]).remove(9)
except ValueError as e:
    print("ValueError:", e)
def tail(iterable, n):
    return list(deque(iterable, maxlen=n))
print(tail(range(100), 4), tail("abc", 10))
def moving_average(seq, n=3):
    window = deque(maxlen=n)
    out = []
    for x in seq:
        window.append(x)
        if len(window) == n:
            out.append(sum(window) / n)
    return out
print(moving_average([1, 2, 3, 4, 5, 6, 10]))
q = deque()
q.append("task1")
q.append("task2")
q.appendleft("urgent")
while q:
    print("processing", q.popleft())
c = deque([1, 2, 3])
c2 = c.copy()
c2.append(4)
print(c, c2, c == deque([1, 2, 3]), c < c2, c + c2, c * 2)
c[1] = "changed"
del c[0]
print(c)
c.clear()
print(c, bool(c))
print(deque("hello"), deque(range(3), maxlen=2), deque([[1], [2]]))
pal = deque("racecar")
ok = True
while len(pal) > 1:
    if pal.popleft() != pal.pop():
        ok = False
print("palindrome:", ok)
