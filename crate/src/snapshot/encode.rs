//! Writing a paused session as a stack-machine program (see `ops`).
//!
//! The walk runs on an explicit work list, so a 100 000-long linked list or a deep recursion is
//! no deeper on the Rust stack than a flat one. Objects are written the way pickle writes them:
//! an object's constructor operands first, then the object (memoized), then what fills it in;
//! when writing the operands reaches the object itself through a mutable container, the object
//! is made there and the outer attempt drops its operands and refers to the memo instead.

use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use malachite_bigint::BigInt;
use rustpython_vm::builtins::{
    PyByteArray, PyBytes, PyComplex, PyDict, PyFloat, PyFrozenSet, PyInt, PyList, PyModule, PySet,
    PyStr, PyTuple, PyType,
};
use rustpython_vm::object::PyWeak;
use rustpython_vm::types::PyTypeFlags;
use rustpython_vm::{AsObject, Py, PyObjectRef, VirtualMachine};

use super::format::Writer;
use super::ops;
use super::perms::{class_entry, Perm, Registry};
use super::{CaptureError, Label};
use crate::bytecode::{CodeObject, Constant};
use crate::objects::cell::Cell;
use crate::objects::code::Code;
use crate::objects::function::{Annotate, Function};
use crate::objects::generator::{
    gen_core, AsyncGenStep, AsyncGenerator, AsyncOp, Coroutine, GenMethod, GenOp, GenState,
    Generator,
};
use crate::objects::tasklet::{Atomic, Case, Channel, Op, Payload, Tasklet, Waiter};
use crate::objects::traceback::Traceback;
use crate::vm::continuation::{is_heap_type, sleepy_dunder};
use crate::vm::frame::{Completion, Frame, ResumeMode};
use crate::vm::value::Value;
use crate::vm::Unit;

/// Object ids are addresses: a multiply spreads them well enough, at a fraction of SipHash's
/// cost (the memo is the encoder's hottest table).
#[derive(Default)]
pub struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64 ^ (n as u64 >> 29)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

pub type IdMap<V> = HashMap<usize, V, std::hash::BuildHasherDefault<IdHasher>>;

/// A class's member descriptors: name, the interned name object, the descriptor.
type Members = Vec<(String, PyObjectRef, PyObjectRef)>;

/// Mutable containers are filled in batches of this many items, so the decoder's stack stays
/// small whatever the container's size.
const BATCH: usize = 1000;

/// A code object, named by the unit it was compiled from and the constant indices leading to it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CodeRef {
    pub unit: u32,
    pub path: Vec<u32>,
}

pub fn code_refs(units: &[Unit]) -> HashMap<*const CodeObject, CodeRef> {
    let mut refs = HashMap::new();
    for (unit, u) in units.iter().enumerate() {
        let mut work = vec![(u.code.clone(), Vec::new())];
        while let Some((code, path)) = work.pop() {
            for (i, c) in code.consts.iter().enumerate() {
                if let Constant::Code(child) = c {
                    let mut p = path.clone();
                    p.push(i as u32);
                    work.push((child.clone(), p));
                }
            }
            refs.insert(Arc::as_ptr(&code), CodeRef { unit: unit as u32, path });
        }
    }
    refs
}

/// Something to write: each pushes exactly one item on the decoder's stack.
pub enum Item {
    Obj(PyObjectRef),
    /// A function's `__globals__`: made where it is reached, but filled only once what is
    /// being written around it is done. A module's contents are reached from every method of
    /// its classes, and filling them there would rebuild the module's objects (an iterator
    /// over a program object, reduced to `iter(obj)`) while those classes still lack their
    /// methods.
    Globals(PyObjectRef),
    Val(Value),
    Unbound,
    Frame(Box<FramePlan>),
}

/// A frame, read out of its owner (the session's stack or a generator) at once, so no lock is
/// held while its contents are written.
pub struct FramePlan {
    header: Vec<u8>,
    components: Vec<(Label, Item)>,
}

/// How to write one object: operands, the op that makes it, and what fills it in afterwards.
struct Plan {
    components: Vec<(Label, Item)>,
    create: Vec<u8>,
    fills: Vec<Fill>,
}

struct Fill {
    items: Vec<(Label, Item)>,
    op: u8,
    /// `Some(k)`: the op takes a count of units of `k` items and is written per batch.
    unit: Option<usize>,
    suffix: Vec<u8>,
}

impl Fill {
    fn counted(op: u8, unit: usize, items: Vec<(Label, Item)>) -> Fill {
        Fill { items, op, unit: Some(unit), suffix: Vec::new() }
    }

    fn single(op: u8, items: Vec<(Label, Item)>) -> Fill {
        Fill { items, op, unit: None, suffix: Vec::new() }
    }
}

enum Task {
    Save(Item, u32),
    Raw(Vec<u8>),
    Finish { obj: PyObjectRef, n: usize, create: Vec<u8>, fills: Vec<Fill>, at: u32, when: When },
}

/// When an object's fills are written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum When {
    /// Right after the object is made: what the reader builds next may rely on its contents.
    Now,
    /// Once the root being written is done (`Item::Globals`).
    AfterRoot,
    /// After every root: a dict or set whose keys hash through Sleepy code, which reads
    /// the keys' attributes (and maybe module globals) that must all be in place first.
    Last,
}

pub struct Encoder<'a> {
    vm: &'a VirtualMachine,
    pub w: Writer,
    memo: IdMap<u32>,
    /// Everything memoized stays alive until the end, so no id is reused by a temporary.
    keep: Vec<PyObjectRef>,
    /// Objects whose operands are being written, and how many times they were entered.
    in_progress: IdMap<u8>,
    perms: &'a Registry,
    codes: &'a HashMap<*const CodeObject, CodeRef>,
    tasks: Vec<Task>,
    paths: Vec<(u32, Label)>,
    members: HashMap<(usize, bool), Rc<Members>>,
    /// A pickled tasklet: written paused and off its channels.
    pub detach: Option<usize>,
    /// Fills of `Item::Globals` objects, with their memo index: written when the tasks run out.
    deferred: Vec<(u32, Vec<Fill>, u32)>,
    /// Fills written by [`Encoder::write_last`], after every root.
    last: Vec<(u32, Vec<Fill>, u32)>,
}

const NO_PATH: u32 = u32::MAX;

impl<'a> Encoder<'a> {
    pub fn new(
        vm: &'a VirtualMachine,
        perms: &'a Registry,
        codes: &'a HashMap<*const CodeObject, CodeRef>,
    ) -> Self {
        Encoder {
            vm,
            w: Writer::default(),
            memo: IdMap::default(),
            keep: Vec::new(),
            in_progress: IdMap::default(),
            perms,
            codes,
            tasks: Vec::new(),
            paths: Vec::new(),
            members: HashMap::new(),
            detach: None,
            deferred: Vec::new(),
            last: Vec::new(),
        }
    }

    /// Writes `item`, labelled `label` for error messages.
    pub fn write(&mut self, label: Label, item: Item) -> Result<(), CaptureError> {
        let at = self.path(NO_PATH, label);
        self.tasks.push(Task::Save(item, at));
        self.run()
    }

    /// Writes the fills kept for the end ([`When::Last`]); after the last root.
    pub fn write_last(&mut self) -> Result<(), CaptureError> {
        while !self.last.is_empty() {
            let last = std::mem::take(&mut self.last);
            self.refill(last);
            self.run()?;
        }
        Ok(())
    }

    fn run(&mut self) -> Result<(), CaptureError> {
        loop {
            while let Some(task) = self.tasks.pop() {
                match task {
                    Task::Save(item, at) => self.save(item, at)?,
                    Task::Raw(bytes) => self.w.buf.extend_from_slice(&bytes),
                    Task::Finish { obj, n, create, fills, at, when } => {
                        self.finish(obj, n, create, fills, at, when)
                    }
                }
            }
            if self.deferred.is_empty() {
                return Ok(());
            }
            let deferred = std::mem::take(&mut self.deferred);
            self.refill(deferred);
        }
    }

    /// Tasks that fetch each object made earlier, fill it and drop it, leaving the reader's
    /// stack as it was.
    fn refill(&mut self, objects: Vec<(u32, Vec<Fill>, u32)>) {
        for (memo, fills, at) in objects.into_iter().rev() {
            let mut pop = Writer::default();
            pop.u8(ops::POP);
            pop.uvar(1);
            self.tasks.push(Task::Raw(pop.buf));
            for fill in fills.into_iter().rev() {
                self.push_fill(fill, at);
            }
            let mut get = Writer::default();
            get.u8(ops::GET);
            get.uvar(memo.into());
            self.tasks.push(Task::Raw(get.buf));
        }
    }

