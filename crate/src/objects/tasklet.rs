//! Stackless's objects: tasklets (each owns a frame stack while it does not run), channels
//! (with the queue of tasklets blocked on them), the cases of `select`, the `atomic` context
//! manager, and the bound operations that switch tasklets. Their state is plain data the
//! snapshot codec reads; the scheduler that moves frames between them is `vm::sched`.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use rustpython_vm::builtins::{PyBaseExceptionRef, PyTypeRef};
use rustpython_vm::function::{FuncArgs, OptionalArg};
use rustpython_vm::object::{Traverse, TraverseFn};
use rustpython_vm::protocol::PyIterReturn;
use rustpython_vm::types::{
    Callable, Constructor, Initializer, IterNext, Iterable, Representable, SelfIter,
};
use rustpython_vm::{
    pyclass, AsObject, Py, PyObjectRef, PyPayload, PyRef, PyResult, VirtualMachine,
};

use crate::vm::frame::Frame;
use crate::vm::sched;

pub type TaskletRef = PyRef<Tasklet>;
pub type ChannelRef = PyRef<Channel>;

/// Everything about one tasklet besides its identity.
#[derive(Debug, Default)]
pub struct TaskletState {
    /// Unique within a session, in creation order (the main tasklet is 0).
    pub id: u64,
    pub is_main: bool,
    /// The callable `bind` gave it, until `setup` starts it.
    pub func: Option<PyObjectRef>,
    pub alive: bool,
    /// Its frames, bottom first, while it is not the running tasklet.
    #[allow(clippy::vec_box)]
    pub frames: Vec<Box<Frame>>,
    /// Paused inside a call that switched away: `tempval` is that call's result, pushed when
    /// it runs again. Otherwise it was stopped between two instructions (or has not started).
    pub in_call: bool,
    /// Raised where it was paused when it runs again (`kill`, `throw`, `send_exception`).
    pub throw: Option<PyBaseExceptionRef>,
    pub tempval: Option<PyObjectRef>,
    /// The direction it is blocked with (1 send, -1 receive, 2 a `select`), 0 when not.
    pub blocked: i8,
    /// The channels it is queued on while blocked.
    pub waits: Vec<ChannelRef>,
    pub atomic: bool,
    pub name: Option<PyObjectRef>,
}

#[pyclass(module = "stackless", name = "tasklet", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct Tasklet {
    pub st: RefCell<TaskletState>,
}

// SAFETY: every object reference is visited once.
unsafe impl Traverse for Tasklet {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        if let Ok(st) = self.st.try_borrow() {
            st.func.traverse(f);
            for frame in &st.frames {
                frame.traverse(f);
            }
            st.tempval.traverse(f);
            st.throw.traverse(f);
            st.waits.traverse(f);
            st.name.traverse(f);
        }
    }
}

impl Tasklet {
    pub fn new(id: u64) -> Tasklet {
        Tasklet { st: RefCell::new(TaskletState { id, ..TaskletState::default() }) }
    }

    pub fn id(&self) -> u64 {
        self.st.borrow().id
    }

    /// Sets an optional field (None clears it); the old value is dropped after the borrow.
    fn set_optional(
        &self,
        field: impl FnOnce(&mut TaskletState) -> &mut Option<PyObjectRef>,
        value: PyObjectRef,
        vm: &VirtualMachine,
    ) {
        let value = (!vm.is_none(&value)).then_some(value);
        let old = std::mem::replace(field(&mut self.st.borrow_mut()), value);
        drop(old);
    }

    /// What stack views and reprs call it.
    pub fn label(&self, vm: &VirtualMachine) -> String {
        let st = self.st.borrow();
        let name = st.name.as_ref().and_then(|n| n.str(vm).ok()).map(|n| n.to_string());
        match (st.is_main, name) {
            (_, Some(n)) => n,
            (true, None) => "main".to_owned(),
            (false, None) => format!("tasklet {}", st.id),
        }
    }
}

impl Constructor for Tasklet {
    type Args = FuncArgs;

    fn slot_new(cls: PyTypeRef, _args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        let id = sched::new_id(vm)?;
        Tasklet::new(id).into_ref_with_type(vm, cls).map(Into::into)
    }

    fn py_new(
        _cls: &Py<rustpython_vm::builtins::PyType>,
        _: FuncArgs,
        _: &VirtualMachine,
    ) -> PyResult<Self> {
        unreachable!("slot_new makes tasklets")
    }
}

impl Initializer for Tasklet {
    type Args = FuncArgs;

