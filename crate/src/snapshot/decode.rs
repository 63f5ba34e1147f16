//! Reading a snapshot's op stream back into objects and frames.
//!
//! The bytes are untrusted: every op checks its operands' count and kind, every memo index and
//! code reference is checked, and frames are checked against their code before the evaluator
//! may see them. Errors say what was wrong; nothing here panics on bad input.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use malachite_bigint::BigInt;
use num_complex::Complex64;
use rustpython_vm::builtins::{
    PyBaseException, PyByteArray, PyDict, PyList, PySet, PyStr, PyStrRef, PyTuple, PyType,
};
use rustpython_vm::common::lock::{PyMutex, PyRwLock};
use rustpython_vm::common::wtf8::Wtf8Buf;
use rustpython_vm::function::IntoFuncArgs;
use rustpython_vm::function::PySetterValue;
use rustpython_vm::types::PyTypeFlags;
use rustpython_vm::{AsObject, PyObject, PyObjectRef, PyPayload, PyRef, VirtualMachine};

use super::encode::{solid_base, CodeRef, MATCH_SEARCHES};
use super::format::Reader;
use super::perms::{class_entry, resolve, Perm};
use super::{ops, SnapshotError};
use crate::bytecode::stack_depth::{entry_depths, min_depth, Awaits, FrameRole};
use crate::bytecode::Constant;
use crate::objects::cell::Cell;
use crate::objects::code::Code;
use crate::objects::function::{Annotate, Function};
use crate::objects::generator::{
    gen_core, AsyncGenStep, AsyncGenerator, AsyncOp, Coroutine, GenCore, GenMethod, GenOp,
    GenState, Generator,
};
use crate::objects::tasklet::{
    Atomic, Case, Channel, ChannelState, Op, OpKind, Payload, Tasklet, TaskletRef, TaskletState,
    Waiter,
};
use crate::objects::traceback::Traceback;
use crate::vm::continuation::{Continuation, Parts, MAX_INTS, MAX_OBJS};
use crate::vm::frame::{Completion, Frame, LoadedCode, ResumeMode};
use crate::vm::sched::Watchdog;
use crate::vm::value::Value;

/// An item on the decoder's stack.
pub enum Item {
    Obj(PyObjectRef),
    Int(i64),
    Float(f64),
    Null,
    Unbound,
    Frame(Box<Frame>),
}

/// Code objects of the restored units, found by the references snapshots use.
pub struct CodeTable {
    roots: Vec<Rc<LoadedCode>>,
    resolved: HashMap<CodeRef, Rc<LoadedCode>>,
    /// The first frame's code of tasklets ([`crate::vm::TASKLET_BOOT_UNIT`]).
    boot: Rc<LoadedCode>,
}

impl CodeTable {
    pub fn new(roots: Vec<Rc<LoadedCode>>, boot: Rc<LoadedCode>) -> Self {
        CodeTable { roots, resolved: HashMap::new(), boot }
    }

    fn get(&mut self, r: CodeRef, vm: &VirtualMachine) -> Result<Rc<LoadedCode>, SnapshotError> {
        if r.unit == crate::vm::TASKLET_BOOT_UNIT {
            if !r.path.is_empty() {
                return Err(corrupt("a code reference leads into the tasklet start code"));
            }
            return Ok(self.boot.clone());
        }
        if let Some(c) = self.resolved.get(&r) {
            return Ok(c.clone());
        }
        let mut code = self
            .roots
            .get(r.unit as usize)
            .cloned()
            .ok_or_else(|| corrupt("a code reference names no unit"))?;
        for &i in &r.path {
            let is_code = matches!(code.code.consts.get(i as usize), Some(Constant::Code(_)));
            if !is_code {
                return Err(corrupt("a code reference leads to no code object"));
            }
            code = code.child(i as usize, vm);
        }
        self.resolved.insert(r, code.clone());
        Ok(code)
    }
}

/// What a waiting caller receives from the frame above it.
fn awaits(callee: &Completion) -> Result<Awaits, SnapshotError> {
    Ok(match callee {
        Completion::Push | Completion::Init { .. } | Completion::ClassBody { .. } => Awaits::Result,
        Completion::IterNext { .. } => Awaits::NextItem,
        Completion::ModuleLoaded => Awaits::ModuleInit,
        Completion::Continue { .. } => Awaits::Continuation,
        Completion::Generator { mode, .. } => match mode {
            ResumeMode::Send | ResumeMode::Close => Awaits::Result,
            ResumeMode::ForIter { .. } => Awaits::NextItem,
            ResumeMode::YieldFrom | ResumeMode::AsyncGen | ResumeMode::AsyncGenClose => {
                Awaits::Delegate
            }
        },
        Completion::Main | Completion::Nested | Completion::Tasklet => {
            return Err(corrupt("a frame above the bottom one completes as a bottom one"))
        }
    })
}

/// The scheduler a session snapshot carries.
pub struct DecodedSched {
    pub main: TaskletRef,
    pub current: TaskletRef,
    pub queue: Vec<TaskletRef>,
    pub tasklets: Vec<TaskletRef>,
    pub next_id: u64,
    pub select_turn: u64,
    pub watchdog: Option<Watchdog>,
    pub deadline: u64,
}

/// What the final `SESSION` op hands over.
pub struct Decoded {
    pub sched: Option<DecodedSched>,
    // Boxed as the session keeps them: frames move between stacks and generators.
    #[allow(clippy::vec_box)]
    pub frames: Vec<Box<Frame>>,
    pub modules: Vec<(String, PyObjectRef)>,
    /// Indexes into [`super::MODULE_STATES`] and the state each one had.
    pub module_states: Vec<(usize, PyObjectRef)>,
}

pub struct Decoder<'a> {
    vm: &'a VirtualMachine,
    r: Reader<'a>,
    stack: Vec<Item>,
    memo: Vec<PyObjectRef>,
    codes: &'a mut CodeTable,
    /// Classes this snapshot made: their `__init_subclass__` must not run again for their
    /// subclasses, and their namespaces are ours to touch.
    classes: HashSet<usize>,
    generators: Vec<PyObjectRef>,
    /// Every tasklet made, for the checks at the end.
    pub tasklets: Vec<TaskletRef>,
    /// Value-stack depths per code object, computed once per restore.
    depths: HashMap<*const crate::bytecode::CodeObject, Vec<Option<u32>>>,
}

/// Most continuations one protocol nests (a sort's comparison inside the sort, …).
const MAX_PROTOCOL_DEPTH: usize = 64;

fn corrupt(why: &str) -> SnapshotError {
    SnapshotError::Corrupt(why.to_owned())
}

fn py_err(
    vm: &VirtualMachine,
    what: &str,
    e: rustpython_vm::builtins::PyBaseExceptionRef,
) -> SnapshotError {
    let msg = e.as_object().str(vm).map(|s| s.to_string()).unwrap_or_default();
    SnapshotError::Corrupt(format!("{what} failed: {}: {msg}", e.class().name()))
}

impl<'a> Decoder<'a> {
    pub fn new(vm: &'a VirtualMachine, body: &'a [u8], codes: &'a mut CodeTable) -> Self {
        Decoder {
            vm,
            r: Reader::new(body),
            stack: Vec::new(),
            memo: Vec::new(),
            codes,
            classes: HashSet::new(),
            generators: Vec::new(),
            tasklets: Vec::new(),
            depths: HashMap::new(),
        }
    }

    fn pop(&mut self) -> Result<Item, SnapshotError> {
        self.stack.pop().ok_or_else(|| corrupt("an op has too few operands"))
    }

    fn to_obj(&self, item: Item) -> Result<PyObjectRef, SnapshotError> {
        let vm = self.vm;
        match item {
            Item::Obj(o) => Ok(o),
            Item::Int(i) => Ok(vm.ctx.new_int(i).into()),
            Item::Float(f) => Ok(vm.ctx.new_float(f).into()),
            _ => Err(corrupt("an object was expected, not a frame or an empty slot")),
        }
    }

    fn pop_obj(&mut self) -> Result<PyObjectRef, SnapshotError> {
        let item = self.pop()?;
        self.to_obj(item)
    }

    fn pop_opt(&mut self) -> Result<Option<PyObjectRef>, SnapshotError> {
        let o = self.pop_obj()?;
        Ok((!self.vm.is_none(&o)).then_some(o))
    }

