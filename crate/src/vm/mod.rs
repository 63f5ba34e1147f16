//! The evaluator: frames, the instruction loop, the call protocol, and the runtime state shared
//! by a session's top-level run and the nested runs RustPython starts by calling Sleepy code.

pub mod advance;
mod attrs;
pub mod call;
mod carets;
pub mod continuation;
pub mod eval;
pub mod frame;
mod imports;
pub mod intercept;
mod iteration;
pub(crate) mod operators;
pub mod ops;
mod patterns;
mod protocols;
mod resumable;
pub mod sched;
mod sort;
mod text;
pub mod traceback;
pub mod value;

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use rustpython_vm::builtins::PyDictRef;
use rustpython_vm::function::FuncArgs;
use rustpython_vm::{AsObject, PyObject, PyObjectRef, PyRef, PyResult, VirtualMachine};

use crate::bytecode::{CodeKind, CodeObject, Instr};
use crate::compiler::{self, Mode, SyntaxError};
use crate::host::{Host, Stream, Transcript};
use crate::objects::function::Function;
use crate::objects::generator::{gen_core, GenOp, GenState};
use eval::{Eval, Exit, ResumeWith};
use frame::{Completion, Frame, LoadedCode, ResumeMode};
use value::Value;

/// What makes two compilations the same: file name, mode and source text.
type UnitKey = (String, Mode, Arc<str>);

/// One compiled source text.
#[derive(Debug, Clone)]
pub struct Unit {
    pub filename: String,
    pub mode: Mode,
    pub source: Arc<str>,
    pub code: Arc<CodeObject>,
}

/// Why the top-level run stopped before the program ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Suspend {
    Budget,
    Input { prompt: String },
    Sleep { seconds: f64 },
    Checkpoint,
}

/// Objects the evaluator recognises by identity.
pub struct Specials {
    pub builtins_module: PyObjectRef,
    pub import_func: PyObjectRef,
    pub object_new: PyObjectRef,
    pub next: PyObjectRef,
    pub locals: PyObjectRef,
    pub globals: PyObjectRef,
    pub vars: PyObjectRef,
    pub dir: PyObjectRef,
    pub exec: PyObjectRef,
    pub eval: PyObjectRef,
    pub compile: PyObjectRef,
    pub input: PyObjectRef,
    pub sleep: PyObjectRef,
    pub checkpoint: PyObjectRef,
    pub breakpoint: PyObjectRef,
    pub exc_info: PyObjectRef,
    pub exception: PyObjectRef,
    /// Builtins that run as continuations when they call Sleepy code (`resumable.rs`).
    pub sorted: PyObjectRef,
    pub sum: PyObjectRef,
    pub min: PyObjectRef,
    pub max: PyObjectRef,
    pub any: PyObjectRef,
    pub all: PyObjectRef,
    pub print: PyObjectRef,
    pub repr: PyObjectRef,
    /// `functools.reduce` (`_functools.reduce`).
    pub reduce: PyObjectRef,
    /// Method descriptors called unbound by `LoadMethod`/`CallMethod`.
    pub list_sort: PyObjectRef,
    pub str_join: PyObjectRef,
    pub dict_update: PyObjectRef,
    pub getattr: PyObjectRef,
    pub iter: PyObjectRef,
}

/// Deepest nesting of native → Sleepy calls: each level costs Rust stack.
pub const MAX_NESTING: u32 = 100_000;

