//! Frames: everything about one activation of a code object, as plain data.

use std::cell::OnceCell;
use std::rc::Rc;
use std::sync::Arc;

use num_complex::Complex64;
use rustpython_vm::builtins::{PyDictRef, PyStrInterned};
use rustpython_vm::object::{Traverse, TraverseFn};
use rustpython_vm::{AsObject, PyObjectRef, PyRef, VirtualMachine};

use super::attrs::AttrCache;
use super::continuation::Continuation;
use super::value::Value;
use crate::bytecode::{CodeObject, Constant, Instr};
use crate::objects::cell::Cell;
use crate::objects::generator::GenRef;

/// A code object made ready to run: constants turned into objects, names interned.
#[derive(Debug)]
pub struct LoadedCode {
    /// The instructions, one indirection closer to the loop than `code.code`.
    pub instrs: Box<[crate::bytecode::Instr]>,
    pub code: Arc<CodeObject>,
    pub consts: Vec<Value>,
    pub names: Vec<&'static PyStrInterned>,
    /// For each instruction, its index in `attr_caches` (attribute instructions only).
    cache_index: Box<[u32]>,
    attr_caches: Box<[AttrCache]>,
    /// Nested code objects (functions, classes, comprehensions), loaded on first use.
    children: Vec<OnceCell<Rc<LoadedCode>>>,
}

impl LoadedCode {
    pub fn new(code: Arc<CodeObject>, vm: &VirtualMachine) -> Rc<LoadedCode> {
        let consts = code.consts.iter().map(|c| constant_value(c, vm)).collect();
        let names = code.names.iter().map(|n| vm.ctx.intern_str(n.as_str())).collect();
        let children = code.consts.iter().map(|_| OnceCell::new()).collect();
        let instrs = code.code.clone().into_boxed_slice();
        let mut caches = 0;
        let cache_index = instrs
            .iter()
            .map(|i| match i {
                Instr::LoadAttr(_) | Instr::StoreAttr(_) | Instr::LoadMethod(_) => {
                    caches += 1;
                    caches - 1
                }
                _ => u32::MAX,
            })
            .collect();
        let attr_caches = (0..caches).map(|_| AttrCache::default()).collect();
        Rc::new(LoadedCode { instrs, code, consts, names, cache_index, attr_caches, children })
    }

    /// The attribute cache of the attribute instruction at `pc`.
    #[inline]
    pub fn attr_cache(&self, pc: usize) -> &AttrCache {
        &self.attr_caches[self.cache_index[pc] as usize]
    }

    /// The loaded form of the code constant at `index`.
    pub fn child(&self, index: usize, vm: &VirtualMachine) -> Rc<LoadedCode> {
        self.children[index]
            .get_or_init(|| match &self.code.consts[index] {
                Constant::Code(code) => LoadedCode::new(code.clone(), vm),
                other => unreachable!("MakeFunction refers to a non-code constant {other:?}"),
            })
            .clone()
    }
}

pub fn constant_value(c: &Constant, vm: &VirtualMachine) -> Value {
    match c {
        Constant::Int(i) => match i64::try_from(i) {
            Ok(small) => Value::Int(small),
            Err(_) => Value::Obj(vm.ctx.new_bigint(i).into()),
        },
        Constant::Float(f) => Value::Float(*f),
        other => Value::Obj(constant_object(other, vm)),
    }
}

pub fn constant_object(c: &Constant, vm: &VirtualMachine) -> PyObjectRef {
    match c {
        Constant::None => vm.ctx.none(),
        Constant::Ellipsis => vm.ctx.ellipsis.clone().into(),
        Constant::Bool(b) => vm.ctx.new_bool(*b).into(),
        Constant::Int(i) => vm.ctx.new_bigint(i).into(),
        Constant::Float(f) => vm.ctx.new_float(*f).into(),
        Constant::Complex { real, imag } => vm.ctx.new_complex(Complex64::new(*real, *imag)).into(),
        Constant::Str(bytes) => {
            let s = rustpython_vm::common::wtf8::Wtf8Buf::from_bytes(bytes.clone())
                .unwrap_or_else(|b| String::from_utf8_lossy(&b).into_owned().into());
            vm.ctx.new_str(s).into()
        }
        Constant::Bytes(b) => vm.ctx.new_bytes(b.clone()).into(),
        Constant::Tuple(items) => {
            vm.ctx.new_tuple(items.iter().map(|i| constant_object(i, vm)).collect()).into()
        }
        Constant::FrozenSet(items) => {
            let elements: Vec<PyObjectRef> = items.iter().map(|i| constant_object(i, vm)).collect();
            vm.ctx
                .types
                .frozenset_type
                .as_object()
                .call((vm.ctx.new_tuple(elements),), vm)
                .expect("frozenset of constants")
        }
        Constant::Code(_) => vm.ctx.none(),
    }
}