    fn pop_n(&mut self, n: usize) -> Result<Vec<PyObjectRef>, SnapshotError> {
        if n > self.stack.len() {
            return Err(corrupt("an op has too few operands"));
        }
        let items: Vec<Item> = self.stack.drain(self.stack.len() - n..).collect();
        items.into_iter().map(|i| self.to_obj(i)).collect()
    }

    fn pop_as<T: PyPayload>(&mut self, what: &str) -> Result<PyRef<T>, SnapshotError> {
        self.pop_obj()?.downcast::<T>().map_err(|o| {
            SnapshotError::Corrupt(format!("{what} was expected, not a '{}'", o.class().name()))
        })
    }

    fn peek_obj(&self) -> Result<PyObjectRef, SnapshotError> {
        match self.stack.last() {
            Some(Item::Obj(o)) => Ok(o.clone()),
            _ => Err(corrupt("an op's target is missing")),
        }
    }

    fn push(&mut self, obj: PyObjectRef, memo: bool) {
        if memo {
            self.memo.push(obj.clone());
        }
        self.stack.push(Item::Obj(obj));
    }

    fn str_of(&self, o: &PyObjectRef, what: &str) -> Result<String, SnapshotError> {
        o.downcast_ref::<PyStr>()
            .map(|s| s.to_string())
            .ok_or_else(|| SnapshotError::Corrupt(format!("{what} is not a string")))
    }

    fn code_ref(&mut self) -> Result<CodeRef, SnapshotError> {
        let unit = self.r.u32()?;
        let n = self.r.count(1)?;
        let mut path = Vec::with_capacity(n);
        for _ in 0..n {
            path.push(self.r.u32()?);
        }
        Ok(CodeRef { unit, path })
    }

    /// Runs ops up to and including `SESSION`; `waiting_on_host`: the top frame is paused in
    /// a call the host answers (`input()`, `time.sleep`, a checkpoint).
    pub fn run(&mut self, waiting_on_host: bool) -> Result<Decoded, SnapshotError> {
        loop {
            let op = self.r.u8()?;
            if op == ops::SESSION {
                return self.session(waiting_on_host);
            }
            self.step(op)?;
        }
    }