    fn path(&mut self, parent: u32, label: Label) -> u32 {
        self.paths.push((parent, label));
        (self.paths.len() - 1) as u32
    }

    fn error(&self, at: u32, obj: &PyObjectRef, reason: String) -> CaptureError {
        let mut labels = Vec::new();
        let mut node = at;
        while node != NO_PATH {
            let (parent, label) = &self.paths[node as usize];
            labels.push(label.describe(self.vm));
            node = *parent;
        }
        labels.reverse();
        CaptureError { type_name: obj.class().name().to_string(), path: labels.join(" > "), reason }
    }

    fn memoize(&mut self, obj: PyObjectRef) {
        self.memo.insert(obj.get_id(), self.memo.len() as u32);
        self.keep.push(obj);
    }

    fn push_components(&mut self, components: Vec<(Label, Item)>, at: u32) {
        for (label, item) in components.into_iter().rev() {
            let child = self.path(at, label);
            self.tasks.push(Task::Save(item, child));
        }
    }

    fn save(&mut self, item: Item, at: u32) -> Result<(), CaptureError> {
        match item {
            Item::Val(Value::Int(i)) => {
                self.w.u8(ops::INT);
                self.w.ivar(i);
            }
            Item::Val(Value::Float(f)) => {
                self.w.u8(ops::FLOAT);
                self.w.f64(f);
            }
            Item::Val(Value::Null) => self.w.u8(ops::NULL),
            Item::Val(Value::Obj(o)) | Item::Obj(o) => self.save_obj(o, at, false)?,
            Item::Globals(o) => self.save_obj(o, at, true)?,
            Item::Unbound => self.w.u8(ops::UNBOUND),
            Item::Frame(plan) => {
                let FramePlan { header, components } = *plan;
                self.tasks.push(Task::Raw(header));
                self.push_components(components, at);
            }
        }
        Ok(())
    }

    fn save_obj(&mut self, obj: PyObjectRef, at: u32, defer: bool) -> Result<(), CaptureError> {
        if self.save_number(&obj) {
            return Ok(());
        }
        if let Some(&m) = self.memo.get(&obj.get_id()) {
            self.w.u8(ops::GET);
            self.w.uvar(m.into());
            return Ok(());
        }
        if self.save_atom(&obj) {
            return Ok(());
        }
        let root = self.detach == Some(obj.get_id());
        if let Some(perm) = self.perms.get(&obj).filter(|_| !root) {
            write_perm(&mut self.w, perm);
            self.memoize(obj);
            return Ok(());
        }
        let entered = self.in_progress.entry(obj.get_id()).or_insert(0);
        *entered += 1;
        if *entered > 2 {
            return Err(self.error(
                at,
                &obj,
                "it is part of its own constructor's arguments".into(),
            ));
        }
        let plan = self.plan(&obj).map_err(|reason| self.error(at, &obj, reason))?;
        let n = plan.components.len();
        let (create, fills) = (plan.create, plan.fills);
        let when = if defer {
            When::AfterRoot
        } else if hashes_through_sleepy_code(&obj, self.vm) {
            When::Last
        } else {
            When::Now
        };
        self.tasks.push(Task::Finish { obj, n, create, fills, at, when });
        self.push_components(plan.components, at);
        Ok(())
    }

    fn finish(
        &mut self,
        obj: PyObjectRef,
        n: usize,
        create: Vec<u8>,
        fills: Vec<Fill>,
        at: u32,
        when: When,
    ) {
        let id = obj.get_id();
        if let Some(count) = self.in_progress.get_mut(&id) {
            *count -= 1;
            if *count == 0 {
                self.in_progress.remove(&id);
            }
        }
        if let Some(&m) = self.memo.get(&id) {
            // Made while its operands were written: use that one.
            self.w.u8(ops::POP);
            self.w.uvar(n as u64);
            self.w.u8(ops::GET);
            self.w.uvar(m.into());
            return;
        }
        self.w.buf.extend_from_slice(&create);
        self.memoize(obj);
        let memo = self.memo.len() as u32 - 1;
        match when {
            When::Now => {}
            When::AfterRoot => return self.deferred.push((memo, fills, at)),
            When::Last => return self.last.push((memo, fills, at)),
        }
        for fill in fills.into_iter().rev() {
            self.push_fill(fill, at);
        }
    }

    fn push_fill(&mut self, fill: Fill, at: u32) {
        let Fill { items, op, unit, suffix } = fill;
        match unit {
            None => {
                let mut raw = vec![op];
                raw.extend_from_slice(&suffix);
                self.tasks.push(Task::Raw(raw));
                self.push_components(items, at);
            }
            // Most fills (an instance's few attributes) are one batch: no regrouping.
            Some(k) if !items.is_empty() && items.len() <= BATCH * k => {
                let mut raw = Writer::default();
                raw.u8(op);
                raw.uvar((items.len() / k) as u64);
                self.tasks.push(Task::Raw(raw.buf));
                self.push_components(items, at);
            }
            Some(k) => {
                let mut batches: Vec<Vec<(Label, Item)>> = Vec::new();
                let mut items = items.into_iter().peekable();
                while items.peek().is_some() {
                    batches.push(items.by_ref().take(BATCH * k).collect());
                }
                for batch in batches.into_iter().rev() {
                    let mut raw = Writer::default();
                    raw.u8(op);
                    raw.uvar((batch.len() / k) as u64);
                    self.tasks.push(Task::Raw(raw.buf));
                    self.push_components(batch, at);
                }
            }
        }
    }

    /// Exact ints and floats, the commonest values, written before any memo lookup.
    #[inline]
    fn save_number(&mut self, obj: &PyObjectRef) -> bool {
        if let Some(int) = obj.downcast_ref_if_exact::<PyInt>(self.vm) {
            write_int(&mut self.w, int.as_bigint());
            true
        } else if let Some(f) = obj.downcast_ref_if_exact::<PyFloat>(self.vm) {
            self.w.u8(ops::FLOAT);
            self.w.f64(f.to_f64());
            true
        } else {
            false
        }
    }

    /// Values written in place, without a plan.
    fn save_atom(&mut self, obj: &PyObjectRef) -> bool {
        let vm = self.vm;
        let t = obj.class();
        let types = &vm.ctx.types;
        if vm.is_none(obj) {
            self.w.u8(ops::NONE);
        } else if t.is(types.bool_type) {
            self.w.u8(if obj.is(&vm.ctx.true_value) { ops::TRUE } else { ops::FALSE });
        } else if t.is(types.complex_type) {
            let Some(c) = obj.downcast_ref::<PyComplex>() else { return false };
            let c = c.to_complex();
            self.w.u8(ops::COMPLEX);
            self.w.f64(c.re);
            self.w.f64(c.im);
        } else if t.is(types.ellipsis_type) {
            self.w.u8(ops::ELLIPSIS);
        } else if t.is(types.not_implemented_type) {
            self.w.u8(ops::NOT_IMPLEMENTED);
        } else if t.is(types.str_type) {
            let Some(s) = obj.downcast_ref::<PyStr>() else { return false };
            self.w.u8(ops::STR);
            self.w.bytes(s.as_wtf8().as_bytes());
            self.memoize(obj.clone());
        } else if t.is(types.bytes_type) {
            let Some(b) = obj.downcast_ref::<PyBytes>() else { return false };
            self.w.u8(ops::BYTES);
            self.w.bytes(b.as_bytes());
            self.memoize(obj.clone());
        } else {
            return false;
        }
        true
    }

    fn code_ref(&self, code: &Arc<CodeObject>) -> Result<&CodeRef, String> {
        self.codes
            .get(&Arc::as_ptr(code))
            .ok_or_else(|| format!("its code '{}' was not compiled from a known source", code.name))
    }