/// What happens with a frame's result when it returns (and, for generator frames, when it
/// yields). Plain data, so a paused program can be written out with it.
#[derive(Debug)]
pub enum Completion {
    /// Push the return value on the caller's stack.
    Push,
    /// A class body finished: call the metaclass and fill the `__class__` cell.
    ClassBody {
        meta: PyObjectRef,
        name: PyObjectRef,
        bases: PyObjectRef,
        kwargs: PyDictRef,
        namespace: PyObjectRef,
    },
    /// `__init__` finished: it must return None; push the new instance.
    Init { instance: PyObjectRef },
    /// `__next__` of a user iterator in a `for` loop: the result is the next item; a
    /// StopIteration out of it ends the loop at `exhausted`.
    IterNext { exhausted: u32 },
    /// A program module finished initialising; the caller re-runs its import instruction.
    ModuleLoaded,
    /// A generator frame resumed by the caller: the result goes where `mode` says.
    Generator { gen: GenRef, mode: ResumeMode },
    /// A protocol the evaluator performs (`continuation.rs`) called this frame: what the
    /// frame returns, or raises, goes to the innermost continuation of `conts`. When `gen`
    /// is set the frame is that generator's, resumed for its next item: a yield is the
    /// item, a return is StopIteration.
    Continue { conts: Vec<Continuation>, gen: Option<GenRef> },
    /// The outermost frame of a nested run (RustPython called into Sleepy code).
    Nested,
    /// The program's main module.
    Main,
    /// The first frame of a tasklet other than the main one: its return ends the tasklet.
    Tasklet,
}

/// Why a generator frame was resumed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResumeMode {
    /// `for` loop: a yielded value is the next item; returning ends the loop at `exhausted`.
    ForIter { exhausted: u32 },
    /// `next()`/`send()`: a yielded value is the result; returning raises StopIteration.
    Send,
    /// `yield from`/`await`: a yielded value is passed outward; returning finishes the
    /// delegation with the return value.
    YieldFrom,
    /// `close()`: GeneratorExit was thrown in; yielding is an error, returning is fine.
    Close,
    /// An awaited step of an async generator: its `yield` completes the await, its own
    /// awaits pass through to whoever drives the awaiting coroutine.
    AsyncGen,
    /// An awaited `aclose()`.
    AsyncGenClose,
}

#[derive(Debug)]
pub struct Frame {
    pub code: Rc<LoadedCode>,
    /// Index of the next instruction.
    pub pc: usize,
    pub stack: Vec<Value>,
    pub fast: Vec<Option<Value>>,
    /// Cellvars then freevars.
    pub cells: Vec<PyRef<Cell>>,
    pub globals: PyDictRef,
    pub builtins: PyDictRef,
    /// The namespace of module and class bodies (and of `exec` with separate locals).
    pub locals: Option<PyObjectRef>,
    pub completion: Completion,
    /// The exception an `except`/`finally` block of this frame is handling.
    pub handled: Option<PyObjectRef>,
}

impl Frame {
    /// A frame running module-level code (a module, `exec`, `eval`) in `namespace`.
    pub fn for_namespace(
        code: Rc<LoadedCode>,
        globals: PyDictRef,
        builtins: PyDictRef,
        namespace: PyObjectRef,
        completion: Completion,
    ) -> Frame {
        Frame {
            code,
            pc: 0,
            stack: Vec::new(),
            fast: Vec::new(),
            cells: Vec::new(),
            globals,
            builtins,
            locals: Some(namespace),
            completion,
            handled: None,
        }
    }

    /// The name tracebacks and stack views show (the code object's, as in CPython).
    pub fn name(&self) -> &str {
        &self.code.code.name
    }

    pub fn line(&self) -> u32 {
        self.code.code.line_at(self.pc.saturating_sub(1))
    }
}

// SAFETY: every object reference is visited once.
unsafe impl Traverse for Frame {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.stack.traverse(f);
        for v in self.fast.iter().flatten() {
            v.traverse(f);
        }
        self.cells.traverse(f);
        self.globals.traverse(f);
        self.builtins.traverse(f);
        self.locals.traverse(f);
        self.handled.traverse(f);
        match &self.completion {
            Completion::ClassBody { meta, name, bases, kwargs, namespace } => {
                meta.traverse(f);
                name.traverse(f);
                bases.traverse(f);
                kwargs.traverse(f);
                namespace.traverse(f);
            }
            Completion::Init { instance } => instance.traverse(f),
            Completion::Generator { gen, .. } => gen.traverse(f),
            Completion::Continue { conts, gen } => {
                conts.traverse(f);
                gen.traverse(f);
            }
            _ => {}
        }
    }
}