    fn step(&mut self, op: u8) -> Result<(), SnapshotError> {
        let vm = self.vm;
        match op {
            ops::NONE => self.push(vm.ctx.none(), false),
            ops::TRUE => self.push(vm.ctx.new_bool(true).into(), false),
            ops::FALSE => self.push(vm.ctx.new_bool(false).into(), false),
            ops::ELLIPSIS => self.push(vm.ctx.ellipsis.clone().into(), false),
            ops::NOT_IMPLEMENTED => self.push(vm.ctx.not_implemented(), false),
            ops::INT => {
                let i = self.r.ivar()?;
                self.stack.push(Item::Int(i));
            }
            ops::BIG_INT => {
                let bytes = self.r.bytes()?;
                self.push(vm.ctx.new_bigint(&BigInt::from_signed_bytes_le(bytes)).into(), false);
            }
            ops::FLOAT => {
                let f = self.r.f64()?;
                self.stack.push(Item::Float(f));
            }
            ops::COMPLEX => {
                let (re, im) = (self.r.f64()?, self.r.f64()?);
                self.push(vm.ctx.new_complex(Complex64::new(re, im)).into(), false);
            }
            ops::NULL => self.stack.push(Item::Null),
            ops::UNBOUND => self.stack.push(Item::Unbound),
            ops::GET => {
                let i = self.r.uvar()?;
                let o = self
                    .memo
                    .get(i as usize)
                    .cloned()
                    .ok_or_else(|| corrupt("a memo index is out of range"))?;
                self.push(o, false);
            }
            ops::POP => {
                let n = self.r.uvar()?;
                if n > self.stack.len() as u64 {
                    return Err(corrupt("an op has too few operands"));
                }
                self.stack.truncate(self.stack.len() - n as usize);
            }
            ops::STR => {
                let bytes = self.r.bytes()?.to_vec();
                let s = Wtf8Buf::from_bytes(bytes).map_err(|_| corrupt("a string is not WTF-8"))?;
                self.push(vm.ctx.new_str(s).into(), true);
            }
            ops::BYTES => {
                let b = self.r.bytes()?.to_vec();
                self.push(vm.ctx.new_bytes(b).into(), true);
            }
            ops::BYTE_ARRAY => {
                let b = self.r.bytes()?.to_vec();
                self.push(PyByteArray::from(b).into_ref(&vm.ctx).into(), true);
            }
            ops::TUPLE => {
                let n = self.r.count(0)?;
                let items = self.pop_n(n)?;
                self.push(vm.ctx.new_tuple(items).into(), true);
            }
            ops::FROZEN_SET => {
                let n = self.r.count(0)?;
                let items = self.pop_n(n)?;
                self.make(
                    vm.ctx.types.frozenset_type.as_object(),
                    (vm.ctx.new_tuple(items),),
                    "a frozenset",
                )?;
            }
            ops::LIST => self.push(vm.ctx.new_list(Vec::new()).into(), true),
            ops::DICT => self.push(vm.ctx.new_dict().into(), true),
            ops::SET => {
                self.make(vm.ctx.types.set_type.as_object(), (), "a set")?;
            }
            ops::APPENDS => {
                let n = self.r.count(0)?;
                let items = self.pop_n(n)?;
                let target = self.peek_obj()?;
                let list = target
                    .downcast_ref::<PyList>()
                    .ok_or_else(|| corrupt("APPENDS on a non-list"))?;
                list.borrow_vec_mut().extend(items);
            }
            ops::SET_ITEMS => {
                let n = self.r.count(0)?;
                let items =
                    self.pop_n(n.checked_mul(2).ok_or_else(|| corrupt("a count is too large"))?)?;
                let target = self.peek_obj()?;
                let dict = target
                    .downcast_ref::<PyDict>()
                    .ok_or_else(|| corrupt("SET_ITEMS on a non-dict"))?;
                let mut items = items.into_iter();
                while let (Some(k), Some(v)) = (items.next(), items.next()) {
                    // Straight into the table: a dict subclass's `__setitem__` is not replayed.
                    dict.inner_setitem(&*k, v, vm).map_err(|e| py_err(vm, "a dict item", e))?;
                }
            }
            ops::ADDS => {
                let n = self.r.count(0)?;
                let items = self.pop_n(n)?;
                let target = self.peek_obj()?;
                let set =
                    target.downcast_ref::<PySet>().ok_or_else(|| corrupt("ADDS on a non-set"))?;
                for item in items {
                    set.add(item, vm).map_err(|e| py_err(vm, "a set item", e))?;
                }
            }
            ops::PERM => {
                let perm = match self.r.u8()? {
                    0 => Perm::Module(self.r.str()?.to_owned()),
                    1 => Perm::ModuleDict(self.r.str()?.to_owned()),
                    2 => Perm::Attr(self.r.str()?.to_owned(), self.r.str()?.to_owned()),
                    3 => Perm::TypeAttr(
                        self.r.str()?.to_owned(),
                        self.r.str()?.to_owned(),
                        self.r.str()?.to_owned(),
                    ),
                    4 => Perm::Own(self.r.str()?.to_owned()),
                    5 => Perm::OwnAttr(self.r.str()?.to_owned(), self.r.str()?.to_owned()),
                    _ => return Err(corrupt("an unknown kind of name")),
                };
                let o = resolve(&perm, vm).map_err(SnapshotError::Missing)?;
                self.push(o, true);
            }
            ops::GLOBAL => {
                let module = self.r.str()?.to_owned();
                let qualname = self.r.str()?.to_owned();
                let mut o =
                    resolve(&Perm::Module(module.clone()), vm).map_err(SnapshotError::Missing)?;
                for part in qualname.split('.') {
                    o = o.get_attr(&vm.ctx.new_str(part), vm).map_err(|_| {
                        SnapshotError::Missing(format!("'{module}.{qualname}' does not exist here"))
                    })?;
                }
                self.push(o, true);
            }
            ops::FUNCTION => self.function()?,
            ops::CELL => self.push(Cell::new(None).into_ref(&vm.ctx).into(), true),
            ops::CELL_SET => {
                let value = self.pop_obj()?;
                let target = self.peek_obj()?;
                if let Some(cell) = target.downcast_ref::<Cell>() {
                    cell.set(Some(value));
                } else if target.class().is(vm.ctx.types.cell_type) {
                    target
                        .set_attr("cell_contents", value, vm)
                        .map_err(|e| py_err(vm, "a cell", e))?;
                } else {
                    return Err(corrupt("CELL_SET on a non-cell"));
                }
            }
            ops::CODE => {
                let r = self.code_ref()?;
                let code = self.codes.get(r, vm)?;
                self.push(Code::new_ref(code.code.clone(), vm), true);
            }
            ops::TRACEBACK => {
                let name = self.pop_obj()?;
                let lineno = self.pop_obj()?;
                let filename = self.pop_obj()?;
                let next = self.pop_opt()?;
                let next = next
                    .map(|n| {
                        n.downcast::<Traceback>().map_err(|_| corrupt("tb_next is not a traceback"))
                    })
                    .transpose()?;
                let lineno = lineno
                    .try_to_value::<u32>(vm)
                    .map_err(|_| corrupt("a traceback line is not a number"))?;
                let tb = Traceback {
                    filename: self.str_of(&filename, "a file name")?,
                    lineno,
                    name: self.str_of(&name, "a name")?,
                    next,
                };
                self.push(tb.into_ref(&vm.ctx).into(), true);
            }
            ops::GENERATOR => {
                let kind = self.r.u8()?;
                let state = match self.r.u8()? {
                    0 => GenState::Created,
                    1 => GenState::Suspended,
                    2 => GenState::Running,
                    3 => GenState::Finished,
                    _ => return Err(corrupt("an unknown generator state")),
                };
                let qualname = self.pop_as::<PyStr>("a generator's qualified name")?;
                let name = self.pop_as::<PyStr>("a generator's name")?;
                let core = GenCore {
                    frame: PyMutex::new(None),
                    state: std::cell::Cell::new(state),
                    name: PyRwLock::new(name),
                    qualname: PyRwLock::new(qualname),
                };
                let gen: PyObjectRef = match kind {
                    0 => Generator { core }.into_ref(&vm.ctx).into(),
                    1 => Coroutine { core }.into_ref(&vm.ctx).into(),
                    2 => AsyncGenerator { core }.into_ref(&vm.ctx).into(),
                    _ => return Err(corrupt("an unknown kind of generator")),
                };
                self.generators.push(gen.clone());
                self.push(gen, true);
            }
            ops::GEN_FRAME => {
                let Item::Frame(frame) = self.pop()? else {
                    return Err(corrupt("GEN_FRAME without a frame"));
                };
                let target = self.peek_obj()?;
                let core =
                    gen_core(&target).ok_or_else(|| corrupt("GEN_FRAME on a non-generator"))?;
                let role = match core.state.get() {
                    GenState::Created => FrameRole::GeneratorCreated,
                    GenState::Suspended => FrameRole::GeneratorSuspended,
                    _ => return Err(corrupt("a running or finished generator holds a frame")),
                };
                self.check_depth(&frame, role)?;
                let mut slot = core.frame.lock();
                if slot.is_some() {
                    return Err(corrupt("a generator has two frames"));
                }
                *slot = Some(frame);
            }
            ops::GEN_METHOD => {
                let op = match self.r.u8()? {
                    0 => GenOp::Send,
                    1 => GenOp::Throw,
                    2 => GenOp::Close,
                    _ => return Err(corrupt("an unknown generator method")),
                };
                let gen = self.pop_obj()?;
                if gen_core(&gen).is_none() {
                    return Err(corrupt("a generator method of a non-generator"));
                }
                self.push(GenMethod { gen, op }.into_ref(&vm.ctx).into(), true);
            }
            ops::ASYNC_STEP => {
                let kind = self.r.u8()?;
                let closing = self.r.u8()? != 0;
                let operand = self.pop_obj()?;
                let agen = self.pop_obj()?;
                if agen.downcast_ref::<AsyncGenerator>().is_none() {
                    return Err(corrupt("an async generator step of a non-async-generator"));
                }
                let op = match kind {
                    0 => None,
                    1 => Some(AsyncOp::Send(operand)),
                    2 => Some(AsyncOp::Throw(operand)),
                    3 => Some(AsyncOp::Close),
                    _ => return Err(corrupt("an unknown async generator step")),
                };
                let step = AsyncGenStep {
                    agen,
                    op: PyMutex::new(op),
                    closing: std::cell::Cell::new(closing),
                };
                self.push(step.into_ref(&vm.ctx).into(), true);
            }
            ops::TASKLET => {
                let flags = self.r.u8()?;
                let blocked = self.r.u8()? as i8;
                let id = self.r.uvar()?;
                if flags >> 4 != 0 || !matches!(blocked, -1..=2) {
                    return Err(corrupt("a tasklet's flags are invalid"));
                }
                let cls = self.pop_as::<PyType>("a tasklet class")?;
                if !cls.fast_issubclass(Tasklet::class(&vm.ctx)) {
                    return Err(corrupt("a tasklet of a class that is not one"));
                }
                let st = TaskletState {
                    id,
                    alive: flags & 1 != 0,
                    is_main: flags & 2 != 0,
                    atomic: flags & 4 != 0,
                    in_call: flags & 8 != 0,
                    blocked,
                    ..TaskletState::default()
                };
                let t = Tasklet { st: std::cell::RefCell::new(st) }
                    .into_ref_with_type(vm, cls)
                    .map_err(|e| py_err(vm, "making a tasklet", e))?;
                self.tasklets.push(t.clone());
                self.push(t.into(), true);
            }
            ops::TASKLET_STATE => {
                let n = self.r.count(0)?;
                let mut frames = Vec::with_capacity(n.min(self.stack.len()));
                for _ in 0..n {
                    match self.pop()? {
                        Item::Frame(f) => frames.push(f),
                        _ => return Err(corrupt("a tasklet's stack holds a non-frame")),
                    }
                }
                frames.reverse();
                let name = self.pop_opt()?;
                let throw = self.pop_opt()?;
                let tempval = self.pop_opt()?;
                let func = self.pop_opt()?;
                let target = self.peek_obj()?;
                let t = target
                    .downcast_ref::<Tasklet>()
                    .ok_or_else(|| corrupt("TASKLET_STATE on a non-tasklet"))?;
                let throw = throw
                    .map(|e| {
                        e.downcast::<PyBaseException>()
                            .map_err(|_| corrupt("a tasklet resumes with a non-exception"))
                    })
                    .transpose()?;
                let (alive, is_main, in_call) = {
                    let st = t.st.borrow();
                    (st.alive, st.is_main, st.in_call)
                };
                if !alive && !frames.is_empty() {
                    return Err(corrupt("a dead tasklet has frames"));
                }
                if !frames.is_empty() {
                    let top = frames.last().expect("a frame");
                    let role = if !in_call {
                        FrameRole::Running
                    } else if top.pc > 0
                        && matches!(
                            top.code.instrs.get(top.pc - 1),
                            Some(crate::bytecode::Instr::ForIter(_))
                        )
                    {
                        FrameRole::Caller(Awaits::NextItem)
                    } else {
                        FrameRole::Caller(Awaits::Result)
                    };
                    self.check_stack(&frames, role, is_main)?;
                }
                let mut st = t.st.borrow_mut();
                if !st.frames.is_empty() {
                    return Err(corrupt("a tasklet's state is given twice"));
                }
                st.frames = frames;
                st.name = name;
                st.throw = throw;
                st.tempval = tempval;
                st.func = func;
            }
            ops::CHANNEL => {
                let flags = self.r.u8()?;
                let preference = self.r.u8()? as i8;
                if flags >> 2 != 0 || !matches!(preference, -1..=1) {
                    return Err(corrupt("a channel's flags are invalid"));
                }
                let cls = self.pop_as::<PyType>("a channel class")?;
                if !cls.fast_issubclass(Channel::class(&vm.ctx)) {
                    return Err(corrupt("a channel of a class that is not one"));
                }
                let st = ChannelState {
                    closing: flags & 1 != 0,
                    schedule_all: flags & 2 != 0,
                    preference,
                    ..ChannelState::default()
                };
                let ch = Channel { st: std::cell::RefCell::new(st) }
                    .into_ref_with_type(vm, cls)
                    .map_err(|e| py_err(vm, "making a channel", e))?;
                self.push(ch.into(), true);
            }
            ops::CHANNEL_QUEUE => {
                let n = self.r.count(2)?;
                let mut kinds = Vec::with_capacity(n);
                for _ in 0..n {
                    let dir = self.r.u8()? as i8;
                    let kind = self.r.u8()?;
                    if !matches!(dir, -1 | 1) || kind > 1 {
                        return Err(corrupt("a channel waiter is invalid"));
                    }
                    kinds.push((dir, kind));
                }
                let items =
                    self.pop_n(n.checked_mul(3).ok_or_else(|| corrupt("a count is too large"))?)?;
                let target = self.peek_obj()?;
                let ch = target
                    .clone()
                    .downcast::<Channel>()
                    .map_err(|_| corrupt("CHANNEL_QUEUE on a non-channel"))?;
                let mut items = items.into_iter();
                for (dir, kind) in kinds {
                    let (Some(t), Some(payload), Some(case)) =
                        (items.next(), items.next(), items.next())
                    else {
                        return Err(corrupt("a channel waiter lacks operands"));
                    };
                    let t = t
                        .downcast::<Tasklet>()
                        .map_err(|_| corrupt("a channel waits with a non-tasklet"))?;
                    let case = if vm.is_none(&case) {
                        None
                    } else {
                        Some(
                            case.downcast::<Case>()
                                .map_err(|_| corrupt("a waiter's case is not one"))?,
                        )
                    };
                    if case.as_ref().is_some_and(|c| !c.channel.is(&ch) || c.dir != dir) {
                        return Err(corrupt("a waiter's case is for another channel"));
                    }
                    let payload = if kind == 0 {
                        Payload::Value(payload)
                    } else {
                        if payload.downcast_ref::<PyBaseException>().is_none() {
                            return Err(corrupt("a channel passes on a non-exception"));
                        }
                        Payload::Raise(payload)
                    };
                    {
                        let mut st = t.st.borrow_mut();
                        if st.blocked == 0 || !st.alive || (st.blocked != 2 && st.blocked != dir) {
                            return Err(corrupt(
                                "a channel holds a tasklet that is not blocked on it",
                            ));
                        }
                        if !st.waits.iter().any(|c| c.is(&ch)) {
                            st.waits.push(ch.clone());
                        }
                    }
                    ch.st.borrow_mut().queue.push_back(Waiter { tasklet: t, dir, payload, case });
                }
            }
            ops::CASE => {
                let dir = self.r.u8()? as i8;
                if !matches!(dir, -1 | 1) {
                    return Err(corrupt("a case's direction is invalid"));
                }
                let value = self.pop_obj()?;
                let channel = self.pop_as::<Channel>("a case's channel")?;
                self.push(Case { channel, dir, value }.into_ref(&vm.ctx).into(), true);
            }
            ops::ATOMIC => {
                let prev = match self.r.u8()? {
                    0 => None,
                    1 => Some(false),
                    2 => Some(true),
                    _ => return Err(corrupt("an atomic's saved flag is invalid")),
                };
                let a = Atomic { prev: std::cell::Cell::new(prev) };
                self.push(a.into_ref(&vm.ctx).into(), true);
            }
            ops::OP => {
                let code = self.r.u8()?;
                let kind = *OpKind::ALL
                    .get(code as usize)
                    .ok_or_else(|| corrupt("an unknown stackless operation"))?;
                let target = self.pop_obj()?;
                let fits = match kind {
                    OpKind::Run
                    | OpKind::Switch
                    | OpKind::Kill
                    | OpKind::Throw
                    | OpKind::RaiseException => target.downcast_ref::<Tasklet>().is_some(),
                    OpKind::Send | OpKind::Receive | OpKind::SendException | OpKind::SendThrow => {
                        target.downcast_ref::<Channel>().is_some()
                    }
                    _ => false,
                };
                if !fits {
                    return Err(corrupt("a stackless operation is bound to the wrong object"));
                }
                self.push(Op { target: Some(target), kind }.into_ref(&vm.ctx).into(), true);
            }
            ops::ANNOTATE => {
                let annotations = self.pop_obj()?;
                self.push(Annotate { annotations }.into_ref(&vm.ctx).into(), true);
            }
            ops::MODULE => {
                let dict = self.pop_as::<PyDict>("a module's dict")?;
                let _name = self.pop_obj()?;
                let module = PyRef::new_ref(
                    rustpython_vm::builtins::PyModule::new(),
                    vm.ctx.types.module_type.to_owned(),
                    Some(dict),
                );
                self.push(module.into(), true);
            }
            ops::CLASS => self.class()?,
            ops::CLASS_ATTRS => {
                let n = self.r.count(0)?;
                let items =
                    self.pop_n(n.checked_mul(2).ok_or_else(|| corrupt("a count is too large"))?)?;
                let target = self.peek_obj()?;
                if !self.classes.contains(&target.get_id()) {
                    return Err(corrupt("CLASS_ATTRS on a class the snapshot did not make"));
                }
                let setattr = vm
                    .ctx
                    .types
                    .type_type
                    .as_object()
                    .get_attr("__setattr__", vm)
                    .map_err(|e| py_err(vm, "type.__setattr__", e))?;
                let mut items = items.into_iter();
                while let (Some(k), Some(v)) = (items.next(), items.next()) {
                    setattr
                        .call((target.clone(), k, v), vm)
                        .map_err(|e| py_err(vm, "a class attribute", e))?;
                }
            }
            ops::CLASS_READY => {
                // 0: a plain class; 1: an abstract one; 2: one with registered classes.
                let flags = self.r.u8()?;
                if flags > 2 {
                    return Err(corrupt("unknown class flags"));
                }
                let registered = if flags == 2 {
                    Some(self.pop_as::<PyTuple>("the classes registered with an ABC")?)
                } else {
                    None
                };
                let target = self.peek_obj()?;
                if flags != 0 {
                    let abc_module =
                        vm.import("_abc", 0).map_err(|e| py_err(vm, "importing _abc", e))?;
                    vm.call_method(&abc_module, "_abc_init", (target.clone(),))
                        .map_err(|e| py_err(vm, "abc bookkeeping", e))?;
                    for class in registered.iter().flat_map(|r| r.iter()) {
                        vm.call_method(
                            &abc_module,
                            "_abc_register",
                            (target.clone(), class.clone()),
                        )
                        .map_err(|e| py_err(vm, "ABCMeta.register()", e))?;
                    }
                }
            }
            ops::NEW_OBJECT | ops::NEW_OBJECT_WITH => {
                let payload = if op == ops::NEW_OBJECT_WITH { Some(self.pop_obj()?) } else { None };
                let cls = self.pop_as::<PyType>("a class")?;
                let base = solid_base(&cls);
                let new = base
                    .as_object()
                    .get_attr("__new__", vm)
                    .map_err(|e| py_err(vm, "__new__", e))?;
                let obj = match payload {
                    Some(p) => new.call((cls.clone(), p), vm),
                    None => new.call((cls.clone(),), vm),
                }
                .map_err(|e| py_err(vm, &format!("making a '{}'", cls.name()), e))?;
                self.push(obj, true);
            }
            ops::SET_DICT => {
                let dict = self.pop_as::<PyDict>("a __dict__")?;
                let target = self.peek_obj()?;
                target
                    .set_dict(Some(dict))
                    .map_err(|_| corrupt("an object without a __dict__ was given one"))?;
            }
            ops::SET_ATTRS => {
                let n = self.r.count(0)?;
                let items =
                    self.pop_n(n.checked_mul(2).ok_or_else(|| corrupt("a count is too large"))?)?;
                let target = self.peek_obj()?;
                let mut items = items.into_iter();
                while let (Some(k), Some(v)) = (items.next(), items.next()) {
                    let name = k
                        .downcast::<PyStr>()
                        .map_err(|_| corrupt("an attribute name is not a string"))?;
                    if let Err(e) =
                        target.generic_setattr(&name, PySetterValue::Assign(v.clone()), vm)
                    {
                        // Read-only fields made from the arguments (an exception group's
                        // `exceptions`) already hold their value.
                        let current = target.get_attr(&name, vm).ok();
                        let same = current
                            .is_some_and(|c| c.is(&v) || vm.bool_eq(&c, &v).unwrap_or(false));
                        if !same {
                            return Err(py_err(vm, "an attribute", e));
                        }
                    }
                }
            }
            ops::EXCEPTION => {
                let args = self.pop_as::<PyTuple>("exception arguments")?;
                let cls = self.pop_as::<PyType>("an exception class")?;
                if !cls.fast_issubclass(vm.ctx.exceptions.base_exception_type) {
                    return Err(corrupt("an exception of a class that is not one"));
                }
                let base = solid_base(&cls);
                let new = base
                    .as_object()
                    .get_attr("__new__", vm)
                    .map_err(|e| py_err(vm, "__new__", e))?;
                let mut call_args = vec![cls.clone().into()];
                call_args.extend(args.as_slice().iter().cloned());
                let exc =
                    new.call(call_args, vm).map_err(|e| py_err(vm, "making an exception", e))?;
                exc.set_attr("args", args, vm).map_err(|e| py_err(vm, "exception arguments", e))?;
                self.push(exc, true);
            }
            ops::EXC_LINKS => {
                let suppress = self.r.u8()? != 0;
                let context = self.pop_opt()?;
                let cause = self.pop_opt()?;
                let target = self.peek_obj()?;
                let exc = target
                    .downcast_ref::<PyBaseException>()
                    .ok_or_else(|| corrupt("EXC_LINKS on a non-exception"))?;
                let as_exc = |o: Option<PyObjectRef>| -> Result<_, SnapshotError> {
                    o.map(|o| {
                        o.downcast::<PyBaseException>().map_err(|_| {
                            corrupt("an exception's cause or context is not an exception")
                        })
                    })
                    .transpose()
                };
                exc.set_cause(as_exc(cause)?);
                exc.set_context(as_exc(context)?);
                target
                    .set_attr("__suppress_context__", vm.ctx.new_bool(suppress), vm)
                    .map_err(|e| py_err(vm, "__suppress_context__", e))?;
            }
            ops::BOUND_METHOD => {
                let this = self.pop_obj()?;
                let func = self.pop_obj()?;
                self.make(
                    vm.ctx.types.bound_method_type.as_object(),
                    (func, this),
                    "a bound method",
                )?;
            }
            ops::GET_ATTR => {
                let name = self.pop_as::<PyStr>("an attribute name")?;
                let owner = self.pop_obj()?;
                let o = owner.get_attr(&name, vm).map_err(|e| py_err(vm, "a method lookup", e))?;
                self.push(o, true);
            }
            ops::PROPERTY => {
                let parts = self.pop_n(4)?;
                self.make(vm.ctx.types.property_type.as_object(), parts, "a property")?;
            }
            ops::STATIC_METHOD | ops::CLASS_METHOD => {
                let f = self.pop_obj()?;
                let t = if op == ops::STATIC_METHOD {
                    vm.ctx.types.staticmethod_type
                } else {
                    vm.ctx.types.classmethod_type
                };
                let m = t
                    .as_object()
                    .call((f,), vm)
                    .map_err(|e| py_err(vm, "a static or class method", e))?;
                self.push(m, true);
            }
            ops::PY_FUNCTION => {
                let parts = self.pop_n(5)?;
                let marshal =
                    vm.import("marshal", 0).map_err(|e| py_err(vm, "importing marshal", e))?;
                let code = vm
                    .call_method(&marshal, "loads", (parts[0].clone(),))
                    .map_err(|e| py_err(vm, "a function's code", e))?;
                let f = vm
                    .ctx
                    .types
                    .function_type
                    .as_object()
                    .call(
                        (
                            code,
                            parts[1].clone(),
                            parts[2].clone(),
                            parts[3].clone(),
                            parts[4].clone(),
                        ),
                        vm,
                    )
                    .map_err(|e| py_err(vm, "a function", e))?;
                self.push(f, true);
            }
            ops::PY_CELL => {
                self.make(vm.ctx.types.cell_type.as_object(), (), "a cell")?;
            }
            ops::REDUCE => {
                let args = self.pop_as::<PyTuple>("reduction arguments")?;
                let callable = self.pop_obj()?;
                let o = callable
                    .call(args.as_slice().to_vec(), vm)
                    .map_err(|e| py_err(vm, "rebuilding an object", e))?;
                self.push(o, true);
            }
            ops::BUILD => {
                let state = self.pop_obj()?;
                let target = self.peek_obj()?;
                self.build(&target, state)?;
            }
            ops::LIST_ITEMS => {
                let n = self.r.count(0)?;
                let items = self.pop_n(n)?;
                let target = self.peek_obj()?;
                for item in items {
                    vm.call_method(&target, "append", (item,))
                        .map_err(|e| py_err(vm, "appending an item", e))?;
                }
            }
            ops::DICT_ITEMS => {
                let n = self.r.count(0)?;
                let items =
                    self.pop_n(n.checked_mul(2).ok_or_else(|| corrupt("a count is too large"))?)?;
                let target = self.peek_obj()?;
                let mut items = items.into_iter();
                while let (Some(k), Some(v)) = (items.next(), items.next()) {
                    // Replayed, as pickle does: classes such as OrderedDict keep order in
                    // structures their `__setitem__` maintains.
                    target.set_item(&*k, v, vm).map_err(|e| py_err(vm, "setting an item", e))?;
                }
            }
            ops::DICT_VIEW => {
                let kind = match self.r.u8()? {
                    0 => "keys",
                    1 => "values",
                    2 => "items",
                    _ => return Err(corrupt("an unknown kind of dict view")),
                };
                let dict = self.pop_as::<PyDict>("a dict view's dict")?;
                let method = vm
                    .ctx
                    .types
                    .dict_type
                    .as_object()
                    .get_attr(kind, vm)
                    .map_err(|e| py_err(vm, "a dict view", e))?;
                let view = method.call((dict,), vm).map_err(|e| py_err(vm, "a dict view", e))?;
                self.push(view, true);
            }
            ops::MAPPING_PROXY => {
                let mapping = self.pop_obj()?;
                self.make(
                    vm.ctx.types.mappingproxy_type.as_object(),
                    (mapping,),
                    "a mapping proxy",
                )?;
            }
            ops::CLASS_ENTRY => {
                let name = self.pop_as::<PyStr>("a descriptor's name")?;
                let owner = self.pop_as::<PyType>("a descriptor's class")?;
                let entry = class_entry(&owner, name.as_wtf8(), vm)
                    .ok_or_else(|| corrupt("a class has no such descriptor"))?;
                self.push(entry, true);
            }
            ops::BIND => {
                let this = self.pop_obj()?;
                let name = self.pop_as::<PyStr>("a method name")?;
                let class = self.pop_as::<PyType>("a method's class")?;
                let descr = class_entry(&class, name.as_wtf8(), vm)
                    .ok_or_else(|| corrupt("a class has no such method"))?;
                let bound = vm
                    .call_get_descriptor(&descr, &this)
                    .ok_or_else(|| corrupt("a method's descriptor does not bind"))?
                    .map_err(|e| py_err(vm, "binding a method", e))?;
                self.push(bound, true);
            }
            ops::SUPER => {
                let this = self.pop_opt()?;
                let class = self.pop_obj()?;
                let super_type = vm.ctx.types.super_type.as_object();
                let made = match this {
                    Some(this) => super_type.call((class, this), vm),
                    None => super_type.call((class,), vm),
                };
                self.push(made.map_err(|e| py_err(vm, "a super object", e))?, true);
            }
            ops::UNION => {
                let args = self.pop_as::<PyTuple>("a union's members")?;
                let mut members = args.as_slice().iter().cloned();
                let first = members.next().ok_or_else(|| corrupt("an empty union"))?;
                let union = members
                    .try_fold(first, |acc, m| vm._or(&acc, &m))
                    .map_err(|e| py_err(vm, "a union", e))?;
                self.push(union, true);
            }
            ops::REDUCE_NEW => {
                let args = self.pop_as::<PyTuple>("reduction arguments")?;
                let cls = self.pop_as::<PyType>("a class")?;
                let new = solid_base(&cls)
                    .as_object()
                    .get_attr("__new__", vm)
                    .map_err(|e| py_err(vm, "__new__", e))?;
                let mut call_args = vec![cls.clone().into()];
                call_args.extend(args.as_slice().iter().cloned());
                let o = new
                    .call(call_args, vm)
                    .map_err(|e| py_err(vm, &format!("making a '{}'", cls.name()), e))?;
                self.push(o, true);
            }
            ops::DEAD_WEAKREF => {
                // A set nothing else holds is freed as soon as the reference to it is made.
                let referent = vm.ctx.types.set_type.as_object().call((), vm);
                let weak = referent
                    .and_then(|o| vm.ctx.types.weakref_type.as_object().call((o,), vm))
                    .map_err(|e| py_err(vm, "a dead weak reference", e))?;
                self.push(weak, true);
            }
            ops::RE_MATCH => {
                let way = self.r.u8()?;
                let &(method, bounded) = MATCH_SEARCHES
                    .get(way as usize)
                    .ok_or_else(|| corrupt("an unknown way to find a match"))?;
                let [pattern, string, start, end]: [PyObjectRef; 4] =
                    self.pop_n(4)?.try_into().expect("four operands");
                let mut args = vec![string, start.clone()];
                if bounded {
                    args.push(end.clone());
                }
                let found = vm
                    .call_method(&pattern, method, args)
                    .map_err(|e| py_err(vm, "searching a match again", e))?;
                let span = vm.call_method(&found, "span", ()).ok();
                let expected = vm.ctx.new_tuple(vec![start, end]);
                if !span.is_some_and(|s| vm.bool_eq(&s, expected.as_object()).unwrap_or(false)) {
                    return Err(corrupt("a match is not found again where it was"));
                }
                self.push(found, true);
            }
            ops::FRAME => {
                let frame = self.frame()?;
                self.stack.push(Item::Frame(Box::new(frame)));
            }
            _ => {
                return Err(SnapshotError::Corrupt(format!(
                    "unknown op {op} at byte {}",
                    self.r.position()
                )))
            }
        }
        Ok(())
    }

