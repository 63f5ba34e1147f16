# Channel iteration, close/open, closing/closed.
import stackless

ch = stackless.channel()


def produce(n):
    for i in range(n):
        if i == n - 1:
            # Closing does not wake a waiting receiver: close before the last send, which
            # still pairs with the receiver; the loop then ends.
            ch.close()
        ch.send(i)


def consume():
    total = []
    for x in ch:
        total.append(x)
    print("iteration ended with", total, "closed", ch.closed)


stackless.tasklet(consume)()
stackless.tasklet(produce)(4)
stackless.run()
print("closing", ch.closing, "closed", ch.closed)
try:
    ch.receive()
except ValueError as e:
    print("receive on closed:", e)
print("next:", next(iter(ch), "exhausted"))
ch.open()
print("reopened", ch.closing, ch.closed)


def one(c):
    c.send("x")


stackless.tasklet(one)(ch)
stackless.run()
ch.close()
print("closing with a sender waiting", ch.closing, ch.closed, ch.balance)
print("still receives", ch.receive(), "closed", ch.closed)

c2 = stackless.channel()
stackless.tasklet(lambda: c2.send(1))()
stackless.tasklet(lambda: c2.send(2))()
stackless.run()
print("next(c2)", next(c2), "list", [c2.receive()])
