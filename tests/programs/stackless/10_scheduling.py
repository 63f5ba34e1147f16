# Run order and tasklet state: run, switch, schedule, schedule_remove, tempval, insert,
# remove, bind/setup, names and ids.
import stackless

order = []


def f(name, n):
    for i in range(n):
        order.append("%s%d" % (name, i))
        stackless.schedule()


t1 = stackless.tasklet(f)("a", 2)
t2 = stackless.tasklet(f)("b", 2)
t3 = stackless.tasklet(f)("c", 2)
print("runcount", stackless.getruncount())
t2.run()
print("after t2.run():", order)
stackless.run()
print("all:", order)

del order[:]
t1 = stackless.tasklet(f)("x", 1)
t2 = stackless.tasklet(f)("y", 1)
t2.remove()
print("removed: scheduled", t2.scheduled, "paused", t2.paused)
stackless.run()
print("without y:", order, "y alive", t2.alive)
t2.insert()
stackless.run()
print("with y:", order)

waiting = []


def wait_for_result():
    waiting.append(stackless.getcurrent())
    return stackless.schedule_remove()


def user(name):
    print(name, "got", wait_for_result())


stackless.tasklet(user)("u1")
stackless.tasklet(user)("u2")
stackless.run()
for i, t in enumerate(waiting):
    t.tempval = "result %d" % i
    t.insert()
stackless.run()

t = stackless.tasklet()
t.bind(f)
print("bound: alive", t.alive)
t.setup("z", 1)
print("setup: alive", t.alive, "scheduled", t.scheduled)
stackless.run()
t = stackless.tasklet()
t.bind(f, ("w", 1))
print("bind with args: alive", t.alive, "paused", t.paused)
t.insert()
stackless.run()
print("order", order)
t.name = "worker"
print(t.name, t.alive, repr(stackless.getmain()), stackless.getmain().id)
print("schedule returns", stackless.schedule("value"), stackless.schedule() is stackless.current)


def ping(other_name):
    print("ping in", stackless.current.name)
    stackless.main.switch()
    print("ping back in", stackless.current.name)


p = stackless.tasklet(ping)("main")
p.name = "pinger"
p.remove()
p.switch()
print("main back; p paused", p.paused)
p.run()
print("done", p.alive, stackless.getruncount())