    /// Calls a builtin type and memoizes what it makes.
    fn make(
        &mut self,
        callable: &PyObject,
        args: impl IntoFuncArgs,
        what: &str,
    ) -> Result<(), SnapshotError> {
        let made = callable.call(args, self.vm).map_err(|e| py_err(self.vm, what, e))?;
        self.push(made, true);
        Ok(())
    }

    fn function(&mut self) -> Result<(), SnapshotError> {
        let vm = self.vm;
        let r = self.code_ref()?;
        let n_closure = self.r.count(0)?;
        let code = self.codes.get(r, vm)?;
        if n_closure != code.code.freevars.len() {
            return Err(corrupt("a function's closure does not fit its code"));
        }
        let qualname = self.pop_as::<PyStr>("a function's qualified name")?;
        let name = self.pop_as::<PyStr>("a function's name")?;
        let kwdefaults = self
            .pop_opt()?
            .map(|d| d.downcast::<PyDict>().map_err(|_| corrupt("__kwdefaults__ is not a dict")))
            .transpose()?;
        let defaults = self
            .pop_opt()?
            .map(|d| d.downcast::<PyTuple>().map_err(|_| corrupt("__defaults__ is not a tuple")))
            .transpose()?;
        let mut closure = Vec::with_capacity(n_closure);
        for _ in 0..n_closure {
            closure.push(self.pop_as::<Cell>("a closure cell")?);
        }
        closure.reverse();
        let builtins = self.pop_as::<PyDict>("a function's builtins")?;
        let globals = self.pop_as::<PyDict>("a function's globals")?;
        let f = Function {
            code,
            globals,
            builtins,
            closure,
            defaults: PyRwLock::new(defaults),
            kwdefaults: PyRwLock::new(kwdefaults),
            name: PyRwLock::new(name),
            qualname: PyRwLock::new(qualname),
        };
        let f = PyRef::new_ref(f, Function::class(&vm.ctx).to_owned(), Some(vm.ctx.new_dict()));
        self.push(f.into(), true);
        Ok(())
    }

