# Channel preference (-1 receiver, 1 sender, 0 neither), schedule_all and balance.
import stackless

log = []


def receiver(ch, name):
    v = ch.receive()
    log.append("%s received %s" % (name, v))


def trial(pref, schedule_all=False):
    del log[:]
    ch = stackless.channel()
    ch.preference = pref
    ch.schedule_all = schedule_all
    stackless.tasklet(receiver)(ch, "r1")
    stackless.tasklet(receiver)(ch, "r2")
    stackless.run()
    log.append("balance %d" % ch.balance)
    ch.send("a")
    log.append("after first send")
    ch.send("b")
    log.append("after second send")
    stackless.run()
    print("preference", pref, "schedule_all", schedule_all, "->", log)


trial(-1)
trial(1)
trial(0)
trial(-1, True)


def sender(ch, v):
    ch.send(v)
    log.append("sender of %s resumed" % v)


for pref in (-1, 1):
    del log[:]
    ch = stackless.channel()
    ch.preference = pref
    for v in "xyz":
        stackless.tasklet(sender)(ch, v)
    stackless.run()
    log.append("balance %d" % ch.balance)
    while ch.balance > 0:
        log.append("got " + ch.receive())
    stackless.run()
    print("receiving with preference", pref, "->", log)
print(ch.preference, ch.schedule_all, ch.queue)
