//! Builtins that need the caller's frame or that suspend: `locals`, `globals`, `vars`, `dir`,
//! `eval`, `exec`, `compile`, `input`, `next` on Sleepy generators, `time.sleep`,
//! `sys.exc_info`/`sys.exception`, `sleepy.checkpoint`.

use rustpython_vm::builtins::{PyDict, PyDictRef, PyStr};
use rustpython_vm::{AsObject, PyObjectRef, PyResult, VirtualMachine};

use super::call::{gen_op, Kwargs};
use super::eval::{Eval, Flow};
use super::frame::{Completion, Frame, LoadedCode};
use super::value::Value;
use super::{Specials, Suspend};
use crate::compiler::Mode;
use crate::objects::code::Code;
use crate::objects::generator::{gen_core, GenOp};

/// Whether `callee` is one of the builtins `builtin` may perform itself.
pub fn is_intercepted(callee: &PyObjectRef, s: &Specials) -> bool {
    [
        &s.next,
        &s.locals,
        &s.globals,
        &s.vars,
        &s.dir,
        &s.exec,
        &s.eval,
        &s.compile,
        &s.input,
        &s.sleep,
        &s.checkpoint,
        &s.breakpoint,
        &s.exc_info,
        &s.exception,
        &s.sorted,
        &s.sum,
        &s.min,
        &s.max,
        &s.any,
        &s.all,
        &s.print,
        &s.repr,
        &s.reduce,
        &s.getattr,
        &s.iter,
    ]
    .iter()
    .any(|special| callee.is(*special))
}

/// Performs `callee(*args, **kwargs)` here if it is one of the intercepted builtins (see
/// `is_intercepted`, which must list every builtin this looks at).
pub fn builtin(
    ev: &mut Eval,
    callee: &PyObjectRef,
    args: &[Value],
    kwargs: &Option<Kwargs>,
) -> PyResult<Option<Flow>> {
    let vm = ev.vm;
    let s = &ev.rt.specials;
    let no_kw = kwargs.as_ref().is_none_or(|k| k.is_empty());
    if callee.is(&s.next) && no_kw && !args.is_empty() {
        let it = args[0].to_obj(vm);
        if gen_core(&it).is_some() && args.len() == 1 {
            return gen_op(ev, &it, GenOp::Send, None).map(Some);
        }
        if args.len() <= 2 && super::continuation::sleepy_iterator(&it, vm) {
            let default = args.get(1).map(|d| d.to_obj(vm));
            let next = super::continuation::Continuation::NextItem { iter: it, default };
            return super::continuation::start(ev, next).map(Some);
        }
        if args.len() == 1 {
            if let Some(ch) = it.downcast_ref::<crate::objects::tasklet::Channel>() {
                return super::sched::channel_next(ev, &ch.to_owned(), None).map(Some);
            }
        }
        return Ok(None);
    }
    if callee.is(&s.iter) && no_kw && args.len() == 1 {
        return ev.get_iter(args[0].to_obj(vm)).map(Some);
    }
    if callee.is(&s.getattr) && no_kw && (2..=3).contains(&args.len()) {
        return getattr_builtin(ev, args);
    }
    if callee.is(&s.locals) && args.is_empty() && no_kw {
        let d = frame_locals(ev.frames.last().expect("frame"), vm)?;
        push(ev, d);
        return Ok(Some(Flow::Next));
    }
    if callee.is(&s.globals) && args.is_empty() && no_kw {
        let g = ev.frames.last().expect("frame").globals.clone();
        push(ev, g.into());
        return Ok(Some(Flow::Next));
    }
    if callee.is(&s.vars) && args.is_empty() && no_kw {
        let d = frame_locals(ev.frames.last().expect("frame"), vm)?;
        push(ev, d);
        return Ok(Some(Flow::Next));
    }
    if callee.is(&s.dir) && args.is_empty() && no_kw {
        let d = frame_locals(ev.frames.last().expect("frame"), vm)?;
        let keys = vm.call_method(&d, "keys", ())?;
        let list = vm.ctx.types.list_type.as_object().call((keys,), vm)?;
        vm.call_method(&list, "sort", ())?;
        push(ev, list);
        return Ok(Some(Flow::Next));
    }
    if callee.is(&s.exec) || callee.is(&s.eval) {
        let is_eval = callee.is(&s.eval);
        return exec_or_eval(ev, is_eval, args, kwargs).map(Some);
    }
    if callee.is(&s.compile) {
        return compile_builtin(ev, args, kwargs).map(Some);
    }
    if callee.is(&s.input) && no_kw && args.len() <= 1 {
        let prompt = match args.first() {
            Some(p) => p.to_obj(vm).str(vm)?.to_string(),
            None => String::new(),
        };
        if ev.can_suspend {
            return Ok(Some(Flow::Suspend(Suspend::Input { prompt })));
        }
        return Ok(None);
    }
    if callee.is(&s.sleep) && no_kw && args.len() == 1 {
        let secs = super::host_sleep_seconds(&args[0].to_obj(vm), vm)?;
        if ev.can_suspend {
            return Ok(Some(Flow::Suspend(Suspend::Sleep { seconds: secs })));
        }
        return Ok(None);
    }
    // breakpoint() pauses the program for the host (a debugger shows the stack), as a
    // checkpoint does.
    let pauses = callee.is(&s.checkpoint) || callee.is(&s.breakpoint);
    if pauses && no_kw && args.is_empty() {
        if ev.can_suspend {
            return Ok(Some(Flow::Suspend(Suspend::Checkpoint)));
        }
        push(ev, vm.ctx.none());
        return Ok(Some(Flow::Next));
    }
    if callee.is(&s.exc_info) || callee.is(&s.exception) {
        let handled = ev.handled_exception();
        let v = if callee.is(&s.exception) {
            handled.unwrap_or_else(|| vm.ctx.none())
        } else {
            match handled {
                Some(e) => {
                    let tb = match e.downcast_ref::<rustpython_vm::builtins::PyBaseException>() {
                        Some(exc) => crate::objects::traceback::traceback_of(exc, vm),
                        None => vm.ctx.none(),
                    };
                    vm.ctx.new_tuple(vec![e.class().to_owned().into(), e, tb]).into()
                }
                None => vm.ctx.new_tuple(vec![vm.ctx.none(), vm.ctx.none(), vm.ctx.none()]).into(),
            }
        };
        push(ev, v);
        return Ok(Some(Flow::Next));
    }
    super::resumable::builtin(ev, callee, args, kwargs)
}