    fn class(&mut self) -> Result<(), SnapshotError> {
        let vm = self.vm;
        let slots = self.pop_opt()?;
        let module = self.pop_opt()?;
        let bases = self.pop_as::<PyTuple>("a class's bases")?;
        let qualname = self.pop_obj()?;
        let name = self.pop_obj()?;
        let meta = self.pop_as::<PyType>("a metaclass")?;
        if !meta.fast_issubclass(vm.ctx.types.type_type) {
            return Err(corrupt("a metaclass that is not a subclass of type"));
        }
        let ns = vm.ctx.new_dict();
        let set = |k: &str, v: PyObjectRef| {
            ns.set_item(k, v, vm).map_err(|e| py_err(vm, "a class namespace", e))
        };
        set("__qualname__", qualname)?;
        if let Some(m) = module {
            set("__module__", m)?;
        }
        if let Some(s) = slots {
            set("__slots__", s)?;
        }
        // Creating the class must not run the program's `__init_subclass__` again: its effects
        // are already in the snapshot. The program's own classes are ours to edit meanwhile.
        let hook = vm.ctx.intern_str("__init_subclass__");
        let mut hidden: Vec<(PyRef<PyType>, PyObjectRef)> = Vec::new();
        for base in bases.as_slice() {
            let Some(base) = base.downcast_ref::<PyType>() else { continue };
            for t in std::iter::once(base.to_owned()).chain(base.mro.read().iter().cloned()) {
                if self.classes.contains(&t.get_id()) {
                    // Edits of a type's dict bypassing setattr must invalidate its caches.
                    t.modified();
                    if let Some(h) = t.attributes.remove(hook) {
                        hidden.push((t, h));
                    }
                }
            }
        }
        let new = vm
            .ctx
            .types
            .type_type
            .as_object()
            .get_attr("__new__", vm)
            .map_err(|e| py_err(vm, "type.__new__", e))?;
        let made = new.call((meta, name, bases, ns), vm);
        for (t, h) in hidden {
            t.modified();
            t.attributes.set(hook, h);
        }
        let cls = made.map_err(|e| py_err(vm, "making a class", e))?;
        if cls
            .downcast_ref::<PyType>()
            .is_none_or(|t| !t.slots.flags.has_feature(PyTypeFlags::HEAPTYPE))
        {
            return Err(corrupt("a class was not made"));
        }
        self.classes.insert(cls.get_id());
        self.push(cls, true);
        Ok(())
    }

