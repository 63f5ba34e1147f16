# The watchdog loop: tasklets that never yield are interrupted after N instructions and put
# back at the end of the queue; the results do not depend on where the interrupts fall.
import stackless

results = {}


def busy(name, n):
    total = 0
    for i in range(n):
        total += i * i
    results[name] = total


def polite(name, n):
    for i in range(n):
        stackless.schedule()
    results[name] = n


for k, n in [("a", 3000), ("b", 1500), ("c", 700)]:
    stackless.tasklet(busy)(k, n)
stackless.tasklet(polite)("p", 50)

interrupts = 0
while True:
    t = stackless.run(100)
    if t:
        interrupts += 1
        assert not t.scheduled and t.alive
        t.insert()
    else:
        break
print(sorted(results.items()))
print("interrupted at least once:", interrupts >= 0)
print("runcount", stackless.getruncount())

# A total timeout over the whole run, and a soft one.
def count(n):
    s = 0
    for i in range(n):
        s += i
    results["count%d" % n] = s

stackless.tasklet(count)(5000)
while True:
    t = stackless.run(50, totaltimeout=True)
    if t is None:
        break
    t.insert()
stackless.tasklet(count)(4000)
while True:
    t = stackless.run(50, soft=True)
    if t is None and stackless.getruncount() == 1:
        break
    if t is not None:
        t.insert()
print(results["count5000"], results["count4000"])
