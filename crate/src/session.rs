//! A running program: what hosts (the CLI, the wasm bindings) drive.

use std::collections::BTreeMap;
use std::mem::ManuallyDrop;
use std::rc::Rc;

use rustpython_vm::builtins::{
    PyBaseExceptionRef, PyDict, PyDictRef, PyMemberDescriptor, PyStr, PyType,
};
use rustpython_vm::function::FuncArgs;
use rustpython_vm::gc_state::GcInterpreterState;
use rustpython_vm::{
    AsObject, Interpreter, PyObjectRef, PyPayload, PyRef, PyResult, Settings, VirtualMachine,
};

use crate::compiler::{self, Mode, SyntaxError};
use crate::exclusive;
use crate::host::{Host, HostStream, Stream};
use crate::snapshot::{self, SnapshotError};
use crate::stack_view::{self, TaskletView};
use crate::vm::eval::{Eval, Exit};
use crate::vm::frame::{Completion, Frame, LoadedCode};
use crate::vm::value::Value;
use crate::vm::{traceback, Runtime, RuntimeGuard, Specials, Suspend, Unit};

/// Where a program is when `run` returns.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// Paused; `run` again to continue.
    Suspended(Pause),
    /// Ran to the end (or `sys.exit`).
    Finished { exit_code: i32 },
    /// An exception escaped; the traceback was also written to stderr.
    Failed { traceback: String },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Pause {
    /// The fuel of this slice ran out.
    Budget,
    /// `input()`: supply a line with `provide_input`.
    Input { prompt: String },
    /// `time.sleep`: resumes once the clock passes `until` (seconds since the epoch).
    Sleep { until: f64 },
    /// The program called `sleepy.checkpoint()`.
    Checkpoint,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub recursion_limit: usize,
    pub hash_seed: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config { recursion_limit: 1000, hash_seed: 0 }
    }
}

/// The program's files; `main` is the one that runs as `__main__`.
#[derive(Debug, Clone)]
pub struct Program {
    pub files: BTreeMap<String, String>,
    pub main: String,
}

impl Program {
    pub fn single(filename: &str, source: &str) -> Program {
        Program {
            files: BTreeMap::from([(filename.to_owned(), source.to_owned())]),
            main: filename.to_owned(),
        }
    }
}

/// What the program waits for between runs.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Waiting {
    Nothing,
    Input { prompt: String },
    Line(Option<String>),
    Sleep { until: f64 },
    Checkpoint,
}

pub struct Session {
    /// Dropped by hand, in `drop`, while this thread holds [`exclusive::hold`].
    engine: ManuallyDrop<Engine>,
    hash_seed: u32,
    // Frames move between this stack and generator objects; boxing keeps those moves cheap.
    #[allow(clippy::vec_box)]
    frames: Vec<Box<Frame>>,
    waiting: Waiting,
    done: Option<Status>,
}

struct Engine {
    interpreter: Interpreter,
    rt: Rc<Runtime>,
}

fn new_interpreter(config: &Config) -> Interpreter {
    let mut settings = Settings::default();
    settings.hash_seed = Some(config.hash_seed);
    settings.install_signal_handlers = false;
    settings.import_site = false;
    settings.isolated = true;
    let builder = Interpreter::builder(settings);
    let defs = rustpython_stdlib::stdlib_module_defs(&builder.ctx);
    // Sleepy's own modules come last so that they replace RustPython's of the same name.
    let own = crate::modules::module_defs(&builder.ctx);
    builder
        .add_native_modules(&defs)
        .add_native_modules(&own)
        .add_frozen_modules(frozen_stdlib())
        .build()
}

#[cfg(not(target_arch = "wasm32"))]
fn frozen_stdlib() -> &'static rustpython_vm::frozen::FrozenLib {
    rustpython_pylib::FROZEN_STDLIB
}

#[cfg(target_arch = "wasm32")]
fn frozen_stdlib() -> &'static rustpython_vm::frozen::FrozenLib {
    crate::wasm_stdlib::FROZEN
}

