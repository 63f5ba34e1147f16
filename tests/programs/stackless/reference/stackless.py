"""A reference `stackless` module for CPython, which has none: it produces the expected
output of the programs in tests/programs/stackless (run them with
`PYTHONPATH=tests/programs/stackless/reference python3 prog.py`; `regenerate.sh` does).

Implementation: every tasklet but the main one is an OS thread, and exactly one thread runs
at a time: a switch hands a single baton (each tasklet's own Event) to the next tasklet and
waits for it to come back. The scheduling rules are written out once more, in Python, from
Stackless Python's semantics, which Sleepy's `vm/sched.rs` follows too:

- the run queue is a circular list whose front is the running tasklet; `schedule()` moves
  the running tasklet to the end, blocking takes it out;
- channels pair a sender with the first waiting receiver (and the other way round);
  `preference` -1 (the default) runs the receiver at once, 1 the sender, 0 neither;
  `schedule_all` always goes to the next runnable tasklet;
- `select` takes the first ready case at or after a start index that moves on by one at
  every call (round-robin over the list), and otherwise waits on all of them;
- an exception other than TaskletExit that ends a tasklet is raised in the main tasklet;
- blocking the last runnable tasklet raises "Deadlock: ...".

What it does not do: the watchdog's timeout. `run(timeout)` runs the scheduler to the end
and returns None, so programs that use it print results that do not depend on where the
interrupts fall. Tasklets cannot be pickled.
"""

import collections
import sys
import threading


class TaskletExit(SystemExit):
    pass


class _Sched:
    def __init__(self):
        self.next_id = 1
        self.main = None
        self.current = None
        self.queue = collections.deque()
        self.watchdog = False
        self.select_turn = 0


_s = _Sched()


def _in_queue(t):
    return any(q is t for q in _s.queue)


def _dequeue(t):
    for i, q in enumerate(_s.queue):
        if q is t:
            del _s.queue[i]
            return


def _bring_to_front(t):
    for i, q in enumerate(_s.queue):
        if q is t:
            _s.queue.rotate(-i)
            return
    _s.queue.appendleft(t)


def _pause_in_call(t, value=None, exc=None):
    t._in_call = True
    if exc is not None:
        t._throw = exc
    else:
        t._tempval = value


def _deadlock():
    return RuntimeError("Deadlock: the last runnable tasklet cannot be blocked.")