    fn init(zelf: &Py<Self>, args: FuncArgs, vm: &VirtualMachine) -> PyResult<()> {
        let (func, targs, kwargs) = bind_args(args, vm)?;
        sched::bind(&zelf.to_owned(), func, targs, kwargs, vm)
    }
}

fn or_none(o: &Option<PyObjectRef>, vm: &VirtualMachine) -> PyObjectRef {
    o.clone().unwrap_or_else(|| vm.ctx.none())
}

/// `(func=None, args=None, kwargs=None)`.
type BindArgs = (Option<PyObjectRef>, Option<PyObjectRef>, Option<PyObjectRef>);

fn bind_args(args: FuncArgs, vm: &VirtualMachine) -> PyResult<BindArgs> {
    let mut positional = args.args.into_iter();
    let mut get = |name: &str| -> Option<PyObjectRef> {
        positional.next().or_else(|| args.kwargs.get(name).cloned()).filter(|o| !vm.is_none(o))
    };
    let func = get("func");
    let targs = get("args");
    let kwargs = get("kwargs");
    Ok((func, targs, kwargs))
}

#[pyclass(with(Constructor, Initializer, Callable, Representable), flags(BASETYPE, HAS_DICT))]
impl Tasklet {
    #[pymethod]
    fn bind(zelf: PyRef<Self>, args: FuncArgs, vm: &VirtualMachine) -> PyResult<PyRef<Self>> {
        let (func, targs, kwargs) = bind_args(args, vm)?;
        sched::bind(&zelf, func, targs, kwargs, vm)?;
        Ok(zelf)
    }

    #[pymethod]
    fn setup(zelf: PyRef<Self>, args: FuncArgs, vm: &VirtualMachine) -> PyResult<PyRef<Self>> {
        sched::setup(&zelf, args, vm)?;
        Ok(zelf)
    }