/// A fresh interpreter with Sleepy's builtins and a runtime around `host`.
fn boot(config: &Config, host: Box<dyn Host>) -> (Interpreter, Rc<Runtime>) {
    let interpreter = new_interpreter(config);
    let rt = interpreter.enter(|vm| {
        let specials = install(vm).expect("Sleepy's builtins install cleanly");
        vm.recursion_limit.set(config.recursion_limit.max(vm.recursion_limit.get()));
        Rc::new(Runtime::new(host, specials, config.recursion_limit, vm))
    });
    (interpreter, rt)
}

impl Drop for Session {
    fn drop(&mut self) {
        let _one_thread = exclusive::hold();
        let frames = std::mem::take(&mut self.frames);
        tear_down(&self.engine.interpreter, &self.engine.rt, frames);
        // SAFETY: `engine` is not touched again; it goes now, while the lock is held.
        unsafe { ManuallyDrop::drop(&mut self.engine) };
    }
}

/// Instructions a `__del__` may run while a session is torn down.
const TEARDOWN_FUEL: u64 = 100_000;

/// Frees what the program and its interpreter hold. RustPython frees nothing of an
/// interpreter by itself (modules, functions, classes and their dicts form cycles), so
/// without this every session leaked ~2.4 MB and a process that restores snapshots grew
/// without bound. Like CPython's finalization it empties the modules' dicts and collects
/// the cycles, but it runs no `atexit` functions, and the output of any `__del__` goes
/// nowhere: the session is gone, its host must hear nothing more.
///
/// It also takes the `__slots__` member descriptors out of the interpreter's classes: they
/// refer to their class in a way RustPython's collector cannot see, so such a class would
/// never be collected (the import machinery makes one in every interpreter; `operator`
/// orphans three). What a teardown leaves stays on the collector's lists for good, and
/// every later collection in the process walks it, so it must leave next to nothing.
#[allow(clippy::vec_box)] // the session's own frame stack, handed over
fn tear_down(interpreter: &Interpreter, rt: &Rc<Runtime>, frames: Vec<Box<Frame>>) {
    *rt.host.borrow_mut() = Box::new(crate::host::Unattended::silent());
    rt.nested_fuel.set(TEARDOWN_FUEL);
    interpreter.enter(|vm| {
        let _guard = RuntimeGuard::install(rt.clone());
        drop(frames);
        rt.release_objects();
        let mut modules: Vec<PyObjectRef> = vm
            .sys_module
            .get_attr("modules", vm)
            .ok()
            .and_then(|m| m.downcast::<PyDict>().ok())
            .map(|m| {
                let all = m.values_vec();
                m.clear();
                all
            })
            .unwrap_or_default();
        modules.extend([vm.builtins.clone().into(), vm.sys_module.clone().into()]);
        for module in modules {
            if let Some(dict) = module.dict() {
                dict.clear();
            }
        }
        for class in own_classes(vm) {
            // As RustPython's own edits of a type's dict do: the method cache and Sleepy's
            // attribute caches must not keep pointers to what goes.
            class.modified();
            for (name, value) in class.attributes.entries() {
                if let (Some(name), true) =
                    (name.downcast_ref::<PyStr>(), value.downcastable::<PyMemberDescriptor>())
                {
                    class.attributes.remove(vm.ctx.intern_str(name.as_wtf8()));
                }
            }
        }
        vm.state.gc.collect_force(2);
    });
}

thread_local! {
    /// A collector state that owns nothing: it lists the objects no interpreter owns (those
    /// of RustPython's shared context, and what ended interpreters left behind).
    static UNOWNED: GcInterpreterState = GcInterpreterState::new(rustpython_vm::Context::genesis());
}