fn push(ev: &mut Eval, v: PyObjectRef) {
    ev.frames.last_mut().expect("frame").stack.push(Value::Obj(v));
}

/// `locals()` of a frame: the namespace of module and class bodies, a fresh dict for functions.
pub fn frame_locals(frame: &Frame, vm: &VirtualMachine) -> PyResult {
    if let Some(l) = &frame.locals {
        return Ok(l.clone());
    }
    let d = vm.ctx.new_dict();
    let code = &frame.code.code;
    for (name, v) in code.varnames.iter().zip(&frame.fast) {
        if let Some(v) = v {
            if code.cellvars.contains(name) {
                continue;
            }
            d.set_item(name.as_str(), v.to_obj(vm), vm)?;
        }
    }
    for (name, cell) in code.cellvars.iter().chain(&code.freevars).zip(&frame.cells) {
        if let Some(v) = cell.get() {
            d.set_item(name.as_str(), v, vm)?;
        }
    }
    Ok(d.into())
}

fn arg(
    args: &[Value],
    kwargs: &Option<Kwargs>,
    index: usize,
    name: &str,
    vm: &VirtualMachine,
) -> Option<PyObjectRef> {
    if let Some(v) = args.get(index) {
        return Some(v.to_obj(vm));
    }
    kwargs.as_ref()?.iter().find(|(k, _)| k.as_wtf8() == name).map(|(_, v)| v.to_obj(vm))
}