    fn plan(&mut self, obj: &PyObjectRef) -> Result<Plan, String> {
        let vm = self.vm;
        let types = &vm.ctx.types;
        let t = obj.class();
        let plan = |components, create: Vec<u8>, fills| Plan { components, create, fills };
        if t.is(types.tuple_type) {
            let tuple = obj.downcast_ref::<PyTuple>().expect("tuple");
            let n = tuple.len();
            return Ok(plan(enumerate(tuple.as_slice().to_vec()), counted(ops::TUPLE, n), vec![]));
        }
        if t.is(types.list_type) {
            let list = obj.downcast_ref::<PyList>().expect("list");
            let elements = list.borrow_vec().to_vec();
            return Ok(plan(
                vec![],
                vec![ops::LIST],
                vec![Fill::counted(ops::APPENDS, 1, enumerate(elements))],
            ));
        }
        if t.is(types.dict_type) {
            let dict = obj.downcast_ref::<PyDict>().expect("dict");
            return Ok(plan(vec![], vec![ops::DICT], vec![dict_fill(dict)]));
        }
        if t.is(types.set_type) {
            let set = obj.downcast_ref::<PySet>().expect("set");
            return Ok(plan(
                vec![],
                vec![ops::SET],
                vec![Fill::counted(ops::ADDS, 1, enumerate(set.elements()))],
            ));
        }
        if t.is(types.frozenset_type) {
            let set = obj.downcast_ref::<PyFrozenSet>().expect("frozenset");
            let elements = set.elements();
            let n = elements.len();
            return Ok(plan(enumerate(elements), counted(ops::FROZEN_SET, n), vec![]));
        }
        if t.is(types.bytearray_type) {
            let b = obj.downcast_ref::<PyByteArray>().expect("bytearray");
            let mut w = Writer::default();
            w.u8(ops::BYTE_ARRAY);
            w.bytes(&b.borrow_buf());
            return Ok(plan(vec![], w.buf, vec![]));
        }
        if let Some(f) = obj.downcast_ref::<Function>() {
            return self.function_plan(obj, f);
        }
        if let Some(cell) = obj.downcast_ref::<Cell>() {
            let fills = cell_fill(cell.get());
            return Ok(plan(vec![], vec![ops::CELL], fills));
        }
        if let Some(code) = obj.downcast_ref::<Code>() {
            let mut w = Writer::default();
            w.u8(ops::CODE);
            write_code_ref(&mut w, self.code_ref(&code.code)?);
            return Ok(plan(vec![], w.buf, vec![]));
        }
        if let Some(tb) = obj.downcast_ref::<Traceback>() {
            let next = tb.next.clone().map_or_else(|| vm.ctx.none(), Into::into);
            let components = vec![
                (Label::Static("tb_next"), Item::Obj(next)),
                (Label::Static("filename"), Item::Obj(vm.ctx.new_str(tb.filename.as_str()).into())),
                (Label::Static("tb_lineno"), Item::Val(Value::Int(tb.lineno.into()))),
                (Label::Static("name"), Item::Obj(vm.ctx.new_str(tb.name.as_str()).into())),
            ];
            return Ok(plan(components, vec![ops::TRACEBACK], vec![]));
        }
        if let Some(core) = gen_core(obj) {
            let kind = if obj.downcast_ref::<Generator>().is_some() {
                0
            } else if obj.downcast_ref::<Coroutine>().is_some() {
                1
            } else {
                debug_assert!(obj.downcast_ref::<AsyncGenerator>().is_some());
                2
            };
            let state = match core.state.get() {
                GenState::Created => 0,
                GenState::Suspended => 1,
                GenState::Running => 2,
                GenState::Finished => 3,
            };
            let components = vec![
                (Label::Static("__name__"), Item::Obj(core.name.read().clone().into())),
                (Label::Static("__qualname__"), Item::Obj(core.qualname.read().clone().into())),
            ];
            let frame = core.frame.lock();
            let fills = match frame.as_ref() {
                Some(frame) => {
                    let f = self.frame_plan(frame, FrameOwner::Generator)?;
                    vec![Fill::single(
                        ops::GEN_FRAME,
                        vec![(Label::Static("its frame"), Item::Frame(Box::new(f)))],
                    )]
                }
                None => vec![],
            };
            return Ok(plan(components, vec![ops::GENERATOR, kind, state], fills));
        }
        if let Some(m) = obj.downcast_ref::<GenMethod>() {
            let op = match m.op {
                GenOp::Send => 0,
                GenOp::Throw => 1,
                GenOp::Close => 2,
            };
            let components = vec![(Label::Static("__self__"), Item::Obj(m.gen.clone()))];
            return Ok(plan(components, vec![ops::GEN_METHOD, op], vec![]));
        }
        if let Some(step) = obj.downcast_ref::<AsyncGenStep>() {
            let (kind, operand) = match &*step.op.lock() {
                None => (0, vm.ctx.none()),
                Some(AsyncOp::Send(v)) => (1, v.clone()),
                Some(AsyncOp::Throw(v)) => (2, v.clone()),
                Some(AsyncOp::Close) => (3, vm.ctx.none()),
            };
            let components = vec![
                (Label::Static("async generator"), Item::Obj(step.agen.clone())),
                (Label::Static("operand"), Item::Obj(operand)),
            ];
            let create = vec![ops::ASYNC_STEP, kind, step.closing.get() as u8];
            return Ok(plan(components, create, vec![]));
        }
        if let Some(plan) = self.stackless_plan(obj)? {
            return Ok(plan);
        }
        if let Some(a) = obj.downcast_ref::<Annotate>() {
            let components = vec![(Label::Static("annotations"), Item::Obj(a.annotations.clone()))];
            return Ok(plan(components, vec![ops::ANNOTATE], vec![]));
        }
        if obj.downcast_ref::<PyModule>().is_some() {
            let dict = obj.dict().ok_or("the module has no __dict__")?;
            let name = dict
                .get_item_opt("__name__", vm)
                .ok()
                .flatten()
                .unwrap_or_else(|| vm.ctx.new_str("?").into());
            let components = vec![
                (Label::Static("__name__"), Item::Obj(name)),
                (Label::Static("__dict__"), Item::Obj(dict.into())),
            ];
            return Ok(plan(components, vec![ops::MODULE], vec![]));
        }
        if let Some(typ) = obj.downcast_ref::<PyType>() {
            if !typ.slots.flags.has_feature(PyTypeFlags::HEAPTYPE) {
                return Err("it is a builtin type that no module names".into());
            }
            return self.class_plan(obj, typ);
        }
        if t.is(types.bound_method_type) {
            let components = vec![
                (
                    Label::Static("__func__"),
                    Item::Obj(obj.get_attr("__func__", vm).map_err(|_| "no __func__")?),
                ),
                (
                    Label::Static("__self__"),
                    Item::Obj(obj.get_attr("__self__", vm).map_err(|_| "no __self__")?),
                ),
            ];
            return Ok(plan(components, vec![ops::BOUND_METHOD], vec![]));
        }
        // RustPython has two types named "method-wrapper" (slot wrappers bound by `super`
        // are not `method_wrapper_type`).
        let builtin_method = t.is(types.builtin_function_or_method_type)
            || t.is(types.method_wrapper_type)
            || &*t.name() == "method-wrapper";
        if builtin_method {
            let owner = obj.get_attr("__self__", vm).map_err(|_| "it has no __self__")?;
            if vm.is_none(&owner) {
                return Err("it is a builtin function that no module names".into());
            }
            let name = obj.get_attr("__name__", vm).map_err(|_| "it has no __name__")?;
            // Bound from a class up the MRO (`super().__init__` reaching `object.__init__`):
            // bound again from that class, since `getattr` would find the most derived one.
            if let Some(class) = defining_class(obj, &owner, &name, vm) {
                let components = vec![
                    (Label::Static("its class"), Item::Obj(class)),
                    (Label::Static("__name__"), Item::Obj(name)),
                    (Label::Static("__self__"), Item::Obj(owner)),
                ];
                return Ok(plan(components, vec![ops::BIND], vec![]));
            }
            let components = vec![
                (Label::Static("__self__"), Item::Obj(owner)),
                (Label::Static("__name__"), Item::Obj(name)),
            ];
            return Ok(plan(components, vec![ops::GET_ATTR], vec![]));
        }
        if t.is(types.property_type) {
            let get = |name| obj.get_attr(name, vm).map_err(|_| format!("it has no {name}"));
            let components = vec![
                (Label::Static("fget"), Item::Obj(get("fget")?)),
                (Label::Static("fset"), Item::Obj(get("fset")?)),
                (Label::Static("fdel"), Item::Obj(get("fdel")?)),
                (Label::Static("__doc__"), Item::Obj(get("__doc__")?)),
            ];
            return Ok(plan(components, vec![ops::PROPERTY], vec![]));
        }
        if t.is(types.staticmethod_type) || t.is(types.classmethod_type) {
            let func = obj.get_attr("__func__", vm).map_err(|_| "it has no __func__")?;
            let op =
                if t.is(types.staticmethod_type) { ops::STATIC_METHOD } else { ops::CLASS_METHOD };
            let fills = dict_of(obj)
                .map(|d| {
                    vec![Fill::single(
                        ops::SET_DICT,
                        vec![(Label::Static("__dict__"), Item::Obj(d))],
                    )]
                })
                .unwrap_or_default();
            return Ok(plan(vec![(Label::Static("__func__"), Item::Obj(func))], vec![op], fills));
        }
        if t.is(types.function_type) {
            return self.py_function_plan(obj);
        }
        let view = [types.dict_keys_type, types.dict_values_type, types.dict_items_type]
            .iter()
            .position(|v| t.is(*v));
        if let Some(kind) = view {
            let dict = obj
                .get_attr("mapping", vm)
                .ok()
                .and_then(|m| referent(&m, vm))
                .ok_or("its dict cannot be found")?;
            let components = vec![(Label::Static("mapping"), Item::Obj(dict))];
            return Ok(plan(components, vec![ops::DICT_VIEW, kind as u8], vec![]));
        }
        if t.is(types.mappingproxy_type) {
            let mapping = referent(obj, vm).ok_or("its mapping cannot be found")?;
            if mapping.downcast_ref::<PyType>().is_some() {
                // `Class.__dict__`.
                let name = Item::Obj(vm.ctx.new_str("__dict__").into());
                let components = vec![
                    (Label::Static("its class"), Item::Obj(mapping)),
                    (Label::Static("__dict__"), name),
                ];
                return Ok(plan(components, vec![ops::GET_ATTR], vec![]));
            }
            return Ok(plan(
                vec![(Label::Static("mapping"), Item::Obj(mapping))],
                vec![ops::MAPPING_PROXY],
                vec![],
            ));
        }
        if t.is(types.getset_type) || t.is(types.member_descriptor_type) {
            // A class's own descriptor, found again in the restored class's namespace.
            let owner = obj.get_attr("__objclass__", vm).map_err(|_| "it has no owner class")?;
            let name = obj.get_attr("__name__", vm).map_err(|_| "it has no name")?;
            let components = vec![
                (Label::Static("__objclass__"), Item::Obj(owner)),
                (Label::Static("__name__"), Item::Obj(name)),
            ];
            return Ok(plan(components, vec![ops::CLASS_ENTRY], vec![]));
        }
        if t.is(types.super_type) {
            let get = |name: &'static str| {
                obj.get_attr(name, vm).map_err(|_| format!("it has no {name}"))
            };
            let components = vec![
                (Label::Static("__thisclass__"), Item::Obj(get("__thisclass__")?)),
                (Label::Static("__self__"), Item::Obj(get("__self__")?)),
            ];
            return Ok(plan(components, vec![ops::SUPER], vec![]));
        }
        if t.is(types.union_type) {
            let args = obj.get_attr("__args__", vm).map_err(|_| "it has no __args__")?;
            return Ok(plan(
                vec![(Label::Static("__args__"), Item::Obj(args))],
                vec![ops::UNION],
                vec![],
            ));
        }
        if let Some(plan) = self.pattern_plan(obj)? {
            return Ok(plan);
        }
        if let Some(plan) = self.match_plan(obj)? {
            return Ok(plan);
        }
        if t.fast_issubclass(types.weakref_type) {
            return self.weakref_plan(obj);
        }
        if t.is(types.cell_type) {
            let contents = obj.get_attr("cell_contents", vm).ok();
            return Ok(plan(vec![], vec![ops::PY_CELL], cell_fill(contents)));
        }
        if t.fast_issubclass(vm.ctx.exceptions.base_exception_type) {
            return self.exception_plan(obj);
        }
        let program_class = t.slots.flags.has_feature(PyTypeFlags::HEAPTYPE)
            && self.perms.get(&t.to_owned().into()).is_none();
        if program_class || t.is(types.object_type) || restored_not_replayed(t, vm) {
            if let Some(plan) = self.instance_plan(obj)? {
                return Ok(plan);
            }
        }
        self.reduce_plan(obj)
    }

    /// Tasklets (their frames by value), channels (with the tasklets blocked on them), the
    /// cases of `select`, `atomic`, and operations bound to a tasklet or channel.
    fn stackless_plan(&self, obj: &PyObjectRef) -> Result<Option<Plan>, String> {
        let vm = self.vm;
        let class_item = || (Label::Static("__class__"), Item::Obj(obj.class().to_owned().into()));
        let dict_fill = || {
            dict_of(obj).map(|d| {
                Fill::single(ops::SET_DICT, vec![(Label::Static("__dict__"), Item::Obj(d))])
            })
        };
        if let Some(t) = obj.downcast_ref::<Tasklet>() {
            let st = t.st.borrow();
            let detached = self.detach == Some(obj.get_id());
            let flags = st.alive as u8
                | (st.is_main as u8) << 1
                | (st.atomic as u8) << 2
                | (st.in_call as u8) << 3;
            let blocked = if detached { 0 } else { st.blocked };
            let mut w = Writer::default();
            w.u8(ops::TASKLET);
            w.u8(flags);
            w.u8(blocked as u8);
            w.uvar(st.id);
            let opt = |o: &Option<PyObjectRef>| o.clone().unwrap_or_else(|| vm.ctx.none());
            let mut items = vec![
                (Label::Static("its function"), Item::Obj(opt(&st.func))),
                (Label::Static("tempval"), Item::Obj(opt(&st.tempval))),
                (
                    Label::Static("the exception it resumes with"),
                    Item::Obj(st.throw.clone().map_or_else(|| vm.ctx.none(), Into::into)),
                ),
                (Label::Static("its name"), Item::Obj(opt(&st.name))),
            ];
            for frame in &st.frames {
                let label = Label::Frame { name: frame.name().to_owned(), line: frame.line() };
                items.push((
                    label,
                    Item::Frame(Box::new(self.frame_plan(frame, FrameOwner::Session)?)),
                ));
            }
            let mut suffix = Writer::default();
            suffix.uvar(st.frames.len() as u64);
            let mut fills =
                vec![Fill { items, op: ops::TASKLET_STATE, unit: None, suffix: suffix.buf }];
            fills.extend(dict_fill());
            return Ok(Some(Plan { components: vec![class_item()], create: w.buf, fills }));
        }
        if let Some(ch) = obj.downcast_ref::<Channel>() {
            let st = ch.st.borrow();
            let mut w = Writer::default();
            w.u8(ops::CHANNEL);
            w.u8(st.closing as u8 | (st.schedule_all as u8) << 1);
            w.u8(st.preference as u8);
            let mut items = Vec::new();
            let mut suffix = Writer::default();
            let waiters: Vec<&Waiter> = st
                .queue
                .iter()
                .filter(|w| Some(w.tasklet.as_object().get_id()) != self.detach)
                .collect();
            suffix.uvar(waiters.len() as u64);
            for (i, waiter) in waiters.into_iter().enumerate() {
                let (kind, payload) = match &waiter.payload {
                    Payload::Value(v) => (0u8, v.clone()),
                    Payload::Raise(e) => (1u8, e.clone()),
                };
                suffix.u8(waiter.dir as u8);
                suffix.u8(kind);
                items.push((Label::Item(i), Item::Obj(waiter.tasklet.clone().into())));
                items.push((Label::Item(i), Item::Obj(payload)));
                let case = waiter.case.clone().map_or_else(|| vm.ctx.none(), Into::into);
                items.push((Label::Item(i), Item::Obj(case)));
            }
            let mut fills =
                vec![Fill { items, op: ops::CHANNEL_QUEUE, unit: None, suffix: suffix.buf }];
            fills.extend(dict_fill());
            return Ok(Some(Plan { components: vec![class_item()], create: w.buf, fills }));
        }
        if let Some(case) = obj.downcast_ref::<Case>() {
            let components = vec![
                (Label::Static("its channel"), Item::Obj(case.channel.clone().into())),
                (Label::Static("its value"), Item::Obj(case.value.clone())),
            ];
            return Ok(Some(Plan {
                components,
                create: vec![ops::CASE, case.dir as u8],
                fills: vec![],
            }));
        }
        if let Some(a) = obj.downcast_ref::<Atomic>() {
            let prev = match a.prev.get() {
                None => 0,
                Some(false) => 1,
                Some(true) => 2,
            };
            return Ok(Some(Plan {
                components: vec![],
                create: vec![ops::ATOMIC, prev],
                fills: vec![],
            }));
        }
        if let Some(op) = obj.downcast_ref::<Op>() {
            let target =
                op.target.clone().ok_or("it is a stackless function that no module names")?;
            let components = vec![(Label::Static("__self__"), Item::Obj(target))];
            return Ok(Some(Plan {
                components,
                create: vec![ops::OP, op.kind.code()],
                fills: vec![],
            }));
        }
        Ok(None)
    }

    fn function_plan(&self, obj: &PyObjectRef, f: &Function) -> Result<Plan, String> {
        let vm = self.vm;
        let mut w = Writer::default();
        w.u8(ops::FUNCTION);
        write_code_ref(&mut w, self.code_ref(&f.code.code)?);
        w.uvar(f.closure.len() as u64);
        let mut components = vec![
            (Label::Static("__globals__"), Item::Globals(f.globals.clone().into())),
            (Label::Static("__builtins__"), Item::Obj(f.builtins.clone().into())),
        ];
        for (cell, name) in f.closure.iter().zip(&f.code.code.freevars) {
            components.push((Label::Cell(name.clone()), Item::Obj(cell.clone().into())));
        }
        let defaults = f.defaults.read().clone().map_or_else(|| vm.ctx.none(), Into::into);
        let kwdefaults = f.kwdefaults.read().clone().map_or_else(|| vm.ctx.none(), Into::into);
        components.push((Label::Static("__defaults__"), Item::Obj(defaults)));
        components.push((Label::Static("__kwdefaults__"), Item::Obj(kwdefaults)));
        components.push((Label::Static("__name__"), Item::Obj(f.name.read().clone().into())));
        components
            .push((Label::Static("__qualname__"), Item::Obj(f.qualname.read().clone().into())));
        let fills = dict_of(obj)
            .map(|d| {
                vec![Fill::single(ops::SET_DICT, vec![(Label::Static("__dict__"), Item::Obj(d))])]
            })
            .unwrap_or_default();
        Ok(Plan { components, create: w.buf, fills })
    }

    fn py_function_plan(&self, obj: &PyObjectRef) -> Result<Plan, String> {
        let vm = self.vm;
        let get =
            |name: &'static str| obj.get_attr(name, vm).map_err(|_| format!("it has no {name}"));
        let code = get("__code__")?;
        let marshal = vm.import("marshal", 0).map_err(|_| "marshal is missing")?;
        let dumped = vm
            .call_method(&marshal, "dumps", (code,))
            .map_err(|_| "its code cannot be marshalled".to_owned())?;
        let components = vec![
            (Label::Static("__code__"), Item::Obj(dumped)),
            (Label::Static("__globals__"), Item::Obj(get("__globals__")?)),
            (Label::Static("__name__"), Item::Obj(get("__name__")?)),
            (Label::Static("__defaults__"), Item::Obj(get("__defaults__")?)),
            (Label::Static("__closure__"), Item::Obj(get("__closure__")?)),
        ];
        let mut attrs = Vec::new();
        for name in ["__qualname__", "__kwdefaults__", "__module__", "__doc__"] {
            attrs.push((Label::Static(name), Item::Obj(vm.ctx.new_str(name).into())));
            attrs.push((Label::Static(name), Item::Obj(get(name)?)));
        }
        let mut fills = vec![Fill::counted(ops::SET_ATTRS, 2, attrs)];
        if let Some(d) = dict_of(obj) {
            fills
                .push(Fill::single(ops::SET_DICT, vec![(Label::Static("__dict__"), Item::Obj(d))]));
        }
        Ok(Plan { components, create: vec![ops::PY_FUNCTION], fills })
    }

    fn class_plan(&self, obj: &PyObjectRef, typ: &PyType) -> Result<Plan, String> {
        let vm = self.vm;
        let get =
            |name: &'static str| obj.get_attr(name, vm).map_err(|_| format!("it has no {name}"));
        let slots =
            typ.attributes.get(vm.ctx.intern_str("__slots__")).unwrap_or_else(|| vm.ctx.none());
        let module =
            typ.attributes.get(vm.ctx.intern_str("__module__")).unwrap_or_else(|| vm.ctx.none());
        let bases: Vec<PyObjectRef> = typ.bases.read().iter().map(|b| b.clone().into()).collect();
        let components = vec![
            (Label::Static("metaclass"), Item::Obj(obj.class().to_owned().into())),
            (Label::Static("__name__"), Item::Obj(get("__name__")?)),
            (Label::Static("__qualname__"), Item::Obj(get("__qualname__")?)),
            (Label::Static("__bases__"), Item::Obj(vm.ctx.new_tuple(bases).into())),
            (Label::Static("__module__"), Item::Obj(module)),
            (Label::Static("__slots__"), Item::Obj(slots)),
        ];
        let mut attrs = Vec::new();
        let mut abc = false;
        for (name, value) in typ.attributes.entries() {
            let Some(key) = name.downcast_ref::<PyStr>() else { continue };
            let key = key.to_string();
            if key == "_abc_impl" {
                // ABCMeta's native bookkeeping: rebuilt by `abc._abc_init` on restore.
                abc = true;
                continue;
            }
            if made_by_class_creation(&value, obj, vm) {
                continue;
            }
            attrs.push((Label::Attr(key.clone()), Item::Obj(name)));
            attrs.push((Label::Attr(key), Item::Obj(value)));
        }
        // 0: a plain class; 1: an abstract one; 2: one with registered classes, as a tuple.
        let registered = if abc { abc_registered(obj, vm)? } else { Vec::new() };
        let (flags, items) = match (abc, registered.is_empty()) {
            (false, _) => (0, vec![]),
            (true, true) => (1, vec![]),
            (true, false) => {
                let registered = vm.ctx.new_tuple(registered).into();
                (2, vec![(Label::Static("ABCMeta.register()ed classes"), Item::Obj(registered))])
            }
        };
        let ready = Fill { items, op: ops::CLASS_READY, unit: None, suffix: vec![flags] };
        let fills = vec![Fill::counted(ops::CLASS_ATTRS, 2, attrs), ready];
        Ok(Plan { components, create: vec![ops::CLASS], fills })
    }

    fn exception_plan(&mut self, obj: &PyObjectRef) -> Result<Plan, String> {
        let vm = self.vm;
        let get =
            |name: &'static str| obj.get_attr(name, vm).map_err(|_| format!("it has no {name}"));
        let components = vec![
            (Label::Static("__class__"), Item::Obj(obj.class().to_owned().into())),
            (Label::Static("args"), Item::Obj(get("args")?)),
        ];
        let suppress =
            get("__suppress_context__")?.try_to_bool(vm).map_err(|_| "bad __suppress_context__")?;
        let mut fills = vec![Fill {
            items: vec![
                (Label::Static("__cause__"), Item::Obj(get("__cause__")?)),
                (Label::Static("__context__"), Item::Obj(get("__context__")?)),
            ],
            op: ops::EXC_LINKS,
            unit: None,
            suffix: vec![suppress as u8],
        }];
        // The fields builtin exception types keep outside `__dict__` (`errno`, `value`, …).
        let members = self.member_values(obj, false);
        if !members.is_empty() {
            fills.push(Fill::counted(ops::SET_ATTRS, 2, members));
        }
        if let Some(d) = dict_of(obj) {
            fills
                .push(Fill::single(ops::SET_DICT, vec![(Label::Static("__dict__"), Item::Obj(d))]));
        }
        Ok(Plan { components, create: vec![ops::EXCEPTION], fills })
    }

    /// Instances of the program's classes, by value: made by their builtin base's `__new__`,
    /// then given their payload, `__dict__` and slots. None when the base keeps state that only
    /// `__reduce_ex__` can reach.
    fn instance_plan(&mut self, obj: &PyObjectRef) -> Result<Option<Plan>, String> {
        let vm = self.vm;
        let types = &vm.ctx.types;
        let cls: PyObjectRef = obj.class().to_owned().into();
        let base = solid_base(obj.class());
        let mut components = vec![(Label::Static("__class__"), Item::Obj(cls))];
        let mut fills = Vec::new();
        let payload: Option<PyObjectRef> = if base.is(types.object_type) {
            None
        } else if base.is(types.list_type) {
            let items = obj.downcast_ref::<PyList>().ok_or("not a list")?.borrow_vec().to_vec();
            fills.push(Fill::counted(ops::APPENDS, 1, enumerate(items)));
            None
        } else if base.is(types.dict_type) {
            fills.push(dict_fill(obj.downcast_ref::<PyDict>().ok_or("not a dict")?));
            None
        } else if base.is(types.set_type) {
            let items = obj.downcast_ref::<PySet>().ok_or("not a set")?.elements();
            fills.push(Fill::counted(ops::ADDS, 1, enumerate(items)));
            None
        } else if base.is(types.int_type) {
            Some(
                vm.ctx
                    .new_bigint(obj.downcast_ref::<PyInt>().ok_or("not an int")?.as_bigint())
                    .into(),
            )
        } else if base.is(types.float_type) {
            Some(
                vm.ctx
                    .new_float(obj.downcast_ref::<PyFloat>().ok_or("not a float")?.to_f64())
                    .into(),
            )
        } else if base.is(types.str_type) {
            Some(
                vm.ctx
                    .new_str(obj.downcast_ref::<PyStr>().ok_or("not a str")?.as_wtf8().to_owned())
                    .into(),
            )
        } else if base.is(types.bytes_type) {
            Some(
                vm.ctx
                    .new_bytes(
                        obj.downcast_ref::<PyBytes>().ok_or("not bytes")?.as_bytes().to_vec(),
                    )
                    .into(),
            )
        } else if base.is(types.tuple_type) {
            Some(
                vm.ctx
                    .new_tuple(
                        obj.downcast_ref::<PyTuple>().ok_or("not a tuple")?.as_slice().to_vec(),
                    )
                    .into(),
            )
        } else if base.is(types.frozenset_type) {
            let elements = obj.downcast_ref::<PyFrozenSet>().ok_or("not a frozenset")?.elements();
            Some(
                types
                    .frozenset_type
                    .as_object()
                    .call((vm.ctx.new_tuple(elements),), vm)
                    .map_err(|_| "frozenset")?,
            )
        } else {
            return Ok(None);
        };
        let create = match payload {
            Some(p) => {
                components.push((Label::Static("value"), Item::Obj(p)));
                ops::NEW_OBJECT_WITH
            }
            None => ops::NEW_OBJECT,
        };
        let slots = self.member_values(obj, true);
        if !slots.is_empty() {
            fills.push(Fill::counted(ops::SET_ATTRS, 2, slots));
        }
        if let Some(d) = dict_of(obj) {
            fills
                .push(Fill::single(ops::SET_DICT, vec![(Label::Static("__dict__"), Item::Obj(d))]));
        }
        Ok(Some(Plan { components, create: vec![create], fills }))
    }

    /// The member descriptors (slots) of `cls`'s MRO, of heap classes (`heap`) or of builtin
    /// ones, by name; looked up once per class.
    fn members(&mut self, cls: &Py<PyType>, heap: bool) -> Rc<Members> {
        let vm = self.vm;
        let key = (cls.get_id(), heap);
        if let Some(m) = self.members.get(&key) {
            return m.clone();
        }
        let mut found: Members = Vec::new();
        let mro: Vec<_> = cls.mro.read().clone();
        for t in std::iter::once(cls.to_owned()).chain(mro) {
            if t.slots.flags.has_feature(PyTypeFlags::HEAPTYPE) != heap {
                continue;
            }
            for (name, descr) in t.attributes.entries() {
                if !descr.class().is(vm.ctx.types.member_descriptor_type) {
                    continue;
                }
                let Some(key) = name.downcast_ref::<PyStr>().map(|s| s.to_string()) else {
                    continue;
                };
                if key != "__suppress_context__" && !found.iter().any(|(k, _, _)| *k == key) {
                    found.push((key, name, descr));
                }
            }
        }
        let found = Rc::new(found);
        self.keep.push(cls.to_owned().into());
        self.members.insert(key, found.clone());
        found
    }

    /// Values held by `obj`'s member descriptors (see `members`), as name/value pairs; unset
    /// slots are left out.
    fn member_values(&mut self, obj: &PyObjectRef, heap: bool) -> Vec<(Label, Item)> {
        let vm = self.vm;
        let members = self.members(obj.class(), heap);
        let mut pairs = Vec::new();
        for (key, name, descr) in members.iter() {
            let Ok(value) = vm.call_method(descr, "__get__", (obj.clone(),)) else { continue };
            pairs.push((Label::Attr(key.clone()), Item::Obj(name.clone())));
            pairs.push((Label::Attr(key.clone()), Item::Obj(value)));
        }
        pairs
    }

    /// Compiled regular expressions, which RustPython cannot reduce: `re.compile` again.
    fn pattern_plan(&self, obj: &PyObjectRef) -> Result<Option<Plan>, String> {
        let vm = self.vm;
        if !is_re_class(obj, "Pattern", vm) {
            return Ok(None);
        }
        let compile = vm
            .import("re", 0)
            .and_then(|re| re.get_attr("compile", vm))
            .map_err(|_| "re.compile is missing")?;
        let get =
            |name: &'static str| obj.get_attr(name, vm).map_err(|_| format!("it has no {name}"));
        let args = vm.ctx.new_tuple(vec![get("pattern")?, get("flags")?]);
        let components = vec![
            (Label::Static("re.compile"), Item::Obj(compile)),
            (Label::Static("pattern and flags"), Item::Obj(args.into())),
        ];
        Ok(Some(Plan { components, create: vec![ops::REDUCE], fills: vec![] }))
    }

    /// Weak references by value, with their referents (which the restored program holds as
    /// strongly as before, or lets go, and the callback runs then): `weakref.ref(referent,
    /// callback)`, or `KeyedRef(referent, callback, key)` for `WeakValueDictionary`'s; a dead
    /// `ref` as a dead one.
    fn weakref_plan(&self, obj: &PyObjectRef) -> Result<Plan, String> {
        let vm = self.vm;
        let weak = obj.downcast_ref::<PyWeak>().ok_or("it is not a weak reference")?;
        let t = obj.class();
        let Some(referent) = weak.upgrade() else {
            if t.is(vm.ctx.types.weakref_type) {
                return Ok(Plan {
                    components: vec![],
                    create: vec![ops::DEAD_WEAKREF],
                    fills: vec![],
                });
            }
            return Err("its referent is gone".into());
        };
        let callback = obj.get_attr("__callback__", vm).map_err(|_| "it has no __callback__")?;
        let mut args = vec![referent, callback];
        if !t.is(vm.ctx.types.weakref_type) {
            let module = t.as_object().get_attr("__module__", vm).ok();
            let in_weakref = module.is_some_and(|m| {
                m.downcast_ref::<PyStr>().is_some_and(|m| m.as_bytes() == b"weakref")
            });
            if !(in_weakref && &*t.name() == "KeyedRef") {
                return Err("it is a weak reference of a class other than ref and KeyedRef".into());
            }
            args.push(obj.get_attr("key", vm).map_err(|_| "it has no key")?);
        }
        let components = vec![
            (Label::Static("its class"), Item::Obj(t.to_owned().into())),
            (Label::Static("referent and callback"), Item::Obj(vm.ctx.new_tuple(args).into())),
        ];
        Ok(Plan { components, create: vec![ops::REDUCE], fills: vec![] })
    }

    /// Regular-expression matches, which RustPython cannot reduce: searched for again from
    /// where they start, by the first of [`MATCH_SEARCHES`] that finds the same groups.
    fn match_plan(&self, obj: &PyObjectRef) -> Result<Option<Plan>, String> {
        let vm = self.vm;
        if !is_re_class(obj, "Match", vm) {
            return Ok(None);
        }
        let get =
            |name: &'static str| obj.get_attr(name, vm).map_err(|_| format!("it has no {name}"));
        let (pattern, string, regs) = (get("re")?, get("string")?, get("regs")?);
        let span = vm.call_method(obj, "span", ()).map_err(|_| "it has no span")?;
        let span = span.downcast_ref::<PyTuple>().ok_or("its span is not a tuple")?;
        let (start, end) = (span.as_slice()[0].clone(), span.as_slice()[1].clone());
        let same = |&(method, bounded): &(&str, bool)| {
            let mut args = vec![string.clone(), start.clone()];
            if bounded {
                args.push(end.clone());
            }
            vm.call_method(&pattern, method, args)
                .and_then(|m| m.get_attr("regs", vm))
                .and_then(|r| vm.bool_eq(&r, &regs))
                .unwrap_or(false)
        };
        let way = MATCH_SEARCHES
            .iter()
            .position(same)
            .ok_or("searching its string again does not find the same match")?;
        let components = vec![
            (Label::Static("re"), Item::Obj(pattern)),
            (Label::Static("string"), Item::Obj(string)),
            (Label::Static("start"), Item::Obj(start)),
            (Label::Static("end"), Item::Obj(end)),
        ];
        Ok(Some(Plan { components, create: vec![ops::RE_MATCH, way as u8], fills: vec![] }))
    }

    fn reduce_plan(&self, obj: &PyObjectRef) -> Result<Plan, String> {
        let vm = self.vm;
        let reduced = vm.call_method(obj, "__reduce_ex__", (4,)).map_err(|e| {
            let msg = e.as_object().str(vm).map(|s| s.to_string()).unwrap_or_default();
            format!("it cannot be reduced ({}: {msg})", e.class().name())
        })?;
        if let Some(name) = reduced.downcast_ref::<PyStr>() {
            let module = obj
                .get_attr("__module__", vm)
                .map_err(|_| "it names itself but has no __module__")?;
            let module = module.downcast_ref::<PyStr>().ok_or("its __module__ is not a string")?;
            let mut w = Writer::default();
            w.u8(ops::GLOBAL);
            w.str(module.as_ref());
            w.str(name.as_ref());
            return Ok(Plan { components: vec![], create: w.buf, fills: vec![] });
        }
        let parts = reduced
            .downcast_ref::<PyTuple>()
            .ok_or("__reduce_ex__ returned neither a tuple nor a string")?;
        let parts = parts.as_slice();
        if !(2..=6).contains(&parts.len()) {
            return Err("__reduce_ex__ returned a tuple of the wrong size".into());
        }
        let part = |i: usize| parts.get(i).filter(|p| !vm.is_none(p)).cloned();
        if part(5).is_some() {
            return Err("its reduction uses a state setter".into());
        }
        if part(1).is_none_or(|a| a.downcast_ref::<PyTuple>().is_none()) {
            return Err("its reduction's arguments are not a tuple".into());
        }
        // A program class (of a base only `__reduce_ex__` can read) named as its own
        // constructor would run the program's `__init__` again: its base's `__new__` makes it.
        let own_class = parts[0].is(obj.class()) && self.perms.get(&parts[0]).is_none();
        let components = vec![
            (Label::Static("reduction callable"), Item::Obj(parts[0].clone())),
            (Label::Static("reduction arguments"), Item::Obj(parts[1].clone())),
        ];
        let create = if own_class { ops::REDUCE_NEW } else { ops::REDUCE };
        // pickle's order: items first, then the state.
        let mut fills = Vec::new();
        if let Some(items) = part(3) {
            let items = collect(&items, vm)?;
            fills.push(Fill::counted(ops::LIST_ITEMS, 1, enumerate(items)));
        }
        if let Some(items) = part(4) {
            let mut pairs = Vec::new();
            for (i, pair) in collect(&items, vm)?.into_iter().enumerate() {
                let pair = pair
                    .downcast_ref::<PyTuple>()
                    .filter(|p| p.len() == 2)
                    .ok_or("its dict items are not pairs")?;
                pairs.push((Label::Item(i), Item::Obj(pair.as_slice()[0].clone())));
                pairs.push((Label::Item(i), Item::Obj(pair.as_slice()[1].clone())));
            }
            fills.push(Fill::counted(ops::DICT_ITEMS, 2, pairs));
        }
        let state = part(2);
        // The attributes of an instance of a program's subclass, when its base's own
        // `__reduce__` (itertools', …) leaves them out, as pickle would lose them too.
        let carries_dict = state.as_ref().is_some_and(|s| {
            s.downcast_ref::<PyDict>().is_some()
                || s.downcast_ref::<PyTuple>().is_some_and(|t| {
                    t.len() == 2 && t.as_slice()[0].downcast_ref::<PyDict>().is_some()
                })
        });
        if let Some(state) = state {
            fills.push(Fill::single(ops::BUILD, vec![(Label::Static("state"), Item::Obj(state))]));
        }
        if let Some(d) = dict_of(obj).filter(|_| !carries_dict) {
            fills
                .push(Fill::single(ops::SET_DICT, vec![(Label::Static("__dict__"), Item::Obj(d))]));
        }
        Ok(Plan { components, create: vec![create], fills })
    }

    /// Reads a frame into a plan: header bytes and operands.
    pub fn frame_plan(&self, frame: &Frame, owner: FrameOwner) -> Result<FramePlan, String> {
        let code = &frame.code.code;
        let mut w = Writer::default();
        w.u8(ops::FRAME);
        write_code_ref(&mut w, self.code_ref(code)?);
        w.uvar(frame.pc as u64);
        w.uvar(frame.stack.len() as u64);
        w.uvar(frame.fast.len() as u64);
        w.uvar(frame.cells.len() as u64);
        w.u8(frame.locals.is_some() as u8 | (frame.handled.is_some() as u8) << 1);
        let mut components: Vec<(Label, Item)> = Vec::new();
        for (i, v) in frame.stack.iter().enumerate() {
            components.push((Label::Stack(i), Item::Val(v.clone())));
        }
        for (i, v) in frame.fast.iter().enumerate() {
            let name = code.varnames.get(i).cloned().unwrap_or_default();
            components.push((Label::Local(name), v.clone().map_or(Item::Unbound, Item::Val)));
        }
        let cell_names = code.cellvars.iter().chain(&code.freevars);
        for (cell, name) in frame.cells.iter().zip(cell_names) {
            components.push((Label::Cell(name.clone()), Item::Obj(cell.clone().into())));
        }
        components.push((Label::Static("globals"), Item::Obj(frame.globals.clone().into())));
        components.push((Label::Static("builtins"), Item::Obj(frame.builtins.clone().into())));
        if let Some(l) = &frame.locals {
            components.push((Label::Static("locals"), Item::Obj(l.clone())));
        }
        if let Some(h) = &frame.handled {
            components.push((Label::Static("the exception being handled"), Item::Obj(h.clone())));
        }
        // A suspended generator's completion is set afresh whenever it is resumed.
        let completion = match owner {
            FrameOwner::Session => &frame.completion,
            FrameOwner::Generator => &Completion::Push,
        };
        match completion {
            Completion::Push => w.u8(0),
            Completion::ClassBody { meta, name, bases, kwargs, namespace } => {
                w.u8(1);
                for (label, o) in [
                    ("metaclass", meta.clone()),
                    ("class name", name.clone()),
                    ("bases", bases.clone()),
                    ("class keywords", kwargs.clone().into()),
                    ("class namespace", namespace.clone()),
                ] {
                    components.push((Label::Static(label), Item::Obj(o)));
                }
            }
            Completion::Init { instance } => {
                w.u8(2);
                components.push((
                    Label::Static("instance being initialised"),
                    Item::Obj(instance.clone()),
                ));
            }
            Completion::IterNext { exhausted } => {
                w.u8(3);
                w.uvar((*exhausted).into());
            }
            Completion::ModuleLoaded => w.u8(4),
            Completion::Generator { gen, mode } => {
                w.u8(5);
                let (m, exhausted) = match mode {
                    ResumeMode::ForIter { exhausted } => (0, *exhausted),
                    ResumeMode::Send => (1, 0),
                    ResumeMode::YieldFrom => (2, 0),
                    ResumeMode::Close => (3, 0),
                    ResumeMode::AsyncGen => (4, 0),
                    ResumeMode::AsyncGenClose => (5, 0),
                };
                w.u8(m);
                w.uvar(exhausted.into());
                components.push((Label::Static("its generator"), Item::Obj(gen.clone())));
            }
            Completion::Main => w.u8(6),
            Completion::Tasklet => w.u8(8),
            Completion::Continue { conts, gen } => {
                w.u8(7);
                w.uvar(conts.len() as u64);
                for cont in conts {
                    let parts = cont.to_parts(self.vm);
                    w.u8(parts.kind);
                    w.uvar(parts.ints.len() as u64);
                    for i in parts.ints {
                        w.uvar(i);
                    }
                    w.uvar(parts.objs.len() as u64);
                    for o in parts.objs {
                        components.push((Label::Static("a protocol in progress"), Item::Obj(o)));
                    }
                }
                w.u8(gen.is_some() as u8);
                if let Some(gen) = gen {
                    components.push((Label::Static("its generator"), Item::Obj(gen.clone())));
                }
            }
            Completion::Nested => return Err("a native call into Python code is running".into()),
        }
        Ok(FramePlan { header: w.buf, components })
    }
}

