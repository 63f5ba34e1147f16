# Go-style select over several channels: fair among ready cases, blocking otherwise.
import stackless

a = stackless.channel()
b = stackless.channel()
c = stackless.channel()
out = stackless.channel()


def producer(ch, name, n):
    for i in range(n):
        ch.send("%s%d" % (name, i))


def consumer():
    got = []
    for _ in range(9):
        ch, op, value = stackless.select([a.receiveCase(), b.receiveCase(), c.receiveCase()])
        which = "a" if ch is a else "b" if ch is b else "c"
        got.append((which, op.operation, value))
    out.send(got)


stackless.tasklet(producer)(a, "a", 3)
stackless.tasklet(producer)(b, "b", 3)
stackless.tasklet(producer)(c, "c", 3)
stackless.tasklet(consumer)()
stackless.run()
result = out.receive()
for r in result:
    print(r)
print("counts", sorted((k, sum(1 for r in result if r[0] == k)) for k in "abc"))

# A select that sends, whichever receiver is waiting.
x = stackless.channel()
y = stackless.channel()


def listener(ch, label):
    print(label, "heard", ch.receive())


stackless.tasklet(listener)(y, "y")
stackless.run()
ch, op, value = stackless.select([x.sendCase("to-x"), y.sendCase("to-y")])
print("sent on", "x" if ch is x else "y", op.operation, value)
stackless.run()

# Blocking in a select until another tasklet comes.
def late_sender():
    stackless.schedule()
    x.send("late")


stackless.tasklet(late_sender)()
ch, op, value = stackless.select([x.receiveCase(), y.receiveCase()])
print("received", value, "on", "x" if ch is x else "y", "balances", x.balance, y.balance)
print(repr(x.sendCase(1)), repr(x.receiveCase()))