class tasklet:
    def __init__(self, func=None, args=None, kwargs=None):
        self._reset(_s.next_id)
        _s.next_id += 1
        self.bind(func, args, kwargs)

    def _reset(self, id):
        self._id = id
        self._func = None
        self._alive = False
        self._is_main = False
        self._in_call = False
        self._throw = None
        self._tempval = None
        self._blocked = 0
        self._waits = []
        self._atomic = False
        self.name = None
        self._event = threading.Event()
        self._thread = None
        self._started = False
        self._args = ((), {})

    # ---------------------------------------------------------------- life cycle

    def bind(self, func=None, args=None, kwargs=None):
        if self._alive:
            if self is _s.current or _in_queue(self) or self._blocked or self._is_main:
                raise RuntimeError("cannot rebind a tasklet that is current, scheduled or blocked")
            self._alive = False
        if func is not None and not callable(func):
            raise TypeError("tasklet function must be a callable")
        if func is None and args is None and kwargs is None:
            self._func = None
            return self
        if func is not None:
            self._func = func
        if args is not None or kwargs is not None:
            self._start(tuple(args or ()), dict(kwargs or {}))
        return self

    def _start(self, args, kwargs):
        if self._func is None:
            raise TypeError("tasklet function must be a callable")
        self._args = (args, kwargs)
        self._alive = True
        self._in_call = False
        self._throw = None
        self._started = False

    def setup(self, *args, **kwargs):
        if self._alive:
            raise RuntimeError("tasklet is alive")
        self._start(args, kwargs)
        self.insert()
        return self

    __call__ = setup

    def insert(self):
        if self._blocked:
            raise RuntimeError("You cannot run a blocked tasklet")
        if not self._alive:
            raise RuntimeError("You cannot run an unbound(dead) tasklet")
        if not _in_queue(self):
            _s.queue.append(self)
        return self

    def remove(self):
        if self._blocked:
            raise RuntimeError("You cannot remove a blocked tasklet.")
        if self is _s.current:
            raise RuntimeError("The current tasklet cannot be removed.")
        _dequeue(self)
        return self

    # ---------------------------------------------------------------- attributes

    def set_atomic(self, flag):
        old = self._atomic
        self._atomic = bool(flag)
        return old

    atomic = property(lambda self: self._atomic)
    alive = property(lambda self: self._alive)
    blocked = property(lambda self: self._blocked != 0)
    is_main = property(lambda self: self._is_main)
    is_current = property(lambda self: self is _s.current)
    id = property(lambda self: self._id)

    @property
    def scheduled(self):
        return self._blocked != 0 or _in_queue(self)

    @property
    def paused(self):
        return self._alive and not self._blocked and not _in_queue(self) and self is not _s.current

    @property
    def tempval(self):
        return self._tempval

    @tempval.setter
    def tempval(self, value):
        self._tempval = value

    def __repr__(self):
        if self.name is not None:
            return "<stackless.tasklet %d %r>" % (self._id, self.name)
        return "<stackless.tasklet %d>" % self._id

    # ---------------------------------------------------------------- switching operations

    def run(self):
        return _run_tasklet(self, pause=False)

    def switch(self):
        return _run_tasklet(self, pause=True)

    def kill(self, pending=False):
        if not self._alive:
            return None
        return _throw(self, TaskletExit(), pending)

    def throw(self, exc=None, val=None, tb=None, pending=False):
        if exc is None:
            exc = TaskletExit
        return _throw(self, _thrown(exc, val), pending)

    def raise_exception(self, exc_class, *args):
        return _throw(self, _made(exc_class, args), False)

    # ---------------------------------------------------------------- the thread

    def _body(self):
        self._event.wait()
        self._event.clear()
        result = None
        try:
            exc = self._take_resume()
            if exc is not None:
                raise exc
            args, kwargs = self._args
            self._func(*args, **kwargs)
        except BaseException as e:  # noqa: B902 - TaskletExit, SystemExit, all of it
            result = e
        _tasklet_ended(self, result)

    def _take_resume(self):
        """What the tasklet resumes with: an exception to raise, or None (then `_tempval`)."""
        exc, self._throw = self._throw, None
        self._in_call = False
        return exc


def _thrown(exc, val):
    if isinstance(exc, BaseException):
        return exc
    if val is None:
        return exc()
    if isinstance(val, BaseException):
        return val
    return exc(val)


def _made(cls, args):
    return cls(*args)


def _switch(to):
    """Hands the baton to `to`; returns (or raises) what the caller is resumed with."""
    me = _s.current
    _bring_to_front(to)
    if to is _s.main:
        _s.watchdog = False
    _s.current = to
    _wake(to)
    me._event.wait()
    me._event.clear()
    exc = me._take_resume()
    if exc is not None:
        raise exc
    value, me._tempval = me._tempval, None
    return value


def _wake(t):
    if not t._is_main and not t._started:
        t._started = True
        t._thread = threading.Thread(target=t._body, daemon=True)
        t._thread.start()
    t._event.set()


def _tasklet_ended(dead, result):
    failure = result if result is not None and not isinstance(result, TaskletExit) else None
    _dequeue(dead)
    nxt = _s.queue[0] if _s.queue else None
    dead._alive = False
    dead._in_call = False
    dead._func = None
    dead._tempval = None
    main = _s.main
    if failure is not None:
        _detach(main)
        main._throw = failure
        target = main
    elif nxt is not None:
        target = nxt
    else:
        if not _s.watchdog and main._blocked:
            _detach(main)
            main._throw = _deadlock()
        target = main
    _bring_to_front(target)
    if target is _s.main:
        _s.watchdog = False
    _s.current = target
    _wake(target)