pub struct Runtime {
    pub host: RefCell<Box<dyn Host>>,
    /// Instructions executed so far.
    pub ticks: Cell<u64>,
    /// The top-level run stops when `ticks` reaches this.
    pub slice_end: Cell<u64>,
    /// Frames alive on all stacks (the recursion depth).
    pub depth: Cell<usize>,
    pub recursion_limit: Cell<usize>,
    pub nested_entries: Cell<u64>,
    /// Which Sleepy code was entered from native code, and how often (`--stats`).
    pub nested_callees: RefCell<HashMap<*const CodeObject, (Arc<CodeObject>, u64)>>,
    /// Instructions a nested run may execute before it fails: unlimited while the program
    /// runs, bounded while a host inspects values (a `__repr__` that never returns must not
    /// hang the inspection).
    pub nested_fuel: Cell<u64>,
    pub nesting: Cell<u32>,
    pub max_nesting: Cell<u32>,
    pub specials: Specials,
    /// The program's files: path → source.
    pub files: RefCell<HashMap<String, Arc<str>>>,
    /// Sources of everything Sleepy compiled, for traceback lines.
    sources: RefCell<HashMap<String, Arc<str>>>,
    /// Every source text compiled while the program ran, so a snapshot can name code objects
    /// by where they came from and a restore can compile them again.
    pub units: RefCell<Vec<Unit>>,
    /// The console as the program wrote it (its newest part),
    /// so a restored session can show what came before.
    pub transcript: RefCell<Transcript>,
    unit_index: RefCell<HashMap<UnitKey, usize>>,
    pub abc_cache: RefCell<HashMap<&'static str, PyObjectRef>>,
    /// Finished frames kept for the next calls.
    pub spare_frames: RefCell<Vec<Box<Frame>>>,
    trampoline: Rc<LoadedCode>,
    /// The first frame of every tasklet but the main one: `func(*args, **kwargs)`.
    pub tasklet_boot: Rc<LoadedCode>,
    /// Tasklets, channels and the watchdog, once the program uses them.
    pub sched: RefCell<Option<sched::Scheduler>>,
    /// The tick at which the watchdog interrupts the running tasklet (`u64::MAX`: never).
    pub watchdog_deadline: Cell<u64>,
}

thread_local! {
    static CURRENT: RefCell<Option<Rc<Runtime>>> = const { RefCell::new(None) };
}

/// Makes `rt` the runtime that native entry points use while the guard lives.
pub struct RuntimeGuard {
    previous: Option<Rc<Runtime>>,
}

impl RuntimeGuard {
    pub fn install(rt: Rc<Runtime>) -> RuntimeGuard {
        let previous = CURRENT.with(|c| c.borrow_mut().replace(rt));
        RuntimeGuard { previous }
    }
}

impl Drop for RuntimeGuard {
    fn drop(&mut self) {
        let previous = self.previous.take();
        CURRENT.with(|c| *c.borrow_mut() = previous);
    }
}

pub fn with_runtime<R>(vm: &VirtualMachine, f: impl FnOnce(&Runtime) -> R) -> PyResult<R> {
    let rt = CURRENT.with(|c| c.borrow().clone());
    match rt {
        Some(rt) => Ok(f(&rt)),
        None => Err(vm.new_runtime_error("Sleepy code called outside of a running session")),
    }
}

pub fn current(vm: &VirtualMachine) -> PyResult<Rc<Runtime>> {
    CURRENT
        .with(|c| c.borrow().clone())
        .ok_or_else(|| vm.new_runtime_error("Sleepy code called outside of a running session"))
}

impl Runtime {
    pub fn new(
        host: Box<dyn Host>,
        specials: Specials,
        recursion_limit: usize,
        vm: &VirtualMachine,
    ) -> Runtime {
        let trampoline = Arc::new(CodeObject {
            kind: CodeKind::Function,
            name: "<native>".to_owned(),
            qualname: "<native>".to_owned(),
            filename: Arc::from("<native>"),
            first_line: 0,
            flags: 0,
            arg_count: 0,
            posonly_count: 0,
            kwonly_count: 0,
            varnames: Vec::new(),
            cell_params: Vec::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            names: Vec::new(),
            consts: Vec::new(),
            code: vec![Instr::Return],
            lines: vec![0],
            spans: vec![(0, 0)],
            handlers: Vec::new(),
            docstring: None,
        });
        let tasklet_boot = LoadedCode::new(Arc::new(tasklet_boot_code()), vm);
        Runtime {
            host: RefCell::new(host),
            ticks: Cell::new(0),
            slice_end: Cell::new(0),
            depth: Cell::new(0),
            recursion_limit: Cell::new(recursion_limit),
            nested_entries: Cell::new(0),
            nested_callees: RefCell::new(HashMap::new()),
            nested_fuel: Cell::new(u64::MAX),
            nesting: Cell::new(0),
            max_nesting: Cell::new(0),
            specials,
            files: RefCell::new(HashMap::new()),
            sources: RefCell::new(HashMap::new()),
            units: RefCell::new(Vec::new()),
            transcript: RefCell::new(Transcript::default()),
            unit_index: RefCell::new(HashMap::new()),
            abc_cache: RefCell::new(HashMap::new()),
            spare_frames: RefCell::new(Vec::new()),
            trampoline: LoadedCode::new(trampoline, vm),
            tasklet_boot,
            sched: RefCell::new(None),
            watchdog_deadline: Cell::new(u64::MAX),
        }
    }