    fn build(&self, target: &PyObjectRef, state: PyObjectRef) -> Result<(), SnapshotError> {
        let vm = self.vm;
        if let Ok(Some(setstate)) = vm.get_attribute_opt(target, "__setstate__") {
            setstate.call((state,), vm).map_err(|e| py_err(vm, "__setstate__", e))?;
            return Ok(());
        }
        // pickle's default: a dict updates `__dict__`; `(dict, slots)` sets slots too.
        let (dict_state, slot_state) = match state.downcast_ref::<PyTuple>() {
            Some(t) if t.len() == 2 => {
                (Some(t.as_slice()[0].clone()), Some(t.as_slice()[1].clone()))
            }
            _ => (Some(state), None),
        };
        for (part, into_dict) in [(dict_state, true), (slot_state, false)] {
            let Some(part) = part.filter(|p| !vm.is_none(p)) else { continue };
            let d = part
                .downcast::<PyDict>()
                .map_err(|_| corrupt("an object's state is not a dict"))?;
            for (k, v) in &*d {
                let name: PyStrRef =
                    k.downcast().map_err(|_| corrupt("an attribute name is not a string"))?;
                let done = if into_dict {
                    target.dict().map(|own| own.set_item(&*name, v.clone(), vm))
                } else {
                    None
                };
                match done {
                    Some(r) => r.map_err(|e| py_err(vm, "an attribute", e))?,
                    None => {
                        target.set_attr(&name, v, vm).map_err(|e| py_err(vm, "an attribute", e))?
                    }
                }
            }
        }
        Ok(())
    }

