//! The tasklet scheduler, in Stackless's semantics.
//!
//! Every tasklet owns a frame stack. The running one's frames are the evaluator's; the others'
//! sit in their [`Tasklet`] objects. A switch swaps which stack the evaluator runs: no Rust
//! recursion, so a switch is an instruction boundary like any other, where the session can
//! also stop for its budget and be snapshotted.
//!
//! The run queue is Stackless's circular list of runnable tasklets, kept as a deque whose
//! front is the running tasklet: `schedule` rotates it, blocking pops the front. The
//! watchdog (`stackless.run(timeout)`) removes the main tasklet from the queue until nothing
//! is runnable or a tasklet runs `timeout` instructions without switching; the instruction
//! counter is the evaluator's tick counter, checked only where the fuel check already stops.

use std::collections::VecDeque;

use rustpython_vm::builtins::{PyBaseExceptionRef, PyDict, PyList, PyTuple, PyTypeRef};
use rustpython_vm::function::{FuncArgs, KwArgs};
use rustpython_vm::protocol::PyIterReturn;
use rustpython_vm::{AsObject, Py, PyObjectRef, PyPayload, PyRef, PyResult, VirtualMachine};

use super::eval::{instantiate_exception, Eval, Exit, Flow, StepResult};
use super::frame::{Completion, Frame};
use super::value::Value;
use super::Runtime;
use crate::objects::generator::GenOp;
use crate::objects::tasklet::{
    Case, Channel, ChannelRef, Op, OpKind, Payload, Tasklet, TaskletRef, Waiter,
};

/// `stackless.run(timeout, soft=…, totaltimeout=…)` in progress: the main tasklet waits in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Watchdog {
    /// Instructions a tasklet may run before it is interrupted; 0: never.
    pub timeout: u64,
    pub soft: bool,
    pub total: bool,
    /// The deadline was set (for a total timeout it is set once).
    pub armed: bool,
    /// A soft timeout passed: the next switch goes back to the main tasklet.
    pub expired: bool,
}

#[derive(Debug)]
pub struct Scheduler {
    pub main: TaskletRef,
    pub current: TaskletRef,
    /// Runnable tasklets; the running one is at the front.
    pub queue: VecDeque<TaskletRef>,
    /// Every live tasklet, oldest first: what stack views list and snapshots keep.
    pub tasklets: Vec<TaskletRef>,
    pub next_id: u64,
    pub watchdog: Option<Watchdog>,
    /// Rotates the start of the search for a ready case of `select` (fairness).
    pub select_turn: u64,
    /// Raised in the tasklet just switched to, once the loop runs again.
    pub pending_raise: Option<PyBaseExceptionRef>,
}

impl Scheduler {
    pub fn new(vm: &VirtualMachine) -> Scheduler {
        let main = Tasklet::new(0);
        {
            let mut st = main.st.borrow_mut();
            st.is_main = true;
            st.alive = true;
        }
        let main = main.into_ref(&vm.ctx);
        Scheduler {
            main: main.clone(),
            current: main.clone(),
            queue: VecDeque::from([main.clone()]),
            tasklets: vec![main],
            next_id: 1,
            watchdog: None,
            select_turn: 0,
            pending_raise: None,
        }
    }

    fn queued(&self, t: &Py<Tasklet>) -> bool {
        self.queue.iter().any(|q| q.is(t))
    }

    fn dequeue(&mut self, t: &Py<Tasklet>) {
        self.queue.retain(|q| !q.is(t));
    }

    /// Rotates the queue so `t` is at its front, inserting it at the end first if needed.
    fn bring_to_front(&mut self, t: &TaskletRef) {
        match self.queue.iter().position(|q| q.is(t)) {
            Some(i) => self.queue.rotate_left(i),
            None => self.queue.push_front(t.clone()),
        }
    }

    fn forget(&mut self, t: &Py<Tasklet>) {
        self.tasklets.retain(|q| !q.is(t));
    }

    fn register(&mut self, t: &TaskletRef) {
        if !self.tasklets.iter().any(|q| q.is(t)) {
            let id = t.id();
            let at = self.tasklets.iter().position(|q| q.id() > id).unwrap_or(self.tasklets.len());
            self.tasklets.insert(at, t.clone());
        }
    }

    fn soft_expired(&self) -> bool {
        self.watchdog.as_ref().is_some_and(|w| w.expired)
    }
}

/// The session's scheduler, made (with its main tasklet) on first use.
fn with<R>(rt: &Runtime, vm: &VirtualMachine, f: impl FnOnce(&mut Scheduler) -> R) -> R {
    let mut slot = rt.sched.borrow_mut();
    let s = slot.get_or_insert_with(|| Scheduler::new(vm));
    f(s)
}

fn runtime(vm: &VirtualMachine) -> PyResult<std::rc::Rc<Runtime>> {
    super::current(vm)
}

pub fn new_id(vm: &VirtualMachine) -> PyResult<u64> {
    let rt = runtime(vm)?;
    Ok(with(&rt, vm, |s| {
        s.next_id += 1;
        s.next_id - 1
    }))
}