    /// Drops the Python objects the runtime itself holds (tasklets and their frames, spare
    /// frames, cached classes), so that a teardown can collect them.
    pub fn release_objects(&self) {
        // Dropped after the borrow ends: tasklets that go may look at the scheduler.
        let sched = self.sched.borrow_mut().take();
        drop(sched);
        self.spare_frames.borrow_mut().clear();
        self.abc_cache.borrow_mut().clear();
    }

    /// Writes program output to the host and keeps it in the transcript.
    pub fn write(&self, stream: Stream, text: &str) {
        self.host.borrow_mut().write(stream, text);
        self.transcript.borrow_mut().push(stream, text);
    }

    pub fn register_source(&self, filename: &str, source: &str) {
        self.sources.borrow_mut().insert(filename.to_owned(), Arc::from(source));
    }

    /// The sources registered for tracebacks, by file name.
    pub fn traceback_sources(&self) -> Vec<(String, Arc<str>)> {
        let mut all: Vec<_> =
            self.sources.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        all.sort_by(|a, b| a.0.cmp(&b.0));
        all
    }

    /// Compiles `source` through the unit registry: the same text compiled again gives the
    /// same code object, so programs that `exec` one string in a loop do not pile up units.
    pub fn compile(
        &self,
        source: &str,
        filename: &str,
        mode: Mode,
    ) -> Result<Arc<CodeObject>, SyntaxError> {
        let key = (filename.to_owned(), mode, Arc::<str>::from(source));
        if let Some(&i) = self.unit_index.borrow().get(&key) {
            return Ok(self.units.borrow()[i].code.clone());
        }
        let code = compiler::compile(source, filename, mode)?;
        self.record_unit(Unit { filename: key.0, mode, source: key.2, code: code.clone() });
        Ok(code)
    }

    /// Records a unit compiled elsewhere (the main file, compiled before the runtime exists).
    pub fn record_unit(&self, unit: Unit) {
        let mut units = self.units.borrow_mut();
        let key = (unit.filename.clone(), unit.mode, unit.source.clone());
        self.unit_index.borrow_mut().insert(key, units.len());
        units.push(unit);
    }

    /// Line `line` (1-based) of a file Sleepy compiled, with the byte offset where it starts.
    pub fn source_line(&self, filename: &str, line: u32) -> Option<(String, usize)> {
        let sources = self.sources.borrow();
        let text = sources.get(filename)?;
        let mut start = 0;
        for (i, l) in text.split_inclusive('\n').enumerate() {
            if i + 1 == line as usize {
                return Some((l.trim_end_matches(['\n', '\r']).to_owned(), start));
            }
            start += l.len();
        }
        None
    }

    /// The file that holds program module `name`, if the program has one.
    pub fn program_module_path(&self, name: &str) -> Option<String> {
        let files = self.files.borrow();
        let base = name.replace('.', "/");
        let module = format!("{base}.py");
        if files.contains_key(&module) {
            return Some(module);
        }
        let package = format!("{base}/__init__.py");
        files.contains_key(&package).then_some(package)
    }

