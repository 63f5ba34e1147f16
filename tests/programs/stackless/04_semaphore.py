# A semaphore built from atomic and a channel, under the watchdog.
import stackless


class Semaphore:
    def __init__(self, n):
        self.n = n
        self.ch = stackless.channel()
        self.ch.preference = 1

    def acquire(self):
        with stackless.atomic():
            if self.n > 0:
                self.n -= 1
                return
            self.ch.receive()

    def release(self):
        with stackless.atomic():
            if self.ch.balance < 0:
                self.ch.send(None)
            else:
                self.n += 1


sem = Semaphore(2)
inside = [0]
peak = [0]
done = []


def worker(name):
    for round in range(3):
        sem.acquire()
        inside[0] += 1
        peak[0] = max(peak[0], inside[0])
        x = 0
        for i in range(200):
            x += i
        stackless.schedule()
        inside[0] -= 1
        sem.release()
    done.append(name)


for i in range(5):
    stackless.tasklet(worker)("w%d" % i)

while True:
    t = stackless.run(37)
    if t is None:
        break
    t.insert()

print("done", sorted(done))
print("peak", peak[0], "left", sem.n, "balance", sem.ch.balance)
t = stackless.getcurrent()
old = t.set_atomic(True)
print("atomic", t.atomic, "was", old)
t.set_atomic(old)
with stackless.atomic():
    print("inside atomic", stackless.current.atomic)
print("after atomic", stackless.current.atomic)
