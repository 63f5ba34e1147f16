# Killing a service tasklet: TaskletExit is raised where it waits, its finally blocks run,
# and it ends cleanly.
import stackless

requests = stackless.channel()
log = []


def service():
    try:
        while True:
            item = requests.receive()
            log.append("served %s" % item)
    except TaskletExit:
        log.append("service got TaskletExit")
        raise
    finally:
        log.append("service finally: cleaning up")


TaskletExit = stackless.TaskletExit
svc = stackless.tasklet(service)()
stackless.run()
for i in range(3):
    requests.send(i)
print("blocked", svc.blocked, "alive", svc.alive, "balance", requests.balance)
svc.kill()
print("\n".join(log))
print("alive", svc.alive, "blocked", svc.blocked, "balance", requests.balance)
print(issubclass(TaskletExit, SystemExit), issubclass(TaskletExit, Exception))

# Killing a tasklet that never ran, and a dead one.
t = stackless.tasklet(lambda: print("never printed"))()
t.kill()
print("unstarted killed:", t.alive)
t.kill()


def sleeper():
    try:
        stackless.schedule_remove()
    finally:
        print("sleeper finally")


s = stackless.tasklet(sleeper)()
stackless.run()
print("sleeper paused", s.paused, "scheduled", s.scheduled)
s.kill(pending=True)
print("pending kill: scheduled", s.scheduled)
stackless.run()
print("sleeper alive", s.alive)

# `except Exception` does not catch TaskletExit.
def stubborn():
    while True:
        try:
            stackless.schedule()
        except Exception:
            print("never")

st = stackless.tasklet(stubborn)()
stackless.schedule()
st.kill()
print("stubborn alive", st.alive)