    /// A frame that only returns what is pushed on it: the caller of a generator resumed
    /// from native code.
    fn trampoline_frame(&self) -> Frame {
        let builtins: PyDictRef =
            self.specials.builtins_module.dict().expect("builtins module has a dict");
        Frame {
            code: self.trampoline.clone(),
            pc: 0,
            stack: Vec::new(),
            fast: Vec::new(),
            cells: Vec::new(),
            globals: builtins.clone(),
            builtins,
            locals: None,
            completion: Completion::Nested,
            handled: None,
        }
    }
}

/// The code of a tasklet's first frame: `return f(*a, **k)`. Line 0 keeps it out of
/// tracebacks; snapshots name it by [`TASKLET_BOOT_UNIT`].
pub fn tasklet_boot_code() -> CodeObject {
    let code = vec![
        Instr::LoadFast(0),
        Instr::LoadFast(1),
        Instr::LoadFast(2),
        Instr::CallEx { has_kwargs: true },
        Instr::Return,
    ];
    let n = code.len();
    CodeObject {
        kind: CodeKind::Function,
        name: "<tasklet>".to_owned(),
        qualname: "<tasklet>".to_owned(),
        filename: Arc::from("<tasklet>"),
        first_line: 0,
        flags: 0,
        arg_count: 3,
        posonly_count: 0,
        kwonly_count: 0,
        varnames: vec!["f".to_owned(), "a".to_owned(), "k".to_owned()],
        cell_params: Vec::new(),
        cellvars: Vec::new(),
        freevars: Vec::new(),
        names: Vec::new(),
        consts: Vec::new(),
        code,
        lines: vec![0; n],
        spans: vec![(0, 0); n],
        handlers: Vec::new(),
        docstring: None,
    }
}

/// The unit index snapshots give the tasklet start code, which no source compiles to.
pub const TASKLET_BOOT_UNIT: u32 = u32::MAX;

/// Runs `frames` to completion on the Rust stack (RustPython called into Sleepy code).
fn run_nested(
    rt: &Runtime,
    vm: &VirtualMachine,
    callee: &Arc<CodeObject>,
    setup: impl FnOnce(&mut Eval) -> Option<Exit>,
) -> PyResult {
    let nesting = rt.nesting.get() + 1;
    if nesting > MAX_NESTING {
        return Err(vm.new_recursion_error(
            "maximum recursion depth exceeded (native calls into Python code)",
        ));
    }
    rt.nesting.set(nesting);
    rt.max_nesting.set(rt.max_nesting.get().max(nesting));
    rt.nested_entries.set(rt.nested_entries.get() + 1);
    rt.nested_callees
        .borrow_mut()
        .entry(Arc::as_ptr(callee))
        .or_insert_with(|| (callee.clone(), 0))
        .1 += 1;
    let mut frames: Vec<Box<Frame>> = Vec::new();
    // RustPython measures the native stack: too deep a nesting is a RecursionError, not a crash.
    let result = vm.with_recursion("while calling a Python object", || {
        let mut ev = Eval { vm, rt, frames: &mut frames, base: 0, can_suspend: false };
        Ok(match setup(&mut ev) {
            Some(exit) => exit,
            None => ev.run(),
        })
    });
    let result = result.unwrap_or_else(Exit::Raised);
    // Frames left behind (only on an internal error) still count toward the depth.
    rt.depth.set(rt.depth.get() - frames.len());
    rt.nesting.set(nesting - 1);
    match result {
        Exit::Returned(v) => Ok(v),
        Exit::Raised(e) => Err(e),
        Exit::Suspended(_) | Exit::Switched => {
            Err(vm.new_runtime_error("a nested evaluation cannot suspend"))
        }
    }
}

