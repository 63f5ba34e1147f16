# throw, raise_exception, send_exception, send_throw, and an uncaught exception in a tasklet
# propagating to the main tasklet.
import stackless


class Oops(Exception):
    pass


def catcher(name):
    try:
        stackless.schedule_remove()
    except Oops as e:
        print(name, "caught", repr(e))
    except ValueError as e:
        print(name, "caught ValueError", e)


t = stackless.tasklet(catcher)("t1")
stackless.run()
t.throw(Oops("thrown"))
print("t1 alive", t.alive)

t = stackless.tasklet(catcher)("t2")
stackless.run()
t.raise_exception(ValueError, "raised", "twice")
print("t2 alive", t.alive)

t = stackless.tasklet(catcher)("t3")
stackless.run()
t.throw(Oops, "pending one", pending=True)
print("t3 still alive", t.alive, "scheduled", t.scheduled)
stackless.run()

ch = stackless.channel()


def receiver():
    for _ in range(2):
        try:
            ch.receive()
        except Exception as e:
            print("receiver got", type(e).__name__, e.args)


stackless.tasklet(receiver)()
stackless.run()
ch.send_exception(KeyError, "k")
ch.send_throw(Oops("via send_throw"))
stackless.run()


def failing(n):
    stackless.schedule()
    if n == 0:
        raise Oops("failed in tasklet %d" % stackless.current.id)
    return n


stackless.tasklet(failing)(0)
stackless.tasklet(failing)(5)
try:
    stackless.run()
except Oops as e:
    print("main got", type(e).__name__, e)
print("runcount", stackless.getruncount())
stackless.run()

def fails_at_once():
    raise Oops("at once")


try:
    stackless.tasklet(fails_at_once)().run()
except Oops as e:
    print("run() raised", e)
stackless.tasklet(failing)(0).run()
print("run() came back: the tasklet scheduled")
try:
    stackless.run()
except Oops as e:
    print("the next run() raised", e)

dead = stackless.tasklet(lambda: None)()
stackless.run()
try:
    dead.throw(Oops("late"))
except RuntimeError as e:
    print("dead:", e)
dead.throw(stackless.TaskletExit)
try:
    dead.insert()
except RuntimeError as e:
    print("insert:", e)