fn exec_or_eval(
    ev: &mut Eval,
    is_eval: bool,
    args: &[Value],
    kwargs: &Option<Kwargs>,
) -> PyResult<Flow> {
    let vm = ev.vm;
    let what = if is_eval { "eval" } else { "exec" };
    let Some(source) = arg(args, kwargs, 0, "source", vm) else {
        return Err(
            vm.new_type_error(format!("{what}() missing required argument 'source' (pos 1)"))
        );
    };
    let globals = arg(args, kwargs, 1, "globals", vm).filter(|g| !vm.is_none(g));
    let locals = arg(args, kwargs, 2, "locals", vm).filter(|l| !vm.is_none(l));
    let code = match source.downcast_ref::<Code>() {
        Some(c) => c.code.clone(),
        None => {
            let text = if let Some(s) = source.downcast_ref::<PyStr>() {
                s.to_string()
            } else if let Ok(b) = source.try_to_value::<Vec<u8>>(vm) {
                String::from_utf8_lossy(&b).into_owned()
            } else {
                return Err(vm.new_type_error(format!(
                    "{what}() arg 1 must be a string, bytes or code object"
                )));
            };
            let mode = if is_eval { Mode::Eval } else { Mode::Exec };
            ev.rt
                .compile(&text, "<string>", mode)
                .map_err(|e| super::syntax_error_object(&e, vm))?
        }
    };
    let caller = ev.frames.last().expect("frame");
    let (globals, locals): (PyDictRef, PyObjectRef) = match (globals, locals) {
        (None, None) => (caller.globals.clone(), frame_locals(caller, vm)?),
        (Some(g), l) => {
            let g = g.downcast::<PyDict>().map_err(|g| {
                vm.new_type_error(format!("globals must be a dict, not {}", g.class().name()))
            })?;
            let l = l.unwrap_or_else(|| g.clone().into());
            (g, l)
        }
        (None, Some(l)) => (caller.globals.clone(), l),
    };
    if !globals.contains_key("__builtins__", vm) {
        globals.set_item("__builtins__", ev.rt.specials.builtins_module.clone(), vm)?;
    }
    let builtins = match globals.get_item_opt("__builtins__", vm)? {
        Some(b) => match b.clone().downcast::<PyDict>() {
            Ok(d) => d,
            Err(b) => b.dict().unwrap_or_else(|| caller.builtins.clone()),
        },
        None => caller.builtins.clone(),
    };
    let loaded = LoadedCode::new(code, vm);
    let frame = Frame::for_namespace(loaded, globals, builtins, locals, Completion::Push);
    Ok(Flow::Push(Box::new(frame)))
}

fn compile_builtin(ev: &mut Eval, args: &[Value], kwargs: &Option<Kwargs>) -> PyResult<Flow> {
    let vm = ev.vm;
    let source = arg(args, kwargs, 0, "source", vm)
        .ok_or_else(|| vm.new_type_error("compile() missing required argument 'source' (pos 1)"))?;
    let filename = arg(args, kwargs, 1, "filename", vm).ok_or_else(|| {
        vm.new_type_error("compile() missing required argument 'filename' (pos 2)")
    })?;
    let mode = arg(args, kwargs, 2, "mode", vm)
        .ok_or_else(|| vm.new_type_error("compile() missing required argument 'mode' (pos 3)"))?;
    let text = if let Some(s) = source.downcast_ref::<PyStr>() {
        s.to_string()
    } else if let Ok(b) = source.try_to_value::<Vec<u8>>(vm) {
        String::from_utf8_lossy(&b).into_owned()
    } else {
        return Err(vm.new_type_error("compile() arg 1 must be a string, bytes or AST object"));
    };
    let filename = filename.str(vm)?.to_string();
    let mode = match mode.str(vm)?.to_string().as_str() {
        "exec" | "single" => Mode::Exec,
        "eval" => Mode::Eval,
        _ => return Err(vm.new_value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    let code =
        ev.rt.compile(&text, &filename, mode).map_err(|e| super::syntax_error_object(&e, vm))?;
    ev.rt.register_source(&filename, &text);
    push(ev, Code::new_ref(code, vm));
    Ok(Flow::Next)
}

/// `getattr(obj, name[, default])` on a program object whose property getter or
/// `__getattr__` is Sleepy code, as the protocol `obj.name` would run.
fn getattr_builtin(ev: &mut Eval, args: &[Value]) -> PyResult<Option<Flow>> {
    let vm = ev.vm;
    let obj = args[0].to_obj(vm);
    if !super::continuation::is_heap_type(obj.class()) {
        return Ok(None);
    }
    let name = args[1].to_obj(vm);
    let Some(name) = name.downcast_ref_if_exact::<PyStr>(vm) else { return Ok(None) };
    // A name no class defines is interned only for a Sleepy `__getattr__`, so a loop over
    // made-up names does not grow the interpreter's string pool.
    let name = match vm.ctx.interned_str(name.as_wtf8()) {
        Some(interned) => interned,
        None if super::continuation::sleepy_dunder(&obj, vm.ctx.names.__getattr__).is_some() => {
            vm.ctx.intern_str(name.as_wtf8())
        }
        None => return Ok(None),
    };
    let default = args.get(2).map(|d| d.to_obj(vm));
    if let Some(flow) = super::protocols::property(ev, &obj, name, None, default.clone())? {
        return Ok(Some(flow));
    }
    super::protocols::getattr_fallback(ev, &obj, name, default)
}