pub fn current(vm: &VirtualMachine) -> PyResult<TaskletRef> {
    let rt = runtime(vm)?;
    Ok(with(&rt, vm, |s| s.current.clone()))
}

pub fn main(vm: &VirtualMachine) -> PyResult<TaskletRef> {
    let rt = runtime(vm)?;
    Ok(with(&rt, vm, |s| s.main.clone()))
}

pub fn run_count(vm: &VirtualMachine) -> PyResult<usize> {
    let rt = runtime(vm)?;
    Ok(with(&rt, vm, |s| s.queue.len()))
}

pub fn is_queued(t: &TaskletRef, vm: &VirtualMachine) -> PyResult<bool> {
    let rt = runtime(vm)?;
    Ok(with(&rt, vm, |s| s.queued(t)))
}

pub fn is_current(t: &TaskletRef, vm: &VirtualMachine) -> PyResult<bool> {
    let rt = runtime(vm)?;
    Ok(with(&rt, vm, |s| s.current.is(t)))
}

fn tasklet_exit(vm: &VirtualMachine) -> PyResult<PyTypeRef> {
    let module = vm.import("stackless", 0)?;
    module
        .get_attr("TaskletExit", vm)?
        .downcast()
        .map_err(|_| vm.new_runtime_error("stackless.TaskletExit is not a class"))
}

fn is_tasklet_exit(exc: &PyBaseExceptionRef, vm: &VirtualMachine) -> bool {
    tasklet_exit(vm).is_ok_and(|t| exc.fast_isinstance(&t))
}

fn deadlock(vm: &VirtualMachine) -> PyBaseExceptionRef {
    vm.new_runtime_error("Deadlock: the last runnable tasklet cannot be blocked.")
}

fn refuse(kind: OpKind, vm: &VirtualMachine) -> PyBaseExceptionRef {
    vm.new_runtime_error(format!(
        "stackless: {}() cannot switch tasklets here: it was called from a builtin or from \
         code a builtin called (a nested evaluation), which cannot be suspended",
        kind.name()
    ))
}

// ---------------------------------------------------------------- life cycle (no switches)

/// The frame a tasklet starts with: `func(*args, **kwargs)`, whose return ends the tasklet.
fn bootstrap(rt: &Runtime, func: PyObjectRef, args: PyObjectRef, kwargs: PyObjectRef) -> Frame {
    let builtins = rt.specials.builtins_module.dict().expect("builtins module has a dict");
    Frame {
        code: rt.tasklet_boot.clone(),
        pc: 0,
        stack: Vec::new(),
        fast: vec![Some(Value::Obj(func)), Some(Value::Obj(args)), Some(Value::Obj(kwargs))],
        cells: Vec::new(),
        globals: builtins.clone(),
        builtins,
        locals: None,
        completion: Completion::Tasklet,
        handled: None,
    }
}

fn start(
    t: &TaskletRef,
    args: PyObjectRef,
    kwargs: PyObjectRef,
    vm: &VirtualMachine,
) -> PyResult<()> {
    let rt = runtime(vm)?;
    let func = t.st.borrow().func.clone();
    let Some(func) = func else {
        return Err(vm.new_type_error("tasklet function must be a callable"));
    };
    if args.downcast_ref::<PyTuple>().is_none() {
        return Err(vm.new_type_error("tasklet arguments must be a tuple"));
    }
    if kwargs.downcast_ref::<PyDict>().is_none() {
        return Err(vm.new_type_error("tasklet keyword arguments must be a dict"));
    }
    let frame = bootstrap(&rt, func, args, kwargs);
    {
        let mut st = t.st.borrow_mut();
        st.frames = vec![Box::new(frame)];
        st.alive = true;
        st.in_call = false;
        st.throw = None;
    }
    with(&rt, vm, |s| s.register(t));
    Ok(())
}

pub fn bind(
    t: &TaskletRef,
    func: Option<PyObjectRef>,
    args: Option<PyObjectRef>,
    kwargs: Option<PyObjectRef>,
    vm: &VirtualMachine,
) -> PyResult<()> {
    let rt = runtime(vm)?;
    if t.st.borrow().alive {
        let busy = with(&rt, vm, |s| s.current.is(t) || s.queued(t)) || t.st.borrow().blocked != 0;
        if busy || t.st.borrow().is_main {
            return Err(vm.new_runtime_error(
                "cannot rebind a tasklet that is current, scheduled or blocked",
            ));
        }
        let frames = {
            let mut st = t.st.borrow_mut();
            st.alive = false;
            std::mem::take(&mut st.frames)
        };
        with(&rt, vm, |s| s.forget(t));
        drop(frames);
    }
    if let Some(f) = &func {
        if !f.is_callable() {
            return Err(vm.new_type_error("tasklet function must be a callable"));
        }
    }
    if func.is_none() && args.is_none() && kwargs.is_none() {
        let old = t.st.borrow_mut().func.take();
        drop(old);
        return Ok(());
    }
    if func.is_some() {
        let old = std::mem::replace(&mut t.st.borrow_mut().func, func);
        drop(old);
    }
    if args.is_some() || kwargs.is_some() {
        let args = match args {
            Some(a) => vm.ctx.types.tuple_type.as_object().call((a,), vm)?,
            None => vm.ctx.empty_tuple.clone().into(),
        };
        let kwargs = match kwargs {
            Some(k) => vm.ctx.types.dict_type.as_object().call((k,), vm)?,
            None => vm.ctx.new_dict().into(),
        };
        start(t, args, kwargs, vm)?;
    }
    Ok(())
}