/// A Sleepy function called by RustPython (a key function, `__init__` from `type.__call__`, …).
pub fn call_from_native(func: PyRef<Function>, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
    let rt = current(vm)?;
    let positional: Vec<Value> = args.args.into_iter().map(|a| Value::from_obj(a, vm)).collect();
    let kwargs: Vec<(rustpython_vm::builtins::PyStrRef, Value)> =
        args.kwargs.into_iter().map(|(k, v)| (vm.ctx.new_str(k), Value::from_obj(v, vm))).collect();
    let kwargs = if kwargs.is_empty() { None } else { Some(kwargs) };
    let frame = call::new_frame(vm, &func, positional, kwargs, Completion::Nested)?;
    if func.code.code.is_generator_like() {
        return Ok(call::make_generator(vm, &func, frame));
    }
    run_nested(&rt, vm, &func.code.code.clone(), |ev| match ev.push_frame(frame) {
        Ok(()) => None,
        Err(e) => Some(Exit::Raised(e)),
    })
}

/// `next`/`send`/`throw`/`close` of a Sleepy generator, called by RustPython.
pub fn gen_op_from_native(
    gen: &PyObject,
    op: GenOp,
    arg: Option<PyObjectRef>,
    vm: &VirtualMachine,
) -> PyResult {
    let rt = current(vm)?;
    let gen = gen.to_owned();
    let code = gen_core(&gen)
        .and_then(|core| core.frame.lock().as_ref().map(|f| f.code.code.clone()))
        .unwrap_or_else(|| rt.trampoline.code.clone());
    run_nested(&rt, vm, &code, |ev| {
        // `next()` from native code (a builtin consuming a generator) on a suspended
        // generator: its frame runs as the base frame, whose yield or return ends the nested
        // run, so no trampoline is needed.
        let plain_next = op == GenOp::Send
            && arg.is_none()
            && rt.depth.get() < rt.recursion_limit.get()
            && gen_core(&gen).is_some_and(|core| core.state.get() == GenState::Suspended);
        if plain_next {
            return match ev.resume_generator(&gen, ResumeMode::Send, ResumeWith::Value(None)) {
                Ok(flow) => ev.handle_flow(flow),
                Err(e) => Some(Exit::Raised(e)),
            };
        }
        let trampoline = rt.trampoline_frame();
        if let Err(e) = ev.push_frame(Box::new(trampoline)) {
            return Some(Exit::Raised(e));
        }
        match call::gen_op(ev, &gen, op, arg) {
            Ok(flow) => ev.handle_flow(flow),
            Err(e) => ev.raise(e, true),
        }
    })
}

pub use call::gen_method_argument;

/// The seconds argument of `time.sleep`.
pub fn host_sleep_seconds(arg: &PyObjectRef, vm: &VirtualMachine) -> PyResult<f64> {
    let secs: f64 = if let Some(i) = arg.downcast_ref::<rustpython_vm::builtins::PyInt>() {
        i.try_to_primitive::<i64>(vm)? as f64
    } else if let Some(f) = arg.downcast_ref::<rustpython_vm::builtins::PyFloat>() {
        f.to_f64()
    } else {
        return Err(vm.new_type_error(format!(
            "'{}' object cannot be interpreted as an integer or float",
            arg.class().name()
        )));
    };
    if secs.is_nan() || secs < 0.0 {
        return Err(vm.new_value_error("sleep length must be non-negative"));
    }
    Ok(secs)
}

/// A Python `SyntaxError` for a compile error (from `exec`, `eval`, `compile`, imports).
pub fn syntax_error_object(
    e: &SyntaxError,
    vm: &VirtualMachine,
) -> rustpython_vm::builtins::PyBaseExceptionRef {
    let details = vm.ctx.new_tuple(vec![
        vm.ctx.new_str(e.filename.as_str()).into(),
        vm.ctx.new_int(e.line).into(),
        vm.ctx.new_int(e.column).into(),
        vm.ctx.new_str(e.text.as_str()).into(),
    ]);
    vm.new_exception(
        vm.ctx.exceptions.syntax_error.to_owned(),
        vec![vm.ctx.new_str(e.message.as_str()).into(), details.into()],
    )
}