/// The classes this interpreter's program and standard library made with `class` or
/// `type()`, leaving out the shared ones every interpreter sees. (RustPython makes some
/// classes once per process, in whichever interpreter first needs them, such as
/// `typing.Generic`: those are built-in types, not heap types, and are left alone.)
/// (Once a thread has used up the collector's 65 535 owner tags, every object counts as
/// shared and this is empty: the teardown then frees less, but never another session's.)
fn own_classes(vm: &VirtualMachine) -> Vec<PyRef<PyType>> {
    let shared: std::collections::HashSet<usize> =
        UNOWNED.with(|u| u.get_objects(None).iter().map(|o| o.get_id()).collect());
    vm.state
        .gc
        .get_objects(None)
        .into_iter()
        .filter(|o| !shared.contains(&o.get_id()))
        .filter_map(|o| o.downcast::<PyType>().ok())
        .filter(|c| c.heaptype_ext.is_some())
        .collect()
}

/// Replaces the builtins that need a frame and wires up the host streams.
fn install(vm: &VirtualMachine) -> PyResult<Specials> {
    crate::objects::init_types();
    use rustpython_vm::class::PyClassImpl;
    let _ = HostStream::make_static_type();
    let sys = vm.sys_module.clone();
    for (name, stream) in [("stdout", Stream::Stdout), ("stderr", Stream::Stderr)] {
        let s: PyObjectRef = HostStream { stream }.into_ref(&vm.ctx).into();
        sys.set_attr(name, s.clone(), vm)?;
        sys.set_attr(vm.ctx.intern_str(format!("__{name}__")), s, vm)?;
    }
    let builtins = vm.builtins.clone();
    crate::modules::builtin_iters::install(builtins.as_object(), vm)?;
    let original = |name: &'static str| builtins.get_attr(name, vm);
    // `locals`, `exec`, … stay RustPython's: the standard library's Python code (run by
    // RustPython's evaluator) calls them too. Sleepy recognises them by identity instead.
    let replace = |name: &'static str, f: PyObjectRef| -> PyResult<PyObjectRef> {
        builtins.set_attr(name, f.clone(), vm)?;
        Ok(f)
    };
    let input = replace(
        "input",
        vm.new_function("input", |args: FuncArgs, vm: &VirtualMachine| -> PyResult {
            let prompt = match args.args.first() {
                Some(p) => p.str(vm)?.to_string(),
                None => String::new(),
            };
            let line = crate::vm::with_runtime(vm, |rt| {
                rt.write(Stream::Stdout, &prompt);
                rt.host.borrow_mut().read_line_blocking(&prompt)
            })?;
            match line {
                Some(Some(l)) => Ok(vm.ctx.new_str(l).into()),
                Some(None) => Err(vm.new_exception_msg(
                    vm.ctx.exceptions.eof_error.to_owned(),
                    "EOF when reading a line".into(),
                )),
                None => Err(
                    vm.new_runtime_error("input() cannot wait here: it was called from a builtin")
                ),
            }
        })
        .into(),
    )?;
    // The recursion limit is Sleepy's frame limit (RustPython's own counts only its frames).
    sys.set_attr(
        "setrecursionlimit",
        vm.new_function("setrecursionlimit", |limit: PyObjectRef, vm: &VirtualMachine| -> PyResult<()> {
            let n: i64 = limit.try_to_value(vm)?;
            if n < 1 {
                return Err(vm.new_value_error("recursion limit must be greater or equal than 1"));
            }
            let n = n as usize;
            crate::vm::with_runtime(vm, |rt| {
                if n <= rt.depth.get() {
                    Err(vm.new_recursion_error(format!(
                        "cannot set the recursion limit to {n} at the recursion depth {}: the limit is too low",
                        rt.depth.get()
                    )))
                } else {
                    rt.recursion_limit.set(n);
                    Ok(())
                }
            })??;
            // RustPython's own frames (the standard library's Python code) follow along. (Not
            // by calling the original `sys.setrecursionlimit`: a closure holding it would keep
            // `sys` alive past the session's teardown, where the collector cannot see it.)
            if n > vm.current_recursion_depth() {
                vm.recursion_limit.set(n);
            }
            Ok(())
        }),
        vm,
    )?;
    sys.set_attr(
        "getrecursionlimit",
        vm.new_function("getrecursionlimit", |vm: &VirtualMachine| -> PyResult<usize> {
            crate::vm::with_runtime(vm, |rt| rt.recursion_limit.get())
        }),
        vm,
    )?;
    let time = vm.import("time", 0)?;
    #[cfg(target_arch = "wasm32")]
    crate::modules::time_wasm::install(vm)?;
    let sleep: PyObjectRef = vm
        .new_function("sleep", |secs: PyObjectRef, vm: &VirtualMachine| -> PyResult<()> {
            let secs = crate::vm::host_sleep_seconds(&secs, vm)?;
            let slept =
                crate::vm::with_runtime(vm, |rt| rt.host.borrow_mut().sleep_blocking(secs))?;
            if slept {
                Ok(())
            } else {
                Err(vm.new_runtime_error(
                    "time.sleep() cannot wait here: it was called from a builtin",
                ))
            }
        })
        .into();
    time.set_attr("sleep", sleep.clone(), vm)?;
    let checkpoint: PyObjectRef =
        vm.new_function("checkpoint", |vm: &VirtualMachine| vm.ctx.none()).into();
    let sleepy_dict = vm.ctx.new_dict();
    sleepy_dict.set_item("checkpoint", checkpoint.clone(), vm)?;
    use crate::modules::builtin_iters::{reversed_at, sequence_iterator_at};
    use crate::modules::builtin_iters::{REVERSED_AT, SEQUENCE_ITERATOR_AT};
    sleepy_dict.set_item(REVERSED_AT, reversed_at(vm), vm)?;
    sleepy_dict.set_item(SEQUENCE_ITERATOR_AT, sequence_iterator_at(vm), vm)?;
    let sleepy_module = vm.new_module("sleepy", sleepy_dict, None);
    vm.sys_module.get_attr("modules", vm)?.set_item("sleepy", sleepy_module.into(), vm)?;
    let object = vm.ctx.types.object_type;
    Ok(Specials {
        builtins_module: builtins.clone().into(),
        import_func: original("__import__")?,
        object_new: object.as_object().get_attr("__new__", vm)?,
        next: original("next")?,
        locals: original("locals")?,
        globals: original("globals")?,
        vars: original("vars")?,
        dir: original("dir")?,
        exec: original("exec")?,
        eval: original("eval")?,
        compile: original("compile")?,
        input,
        sleep,
        checkpoint,
        breakpoint: original("breakpoint")?,
        exc_info: sys.get_attr("exc_info", vm)?,
        exception: sys.get_attr("exception", vm)?,
        sorted: original("sorted")?,
        sum: original("sum")?,
        min: original("min")?,
        max: original("max")?,
        any: original("any")?,
        all: original("all")?,
        print: original("print")?,
        repr: original("repr")?,
        list_sort: vm.ctx.types.list_type.as_object().get_attr("sort", vm)?,
        str_join: vm.ctx.types.str_type.as_object().get_attr("join", vm)?,
        dict_update: vm.ctx.types.dict_type.as_object().get_attr("update", vm)?,
        getattr: original("getattr")?,
        iter: original("iter")?,
        reduce: vm.import("_functools", 0)?.get_attr("reduce", vm)?,
    })
}

