# A reader and a writer over a channel, with the scheduler run to the end.
import stackless

ch = stackless.channel()
log = []


def writer(n):
    for i in range(n):
        log.append("send %d" % i)
        ch.send(i * i)
    log.append("writer done")
    ch.send(None)


def reader():
    total = 0
    while True:
        v = ch.receive()
        if v is None:
            break
        log.append("recv %d" % v)
        total += v
    log.append("total %d" % total)


stackless.tasklet(reader)()
w = stackless.tasklet(writer)(5)
print("runcount before", stackless.getruncount())
stackless.run()
print("\n".join(log))
print("runcount after", stackless.getruncount(), "writer alive", w.alive)
print("balance", ch.balance)

# The main tasklet talks to a tasklet directly.
def echo(c):
    while True:
        x = c.receive()
        if x == "stop":
            return
        c.send(x.upper())

c = stackless.channel()
stackless.tasklet(echo)(c)
for word in ["alpha", "beta", "gamma"]:
    c.send(word)
    print(c.receive())
c.send("stop")
stackless.run()
print("main is current:", stackless.getcurrent() is stackless.getmain(), stackless.current.is_main)