pub fn setup(t: &TaskletRef, args: FuncArgs, vm: &VirtualMachine) -> PyResult<()> {
    if t.st.borrow().alive {
        return Err(vm.new_runtime_error("tasklet is alive"));
    }
    let kwargs = vm.ctx.new_dict();
    for (k, v) in args.kwargs {
        kwargs.set_item(vm.ctx.new_str(k).as_object(), v, vm)?;
    }
    let targs: PyObjectRef = vm.ctx.new_tuple(args.args).into();
    start(t, targs, kwargs.into(), vm)?;
    insert(t, vm)
}

/// A tasklet can be made runnable when it is alive and not blocked.
fn runnable(t: &TaskletRef, vm: &VirtualMachine) -> PyResult<()> {
    let st = t.st.borrow();
    if st.blocked != 0 {
        return Err(vm.new_runtime_error("You cannot run a blocked tasklet"));
    }
    if !st.alive {
        return Err(vm.new_runtime_error("You cannot run an unbound(dead) tasklet"));
    }
    Ok(())
}

pub fn insert(t: &TaskletRef, vm: &VirtualMachine) -> PyResult<()> {
    let rt = runtime(vm)?;
    runnable(t, vm)?;
    with(&rt, vm, |s| {
        if !s.queued(t) {
            s.queue.push_back(t.clone());
        }
    });
    Ok(())
}

pub fn remove(t: &TaskletRef, vm: &VirtualMachine) -> PyResult<()> {
    let rt = runtime(vm)?;
    if t.st.borrow().blocked != 0 {
        return Err(vm.new_runtime_error("You cannot remove a blocked tasklet."));
    }
    with(&rt, vm, |s| {
        if s.current.is(t) {
            return Err(vm.new_runtime_error("The current tasklet cannot be removed."));
        }
        s.dequeue(t);
        Ok(())
    })
}

/// Takes `t` off every channel it waits on.
fn detach(t: &TaskletRef) {
    let waits = {
        let mut st = t.st.borrow_mut();
        st.blocked = 0;
        std::mem::take(&mut st.waits)
    };
    for ch in waits {
        ch.st.borrow_mut().queue.retain(|w| !w.tasklet.is(t));
    }
}

// ---------------------------------------------------------------- switching

/// What an operation decided.
enum Done {
    /// Go on in the running tasklet with this result.
    Value(PyObjectRef),
    /// Switch to this tasklet; the running one's resumption is already recorded.
    Switch(TaskletRef),
}

/// Records how the running tasklet resumes: with `result` pushed, or `result` raised.
fn pause_in_call(t: &TaskletRef, result: Result<PyObjectRef, PyBaseExceptionRef>) {
    let mut st = t.st.borrow_mut();
    st.in_call = true;
    match result {
        Ok(v) => st.tempval = Some(v),
        Err(e) => st.throw = Some(e),
    }
}

/// Makes `to` the running tasklet: the evaluator's frames go into the current tasklet, `to`'s
/// come out, and what it was paused with is pushed (or raised once the loop runs again).
fn switch(ev: &mut Eval, to: TaskletRef) -> StepResult {
    debug_assert!(ev.can_suspend && ev.base == 0);
    let rt = ev.rt;
    let cur = with(rt, ev.vm, |s| {
        s.bring_to_front(&to);
        if to.is(&s.main) {
            s.watchdog = None;
        }
        std::mem::replace(&mut s.current, to.clone())
    });
    std::mem::swap(&mut cur.st.borrow_mut().frames, ev.frames);
    let (frames, in_call, throw, tempval) = {
        let mut st = to.st.borrow_mut();
        let in_call = std::mem::take(&mut st.in_call);
        let tempval = if in_call { st.tempval.take() } else { None };
        (std::mem::take(&mut st.frames), in_call, st.throw.take(), tempval)
    };
    let old = std::mem::replace(ev.frames, frames);
    drop(old);
    rt.depth.set(ev.frames.len());
    if let Some(exc) = throw {
        with(rt, ev.vm, |s| s.pending_raise = Some(exc));
    } else if in_call {
        let v = tempval.unwrap_or_else(|| ev.vm.ctx.none());
        let top = ev.frames.last_mut().expect("a paused tasklet has frames");
        top.stack.push(Value::from_obj(v, ev.vm));
    }
    Ok(Flow::Switched)
}

fn finish(ev: &mut Eval, done: PyResult<Done>) -> StepResult {
    match done? {
        Done::Value(v) => {
            ev.frames.last_mut().expect("caller").stack.push(Value::from_obj(v, ev.vm));
            Ok(Flow::Next)
        }
        Done::Switch(to) => switch(ev, to),
    }
}