    #[pymethod]
    fn insert(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyResult<PyRef<Self>> {
        sched::insert(&zelf, vm)?;
        Ok(zelf)
    }

    #[pymethod]
    fn remove(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyResult<PyRef<Self>> {
        sched::remove(&zelf, vm)?;
        Ok(zelf)
    }

    #[pymethod]
    fn set_atomic(zelf: PyRef<Self>, flag: PyObjectRef, vm: &VirtualMachine) -> PyResult<bool> {
        let flag = flag.try_to_bool(vm)?;
        Ok(std::mem::replace(&mut zelf.st.borrow_mut().atomic, flag))
    }

    #[pygetset]
    fn atomic(zelf: &Py<Self>) -> bool {
        zelf.st.borrow().atomic
    }

    #[pygetset]
    fn alive(zelf: &Py<Self>) -> bool {
        zelf.st.borrow().alive
    }

    #[pygetset]
    fn blocked(zelf: &Py<Self>) -> bool {
        zelf.st.borrow().blocked != 0
    }

    #[pygetset]
    fn scheduled(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyResult<bool> {
        Ok(zelf.st.borrow().blocked != 0 || sched::is_queued(&zelf, vm)?)
    }

    #[pygetset]
    fn paused(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyResult<bool> {
        let (alive, blocked) = {
            let st = zelf.st.borrow();
            (st.alive, st.blocked != 0)
        };
        Ok(alive && !blocked && !sched::is_queued(&zelf, vm)? && !sched::is_current(&zelf, vm)?)
    }

    #[pygetset]
    fn is_main(zelf: &Py<Self>) -> bool {
        zelf.st.borrow().is_main
    }

    #[pygetset]
    fn is_current(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyResult<bool> {
        sched::is_current(&zelf, vm)
    }

    #[pygetset(name = "id")]
    fn tasklet_id(zelf: &Py<Self>) -> u64 {
        zelf.st.borrow().id
    }

    #[pygetset]
    fn tempval(zelf: &Py<Self>, vm: &VirtualMachine) -> PyObjectRef {
        or_none(&zelf.st.borrow().tempval, vm)
    }

    #[pygetset(setter)]
    fn set_tempval(zelf: &Py<Self>, value: PyObjectRef, vm: &VirtualMachine) {
        zelf.set_optional(|st| &mut st.tempval, value, vm);
    }

    #[pygetset]
    fn name(zelf: &Py<Self>, vm: &VirtualMachine) -> PyObjectRef {
        or_none(&zelf.st.borrow().name, vm)
    }

    #[pygetset(setter)]
    fn set_name(zelf: &Py<Self>, value: PyObjectRef, vm: &VirtualMachine) {
        zelf.set_optional(|st| &mut st.name, value, vm);
    }

    #[pygetset]
    fn run(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyObjectRef {
        Op::bound(zelf.into(), OpKind::Run, vm)
    }

    #[pygetset]
    fn switch(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyObjectRef {
        Op::bound(zelf.into(), OpKind::Switch, vm)
    }

    #[pygetset]
    fn kill(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyObjectRef {
        Op::bound(zelf.into(), OpKind::Kill, vm)
    }

    #[pygetset]
    fn throw(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyObjectRef {
        Op::bound(zelf.into(), OpKind::Throw, vm)
    }

    #[pygetset]
    fn raise_exception(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyObjectRef {
        Op::bound(zelf.into(), OpKind::RaiseException, vm)
    }

    /// Pickling goes through the snapshot encoder: the tasklet, its frames and everything
    /// they reach, by value; modules by name.
    #[pymethod]
    fn __reduce_ex__(
        zelf: PyRef<Self>,
        _protocol: OptionalArg<PyObjectRef>,
        vm: &VirtualMachine,
    ) -> PyResult {
        sched::reduce(&zelf, vm)
    }

    #[pymethod]
    fn __reduce__(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyResult {
        sched::reduce(&zelf, vm)
    }
}

impl Callable for Tasklet {
    type Args = FuncArgs;

    fn call(zelf: &Py<Self>, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        let zelf = zelf.to_owned();
        sched::setup(&zelf, args, vm)?;
        Ok(zelf.into())
    }
}

impl Representable for Tasklet {
    fn repr_str(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<String> {
        let st = zelf.st.borrow();
        let name = st.name.clone();
        let id = st.id;
        drop(st);
        Ok(match name {
            Some(n) => format!("<stackless.tasklet {id} {}>", n.repr(vm)?),
            None => format!("<stackless.tasklet {id}>"),
        })
    }
}

/// What a blocked tasklet passes along when its counterpart arrives.
#[derive(Debug, Clone)]
pub enum Payload {
    Value(PyObjectRef),
    Raise(PyObjectRef),
}

/// A tasklet blocked on a channel.
#[derive(Debug, Clone)]
pub struct Waiter {
    pub tasklet: TaskletRef,
    /// 1: sending `payload`; -1: receiving.
    pub dir: i8,
    pub payload: Payload,
    /// Set when the tasklet waits in a `select`: the case this entry stands for.
    pub case: Option<PyRef<Case>>,
}

#[derive(Debug)]
pub struct ChannelState {
    pub queue: VecDeque<Waiter>,
    /// -1 prefer the receiver (the default), 1 the sender, 0 neither.
    pub preference: i8,
    pub schedule_all: bool,
    pub closing: bool,
}

impl Default for ChannelState {
    fn default() -> Self {
        ChannelState { queue: VecDeque::new(), preference: -1, schedule_all: false, closing: false }
    }
}

impl ChannelState {
    /// Senders waiting (> 0) or receivers waiting (< 0).
    pub fn balance(&self) -> i64 {
        self.queue.iter().map(|w| i64::from(w.dir)).sum()
    }

    /// Index of the first waiter an operation in direction `dir` pairs with.
    pub fn partner(&self, dir: i8) -> Option<usize> {
        self.queue.iter().position(|w| w.dir == -dir)
    }
}

#[pyclass(module = "stackless", name = "channel", traverse = "manual")]
#[derive(Debug, PyPayload, Default)]
pub struct Channel {
    pub st: RefCell<ChannelState>,
}

// SAFETY: every object reference is visited once.
unsafe impl Traverse for Channel {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        if let Ok(st) = self.st.try_borrow() {
            for w in &st.queue {
                w.tasklet.traverse(f);
                match &w.payload {
                    Payload::Value(v) | Payload::Raise(v) => v.traverse(f),
                }
                w.case.traverse(f);
            }
        }
    }
}

impl Constructor for Channel {
    type Args = FuncArgs;

    fn py_new(
        _cls: &Py<rustpython_vm::builtins::PyType>,
        _: FuncArgs,
        _: &VirtualMachine,
    ) -> PyResult<Self> {
        Ok(Channel::default())
    }
}

#[pyclass(with(Constructor, Representable, Iterable, IterNext), flags(BASETYPE, HAS_DICT))]
impl Channel {
    #[pygetset]
    fn send(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyObjectRef {
        Op::bound(zelf.into(), OpKind::Send, vm)
    }

    #[pygetset]
    fn receive(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyObjectRef {
        Op::bound(zelf.into(), OpKind::Receive, vm)
    }

    #[pygetset]
    fn send_exception(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyObjectRef {
        Op::bound(zelf.into(), OpKind::SendException, vm)
    }

    #[pygetset]
    fn send_throw(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyObjectRef {
        Op::bound(zelf.into(), OpKind::SendThrow, vm)
    }

    #[pymethod(name = "sendCase")]
    fn send_case(zelf: PyRef<Self>, value: PyObjectRef, vm: &VirtualMachine) -> PyRef<Case> {
        Case { channel: zelf, dir: 1, value }.into_ref(&vm.ctx)
    }

    #[pymethod(name = "receiveCase")]
    fn receive_case(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyRef<Case> {
        Case { channel: zelf, dir: -1, value: vm.ctx.none() }.into_ref(&vm.ctx)
    }

    #[pymethod]
    fn close(zelf: &Py<Self>) {
        zelf.st.borrow_mut().closing = true;
    }

    #[pymethod]
    fn open(zelf: &Py<Self>) {
        zelf.st.borrow_mut().closing = false;
    }

    #[pygetset]
    fn balance(zelf: &Py<Self>) -> i64 {
        zelf.st.borrow().balance()
    }

    #[pygetset]
    fn closing(zelf: &Py<Self>) -> bool {
        zelf.st.borrow().closing
    }

    #[pygetset]
    fn closed(zelf: &Py<Self>) -> bool {
        let st = zelf.st.borrow();
        st.closing && st.queue.is_empty()
    }

    #[pygetset]
    fn preference(zelf: &Py<Self>) -> i64 {
        zelf.st.borrow().preference.into()
    }

    #[pygetset(setter)]
    fn set_preference(zelf: &Py<Self>, value: PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
        let p: i64 = value.try_to_value(vm)?;
        zelf.st.borrow_mut().preference = p.signum() as i8;
        Ok(())
    }

    #[pygetset]
    fn schedule_all(zelf: &Py<Self>) -> bool {
        zelf.st.borrow().schedule_all
    }

    #[pygetset(setter)]
    fn set_schedule_all(zelf: &Py<Self>, value: PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
        zelf.st.borrow_mut().schedule_all = value.try_to_bool(vm)?;
        Ok(())
    }

    /// The first tasklet blocked on the channel, or None.
    #[pygetset]
    fn queue(zelf: &Py<Self>, vm: &VirtualMachine) -> PyObjectRef {
        zelf.st.borrow().queue.front().map_or_else(|| vm.ctx.none(), |w| w.tasklet.clone().into())
    }
}

impl Representable for Channel {
    fn repr_str(zelf: &Py<Self>, _vm: &VirtualMachine) -> PyResult<String> {
        Ok(format!("<stackless.channel balance={}>", zelf.st.borrow().balance()))
    }
}

impl SelfIter for Channel {}

impl IterNext for Channel {
    fn next(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<PyIterReturn> {
        sched::channel_next_native(&zelf.to_owned(), vm)
    }
}

/// One operation of a `select`: `channel.sendCase(value)` or `channel.receiveCase()`.
#[pyclass(module = "stackless", name = "case", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct Case {
    pub channel: ChannelRef,
    /// 1 send, -1 receive.
    pub dir: i8,
    pub value: PyObjectRef,
}

// SAFETY: every object reference is visited once.
unsafe impl Traverse for Case {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.channel.traverse(f);
        self.value.traverse(f);
    }
}

#[pyclass(with(Representable))]
impl Case {
    #[pygetset]
    fn channel(zelf: &Py<Self>) -> ChannelRef {
        zelf.channel.clone()
    }

    #[pygetset]
    fn value(zelf: &Py<Self>) -> PyObjectRef {
        zelf.value.clone()
    }

    /// `'send'` or `'receive'`.
    #[pygetset]
    fn operation(zelf: &Py<Self>) -> &'static str {
        if zelf.dir > 0 {
            "send"
        } else {
            "receive"
        }
    }
}

impl Representable for Case {
    fn repr_str(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<String> {
        Ok(if zelf.dir > 0 {
            format!("<sendCase {}>", zelf.value.repr(vm)?)
        } else {
            "<receiveCase>".to_owned()
        })
    }
}

/// `with stackless.atomic():` — the current tasklet is not interrupted by the watchdog inside.
#[pyclass(module = "stackless", name = "atomic")]
#[derive(Debug, PyPayload, Default)]
pub struct Atomic {
    /// The flag `__enter__` replaced, for `__exit__` to put back.
    pub prev: Cell<Option<bool>>,
}

impl Constructor for Atomic {
    type Args = FuncArgs;

    fn py_new(
        _cls: &Py<rustpython_vm::builtins::PyType>,
        _: FuncArgs,
        _: &VirtualMachine,
    ) -> PyResult<Self> {
        Ok(Atomic::default())
    }
}

#[pyclass(with(Constructor))]
impl Atomic {
    #[pymethod]
    fn __enter__(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyResult<PyRef<Self>> {
        let current = sched::current(vm)?;
        let prev = std::mem::replace(&mut current.st.borrow_mut().atomic, true);
        zelf.prev.set(Some(prev));
        Ok(zelf)
    }

    #[pymethod]
    fn __exit__(zelf: &Py<Self>, _args: FuncArgs, vm: &VirtualMachine) -> PyResult<bool> {
        let current = sched::current(vm)?;
        if let Some(prev) = zelf.prev.take() {
            current.st.borrow_mut().atomic = prev;
        }
        Ok(false)
    }
}

/// The operations that may switch tasklets. The evaluator performs them without leaving its
/// loop (the running tasklet's frames move into its object, another's come out);
/// RustPython calling one does only what needs no switch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpKind {
    Run,
    Switch,
    Kill,
    Throw,
    RaiseException,
    Send,
    Receive,
    SendException,
    SendThrow,
    Schedule,
    ScheduleRemove,
    RunScheduler,
    Select,
}

impl OpKind {
    pub const ALL: [OpKind; 13] = [
        OpKind::Run,
        OpKind::Switch,
        OpKind::Kill,
        OpKind::Throw,
        OpKind::RaiseException,
        OpKind::Send,
        OpKind::Receive,
        OpKind::SendException,
        OpKind::SendThrow,
        OpKind::Schedule,
        OpKind::ScheduleRemove,
        OpKind::RunScheduler,
        OpKind::Select,
    ];

    pub fn name(self) -> &'static str {
        match self {
            OpKind::Run | OpKind::RunScheduler => "run",
            OpKind::Switch => "switch",
            OpKind::Kill => "kill",
            OpKind::Throw => "throw",
            OpKind::RaiseException => "raise_exception",
            OpKind::Send => "send",
            OpKind::Receive => "receive",
            OpKind::SendException => "send_exception",
            OpKind::SendThrow => "send_throw",
            OpKind::Schedule => "schedule",
            OpKind::ScheduleRemove => "schedule_remove",
            OpKind::Select => "select",
        }
    }

    pub fn code(self) -> u8 {
        OpKind::ALL.iter().position(|k| *k == self).expect("listed") as u8
    }
}

#[pyclass(module = false, name = "builtin_function_or_method", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct Op {
    /// The tasklet or channel it is bound to; None for the module's functions.
    pub target: Option<PyObjectRef>,
    pub kind: OpKind,
}

// SAFETY: the one reference is visited once.
unsafe impl Traverse for Op {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.target.traverse(f);
    }
}

impl Op {
    pub fn bound(target: PyObjectRef, kind: OpKind, vm: &VirtualMachine) -> PyObjectRef {
        Op { target: Some(target), kind }.into_ref(&vm.ctx).into()
    }
}

#[pyclass(with(Callable, Representable))]
impl Op {
    #[pygetset]
    fn __name__(zelf: &Py<Self>) -> &'static str {
        zelf.kind.name()
    }

    #[pygetset]
    fn __self__(zelf: &Py<Self>, vm: &VirtualMachine) -> PyObjectRef {
        zelf.target.clone().unwrap_or_else(|| vm.ctx.none())
    }
}

impl Callable for Op {
    type Args = FuncArgs;

    fn call(zelf: &Py<Self>, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        sched::call_native(zelf, args, vm)
    }
}

impl Representable for Op {
    fn repr_str(zelf: &Py<Self>, _vm: &VirtualMachine) -> PyResult<String> {
        Ok(match &zelf.target {
            Some(t) => {
                format!("<built-in method {} of {} object>", zelf.kind.name(), t.class().name())
            }
            None => format!("<built-in function {}>", zelf.kind.name()),
        })
    }
}

pub fn init_types() {
    use rustpython_vm::class::PyClassImpl;
    let _ = Tasklet::make_static_type();
    let _ = Channel::make_static_type();
    let _ = Case::make_static_type();
    let _ = Atomic::make_static_type();
    let _ = Op::make_static_type();
}