/// Who holds a frame: the session's stack, or a suspended generator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameOwner {
    Session,
    Generator,
}

/// The class in `owner`'s MRO whose own namespace entry `name`, bound to `owner`, is the
/// builtin method `bound`; None for methods of modules and other non-class owners.
fn defining_class(
    bound: &PyObjectRef,
    owner: &PyObjectRef,
    name: &PyObjectRef,
    vm: &VirtualMachine,
) -> Option<PyObjectRef> {
    let name = name.downcast_ref::<PyStr>()?;
    let mro: Vec<_> = owner.class().mro.read().clone();
    for class in std::iter::once(owner.class().to_owned()).chain(mro) {
        let Some(descr) = class_entry(&class, name.as_wtf8(), vm) else { continue };
        let Some(Ok(candidate)) = vm.call_get_descriptor(&descr, owner) else { continue };
        // Same kind first: RustPython's method-wrappers compare equal to any method bound to
        // the same object.
        if candidate.class().is(bound.class()) && vm.bool_eq(&candidate, bound).unwrap_or(false) {
            return Some(class.into());
        }
    }
    None
}

/// Library classes whose instances are written like the program's (by value) because
/// rebuilding them through `__reduce_ex__` replays their `__setitem__`, which refuses the
/// items: the namespace of an `Enum` class body that is still running.
fn restored_not_replayed(cls: &Py<PyType>, vm: &VirtualMachine) -> bool {
    let module = cls.as_object().get_attr("__module__", vm).ok();
    let in_enum =
        module.is_some_and(|m| m.downcast_ref::<PyStr>().is_some_and(|m| m.as_bytes() == b"enum"));
    in_enum && matches!(&*cls.name(), "EnumDict" | "_EnumDict")
}