/// After a switch: the watchdog's deadline starts again (once, for a total timeout); returns
/// an exception to raise in the tasklet switched to.
pub fn after_switch(rt: &Runtime) -> Option<PyBaseExceptionRef> {
    let mut slot = rt.sched.borrow_mut();
    let s = slot.as_mut()?;
    match &mut s.watchdog {
        Some(w) if w.timeout > 0 && !w.expired => {
            if !w.total || !w.armed {
                rt.watchdog_deadline.set(rt.ticks.get().saturating_add(w.timeout));
                w.armed = true;
            }
        }
        _ => rt.watchdog_deadline.set(u64::MAX),
    }
    s.pending_raise.take()
}

/// The watchdog's deadline passed in the running tasklet: it is taken out of the queue and
/// the main tasklet's `run()` returns it; an atomic tasklet gets another period, and a soft
/// timeout waits for the next switch.
pub fn interrupt(ev: &mut Eval) -> Option<Exit> {
    let rt = ev.rt;
    let vm = ev.vm;
    let (cur, main, timeout, soft) = {
        let mut slot = rt.sched.borrow_mut();
        let Some(s) = slot.as_mut() else {
            rt.watchdog_deadline.set(u64::MAX);
            return None;
        };
        let Some(w) = &s.watchdog else {
            rt.watchdog_deadline.set(u64::MAX);
            return None;
        };
        (s.current.clone(), s.main.clone(), w.timeout, w.soft)
    };
    if cur.is(&main) {
        rt.watchdog_deadline.set(u64::MAX);
        return None;
    }
    if cur.st.borrow().atomic {
        rt.watchdog_deadline.set(rt.ticks.get().saturating_add(timeout.max(1)));
        return None;
    }
    if soft {
        with(rt, vm, |s| {
            if let Some(w) = &mut s.watchdog {
                w.expired = true;
            }
        });
        rt.watchdog_deadline.set(u64::MAX);
        return None;
    }
    with(rt, vm, |s| s.dequeue(&cur));
    cur.st.borrow_mut().in_call = false;
    pause_in_call(&main, Ok(cur.into()));
    match switch(ev, main) {
        Ok(_) => Some(Exit::Switched),
        Err(e) => Some(Exit::Raised(e)),
    }
}

/// The bottom frame of the running tasklet finished, with its result or an exception. The
/// tasklet is dead; an exception other than `TaskletExit` goes on in the main tasklet.
pub fn tasklet_ended(
    ev: &mut Eval,
    result: Result<PyObjectRef, PyBaseExceptionRef>,
) -> Option<Exit> {
    let rt = ev.rt;
    let vm = ev.vm;
    let failure = match result {
        Err(e) if !is_tasklet_exit(&e, vm) => Some(e),
        _ => None,
    };
    let (dead, main, next, watchdog) = with(rt, vm, |s| {
        let dead = s.current.clone();
        s.dequeue(&dead);
        s.forget(&dead);
        let next = if s.soft_expired() { None } else { s.queue.front().cloned() };
        (dead, s.main.clone(), next, s.watchdog.is_some())
    });
    let leftovers = {
        let mut st = dead.st.borrow_mut();
        st.alive = false;
        st.in_call = false;
        (st.func.take(), st.tempval.take(), st.throw.take())
    };
    drop(leftovers);
    let target = match failure {
        Some(e) => {
            detach(&main);
            main.st.borrow_mut().throw = Some(e);
            main.clone()
        }
        None => match next {
            Some(t) => t,
            None => {
                if !watchdog && main.st.borrow().blocked != 0 {
                    detach(&main);
                    main.st.borrow_mut().throw = Some(deadlock(vm));
                }
                main.clone()
            }
        },
    };
    match switch(ev, target) {
        Ok(_) => Some(Exit::Switched),
        Err(e) => Some(Exit::Raised(e)),
    }
}

// ---------------------------------------------------------------- operations

/// Who runs when the running tasklet stops being runnable (it blocks, or removes itself).
fn next_runnable(s: &Scheduler) -> Option<TaskletRef> {
    if s.soft_expired() {
        return Some(s.main.clone());
    }
    match s.queue.iter().find(|t| !t.is(&s.current)) {
        Some(t) => Some(t.clone()),
        None if s.watchdog.is_some() && !s.current.is(&s.main) => Some(s.main.clone()),
        None => None,
    }
}

fn op_schedule(
    rt: &Runtime,
    vm: &VirtualMachine,
    retval: PyObjectRef,
    remove: bool,
    can: bool,
    kind: OpKind,
) -> PyResult<Done> {
    with(rt, vm, |s| {
        let cur = s.current.clone();
        let target = if s.soft_expired() {
            Some(s.main.clone())
        } else if remove {
            next_runnable(s)
        } else {
            s.queue.iter().find(|t| !t.is(&cur)).cloned()
        };
        let Some(target) = target else {
            return Ok(Done::Value(retval));
        };
        if !can {
            return Err(refuse(kind, vm));
        }
        if remove {
            s.dequeue(&cur);
        } else if s.queue.front().is_some_and(|f| f.is(&cur)) {
            s.queue.rotate_left(1);
        } else if !s.queued(&cur) {
            s.queue.push_back(cur.clone());
        }
        pause_in_call(&cur, Ok(retval));
        Ok(Done::Switch(target))
    })
}

