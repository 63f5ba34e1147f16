//! Generators and coroutines: objects that own a suspended frame.

use std::cell::Cell;

use rustpython_vm::builtins::PyStrRef;
use rustpython_vm::common::lock::{PyMutex, PyRwLock};
use rustpython_vm::function::FuncArgs;
use rustpython_vm::object::{Traverse, TraverseFn};
use rustpython_vm::protocol::PyIterReturn;
use rustpython_vm::types::{Callable, Destructor, IterNext, Iterable, Representable, SelfIter};
use rustpython_vm::{
    pyclass, AsObject, Py, PyObject, PyObjectRef, PyPayload, PyRef, PyResult, VirtualMachine,
};

use crate::vm::frame::Frame;

/// A generator or coroutine object (`Generator` or `Coroutine`).
pub type GenRef = PyObjectRef;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GenState {
    Created,
    Suspended,
    Running,
    Finished,
}

/// The state shared by generators and coroutines.
#[derive(Debug)]
pub struct GenCore {
    /// The frame while suspended; `None` while it runs (it is on a frame stack) or when done.
    pub frame: PyMutex<Option<Box<Frame>>>,
    pub state: Cell<GenState>,
    pub name: PyRwLock<PyStrRef>,
    pub qualname: PyRwLock<PyStrRef>,
}

impl GenCore {
    pub fn new(frame: Box<Frame>, name: PyStrRef, qualname: PyStrRef) -> Self {
        GenCore {
            frame: PyMutex::new(Some(frame)),
            state: Cell::new(GenState::Created),
            name: PyRwLock::new(name),
            qualname: PyRwLock::new(qualname),
        }
    }
}

// SAFETY: every object reference is visited once.
unsafe impl Traverse for GenCore {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        if let Some(frame) = self.frame.try_lock() {
            if let Some(frame) = frame.as_ref() {
                frame.traverse(f);
            }
        }
        if let Some(n) = self.name.try_read() {
            n.traverse(f);
        }
        if let Some(n) = self.qualname.try_read() {
            n.traverse(f);
        }
    }
}

/// The generator, coroutine or async generator state of `obj`, if it is one of Sleepy's.
pub fn gen_core(obj: &PyObject) -> Option<&GenCore> {
    if let Some(g) = obj.downcast_ref::<Generator>() {
        return Some(&g.core);
    }
    if let Some(a) = obj.downcast_ref::<AsyncGenerator>() {
        return Some(&a.core);
    }
    obj.downcast_ref::<Coroutine>().map(|c| &c.core)
}

/// What a caller asks of a generator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GenOp {
    Send,
    Throw,
    Close,
}

#[pyclass(module = false, name = "generator", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct Generator {
    pub core: GenCore,
}

// SAFETY: delegated.
unsafe impl Traverse for Generator {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.core.traverse(f);
    }
}

#[pyclass(module = false, name = "coroutine", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct Coroutine {
    pub core: GenCore,
}

// SAFETY: delegated.
unsafe impl Traverse for Coroutine {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.core.traverse(f);
    }
}

fn method(gen: &PyObject, op: GenOp, vm: &VirtualMachine) -> PyObjectRef {
    GenMethod { gen: gen.to_owned(), op }.into_ref(&vm.ctx).into()
}

fn gen_repr(core: &GenCore, kind: &str, id: usize) -> String {
    format!("<{kind} object {} at {id:#x}>", core.qualname.read())
}