impl Session {
    /// Compiles the program and prepares it to run; nothing runs until `run`.
    pub fn new(
        program: Program,
        config: Config,
        host: Box<dyn Host>,
    ) -> Result<Session, SyntaxError> {
        let main_source = program.files.get(&program.main).cloned().unwrap_or_default();
        let code = compiler::compile(&main_source, &program.main, Mode::Exec)?;
        let _one_thread = exclusive::hold();
        let (interpreter, rt) = boot(&config, host);
        let frame = interpreter.enter(|vm| {
            for (path, source) in &program.files {
                rt.files.borrow_mut().insert(path.clone(), source.as_str().into());
            }
            rt.register_source(&program.main, &main_source);
            rt.record_unit(Unit {
                filename: program.main.clone(),
                mode: Mode::Exec,
                source: main_source.as_str().into(),
                code: code.clone(),
            });
            main_frame(vm, &rt, code, &program.main).expect("the main module can be created")
        });
        rt.depth.set(1);
        Ok(Session {
            engine: ManuallyDrop::new(Engine { interpreter, rt }),
            hash_seed: config.hash_seed,
            frames: vec![Box::new(frame)],
            waiting: Waiting::Nothing,
            done: None,
        })
    }

    /// Writes the paused program to bytes. The program is unaffected, whether this succeeds
    /// or fails.
    pub fn snapshot(&self) -> Result<Vec<u8>, SnapshotError> {
        if self.done.is_some() {
            return Err(SnapshotError::Finished);
        }
        let rt = self.engine.rt.clone();
        self.enter(|vm| {
            let _guard = RuntimeGuard::install(rt.clone());
            snapshot::write(vm, &rt, &self.frames, &self.waiting, self.hash_seed)
        })
    }