/// The one object a wrapper (a mapping proxy) holds, found through the collector's view of
/// it since RustPython does not expose it otherwise.
fn referent(wrapper: &PyObjectRef, vm: &VirtualMachine) -> Option<PyObjectRef> {
    let gc = vm.import("gc", 0).ok()?;
    let found = vm.call_method(&gc, "get_referents", (wrapper.clone(),)).ok()?;
    let found = found.downcast_ref::<PyList>()?.borrow_vec().to_vec();
    match found.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// How a match is found again: the pattern's method, and whether it stops where the match
/// ended (a lookahead past that end, a `$`, could then differ: the encoder checks).
pub const MATCH_SEARCHES: [(&str, bool); 3] =
    [("search", false), ("search", true), ("fullmatch", true)];

/// `re.Pattern`, `re.Match`: classes of the `re` module that RustPython cannot reduce.
fn is_re_class(obj: &PyObjectRef, name: &str, vm: &VirtualMachine) -> bool {
    let t = obj.class();
    let module = t.as_object().get_attr("__module__", vm).ok();
    let in_re =
        module.is_some_and(|m| m.downcast_ref::<PyStr>().is_some_and(|m| m.as_bytes() == b"re"));
    in_re && &*t.name() == name
}

fn counted(op: u8, n: usize) -> Vec<u8> {
    let mut w = Writer::default();
    w.u8(op);
    w.uvar(n as u64);
    w.buf
}

fn enumerate(objs: Vec<PyObjectRef>) -> Vec<(Label, Item)> {
    objs.into_iter().enumerate().map(|(i, o)| (Label::Item(i), Item::Obj(o))).collect()
}

/// A dict or set whose keys (elements) include one whose class has a Sleepy `__hash__`.
fn hashes_through_sleepy_code(obj: &PyObjectRef, vm: &VirtualMachine) -> bool {
    let sleepy_hash = |k: &PyObjectRef| {
        is_heap_type(k.class()) && sleepy_dunder(k, vm.ctx.names.__hash__).is_some()
    };
    if let Some(dict) = obj.downcast_ref_if_exact::<PyDict>(vm) {
        return dict.into_iter().any(|(k, _)| sleepy_hash(&k));
    }
    obj.downcast_ref_if_exact::<PySet>(vm).is_some_and(|s| s.elements().iter().any(sleepy_hash))
}

fn dict_fill(dict: &Py<PyDict>) -> Fill {
    let mut pairs = Vec::new();
    for (k, v) in dict {
        pairs.push((Label::Key(k.clone()), Item::Obj(k.clone())));
        pairs.push((Label::Key(k), Item::Obj(v)));
    }
    Fill::counted(ops::SET_ITEMS, 2, pairs)
}

fn cell_fill(contents: Option<PyObjectRef>) -> Vec<Fill> {
    contents
        .map(|c| {
            vec![Fill::single(ops::CELL_SET, vec![(Label::Static("cell_contents"), Item::Obj(c))])]
        })
        .unwrap_or_default()
}

/// The classes `ABCMeta.register()` added to the abstract class `cls` that are still alive
/// (its registry holds them weakly).
fn abc_registered(cls: &PyObjectRef, vm: &VirtualMachine) -> Result<Vec<PyObjectRef>, String> {
    let unreadable = |_| "its ABCMeta registry cannot be read".to_owned();
    let abc = vm.import("_abc", 0).map_err(unreadable)?;
    let dump = vm.call_method(&abc, "_get_dump", (cls.clone(),)).map_err(unreadable)?;
    let registry = dump.get_item(&0, vm).map_err(unreadable)?;
    let mut registered = Vec::new();
    for weak in collect(&registry, vm)? {
        let class = weak.call((), vm).map_err(unreadable)?;
        if !vm.is_none(&class) {
            registered.push(class);
        }
    }
    Ok(registered)
}

fn dict_of(obj: &PyObjectRef) -> Option<PyObjectRef> {
    obj.dict().filter(|d| !d.is_empty()).map(Into::into)
}

fn collect(iterable: &PyObjectRef, vm: &VirtualMachine) -> Result<Vec<PyObjectRef>, String> {
    let iter = iterable.get_iter(vm).map_err(|_| "its reduction items are not iterable")?;
    let mut items = Vec::new();
    loop {
        match iter.next(vm) {
            Ok(rustpython_vm::protocol::PyIterReturn::Return(o)) => items.push(o),
            Ok(rustpython_vm::protocol::PyIterReturn::StopIteration(_)) => return Ok(items),
            Err(_) => return Err("iterating its reduction items failed".into()),
        }
    }
}

/// The builtin type whose layout instances of `cls` have.
pub fn solid_base(cls: &Py<PyType>) -> rustpython_vm::PyRef<PyType> {
    std::iter::once(cls.to_owned())
        .chain(cls.mro.read().iter().cloned())
        .find(|t| !t.slots.flags.has_feature(PyTypeFlags::HEAPTYPE))
        .expect("every class has a builtin base")
}

/// Entries of a class's namespace that creating the class makes again: the `__dict__` and
/// `__weakref__` descriptors and the slots' member descriptors.
fn made_by_class_creation(value: &PyObjectRef, class: &PyObjectRef, vm: &VirtualMachine) -> bool {
    let t = value.class();
    let descriptor = t.is(vm.ctx.types.getset_type) || t.is(vm.ctx.types.member_descriptor_type);
    descriptor && value.get_attr("__objclass__", vm).is_ok_and(|owner| owner.is(class))
}

fn write_int(w: &mut Writer, i: &BigInt) {
    match i64::try_from(i) {
        Ok(small) => {
            w.u8(ops::INT);
            w.ivar(small);
        }
        Err(_) => {
            w.u8(ops::BIG_INT);
            w.bytes(&i.to_signed_bytes_le());
        }
    }
}

pub fn write_code_ref(w: &mut Writer, r: &CodeRef) {
    w.uvar(r.unit.into());
    w.uvar(r.path.len() as u64);
    for &i in &r.path {
        w.uvar(i.into());
    }
}

pub fn write_perm(w: &mut Writer, perm: &Perm) {
    w.u8(ops::PERM);
    match perm {
        Perm::Module(m) => {
            w.u8(0);
            w.str(m);
        }
        Perm::ModuleDict(m) => {
            w.u8(1);
            w.str(m);
        }
        Perm::Attr(m, a) => {
            w.u8(2);
            w.str(m);
            w.str(a);
        }
        Perm::TypeAttr(m, t, a) => {
            w.u8(3);
            w.str(m);
            w.str(t);
            w.str(a);
        }
        Perm::Own(t) => {
            w.u8(4);
            w.str(t);
        }
        Perm::OwnAttr(t, a) => {
            w.u8(5);
            w.str(t);
            w.str(a);
        }
    }
}