fn op_run_scheduler(rt: &Runtime, vm: &VirtualMachine, w: Watchdog, can: bool) -> PyResult<Done> {
    with(rt, vm, |s| {
        if !s.current.is(&s.main) {
            return Err(vm.new_runtime_error("run() must be run from the main tasklet"));
        }
        let main = s.main.clone();
        let Some(target) = s.queue.iter().find(|t| !t.is(&main)).cloned() else {
            return Ok(Done::Value(vm.ctx.none()));
        };
        if !can {
            return Err(refuse(OpKind::RunScheduler, vm));
        }
        s.dequeue(&main);
        s.watchdog = Some(w);
        pause_in_call(&main, Ok(vm.ctx.none()));
        Ok(Done::Switch(target))
    })
}

/// `t.run()` (the caller stays runnable) and `t.switch()` (it pauses).
fn op_run_tasklet(
    rt: &Runtime,
    vm: &VirtualMachine,
    t: &TaskletRef,
    pause: bool,
    can: bool,
    kind: OpKind,
) -> PyResult<Done> {
    runnable(t, vm)?;
    with(rt, vm, |s| {
        let cur = s.current.clone();
        if cur.is(t) {
            return Ok(Done::Value(vm.ctx.none()));
        }
        if !can {
            return Err(refuse(kind, vm));
        }
        if pause {
            s.dequeue(&cur);
        }
        if !s.queued(t) {
            s.queue.push_back(t.clone());
        }
        pause_in_call(&cur, Ok(vm.ctx.none()));
        Ok(Done::Switch(t.clone()))
    })
}

fn op_throw(
    rt: &Runtime,
    vm: &VirtualMachine,
    t: &TaskletRef,
    exc: PyBaseExceptionRef,
    pending: bool,
    can: bool,
    kind: OpKind,
) -> PyResult<Done> {
    if !t.st.borrow().alive {
        if is_tasklet_exit(&exc, vm) {
            return Ok(Done::Value(vm.ctx.none()));
        }
        return Err(vm.new_runtime_error("You cannot throw to a dead tasklet"));
    }
    let cur = with(rt, vm, |s| s.current.clone());
    if cur.is(t) {
        return Err(exc);
    }
    if !pending && !can {
        return Err(refuse(kind, vm));
    }
    detach(t);
    t.st.borrow_mut().throw = Some(exc);
    with(rt, vm, |s| {
        if !s.queued(t) {
            s.queue.push_back(t.clone());
        }
    });
    if pending {
        return Ok(Done::Value(vm.ctx.none()));
    }
    pause_in_call(&cur, Ok(vm.ctx.none()));
    Ok(Done::Switch(t.clone()))
}

/// What a waiter or the running tasklet gets from a completed channel operation: the plain
/// result, or `(channel, case, value)` when it came through `select`.
fn delivered(
    ch: &ChannelRef,
    case: &Option<PyRef<Case>>,
    payload: Payload,
    vm: &VirtualMachine,
) -> Result<PyObjectRef, PyBaseExceptionRef> {
    let value = match payload {
        Payload::Value(v) => v,
        Payload::Raise(e) => {
            return Err(e.downcast().unwrap_or_else(|_| vm.new_type_error("not an exception")))
        }
    };
    Ok(match case {
        Some(c) => vm.ctx.new_tuple(vec![ch.clone().into(), c.clone().into(), value]).into(),
        None => value,
    })
}

