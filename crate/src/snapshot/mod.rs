//! Snapshots: a paused session written to bytes and read back into a fresh interpreter.
//!
//! The image: a container (`format`) around a body that holds the session's plain state
//! (hash seed, counters, the program's files, every compiled source, the console transcript,
//! what the program waits for) followed by an op stream (`ops`) that rebuilds the heap objects
//! reachable from the frames and the program's modules, then the frames themselves. Code
//! objects are not written: they are compiled again from their sources and named by where they
//! sit in them.

mod decode;
mod encode;
pub mod format;
mod ops;
mod perms;
pub mod probe;

use std::fmt;
use std::sync::Arc;

use rustpython_vm::builtins::{PyDict, PyStr, PyTuple};
use rustpython_vm::function::FuncArgs;
use rustpython_vm::{AsObject, PyObjectRef, PyResult, VirtualMachine};

use crate::compiler::Mode;
use crate::host::{Stream, Transcript};
use crate::session::Waiting;
use crate::vm::frame::{Frame, LoadedCode};
use crate::vm::{Runtime, Unit};
use encode::{Encoder, FrameOwner, Item};
use format::{Reader, Writer};

/// Why a snapshot could not be written or read.
#[derive(Debug, Clone, PartialEq)]
pub enum SnapshotError {
    /// Something in the program cannot be captured; the program is unaffected.
    Capture(CaptureError),
    /// The program has ended; there is nothing to resume.
    Finished,
    /// The bytes are not a snapshot at all.
    NotASnapshot,
    /// A snapshot of another format version or another build.
    Incompatible(String),
    /// The bytes are damaged or were not written by Sleepy.
    Corrupt(String),
    /// The snapshot names something this interpreter does not have.
    Missing(String),
}

/// An object a snapshot cannot capture, and the way to it from the program's state.
#[derive(Debug, Clone, PartialEq)]
pub struct CaptureError {
    pub type_name: String,
    pub path: String,
    pub reason: String,
}

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SnapshotError::Capture(c) => {
                write!(f, "cannot snapshot a '{}' object ({}): {}", c.type_name, c.path, c.reason)
            }
            SnapshotError::Finished => write!(f, "the program has finished: nothing to snapshot"),
            SnapshotError::NotASnapshot => write!(f, "not a Sleepy snapshot"),
            SnapshotError::Incompatible(why) => write!(f, "incompatible snapshot: {why}"),
            SnapshotError::Corrupt(why) => write!(f, "corrupt snapshot: {why}"),
            SnapshotError::Missing(why) => write!(f, "snapshot cannot be restored here: {why}"),
        }
    }
}

impl std::error::Error for SnapshotError {}