    fn frame(&mut self) -> Result<Frame, SnapshotError> {
        let vm = self.vm;
        let r = self.code_ref()?;
        let code = self.codes.get(r, vm)?;
        let pc = self.r.uvar()?;
        // The counts are checked against the code and the stack below, not the bytes left.
        let n_stack = self.r.u32()? as usize;
        let n_fast = self.r.u32()? as usize;
        let n_cells = self.r.u32()? as usize;
        if n_stack > self.stack.len() {
            return Err(corrupt("a frame has too few operands"));
        }
        let has = self.r.u8()?;
        let completion_kind = self.r.u8()?;
        let c = &code.code;
        if pc >= code.instrs.len() as u64 {
            return Err(corrupt("a frame's position is outside its code"));
        }
        if n_fast != c.varnames.len() || n_cells != c.cell_count() {
            return Err(corrupt("a frame's locals do not fit its code"));
        }
        // A protocol's continuations: (kind, numbers, object count) each, read now because
        // their objects are among the operands.
        let mut protocol = Vec::new();
        let mut protocol_objects = 0;
        let mut protocol_gen = false;
        if completion_kind == 7 {
            let n = self.r.count(3)?;
            if n == 0 || n > MAX_PROTOCOL_DEPTH {
                return Err(corrupt("a protocol has no continuations, or too many"));
            }
            for _ in 0..n {
                let kind = self.r.u8()?;
                let n_ints = self.r.count(1)?;
                if n_ints > MAX_INTS {
                    return Err(corrupt("a continuation has too many numbers"));
                }
                let ints = (0..n_ints).map(|_| self.r.uvar()).collect::<Result<Vec<_>, _>>()?;
                let n_objs = self.r.count(0)?;
                if n_objs > MAX_OBJS {
                    return Err(corrupt("a continuation has too many objects"));
                }
                protocol_objects += n_objs;
                protocol.push((kind, ints, n_objs));
            }
            protocol_gen = match self.r.u8()? {
                0 => false,
                1 => true,
                _ => return Err(corrupt("a protocol's generator flag is neither 0 nor 1")),
            };
        }
        let completion_operands = match completion_kind {
            1 => 5,
            2 | 5 => 1,
            0 | 3 | 4 | 6 | 8 => 0,
            7 => protocol_objects + usize::from(protocol_gen),
            _ => return Err(corrupt("an unknown frame completion")),
        };
        let mut operands = Vec::new();
        for _ in 0..completion_operands {
            operands.push(self.pop_obj()?);
        }
        operands.reverse();
        let handled = if has & 2 != 0 { Some(self.pop_obj()?) } else { None };
        let locals = if has & 1 != 0 { Some(self.pop_obj()?) } else { None };
        let builtins = self.pop_as::<PyDict>("a frame's builtins")?;
        let globals = self.pop_as::<PyDict>("a frame's globals")?;
        if locals.is_none() && c.kind != crate::bytecode::CodeKind::Function {
            return Err(corrupt("a module or class body frame has no namespace"));
        }
        let mut cells = Vec::with_capacity(n_cells);
        for _ in 0..n_cells {
            cells.push(self.pop_as::<Cell>("a frame's cell")?);
        }
        cells.reverse();
        let mut fast = Vec::with_capacity(n_fast);
        for _ in 0..n_fast {
            fast.push(match self.pop()? {
                Item::Unbound => None,
                other => Some(self.value(other)?),
            });
        }
        fast.reverse();
        let mut stack = Vec::with_capacity(n_stack.min(self.stack.len()));
        for _ in 0..n_stack {
            let item = self.pop()?;
            stack.push(self.value(item)?);
        }
        stack.reverse();
        let mut operands = operands.into_iter();
        let mut next = || operands.next().ok_or_else(|| corrupt("a completion lacks operands"));
        let completion = match completion_kind {
            0 => Completion::Push,
            1 => Completion::ClassBody {
                meta: next()?,
                name: next()?,
                bases: next()?,
                kwargs: next()?
                    .downcast::<PyDict>()
                    .map_err(|_| corrupt("class keywords are not a dict"))?,
                namespace: next()?,
            },
            2 => Completion::Init { instance: next()? },
            3 => Completion::IterNext { exhausted: self.r.u32()? },
            4 => Completion::ModuleLoaded,
            5 => {
                let mode = self.r.u8()?;
                let exhausted = self.r.u32()?;
                let mode = match mode {
                    0 => ResumeMode::ForIter { exhausted },
                    1 => ResumeMode::Send,
                    2 => ResumeMode::YieldFrom,
                    3 => ResumeMode::Close,
                    4 => ResumeMode::AsyncGen,
                    5 => ResumeMode::AsyncGenClose,
                    _ => return Err(corrupt("an unknown generator resumption")),
                };
                let gen = next()?;
                if gen_core(&gen).is_none() {
                    return Err(corrupt("a generator frame's owner is not a generator"));
                }
                Completion::Generator { gen, mode }
            }
            7 => {
                let mut conts = Vec::with_capacity(protocol.len());
                for (kind, ints, n_objs) in protocol {
                    let objs = (0..n_objs).map(|_| next()).collect::<Result<Vec<_>, _>>()?;
                    let cont = Continuation::from_parts(Parts { kind, ints, objs }, vm)
                        .map_err(corrupt)?;
                    conts.push(cont);
                }
                let gen = if protocol_gen { Some(next()?) } else { None };
                if gen.as_ref().is_some_and(|g| g.downcast_ref::<Generator>().is_none()) {
                    return Err(corrupt("a protocol's generator frame is not a generator's"));
                }
                Completion::Continue { conts, gen }
            }
            8 => {
                if !Rc::ptr_eq(&code, &self.codes.boot) {
                    return Err(corrupt("a tasklet's first frame runs other code"));
                }
                Completion::Tasklet
            }
            _ => Completion::Main,
        };
        Ok(Frame {
            code,
            pc: pc as usize,
            stack,
            fast,
            cells,
            globals,
            builtins,
            locals,
            completion,
            handled,
        })
    }

    fn value(&self, item: Item) -> Result<Value, SnapshotError> {
        Ok(match item {
            Item::Int(i) => Value::Int(i),
            Item::Float(f) => Value::Float(f),
            Item::Null => Value::Null,
            Item::Obj(o) => Value::Obj(o),
            Item::Unbound | Item::Frame(_) => {
                return Err(corrupt("a frame slot holds a non-value"))
            }
        })
    }