/// `send` (dir 1) or `receive` (dir -1) of `payload` on `ch`; `mine` when the running tasklet
/// does it through `select`.
fn op_channel(
    rt: &Runtime,
    vm: &VirtualMachine,
    ch: &ChannelRef,
    dir: i8,
    payload: Payload,
    mine: Option<PyRef<Case>>,
    (can, kind): (bool, OpKind),
) -> PyResult<Done> {
    let cur = with(rt, vm, |s| s.current.clone());
    let (partner, schedule_all, preference) = {
        let mut st = ch.st.borrow_mut();
        let found = st.partner(dir);
        let stay = !st.schedule_all && st.preference != -dir;
        if found.is_some() && !stay && !can {
            return Err(refuse(kind, vm));
        }
        (found.and_then(|i| st.queue.remove(i)), st.schedule_all, st.preference)
    };
    let Some(w) = partner else {
        return block(rt, vm, &cur, &[(ch.clone(), dir, payload, mine)], can, kind);
    };
    detach(&w.tasklet);
    // What each side gets.
    let (theirs, ours) = if dir > 0 {
        let sent = payload.clone();
        let ours = match &mine {
            Some(c) => Payload::Value(c.value.clone()),
            None => Payload::Value(vm.ctx.none()),
        };
        (sent, ours)
    } else {
        let theirs = match &w.case {
            Some(c) => Payload::Value(c.value.clone()),
            None => Payload::Value(vm.ctx.none()),
        };
        (theirs, w.payload.clone())
    };
    let their_result = delivered(ch, &w.case, theirs, vm);
    pause_in_call(&w.tasklet, their_result);
    let our_result = delivered(ch, &mine, ours, vm);
    with(rt, vm, |s| {
        if schedule_all {
            s.queue.push_back(w.tasklet.clone());
            if s.queue.front().is_some_and(|f| f.is(&cur)) {
                s.queue.rotate_left(1);
            }
            let next = s.queue.front().cloned().expect("the partner is queued");
            pause_in_call(&cur, our_result);
            Ok(Done::Switch(next))
        } else if preference == -dir {
            // The partner runs now; the running tasklet follows the others.
            let at = usize::from(s.queue.front().is_some_and(|f| f.is(&cur)));
            s.queue.insert(at, w.tasklet.clone());
            pause_in_call(&cur, our_result);
            Ok(Done::Switch(w.tasklet.clone()))
        } else {
            s.queue.push_back(w.tasklet.clone());
            our_result.map(Done::Value)
        }
    })
}

type Wait = (ChannelRef, i8, Payload, Option<PyRef<Case>>);

/// The running tasklet waits on every channel of `waits` until one of them pairs it.
fn block(
    rt: &Runtime,
    vm: &VirtualMachine,
    cur: &TaskletRef,
    waits: &[Wait],
    can: bool,
    kind: OpKind,
) -> PyResult<Done> {
    if waits.iter().any(|(ch, ..)| ch.st.borrow().closing) {
        return Err(vm.new_value_error("Send/receive operation on a closed channel"));
    }
    let next = with(rt, vm, |s| next_runnable(s));
    let Some(next) = next else {
        return Err(deadlock(vm));
    };
    if !can {
        return Err(refuse(kind, vm));
    }
    for (ch, dir, payload, case) in waits {
        ch.st.borrow_mut().queue.push_back(Waiter {
            tasklet: cur.clone(),
            dir: *dir,
            payload: payload.clone(),
            case: case.clone(),
        });
    }
    {
        let mut st = cur.st.borrow_mut();
        st.blocked = if waits.len() == 1 { waits[0].1 } else { 2 };
        st.waits = waits.iter().map(|(ch, ..)| ch.clone()).collect();
        st.in_call = true;
        st.tempval = None;
    }
    with(rt, vm, |s| s.dequeue(cur));
    Ok(Done::Switch(next))
}

fn op_select(rt: &Runtime, vm: &VirtualMachine, cases: PyObjectRef, can: bool) -> PyResult<Done> {
    let items: Vec<PyObjectRef> = match cases.downcast_ref::<PyList>() {
        Some(l) => l.borrow_vec().to_vec(),
        None => match cases.downcast_ref::<PyTuple>() {
            Some(t) => t.as_slice().to_vec(),
            None => vm
                .ctx
                .types
                .list_type
                .as_object()
                .call((cases.clone(),), vm)?
                .downcast::<PyList>()
                .map_err(|_| vm.new_type_error("select() takes a list of cases"))?
                .borrow_vec()
                .to_vec(),
        },
    };
    let cases: Vec<PyRef<Case>> = items
        .into_iter()
        .map(|c| {
            c.downcast::<Case>().map_err(|_| {
                vm.new_type_error(
                    "select() takes channel.sendCase(value) and channel.receiveCase() cases",
                )
            })
        })
        .collect::<PyResult<_>>()?;
    if cases.is_empty() {
        return Err(vm.new_value_error("select() needs at least one case"));
    }
    let ready: Vec<usize> = (0..cases.len())
        .filter(|&i| cases[i].channel.st.borrow().partner(cases[i].dir).is_some())
        .collect();
    if ready.is_empty() {
        let cur = with(rt, vm, |s| s.current.clone());
        let waits: Vec<Wait> = cases
            .iter()
            .map(|c| (c.channel.clone(), c.dir, Payload::Value(c.value.clone()), Some(c.clone())))
            .collect();
        return block(rt, vm, &cur, &waits, can, OpKind::Select);
    }
    // Round-robin over the list: the first ready case at or after a start that moves on by
    // one at every select.
    let n = cases.len();
    let start = with(rt, vm, |s| {
        s.select_turn = s.select_turn.wrapping_add(1);
        (s.select_turn.wrapping_sub(1) % n as u64) as usize
    });
    let chosen = *ready.iter().min_by_key(|&&i| (i + n - start) % n).expect("a ready case");
    let case = cases[chosen].clone();
    let payload = Payload::Value(case.value.clone());
    op_channel(rt, vm, &case.channel.clone(), case.dir, payload, Some(case), (can, OpKind::Select))
}

// ---------------------------------------------------------------- arguments