/// One step of the way from the program's state to an object, for error messages.
pub enum Label {
    Frame { name: String, line: u32 },
    Module(String),
    Stack(usize),
    Local(String),
    Cell(String),
    Item(usize),
    Key(PyObjectRef),
    Attr(String),
    Static(&'static str),
}

impl Label {
    fn describe(&self, vm: &VirtualMachine) -> String {
        match self {
            Label::Frame { name, line } => format!("frame '{name}' line {line}"),
            Label::Module(m) => format!("module '{m}'"),
            Label::Stack(i) => format!("value stack slot {i}"),
            Label::Local(n) => format!("local '{n}'"),
            Label::Cell(n) => format!("cell '{n}'"),
            Label::Item(i) => format!("item {i}"),
            Label::Key(k) => {
                let r = k.repr(vm).map(|r| r.to_string()).unwrap_or_else(|_| "?".into());
                format!("key {r}")
            }
            Label::Attr(a) => format!("attribute '{a}'"),
            Label::Static(s) => (*s).to_owned(),
        }
    }
}

/// The session state a snapshot carries besides the heap and the frames.
pub(crate) struct Header {
    pub hash_seed: u32,
    pub recursion_limit: usize,
    pub ticks: u64,
    pub files: Vec<(String, String)>,
    pub units: Vec<(String, Mode, String)>,
    pub sources: Vec<(String, String)>,
    pub transcript: Vec<(Stream, String)>,
    pub waiting: Waiting,
    /// Where the op stream starts in the body.
    ops_at: usize,
}

/// What a restore hands the session.
pub(crate) struct Restored {
    // Boxed as the session keeps them.
    #[allow(clippy::vec_box)]
    pub frames: Vec<Box<Frame>>,
}

/// A module is the program's when it is `__main__` or one of the program's files.
fn is_program_module(rt: &Runtime, name: &str, module: &PyObjectRef, vm: &VirtualMachine) -> bool {
    if name == "__main__" {
        return true;
    }
    let Some(path) = rt.program_module_path(name) else { return false };
    module
        .dict()
        .and_then(|d| d.get_item_opt("__file__", vm).ok().flatten())
        .and_then(|f| f.downcast_ref::<PyStr>().map(|s| s.as_bytes() == path.as_bytes()))
        .unwrap_or(false)
}

fn program_modules(rt: &Runtime, vm: &VirtualMachine) -> Vec<(String, PyObjectRef)> {
    let Ok(modules) = vm.sys_module.get_attr("modules", vm) else { return vec![] };
    let Some(modules) = modules.downcast_ref::<PyDict>() else { return vec![] };
    let mut found: Vec<(String, PyObjectRef)> = modules
        .into_iter()
        .filter_map(|(k, v)| Some((k.downcast_ref::<PyStr>()?.to_string(), v)))
        .filter(|(name, m)| is_program_module(rt, name, m, vm))
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

/// Every source text compiled while the program ran: file name, mode, text.
fn write_units(w: &mut Writer, units: &[Unit]) {
    w.uvar(units.len() as u64);
    for u in units {
        w.str(&u.filename);
        w.u8(match u.mode {
            Mode::Exec => 0,
            Mode::Eval => 1,
        });
        w.str(&u.source);
    }
}

fn read_units(r: &mut Reader) -> Result<Vec<(String, Mode, String)>, SnapshotError> {
    let n = r.count(3)?;
    let mut units = Vec::with_capacity(n);
    for _ in 0..n {
        let filename = r.str()?.to_owned();
        let mode = match r.u8()? {
            0 => Mode::Exec,
            1 => Mode::Eval,
            _ => return Err(SnapshotError::Corrupt("an unknown compile mode".into())),
        };
        units.push((filename, mode, r.str()?.to_owned()));
    }
    Ok(units)
}

fn write_waiting(w: &mut Writer, waiting: &Waiting) {
    match waiting {
        Waiting::Nothing => w.u8(0),
        Waiting::Input { prompt } => {
            w.u8(1);
            w.str(prompt);
        }
        Waiting::Line(None) => w.u8(2),
        Waiting::Line(Some(line)) => {
            w.u8(3);
            w.str(line);
        }
        Waiting::Sleep { until } => {
            w.u8(4);
            w.f64(*until);
        }
        Waiting::Checkpoint => w.u8(5),
    }
}

fn read_waiting(r: &mut Reader) -> Result<Waiting, SnapshotError> {
    Ok(match r.u8()? {
        0 => Waiting::Nothing,
        1 => Waiting::Input { prompt: r.str()?.to_owned() },
        2 => Waiting::Line(None),
        3 => Waiting::Line(Some(r.str()?.to_owned())),
        4 => Waiting::Sleep { until: r.f64()? },
        5 => Waiting::Checkpoint,
        _ => return Err(SnapshotError::Corrupt("an unknown waiting state".into())),
    })
}

/// Writes the session: `frames` is its stack, bottom first.
pub(crate) fn write(
    vm: &VirtualMachine,
    rt: &Runtime,
    frames: &[Box<Frame>],
    waiting: &Waiting,
    hash_seed: u32,
) -> Result<Vec<u8>, SnapshotError> {
    let mut w = Writer::default();
    w.uvar(hash_seed.into());
    w.uvar(rt.recursion_limit.get() as u64);
    w.uvar(rt.ticks.get());
    let mut files: Vec<(String, Arc<str>)> =
        rt.files.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    w.uvar(files.len() as u64);
    for (path, source) in &files {
        w.str(path);
        w.str(source);
    }
    let units = rt.units.borrow().clone();
    write_units(&mut w, &units);
    let sources = rt.traceback_sources();
    w.uvar(sources.len() as u64);
    for (name, text) in &sources {
        w.str(name);
        w.str(text);
    }
    let transcript = rt.transcript.borrow().chunks().to_vec();
    w.uvar(transcript.len() as u64);
    for (stream, text) in &transcript {
        w.u8(matches!(stream, Stream::Stderr) as u8);
        w.str(text);
    }
    write_waiting(&mut w, waiting);

    let capture = |e: CaptureError| SnapshotError::Capture(e);
    let program = program_modules(rt, vm);
    let is_program = |name: &str, m: &PyObjectRef| is_program_module(rt, name, m, vm);
    let perms = permanents(vm, &is_program)?;
    let codes = code_table(&units, rt);
    let mut enc = Encoder::new(vm, &perms, &codes);
    enc.w = w;
    for frame in frames {
        let label = Label::Frame { name: frame.name().to_owned(), line: frame.line() };
        let plan = enc.frame_plan(frame, FrameOwner::Session).map_err(|reason| {
            capture(CaptureError { type_name: "frame".into(), path: label.describe(vm), reason })
        })?;
        enc.write(label, Item::Frame(Box::new(plan))).map_err(capture)?;
    }
    for (name, module) in &program {
        enc.write(Label::Module(name.clone()), Item::Obj(vm.ctx.new_str(name.as_str()).into()))
            .map_err(capture)?;
        enc.write(Label::Module(name.clone()), Item::Obj(module.clone())).map_err(capture)?;
    }
    let mut states = 0u8;
    for (i, state) in MODULE_STATES.iter().enumerate() {
        let Some(value) = (state.read)(vm) else { continue };
        enc.write(Label::Module(state.module.into()), Item::Obj(value)).map_err(capture)?;
        states |= 1 << i;
    }
    // The scheduler: its tasklets carry their frames, the channels they wait on, and those
    // channels' other waiters.
    let sched = rt.sched.borrow().as_ref().map(|s| {
        let tuple = |ts: &mut dyn Iterator<Item = &crate::objects::tasklet::TaskletRef>| {
            vm.ctx.new_tuple(ts.map(|t| t.clone().into()).collect()).into()
        };
        let objects: [PyObjectRef; 4] = [
            s.main.clone().into(),
            s.current.clone().into(),
            tuple(&mut s.queue.iter()),
            tuple(&mut s.tasklets.iter()),
        ];
        (objects, s.next_id, s.select_turn, s.watchdog.clone())
    });
    if let Some((objects, ..)) = &sched {
        for o in objects {
            enc.write(Label::Static("the scheduler"), Item::Obj(o.clone())).map_err(capture)?;
        }
    }
    enc.write_last().map_err(capture)?;
    let mut w = std::mem::take(&mut enc.w);
    w.u8(ops::SESSION);
    w.uvar(frames.len() as u64);
    w.uvar(program.len() as u64);
    w.u8(states);
    match &sched {
        None => w.u8(0),
        Some((_, next_id, select_turn, watchdog)) => {
            w.u8(1);
            w.uvar(*next_id);
            w.uvar(*select_turn);
            match watchdog {
                None => w.u8(0),
                Some(wd) => {
                    w.u8(1);
                    w.uvar(wd.timeout);
                    w.u8(wd.soft as u8
                        | (wd.total as u8) << 1
                        | (wd.armed as u8) << 2
                        | (wd.expired as u8) << 3);
                }
            }
            w.uvar(rt.watchdog_deadline.get());
        }
    }
    Ok(format::seal(&w.buf))
}

/// What a snapshot names instead of writing: every module but the program's (`is_program`).
fn permanents(
    vm: &VirtualMachine,
    is_program: &dyn Fn(&str, &PyObjectRef) -> bool,
) -> Result<perms::Registry, SnapshotError> {
    // `__reduce_ex__` imports copyreg on first use: have it named, not written.
    let _ = vm.import("copyreg", 0);
    // Types of values the program makes without importing them (`list[int]`, `int | None`).
    let _ = vm.import("types", 0);
    perms::Registry::build(vm, is_program).map_err(|_| {
        SnapshotError::Capture(CaptureError {
            type_name: "dict".into(),
            path: "sys.modules".into(),
            reason: "sys.modules cannot be read".into(),
        })
    })
}

/// Code references for the units, and the tasklet start code.
fn code_table(
    units: &[Unit],
    rt: &Runtime,
) -> std::collections::HashMap<*const crate::bytecode::CodeObject, encode::CodeRef> {
    let mut codes = encode::code_refs(units);
    codes.insert(
        Arc::as_ptr(&rt.tasklet_boot.code),
        encode::CodeRef { unit: crate::vm::TASKLET_BOOT_UNIT, path: Vec::new() },
    );
    codes
}

/// A pickled tasklet: its frames and everything they reach by value, modules by name (so
/// it is restored against whatever program loads it), in the snapshot container.
pub(crate) fn tasklet_image(
    vm: &VirtualMachine,
    rt: &Runtime,
    tasklet: &crate::objects::tasklet::TaskletRef,
) -> Result<Vec<u8>, SnapshotError> {
    let mut w = Writer::default();
    let units = rt.units.borrow().clone();
    write_units(&mut w, &units);
    let perms = permanents(vm, &|_, _| false)?;
    let codes = code_table(&units, rt);
    let mut enc = Encoder::new(vm, &perms, &codes);
    enc.w = w;
    let root: PyObjectRef = tasklet.clone().into();
    enc.detach = Some(root.get_id());
    enc.write(Label::Static("the tasklet"), Item::Obj(root)).map_err(SnapshotError::Capture)?;
    enc.write_last().map_err(SnapshotError::Capture)?;
    let mut w = std::mem::take(&mut enc.w);
    w.u8(ops::TASKLET_IMAGE);
    Ok(format::seal(&w.buf))
}

/// Reads [`tasklet_image`]'s bytes: the tasklet, and every tasklet made along the way.
pub(crate) fn load_tasklet_image(
    vm: &VirtualMachine,
    rt: &Runtime,
    bytes: &[u8],
) -> Result<
    (crate::objects::tasklet::TaskletRef, Vec<crate::objects::tasklet::TaskletRef>),
    SnapshotError,
> {
    let body = format::open(bytes)?;
    let mut r = Reader::new(&body);
    let units = read_units(&mut r)?;
    let mut roots = Vec::with_capacity(units.len());
    for (filename, mode, source) in units {
        let code = rt.compile(&source, &filename, mode).map_err(|e| {
            SnapshotError::Corrupt(format!(
                "its source for {filename} does not compile: {}",
                e.message
            ))
        })?;
        rt.register_source(&filename, &source);
        roots.push(LoadedCode::new(code, vm));
    }
    let mut codes = decode::CodeTable::new(roots, rt.tasklet_boot.clone());
    let mut dec = decode::Decoder::new(vm, &body[r.position()..], &mut codes);
    let root = dec.run_image()?;
    Ok((root, dec.tasklets.clone()))
}

/// State a standard-library module keeps where the program's objects do not reach it, read
/// when the program has imported the module and set again after restoring.
pub(crate) struct ModuleState {
    module: &'static str,
    read: fn(&VirtualMachine) -> Option<PyObjectRef>,
    restore: fn(&VirtualMachine, PyObjectRef) -> PyResult<()>,
}

/// Written in this order; the session op has one bit for each.
pub(crate) const MODULE_STATES: [ModuleState; 3] = [
    // The hidden generator behind `random.random()` and friends.
    ModuleState {
        module: "random",
        read: |vm| {
            let inst = imported(vm, "random")?.get_attr("_inst", vm).ok()?;
            vm.call_method(&inst, "getstate", ()).ok()
        },
        restore: |vm, state| {
            let inst = vm.import("random", 0)?.get_attr("_inst", vm)?;
            vm.call_method(&inst, "setstate", (state,)).map(drop)
        },
    },
    // The current decimal context: the program's `ctx = getcontext()` must stay the one
    // arithmetic uses.
    ModuleState {
        module: "decimal",
        read: |vm| {
            let decimal = imported(vm, "decimal")?;
            vm.call_method(&decimal, "getcontext", ()).ok()
        },
        restore: |vm, context| {
            let decimal = vm.import("decimal", 0)?;
            vm.call_method(&decimal, "setcontext", (context,)).map(drop)
        },
    },
    // The functions `atexit.register` collected, which RustPython keeps in the interpreter.
    ModuleState { module: "atexit", read: atexit_handlers, restore: register_atexit_handlers },
];

/// `((func, args, kwargs), …)`, newest first as `atexit` keeps them, when there are any.
fn atexit_handlers(vm: &VirtualMachine) -> Option<PyObjectRef> {
    imported(vm, "atexit")?;
    // Copied out first: a collection while building the tuples may run a `__del__` that
    // registers another handler, and the lock is not reentrant.
    let handlers = vm.state.atexit_funcs.lock().clone();
    if handlers.is_empty() {
        return None;
    }
    let entries = handlers.iter().map(|handler| {
        let (func, args) = &**handler;
        let kwargs = vm.ctx.new_dict();
        for (name, value) in &args.kwargs {
            kwargs.set_item(&*vm.ctx.new_str(name.clone()), value.clone(), vm).ok()?;
        }
        let args = vm.ctx.new_tuple(args.args.clone());
        Some(vm.ctx.new_tuple(vec![func.clone(), args.into(), kwargs.into()]).into())
    });
    Some(vm.ctx.new_tuple(entries.collect::<Option<_>>()?).into())
}

/// Registers the handlers again, oldest first, so that they keep their order.
fn register_atexit_handlers(vm: &VirtualMachine, handlers: PyObjectRef) -> PyResult<()> {
    let invalid = || vm.new_type_error("not an atexit handler");
    let register = vm.import("atexit", 0)?.get_attr("register", vm)?;
    let handlers = handlers.downcast::<PyTuple>().map_err(|_| invalid())?;
    for handler in handlers.iter().rev() {
        let parts = handler.downcast_ref::<PyTuple>().ok_or_else(invalid)?;
        let [func, args, kwargs] = parts.as_slice() else { return Err(invalid()) };
        let args = args.downcast_ref::<PyTuple>().ok_or_else(invalid)?;
        let kwargs = kwargs.downcast_ref::<PyDict>().ok_or_else(invalid)?;
        let mut call = FuncArgs::from(
            std::iter::once(func.clone()).chain(args.iter().cloned()).collect::<Vec<_>>(),
        );
        for (name, value) in kwargs {
            let name = name.downcast_ref::<PyStr>().ok_or_else(invalid)?;
            call.kwargs.insert(name.as_wtf8().to_owned(), value);
        }
        register.call(call, vm)?;
    }
    Ok(())
}

/// A module the program has imported (without importing it).
fn imported(vm: &VirtualMachine, name: &str) -> Option<PyObjectRef> {
    vm.sys_module.get_attr("modules", vm).ok()?.get_item(name, vm).ok()
}

impl Header {
    /// Reads the plain state at the start of a snapshot's body.
    pub fn read(body: &[u8]) -> Result<Header, SnapshotError> {
        let mut r = Reader::new(body);
        let hash_seed = u32::try_from(r.uvar()?)
            .map_err(|_| SnapshotError::Corrupt("the hash seed is out of range".into()))?;
        let recursion_limit = r.uvar()?;
        if recursion_limit == 0 || recursion_limit > 100_000_000 {
            return Err(SnapshotError::Corrupt("the recursion limit is out of range".into()));
        }
        let ticks = r.uvar()?;
        let pairs = |r: &mut Reader| -> Result<Vec<(String, String)>, SnapshotError> {
            let n = r.count(2)?;
            (0..n).map(|_| Ok((r.str()?.to_owned(), r.str()?.to_owned()))).collect()
        };
        let files = pairs(&mut r)?;
        let units = read_units(&mut r)?;
        let sources = pairs(&mut r)?;
        let n = r.count(2)?;
        let mut transcript = Vec::with_capacity(n);
        for _ in 0..n {
            let stream = if r.u8()? == 0 { Stream::Stdout } else { Stream::Stderr };
            transcript.push((stream, r.str()?.to_owned()));
        }
        let waiting = read_waiting(&mut r)?;
        Ok(Header {
            hash_seed,
            recursion_limit: recursion_limit as usize,
            ticks,
            files,
            units,
            sources,
            transcript,
            waiting,
            ops_at: r.position(),
        })
    }
}

/// Rebuilds the session's heap and frames in `rt`'s fresh interpreter.
pub(crate) fn read(
    vm: &VirtualMachine,
    rt: &Runtime,
    header: &Header,
    body: &[u8],
) -> Result<Restored, SnapshotError> {
    rt.ticks.set(header.ticks);
    rt.recursion_limit.set(header.recursion_limit);
    for (path, source) in &header.files {
        rt.files.borrow_mut().insert(path.clone(), source.as_str().into());
    }
    for (name, source) in &header.sources {
        rt.register_source(name, source);
    }
    let mut transcript = Transcript::default();
    for (stream, text) in &header.transcript {
        transcript.push(*stream, text);
    }
    *rt.transcript.borrow_mut() = transcript;
    let mut roots = Vec::with_capacity(header.units.len());
    for (filename, mode, source) in &header.units {
        let code = crate::compiler::compile(source, filename, *mode).map_err(|e| {
            SnapshotError::Corrupt(format!(
                "its source for {filename} does not compile: {}",
                e.message
            ))
        })?;
        rt.record_unit(Unit {
            filename: filename.clone(),
            mode: *mode,
            source: source.as_str().into(),
            code: code.clone(),
        });
        roots.push(LoadedCode::new(code, vm));
    }
    let mut codes = decode::CodeTable::new(roots, rt.tasklet_boot.clone());
    let mut dec = decode::Decoder::new(vm, &body[header.ops_at..], &mut codes);
    let waiting_on_host = !matches!(header.waiting, Waiting::Nothing);
    let decoded = dec.run(waiting_on_host)?;
    let modules = vm
        .sys_module
        .get_attr("modules", vm)
        .map_err(|_| SnapshotError::Missing("sys.modules".into()))?;
    for (name, module) in &decoded.modules {
        modules
            .set_item(name.as_str(), module.clone(), vm)
            .map_err(|_| SnapshotError::Corrupt("a module cannot be registered".into()))?;
    }
    for (i, value) in decoded.module_states {
        let state = &MODULE_STATES[i];
        (state.restore)(vm, value).map_err(|_| {
            SnapshotError::Corrupt(format!("the state of module '{}' is invalid", state.module))
        })?;
    }
    if let Some(d) = decoded.sched {
        rt.watchdog_deadline.set(d.deadline);
        *rt.sched.borrow_mut() = Some(crate::vm::sched::Scheduler {
            main: d.main,
            current: d.current,
            queue: d.queue.into(),
            tasklets: d.tasklets,
            next_id: d.next_id,
            watchdog: d.watchdog,
            select_turn: d.select_turn,
            pending_raise: None,
        });
    }
    rt.depth.set(decoded.frames.len());
    Ok(Restored { frames: decoded.frames })
}
