# Blocking the last runnable tasklet is a deadlock, raised as a RuntimeError.
import stackless

ch = stackless.channel()
try:
    ch.receive()
except RuntimeError as e:
    print("main:", e)
try:
    ch.send(1)
except RuntimeError as e:
    print("main:", e)
print("balance", ch.balance, "main blocked", stackless.main.blocked)


def waits():
    ch.receive()


# A tasklet blocks; main then blocks too and nothing can run.
stackless.tasklet(waits)()
stackless.run()
other = stackless.channel()
try:
    other.receive()
except RuntimeError as e:
    print("main again:", e)


# The last tasklet ends while main waits on a channel: main is woken with the error.
def finisher():
    print("finisher runs")


stackless.tasklet(finisher)()
try:
    other.receive()
except RuntimeError as e:
    print("after finisher:", e)
print("main blocked", stackless.main.blocked, "balance", other.balance)
ch.send("release")
print("runcount", stackless.getruncount())