    /// Brings a snapshot back in a fresh interpreter; it continues with the next `run`.
    pub fn restore(bytes: &[u8], host: Box<dyn Host>) -> Result<Session, SnapshotError> {
        let body = snapshot::format::open(bytes)?;
        let header = snapshot::Header::read(&body)?;
        let config =
            Config { recursion_limit: header.recursion_limit, hash_seed: header.hash_seed };
        let _one_thread = exclusive::hold();
        let (interpreter, rt) = boot(&config, host);
        let restored = interpreter.enter(|vm| {
            let _guard = RuntimeGuard::install(rt.clone());
            snapshot::read(vm, &rt, &header, &body)
        });
        let restored = restored.inspect_err(|_| tear_down(&interpreter, &rt, Vec::new()))?;
        Ok(Session {
            engine: ManuallyDrop::new(Engine { interpreter, rt }),
            hash_seed: header.hash_seed,
            frames: restored.frames,
            waiting: header.waiting,
            done: None,
        })
    }

    /// Every tasklet's frames with their locals, outermost frame first.
    pub fn call_stack(&self) -> Vec<TaskletView> {
        let rt = self.engine.rt.clone();
        self.enter(|vm| {
            let _guard = RuntimeGuard::install(rt.clone());
            let top_running = matches!(self.waiting, Waiting::Nothing);
            stack_view::call_stack(&self.frames, top_running, &rt, vm)
        })
    }

    /// Reads a snapshot's call stack without running the program.
    pub fn inspect(bytes: &[u8]) -> Result<Vec<TaskletView>, SnapshotError> {
        let session = Session::restore(bytes, Box::new(crate::host::BufferedHost::default()))?;
        Ok(session.call_stack())
    }

    /// The console output the program wrote (its newest part), also across restores.
    pub fn transcript(&self) -> Vec<(Stream, String)> {
        self.engine.rt.transcript.borrow().chunks().to_vec()
    }

    /// Supplies the line `input()` waits for (`None`: end of input, raising EOFError).
    pub fn provide_input(&mut self, line: Option<String>) {
        if matches!(self.waiting, Waiting::Input { .. }) {
            self.waiting = Waiting::Line(line);
        }
    }

    /// Output written since the last call, when the host is a [`BufferedHost`].
    pub fn take_output(&mut self) -> String {
        self.take_output_chunks().into_iter().map(|(_, text)| text).collect()
    }

    /// Output written since the last call, stream by stream in the order it was written.
    pub fn take_output_chunks(&mut self) -> Vec<(Stream, String)> {
        let mut chunks = Vec::new();
        self.engine
            .rt
            .host
            .borrow_mut()
            .drain_output(&mut |stream, text| chunks.push((stream, text.to_owned())));
        chunks
    }

    /// Where the program is, cheaply: the depth of its frame stack and the line the top
    /// frame is on (the line it runs next when paused between instructions). Hosts step one
    /// line by running until this changes.
    pub fn position(&self) -> Option<(usize, u32)> {
        let top = self.frames.last()?;
        let line = match self.waiting {
            Waiting::Nothing => top.code.code.line_at(top.pc),
            _ => top.line(),
        };
        Some((self.frames.len(), line))
    }