def _detach(t):
    t._blocked = 0
    waits, t._waits = t._waits, []
    for ch in waits:
        ch._queue = collections.deque(w for w in ch._queue if w[0] is not t)


def _run_tasklet(t, pause):
    if t._blocked:
        raise RuntimeError("You cannot run a blocked tasklet")
    if not t._alive:
        raise RuntimeError("You cannot run an unbound(dead) tasklet")
    cur = _s.current
    if cur is t:
        return None
    if pause:
        _dequeue(cur)
    if not _in_queue(t):
        _s.queue.append(t)
    _pause_in_call(cur, None)
    return _switch(t)


def _throw(t, exc, pending):
    if not t._alive:
        if isinstance(exc, TaskletExit):
            return None
        raise RuntimeError("You cannot throw to a dead tasklet")
    cur = _s.current
    if cur is t:
        raise exc
    _detach(t)
    t._throw = exc
    if not _in_queue(t):
        _s.queue.append(t)
    if pending:
        return None
    _pause_in_call(cur, None)
    return _switch(t)


def _next_runnable():
    cur = _s.current
    for t in _s.queue:
        if t is not cur:
            return t
    if _s.watchdog and cur is not _s.main:
        return _s.main
    return None


class _Bomb:
    def __init__(self, exc):
        self.exc = exc


class channel:
    def __init__(self):
        self._queue = collections.deque()  # (tasklet, dir, payload, case)
        self.preference = -1
        self.schedule_all = False
        self._closing = False

    @property
    def balance(self):
        return sum(w[1] for w in self._queue)

    def _partner(self, d):
        for i, w in enumerate(self._queue):
            if w[1] == -d:
                return i
        return None

    closing = property(lambda self: self._closing)
    closed = property(lambda self: self._closing and not self._queue)

    @property
    def queue(self):
        return self._queue[0][0] if self._queue else None

    def close(self):
        self._closing = True

    def open(self):
        self._closing = False

    def __repr__(self):
        return "<stackless.channel balance=%d>" % self.balance

    def send(self, value):
        return _channel_action(self, 1, value, None)

    def receive(self):
        return _channel_action(self, -1, None, None)

    def send_exception(self, exc, *args):
        return _channel_action(self, 1, _Bomb(_made(exc, args)), None)

    def send_throw(self, exc=None, val=None, tb=None):
        if exc is None:
            exc = TaskletExit
        return _channel_action(self, 1, _Bomb(_thrown(exc, val)), None)

    def sendCase(self, value):
        return case(self, 1, value)

    def receiveCase(self):
        return case(self, -1, None)

    def __iter__(self):
        return self

    def __next__(self):
        if self._closing and self._partner(-1) is None:
            raise StopIteration
        return self.receive()


class case:
    def __init__(self, channel, d, value):
        self.channel = channel
        self.dir = d
        self.value = value

    operation = property(lambda self: "send" if self.dir > 0 else "receive")

    def __repr__(self):
        return "<sendCase %r>" % (self.value,) if self.dir > 0 else "<receiveCase>"


def _delivered(ch, c, payload):
    if isinstance(payload, _Bomb):
        return None, payload.exc
    if c is not None:
        return (ch, c, payload), None
    return payload, None