    /// Rejects a frame whose value stack does not have the depth its code has at its position:
    /// the evaluator trusts that depth.
    fn check_depth(&mut self, frame: &Frame, role: FrameRole) -> Result<(), SnapshotError> {
        let code = &frame.code.code;
        let key = std::sync::Arc::as_ptr(code);
        let depths = match self.depths.entry(key) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(entry_depths(code).map_err(|e| {
                    SnapshotError::Corrupt(format!("its code does not analyse: {e}"))
                })?)
            }
        };
        let need = min_depth(code, depths, frame.pc, role);
        match need {
            Some(d) if frame.stack.len() == d as usize => Ok(()),
            Some(_) => Err(corrupt("a frame's value stack does not fit its position")),
            None => Err(corrupt("a frame is paused where no frame can be")),
        }
    }

    /// Checks a frame stack, bottom first: the bottom frame is the main module's
    /// (`main`) or a tasklet's first frame, every frame's value stack fits where it is paused,
    /// and loops wait for the iterators above them. `top`: how the top frame is paused.
    fn check_stack(
        &mut self,
        frames: &[Box<Frame>],
        top: FrameRole,
        main: bool,
    ) -> Result<(), SnapshotError> {
        for (i, frame) in frames.iter().enumerate() {
            let bottom = match frame.completion {
                Completion::Main => Some(true),
                Completion::Tasklet => Some(false),
                _ => None,
            };
            if (i == 0) != bottom.is_some() || (i == 0 && bottom != Some(main)) {
                return Err(corrupt("the main module's or a tasklet's first frame is misplaced"));
            }
            // Where the loop of the frame below goes when this frame's iterator is done.
            let exhausted = match &frame.completion {
                Completion::IterNext { exhausted }
                | Completion::Generator { mode: ResumeMode::ForIter { exhausted }, .. } => {
                    Some(*exhausted)
                }
                _ => None,
            };
            if let (Some(target), Some(caller)) = (exhausted, i.checked_sub(1).map(|c| &frames[c]))
            {
                let at_loop = caller.pc.checked_sub(1).and_then(|p| caller.code.instrs.get(p));
                if !matches!(at_loop, Some(crate::bytecode::Instr::ForIter(t)) if *t == target) {
                    return Err(corrupt("a loop's exit does not match the loop"));
                }
            }
            let role = match frames.get(i + 1) {
                None => top,
                Some(callee) => FrameRole::Caller(awaits(&callee.completion)?),
            };
            self.check_depth(frame, role)?;
        }
        Ok(())
    }

    /// Generators whose frames are on no stack must not claim to be running, and the other
    /// way round; `stacks` are every frame stack of the snapshot.
    fn check_generators(&self, stacks: &[&[Box<Frame>]]) -> Result<(), SnapshotError> {
        let running: HashSet<usize> = stacks
            .iter()
            .flat_map(|frames| frames.iter())
            .filter_map(|f| match &f.completion {
                Completion::Generator { gen, .. } | Completion::Continue { gen: Some(gen), .. } => {
                    Some(gen.get_id())
                }
                _ => None,
            })
            .collect();
        for gen in &self.generators {
            let core = gen_core(gen).expect("made as a generator");
            let has_frame = core.frame.lock().is_some();
            let ok = match core.state.get() {
                GenState::Created | GenState::Suspended => has_frame,
                GenState::Running => !has_frame && running.contains(&gen.get_id()),
                GenState::Finished => !has_frame,
            };
            if !ok {
                return Err(corrupt("a generator's state does not match its frame"));
            }
        }
        Ok(())
    }

    /// The scheduler's part of the `SESSION` op and its objects.
    fn sched(&mut self) -> Result<Option<DecodedSched>, SnapshotError> {
        if self.r.u8()? == 0 {
            return Ok(None);
        }
        let next_id = self.r.uvar()?;
        let select_turn = self.r.uvar()?;
        let watchdog = match self.r.u8()? {
            0 => None,
            1 => {
                let timeout = self.r.uvar()?;
                let flags = self.r.u8()?;
                if flags >> 4 != 0 {
                    return Err(corrupt("the watchdog's flags are invalid"));
                }
                Some(Watchdog {
                    timeout,
                    soft: flags & 1 != 0,
                    total: flags & 2 != 0,
                    armed: flags & 4 != 0,
                    expired: flags & 8 != 0,
                })
            }
            _ => return Err(corrupt("the watchdog's state is invalid")),
        };
        let deadline = self.r.uvar()?;
        let as_tasklets = |o: PyObjectRef| -> Result<Vec<TaskletRef>, SnapshotError> {
            let t =
                o.downcast::<PyTuple>().map_err(|_| corrupt("a tasklet list is not a tuple"))?;
            t.as_slice()
                .iter()
                .map(|t| {
                    t.clone()
                        .downcast::<Tasklet>()
                        .map_err(|_| corrupt("a tasklet list holds a non-tasklet"))
                })
                .collect()
        };
        let tasklets = as_tasklets(self.pop_obj()?)?;
        let queue = as_tasklets(self.pop_obj()?)?;
        let current = self.pop_as::<Tasklet>("the current tasklet")?;
        let main = self.pop_as::<Tasklet>("the main tasklet")?;
        Ok(Some(DecodedSched {
            main,
            current,
            queue,
            tasklets,
            next_id,
            select_turn,
            watchdog,
            deadline,
        }))
    }

    /// Checks the scheduler against the tasklets and the session's stack.
    fn check_sched(&self, s: &DecodedSched) -> Result<(), SnapshotError> {
        let mains = self.tasklets.iter().filter(|t| t.st.borrow().is_main).count();
        if mains != 1 || !s.main.st.borrow().is_main {
            return Err(corrupt("there is not exactly one main tasklet"));
        }
        if !s.queue.first().is_some_and(|t| t.is(&s.current)) {
            return Err(corrupt("the running tasklet is not at the front of the run queue"));
        }
        for (i, t) in s.queue.iter().enumerate() {
            let st = t.st.borrow();
            if !st.alive || st.blocked != 0 || s.queue[..i].iter().any(|q| q.is(t)) {
                return Err(corrupt("the run queue holds a dead, blocked or repeated tasklet"));
            }
        }
        if s.watchdog.is_some() && s.queue.iter().any(|t| t.is(&s.main)) {
            return Err(corrupt("the main tasklet is both in the run queue and the watchdog"));
        }
        for t in &self.tasklets {
            let st = t.st.borrow();
            let frames_ok = if t.is(&s.current) {
                st.frames.is_empty() && !st.in_call && st.throw.is_none()
            } else {
                st.alive != st.frames.is_empty()
            };
            let waits_ok = match st.blocked {
                0 => st.waits.is_empty(),
                2 => !st.waits.is_empty(),
                _ => st.waits.len() == 1,
            };
            if !frames_ok || !waits_ok {
                return Err(corrupt("a tasklet's frames or channels do not fit its state"));
            }
        }
        Ok(())
    }

    fn session(&mut self, waiting_on_host: bool) -> Result<Decoded, SnapshotError> {
        let n_frames = self.r.count(0)?;
        let n_modules = self.r.count(0)?;
        let states = self.r.u8()?;
        if u32::from(states) >> super::MODULE_STATES.len() != 0 {
            return Err(corrupt("an unknown module state"));
        }
        let sched = self.sched()?;
        if !self.r.at_end() {
            return Err(corrupt("there are bytes after the end"));
        }
        let mut module_states = Vec::new();
        for i in (0..super::MODULE_STATES.len()).rev().filter(|i| states & (1 << i) != 0) {
            module_states.push((i, self.pop_obj()?));
        }
        module_states.reverse();
        let mut modules = Vec::with_capacity(n_modules);
        for _ in 0..n_modules {
            let module = self.pop_obj()?;
            let name = self.pop_obj()?;
            if module.downcast_ref::<rustpython_vm::builtins::PyModule>().is_none() {
                return Err(corrupt("a program module is not a module"));
            }
            modules.push((self.str_of(&name, "a module name")?, module));
        }
        modules.reverse();
        let mut frames = Vec::with_capacity(n_frames);
        for _ in 0..n_frames {
            match self.pop()? {
                Item::Frame(f) => frames.push(f),
                _ => return Err(corrupt("the session's stack holds a non-frame")),
            }
        }
        frames.reverse();
        if !self.stack.is_empty() {
            return Err(corrupt("items are left over"));
        }
        if frames.is_empty() {
            return Err(corrupt("the session has no frames"));
        }
        let main_runs = sched.as_ref().is_none_or(|s| s.current.is(&s.main));
        if sched.is_none() && !self.tasklets.is_empty() {
            return Err(corrupt("tasklets without a scheduler"));
        }
        if let Some(s) = &sched {
            self.check_sched(s)?;
        }
        let top = if waiting_on_host { FrameRole::AwaitingHost } else { FrameRole::Running };
        self.check_stack(&frames, top, main_runs)?;
        let tasklets = self.tasklets.clone();
        let borrowed: Vec<std::cell::Ref<'_, TaskletState>> =
            tasklets.iter().map(|t| t.st.borrow()).collect();
        let mut stacks: Vec<&[Box<Frame>]> = vec![&frames];
        stacks.extend(borrowed.iter().map(|st| st.frames.as_slice()));
        self.check_generators(&stacks)?;
        drop(stacks);
        drop(borrowed);
        Ok(Decoded { sched, frames, modules, module_states })
    }

    /// Runs the ops of a pickled tasklet's image, up to and including `TASKLET_IMAGE`.
    pub fn run_image(&mut self) -> Result<TaskletRef, SnapshotError> {
        loop {
            let op = self.r.u8()?;
            if op == ops::TASKLET_IMAGE {
                break;
            }
            self.step(op)?;
        }
        if !self.r.at_end() {
            return Err(corrupt("there are bytes after the end"));
        }
        let root = self.pop_as::<Tasklet>("the pickled tasklet")?;
        if !self.stack.is_empty() {
            return Err(corrupt("items are left over"));
        }
        for t in &self.tasklets {
            let st = t.st.borrow();
            if st.is_main || st.alive == st.frames.is_empty() {
                return Err(corrupt("a pickled tasklet's frames do not fit its state"));
            }
            if st.blocked != 0 && st.waits.is_empty() {
                return Err(corrupt("a blocked tasklet waits on no channel"));
            }
        }
        if root.st.borrow().blocked != 0 {
            return Err(corrupt("the pickled tasklet is blocked"));
        }
        let tasklets = self.tasklets.clone();
        let borrowed: Vec<std::cell::Ref<'_, TaskletState>> =
            tasklets.iter().map(|t| t.st.borrow()).collect();
        let stacks: Vec<&[Box<Frame>]> = borrowed.iter().map(|st| st.frames.as_slice()).collect();
        self.check_generators(&stacks)?;
        drop(stacks);
        drop(borrowed);
        Ok(root)
    }
}