    /// The names bound in `__main__`, sorted, each with its value's repr (or why that failed):
    /// what tells that two runs of a program ended in the same state.
    pub fn main_globals(&self) -> Vec<(String, String)> {
        let rt = self.engine.rt.clone();
        self.enter(|vm| {
            let _guard = RuntimeGuard::install(rt.clone());
            let main =
                vm.sys_module.get_attr("modules", vm).and_then(|m| m.get_item("__main__", vm));
            let Some(dict) = main.ok().and_then(|m| m.dict()) else { return Vec::new() };
            let mut globals: Vec<(String, String)> = dict
                .items_vec()
                .into_iter()
                .map(|(k, v)| {
                    let shown = match v.repr(vm) {
                        Ok(r) => r.to_string(),
                        Err(e) => format!("<repr raised {}>", e.class().name()),
                    };
                    (k.str(vm).map(|s| s.to_string()).unwrap_or_default(), shown)
                })
                .collect();
            globals.sort();
            globals
        })
    }

    pub fn ticks(&self) -> u64 {
        self.engine.rt.ticks.get()
    }

    /// Calls of Sleepy code from native code, and the deepest nesting of them.
    pub fn nested_stats(&self) -> (u64, u32) {
        (self.engine.rt.nested_entries.get(), self.engine.rt.max_nesting.get())
    }

    /// The Sleepy code that native code called, most entered first: `(where, entries)`,
    /// `where` being `qualname (file:line)`.
    pub fn nested_callees(&self) -> Vec<(String, u64)> {
        let mut callees: Vec<(String, u64)> = self
            .engine
            .rt
            .nested_callees
            .borrow()
            .values()
            .map(|(code, n)| {
                (format!("{} ({}:{})", code.qualname, code.filename, code.first_line), *n)
            })
            .collect();
        callees.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        callees
    }

    /// Runs at most `fuel` instructions.
    pub fn run(&mut self, fuel: u64) -> Status {
        if let Some(done) = &self.done {
            return done.clone();
        }
        match &self.waiting {
            Waiting::Input { prompt } => {
                return Status::Suspended(Pause::Input { prompt: prompt.clone() })
            }
            Waiting::Sleep { until } => {
                let until = *until;
                if self.engine.rt.host.borrow().now() < until {
                    return Status::Suspended(Pause::Sleep { until });
                }
            }
            _ => {}
        }
        let waiting = std::mem::replace(&mut self.waiting, Waiting::Nothing);
        let rt = self.engine.rt.clone();
        let frames = &mut self.frames;
        let _one_thread = exclusive::hold();
        let (status, waiting) = self.engine.interpreter.enter(|vm| {
            let _guard = RuntimeGuard::install(rt.clone());
            rt.slice_end.set(rt.ticks.get().saturating_add(fuel));
            let mut ev = Eval { vm, rt: &rt, frames, base: 0, can_suspend: true };
            let first = match waiting {
                Waiting::Line(Some(line)) => {
                    ev.frames
                        .last_mut()
                        .expect("frame")
                        .stack
                        .push(Value::Obj(vm.ctx.new_str(line).into()));
                    None
                }
                Waiting::Line(None) => {
                    let e = vm.new_exception_msg(
                        vm.ctx.exceptions.eof_error.to_owned(),
                        "EOF when reading a line".into(),
                    );
                    ev.raise(e, true)
                }
                Waiting::Sleep { .. } | Waiting::Checkpoint => {
                    ev.frames.last_mut().expect("frame").stack.push(Value::Obj(vm.ctx.none()));
                    None
                }
                Waiting::Nothing | Waiting::Input { .. } => None,
            };
            let exit = ev.run_after(first);
            conclude(vm, &rt, exit)
        });
        self.waiting = waiting;
        if matches!(status, Status::Finished { .. } | Status::Failed { .. }) {
            self.done = Some(status.clone());
        }
        status
    }

    /// Runs `f` in this session's interpreter, alone in the process (see [`exclusive`]).
    fn enter<R>(&self, f: impl FnOnce(&VirtualMachine) -> R) -> R {
        let _one_thread = exclusive::hold();
        self.engine.interpreter.enter(f)
    }