fn arg(args: &FuncArgs, index: usize, name: &str, vm: &VirtualMachine) -> Option<PyObjectRef> {
    args.args
        .get(index)
        .cloned()
        .or_else(|| args.kwargs.get(name).cloned())
        .filter(|o| !vm.is_none(o))
}

fn flag(args: &FuncArgs, index: usize, name: &str, vm: &VirtualMachine) -> PyResult<bool> {
    arg(args, index, name, vm).map_or(Ok(false), |o| o.try_to_bool(vm))
}

fn target<T: PyPayload>(op: &Op, vm: &VirtualMachine) -> PyResult<PyRef<T>> {
    op.target
        .clone()
        .and_then(|t| t.downcast::<T>().ok())
        .ok_or_else(|| vm.new_type_error("unbound stackless method"))
}

/// An exception from `(type, value, traceback)` as `throw` takes them.
fn thrown(
    typ: PyObjectRef,
    val: Option<PyObjectRef>,
    vm: &VirtualMachine,
) -> PyResult<PyBaseExceptionRef> {
    let mut args = vec![typ];
    if let Some(v) = val {
        args.push(v);
    }
    let exc =
        super::call::gen_method_argument(GenOp::Throw, FuncArgs::new(args, KwArgs::default()), vm)?
            .expect("throw makes an exception");
    exc.downcast().map_err(|_| vm.new_type_error("exceptions must derive from BaseException"))
}

/// `exc_class(*args)`.
fn made(
    exc: PyObjectRef,
    rest: Vec<PyObjectRef>,
    vm: &VirtualMachine,
) -> PyResult<PyBaseExceptionRef> {
    if rest.is_empty() {
        return instantiate_exception(exc, vm);
    }
    instantiate_exception(exc.call(rest, vm)?, vm)
}

/// Performs `op(*args)`; `can`: the caller is the top-level evaluator, which may switch.
fn perform(
    rt: &Runtime,
    vm: &VirtualMachine,
    op: &Op,
    args: FuncArgs,
    can: bool,
) -> PyResult<Done> {
    let kind = op.kind;
    match kind {
        OpKind::Run | OpKind::Switch => {
            let t = target::<Tasklet>(op, vm)?;
            op_run_tasklet(rt, vm, &t, kind == OpKind::Switch, can, kind)
        }
        OpKind::Kill => {
            let t = target::<Tasklet>(op, vm)?;
            if !t.st.borrow().alive {
                return Ok(Done::Value(vm.ctx.none()));
            }
            let pending = flag(&args, 0, "pending", vm)?;
            let exc = made(tasklet_exit(vm)?.into(), vec![], vm)?;
            op_throw(rt, vm, &t, exc, pending, can, kind)
        }
        OpKind::Throw => {
            let t = target::<Tasklet>(op, vm)?;
            let typ = match arg(&args, 0, "exc", vm) {
                Some(e) => e,
                None => tasklet_exit(vm)?.into(),
            };
            let exc = thrown(typ, arg(&args, 1, "val", vm), vm)?;
            let pending = flag(&args, 3, "pending", vm)?;
            op_throw(rt, vm, &t, exc, pending, can, kind)
        }
        OpKind::RaiseException => {
            let t = target::<Tasklet>(op, vm)?;
            let mut rest = args.args.clone();
            if rest.is_empty() {
                return Err(vm.new_type_error("raise_exception() needs an exception class"));
            }
            let cls = rest.remove(0);
            let exc = made(cls, rest, vm)?;
            op_throw(rt, vm, &t, exc, false, can, kind)
        }
        OpKind::Send | OpKind::SendException | OpKind::SendThrow => {
            let ch = target::<Channel>(op, vm)?;
            let payload = match kind {
                OpKind::Send => {
                    if args.args.len() != 1 {
                        return Err(vm.new_type_error("send() takes exactly one argument"));
                    }
                    Payload::Value(args.args[0].clone())
                }
                OpKind::SendException => {
                    let mut rest = args.args.clone();
                    if rest.is_empty() {
                        return Err(vm.new_type_error("send_exception() needs an exception class"));
                    }
                    let cls = rest.remove(0);
                    Payload::Raise(made(cls, rest, vm)?.into())
                }
                _ => {
                    let typ = match arg(&args, 0, "exc", vm) {
                        Some(e) => e,
                        None => tasklet_exit(vm)?.into(),
                    };
                    Payload::Raise(thrown(typ, arg(&args, 1, "val", vm), vm)?.into())
                }
            };
            op_channel(rt, vm, &ch, 1, payload, None, (can, kind))
        }
        OpKind::Receive => {
            let ch = target::<Channel>(op, vm)?;
            op_channel(rt, vm, &ch, -1, Payload::Value(vm.ctx.none()), None, (can, kind))
        }
        OpKind::Schedule | OpKind::ScheduleRemove => {
            let retval = match arg(&args, 0, "retval", vm) {
                Some(v) => v,
                None => with(rt, vm, |s| s.current.clone()).into(),
            };
            op_schedule(rt, vm, retval, kind == OpKind::ScheduleRemove, can, kind)
        }
        OpKind::RunScheduler => {
            let timeout = match arg(&args, 0, "timeout", vm) {
                Some(t) => {
                    let t: i64 = t.try_to_value(vm)?;
                    t.max(0) as u64
                }
                None => 0,
            };
            let w = Watchdog {
                timeout,
                soft: flag(&args, 2, "soft", vm)?,
                total: flag(&args, 4, "totaltimeout", vm)?,
                armed: false,
                expired: false,
            };
            op_run_scheduler(rt, vm, w, can)
        }
        OpKind::Select => {
            let Some(cases) =
                args.args.first().cloned().or_else(|| args.kwargs.get("cases").cloned())
            else {
                return Err(vm.new_type_error("select() missing its list of cases"));
            };
            op_select(rt, vm, cases, can)
        }
    }
}