def _channel_action(ch, d, payload, mine):
    cur = _s.current
    i = ch._partner(d)
    if i is None:
        return _block(cur, [(ch, d, payload, mine)])
    w = ch._queue[i]
    del ch._queue[i]
    partner, _, their_payload, their_case = w
    _detach(partner)
    if d > 0:
        theirs = payload
        ours = mine.value if mine is not None else None
    else:
        theirs = their_case.value if their_case is not None else None
        ours = their_payload
    value, exc = _delivered(ch, their_case, theirs)
    _pause_in_call(partner, value, exc)
    our_value, our_exc = _delivered(ch, mine, ours)
    if ch.schedule_all:
        _s.queue.append(partner)
        if _s.queue and _s.queue[0] is cur:
            _s.queue.rotate(-1)
        _pause_in_call(cur, our_value, our_exc)
        return _switch(_s.queue[0])
    if ch.preference == -d:
        at = 1 if _s.queue and _s.queue[0] is cur else 0
        _s.queue.insert(at, partner)
        _pause_in_call(cur, our_value, our_exc)
        return _switch(partner)
    _s.queue.append(partner)
    if our_exc is not None:
        raise our_exc
    return our_value


def _block(cur, waits):
    if any(ch._closing for ch, _, _, _ in waits):
        raise ValueError("Send/receive operation on a closed channel")
    nxt = _next_runnable()
    if nxt is None:
        raise _deadlock()
    for ch, d, payload, c in waits:
        ch._queue.append((cur, d, payload, c))
    cur._blocked = waits[0][1] if len(waits) == 1 else 2
    cur._waits = [w[0] for w in waits]
    cur._in_call = True
    cur._tempval = None
    _dequeue(cur)
    return _switch(nxt)


def select(cases):
    cases = list(cases)
    if not cases:
        raise ValueError("select() needs at least one case")
    ready = [i for i, c in enumerate(cases) if c.channel._partner(c.dir) is not None]
    if not ready:
        return _block(_s.current, [(c.channel, c.dir, c.value, c) for c in cases])
    n = len(cases)
    start = _s.select_turn % n
    _s.select_turn += 1
    chosen = min(ready, key=lambda i: (i + n - start) % n)
    c = cases[chosen]
    return _channel_action(c.channel, c.dir, c.value, c)


def schedule(retval=None):
    return _schedule(retval, remove=False)


def schedule_remove(retval=None):
    return _schedule(retval, remove=True)


def _schedule(retval, remove):
    cur = _s.current
    if retval is None:
        retval = cur
    target = None
    for t in _s.queue:
        if t is not cur:
            target = t
            break
    if target is None and remove and _s.watchdog and cur is not _s.main:
        target = _s.main
    if target is None:
        return retval
    if remove:
        _dequeue(cur)
    elif _s.queue and _s.queue[0] is cur:
        _s.queue.rotate(-1)
    elif not _in_queue(cur):
        _s.queue.append(cur)
    _pause_in_call(cur, retval)
    return _switch(target)


def run(timeout=0, threadblock=False, soft=False, ignore_nesting=False, totaltimeout=False):
    main = _s.main
    if _s.current is not main:
        raise RuntimeError("run() must be run from the main tasklet")
    target = None
    for t in _s.queue:
        if t is not main:
            target = t
            break
    if target is None:
        return None
    _dequeue(main)
    _s.watchdog = True
    _pause_in_call(main, None)
    return _switch(target)


class atomic:
    def __enter__(self):
        self._prev = _s.current.set_atomic(True)
        return self

    def __exit__(self, *exc):
        _s.current.set_atomic(self._prev)
        return False


def getcurrent():
    return _s.current


def getmain():
    return _s.main


def getruncount():
    return len(_s.queue)


def __getattr__(name):
    if name == "current":
        return _s.current
    if name == "main":
        return _s.main
    if name == "runcount":
        return len(_s.queue)
    raise AttributeError("module 'stackless' has no attribute '%s'" % name)


def _make_main():
    t = tasklet.__new__(tasklet)
    t._reset(0)
    t._alive = True
    t._is_main = True
    t._started = True
    _s.main = t
    _s.current = t
    _s.queue.append(t)


_make_main()
sys.setswitchinterval(1e-6)