    /// The frames on the stack, bottom first: code, `pc` and value-stack length. For tests
    /// that check paused frames against the static stack-depth analysis.
    #[doc(hidden)]
    pub fn debug_frames(&self) -> Vec<(std::sync::Arc<crate::bytecode::CodeObject>, usize, usize)> {
        self.frames.iter().map(|f| (f.code.code.clone(), f.pc, f.stack.len())).collect()
    }
}

fn conclude(vm: &VirtualMachine, rt: &Runtime, exit: Exit) -> (Status, Waiting) {
    if matches!(exit, Exit::Returned(_) | Exit::Raised(_)) {
        run_exit_functions(vm, rt);
    }
    match exit {
        Exit::Returned(_) => (Status::Finished { exit_code: 0 }, Waiting::Nothing),
        Exit::Raised(exc) => (uncaught(vm, rt, exc), Waiting::Nothing),
        Exit::Suspended(Suspend::Budget) => (Status::Suspended(Pause::Budget), Waiting::Nothing),
        Exit::Suspended(Suspend::Input { prompt }) => {
            rt.write(Stream::Stdout, &prompt);
            (Status::Suspended(Pause::Input { prompt: prompt.clone() }), Waiting::Input { prompt })
        }
        Exit::Suspended(Suspend::Sleep { seconds }) => {
            let until = rt.host.borrow().now() + seconds;
            (Status::Suspended(Pause::Sleep { until }), Waiting::Sleep { until })
        }
        Exit::Suspended(Suspend::Checkpoint) => {
            (Status::Suspended(Pause::Checkpoint), Waiting::Checkpoint)
        }
        Exit::Switched => unreachable!("the loop goes on after a switch"),
    }
}

/// An exception that ended the program: `SystemExit` sets the exit code, anything else prints
/// a traceback.
fn uncaught(vm: &VirtualMachine, rt: &Runtime, exc: PyBaseExceptionRef) -> Status {
    if exc.fast_isinstance(vm.ctx.exceptions.system_exit) {
        let code = exc.get_arg(0).filter(|c| !vm.is_none(c));
        let exit_code = match code {
            None => 0,
            Some(c) => match c.try_to_value::<i32>(vm) {
                Ok(n) => n,
                Err(_) => {
                    let text = c.str(vm).map(|s| s.to_string()).unwrap_or_default();
                    rt.write(Stream::Stderr, &format!("{text}\n"));
                    1
                }
            },
        };
        return Status::Finished { exit_code };
    }
    let text = traceback::format(vm, rt, &exc);
    rt.write(Stream::Stderr, &text);
    Status::Failed { traceback: text }
}

/// `atexit` handlers run when the program ends, as in CPython.
fn run_exit_functions(vm: &VirtualMachine, rt: &Runtime) {
    let Ok(modules) = vm.sys_module.get_attr("modules", vm) else { return };
    if let Ok(atexit) = modules.get_item("atexit", vm) {
        if let Err(e) = vm.call_method(&atexit, "_run_exitfuncs", ()) {
            let text = traceback::format(vm, rt, &e);
            rt.write(Stream::Stderr, &text);
        }
    }
}

fn main_frame(
    vm: &VirtualMachine,
    rt: &Runtime,
    code: std::sync::Arc<crate::bytecode::CodeObject>,
    filename: &str,
) -> PyResult<Frame> {
    let globals: PyDictRef = vm.ctx.new_dict();
    globals.set_item("__name__", vm.ctx.new_str("__main__").into(), vm)?;
    globals.set_item("__file__", vm.ctx.new_str(filename).into(), vm)?;
    globals.set_item("__builtins__", rt.specials.builtins_module.clone(), vm)?;
    globals.set_item("__doc__", vm.ctx.none(), vm)?;
    let module = vm.new_module("__main__", globals.clone(), None);
    vm.sys_module.get_attr("modules", vm)?.set_item("__main__", module.into(), vm)?;
    let builtins = rt.specials.builtins_module.dict().expect("builtins dict");
    let namespace = globals.clone().into();
    Ok(Frame::for_namespace(
        LoadedCode::new(code, vm),
        globals,
        builtins,
        namespace,
        Completion::Main,
    ))
}