/// An operation called by the evaluator: it may switch tasklets at the top level.
pub fn call_op(ev: &mut Eval, op: &Op, args: FuncArgs) -> StepResult {
    let can = ev.can_suspend && ev.base == 0;
    let done = perform(ev.rt, ev.vm, op, args, can);
    finish(ev, done)
}

/// An operation called by RustPython: only what needs no switch.
pub fn call_native(op: &Op, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
    let rt = runtime(vm)?;
    match perform(&rt, vm, op, args, false)? {
        Done::Value(v) => Ok(v),
        Done::Switch(_) => Err(refuse(op.kind, vm)),
    }
}

/// `for x in channel` (`exhausted`: where the loop ends) and `next(channel)` (None).
pub fn channel_next(ev: &mut Eval, ch: &ChannelRef, exhausted: Option<u32>) -> StepResult {
    let vm = ev.vm;
    let over = {
        let st = ch.st.borrow();
        st.closing && st.partner(-1).is_none()
    };
    if over {
        return match exhausted {
            Some(target) => {
                let frame = ev.frames.last_mut().expect("frame");
                frame.stack.pop();
                frame.pc = target as usize;
                Ok(Flow::Next)
            }
            None => Err(vm.new_stop_iteration(None)),
        };
    }
    let can = ev.can_suspend && ev.base == 0;
    let done =
        op_channel(ev.rt, vm, ch, -1, Payload::Value(vm.ctx.none()), None, (can, OpKind::Receive));
    finish(ev, done)
}

pub fn channel_next_native(ch: &ChannelRef, vm: &VirtualMachine) -> PyResult<PyIterReturn> {
    let rt = runtime(vm)?;
    let over = {
        let st = ch.st.borrow();
        st.closing && st.partner(-1).is_none()
    };
    if over {
        return Ok(PyIterReturn::StopIteration(None));
    }
    match op_channel(
        &rt,
        vm,
        ch,
        -1,
        Payload::Value(vm.ctx.none()),
        None,
        (false, OpKind::Receive),
    )? {
        Done::Value(v) => Ok(PyIterReturn::Return(v)),
        Done::Switch(_) => Err(refuse(OpKind::Receive, vm)),
    }
}

/// `pickle.dumps(tasklet)`: the snapshot encoder writes it, by value, into an image that
/// `stackless._restore_tasklet` reads back.
pub fn reduce(t: &TaskletRef, vm: &VirtualMachine) -> PyResult {
    let rt = runtime(vm)?;
    if with(&rt, vm, |s| s.current.is(t)) {
        return Err(vm.new_runtime_error("the running tasklet cannot be pickled"));
    }
    let image = crate::snapshot::tasklet_image(vm, &rt, t).map_err(|e| {
        vm.new_exception_msg(
            vm.ctx.exceptions.type_error.to_owned(),
            format!("cannot pickle the tasklet: {e}").into(),
        )
    })?;
    let restore = vm.import("stackless", 0)?.get_attr("_restore_tasklet", vm)?;
    let args = vm.ctx.new_tuple(vec![vm.ctx.new_bytes(image).into()]);
    Ok(vm.ctx.new_tuple(vec![restore, args.into()]).into())
}

/// `pickle.loads`: the tasklet, alive and paused (not scheduled), with a fresh id.
pub fn restore(image: &[u8], vm: &VirtualMachine) -> PyResult<TaskletRef> {
    let rt = runtime(vm)?;
    let (root, all) = crate::snapshot::load_tasklet_image(vm, &rt, image).map_err(|e| {
        vm.new_exception_msg(
            vm.ctx.exceptions.value_error.to_owned(),
            format!("cannot unpickle the tasklet: {e}").into(),
        )
    })?;
    with(&rt, vm, |s| {
        for t in &all {
            let mut st = t.st.borrow_mut();
            st.id = s.next_id;
            s.next_id += 1;
            let alive = st.alive;
            drop(st);
            if alive {
                s.register(t);
            }
        }
    });
    Ok(root)
}

/// Tasklets for stack views: each with whether it is current, main, blocked.
pub fn all_tasklets(rt: &Runtime) -> Option<(Vec<TaskletRef>, TaskletRef, TaskletRef)> {
    let slot = rt.sched.borrow();
    let s = slot.as_ref()?;
    Some((s.tasklets.clone(), s.current.clone(), s.main.clone()))
}