#[pyclass(with(Representable, IterNext, Iterable, Destructor))]
impl Generator {
    #[pygetset]
    fn send(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyObjectRef {
        method(zelf.as_object(), GenOp::Send, vm)
    }

    #[pygetset]
    fn throw(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyObjectRef {
        method(zelf.as_object(), GenOp::Throw, vm)
    }

    #[pygetset]
    fn close(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyObjectRef {
        method(zelf.as_object(), GenOp::Close, vm)
    }

    #[pygetset]
    fn __name__(zelf: &Py<Self>) -> PyStrRef {
        zelf.core.name.read().clone()
    }

    #[pygetset]
    fn __qualname__(zelf: &Py<Self>) -> PyStrRef {
        zelf.core.qualname.read().clone()
    }
}

/// A generator dropped while paused inside `try`/`with` is closed, so its `finally`
/// blocks run, as in CPython.
impl Destructor for Generator {
    fn del(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<()> {
        // Only a frame paused under a handler has something to run on close.
        let guarded = zelf.core.frame.try_lock().is_some_and(|f| {
            f.as_ref()
                .is_some_and(|f| f.pc > 0 && f.code.code.handler_for(f.pc as u32 - 1).is_some())
        });
        if zelf.core.state.get() == GenState::Suspended && guarded {
            // Errors are dropped, as CPython's finalizer reports them and goes on.
            let _ = crate::vm::gen_op_from_native(zelf.as_object(), GenOp::Close, None, vm);
        }
        Ok(())
    }
}

impl Representable for Generator {
    fn repr_str(zelf: &Py<Self>, _vm: &VirtualMachine) -> PyResult<String> {
        Ok(gen_repr(&zelf.core, "generator", zelf.get_id()))
    }
}

#[pyclass(with(Representable))]
impl Coroutine {
    #[pygetset]
    fn send(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyObjectRef {
        method(zelf.as_object(), GenOp::Send, vm)
    }

    #[pygetset]
    fn throw(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyObjectRef {
        method(zelf.as_object(), GenOp::Throw, vm)
    }

    #[pygetset]
    fn close(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyObjectRef {
        method(zelf.as_object(), GenOp::Close, vm)
    }

    #[pygetset]
    fn __name__(zelf: &Py<Self>) -> PyStrRef {
        zelf.core.name.read().clone()
    }

    #[pygetset]
    fn __qualname__(zelf: &Py<Self>) -> PyStrRef {
        zelf.core.qualname.read().clone()
    }
}

impl Representable for Coroutine {
    fn repr_str(zelf: &Py<Self>, _vm: &VirtualMachine) -> PyResult<String> {
        Ok(gen_repr(&zelf.core, "coroutine", zelf.get_id()))
    }
}

impl SelfIter for Generator {}

impl IterNext for Generator {
    fn next(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<PyIterReturn> {
        let result = crate::vm::gen_op_from_native(zelf.as_object(), GenOp::Send, None, vm);
        PyIterReturn::from_pyresult(result, vm)
    }
}

/// A bound `send`/`throw`/`close` of a Sleepy generator. The evaluator runs these without
/// leaving its loop; RustPython calling one runs a nested evaluator.
#[pyclass(module = false, name = "builtin_function_or_method", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct GenMethod {
    pub gen: PyObjectRef,
    pub op: GenOp,
}

// SAFETY: the one reference is visited once.
unsafe impl Traverse for GenMethod {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.gen.traverse(f);
    }
}

#[pyclass(with(Callable))]
impl GenMethod {}

impl Callable for GenMethod {
    type Args = FuncArgs;
    fn call(zelf: &Py<Self>, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        let arg = crate::vm::gen_method_argument(zelf.op, args, vm)?;
        crate::vm::gen_op_from_native(&zelf.gen, zelf.op, arg, vm)
    }
}

#[pyclass(module = false, name = "async_generator", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct AsyncGenerator {
    pub core: GenCore,
}

// SAFETY: delegated.
unsafe impl Traverse for AsyncGenerator {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.core.traverse(f);
    }
}

fn async_step(agen: &PyObject, op: AsyncOp, vm: &VirtualMachine) -> PyObjectRef {
    AsyncGenStep { agen: agen.to_owned(), op: PyMutex::new(Some(op)), closing: Cell::new(false) }
        .into_ref(&vm.ctx)
        .into()
}

#[pyclass(with(Representable))]
impl AsyncGenerator {
    #[pymethod]
    fn __aiter__(zelf: PyRef<Self>) -> PyRef<Self> {
        zelf
    }

    #[pymethod]
    fn __anext__(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyObjectRef {
        async_step(zelf.as_object(), AsyncOp::Send(vm.ctx.none()), vm)
    }

    #[pymethod]
    fn asend(zelf: PyRef<Self>, value: PyObjectRef, vm: &VirtualMachine) -> PyObjectRef {
        async_step(zelf.as_object(), AsyncOp::Send(value), vm)
    }

    #[pymethod]
    fn athrow(zelf: PyRef<Self>, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        let exc = crate::vm::gen_method_argument(GenOp::Throw, args, vm)?
            .expect("throw has an exception");
        Ok(async_step(zelf.as_object(), AsyncOp::Throw(exc), vm))
    }

    #[pymethod]
    fn aclose(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyObjectRef {
        async_step(zelf.as_object(), AsyncOp::Close, vm)
    }

    #[pygetset]
    fn __name__(zelf: &Py<Self>) -> PyStrRef {
        zelf.core.name.read().clone()
    }

    #[pygetset]
    fn __qualname__(zelf: &Py<Self>) -> PyStrRef {
        zelf.core.qualname.read().clone()
    }
}

impl Representable for AsyncGenerator {
    fn repr_str(zelf: &Py<Self>, _vm: &VirtualMachine) -> PyResult<String> {
        Ok(gen_repr(&zelf.core, "async_generator", zelf.get_id()))
    }
}

/// What an awaitable returned by `__anext__`/`asend`/`athrow`/`aclose` does on its first step.
#[derive(Debug)]
pub enum AsyncOp {
    Send(PyObjectRef),
    Throw(PyObjectRef),
    Close,
}

/// One step of an async generator, awaited by Sleepy code (`await agen.__anext__()`).
#[pyclass(module = false, name = "async_generator_asend", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct AsyncGenStep {
    pub agen: PyObjectRef,
    /// Taken when the step starts; later resumptions forward what the awaiter sends.
    pub op: PyMutex<Option<AsyncOp>>,
    /// This step is an `aclose()`.
    pub closing: Cell<bool>,
}

// SAFETY: every object reference is visited once.
unsafe impl Traverse for AsyncGenStep {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.agen.traverse(f);
        if let Some(op) = self.op.try_lock() {
            if let Some(AsyncOp::Send(v) | AsyncOp::Throw(v)) = op.as_ref() {
                v.traverse(f);
            }
        }
    }
}

#[pyclass]
impl AsyncGenStep {}
