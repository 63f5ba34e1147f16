//! The call protocol: Sleepy functions get a frame on the same stack; builtins that need the
//! caller's frame are performed here; everything else is a RustPython call.

use std::rc::Rc;

use rustpython_vm::builtins::{
    PyBaseExceptionRef, PyDict, PyDictRef, PyStr, PyStrInterned, PyStrRef, PyTuple, PyTupleRef,
    PyType,
};
use rustpython_vm::common::lock::PyRwLock;
use rustpython_vm::function::{FuncArgs, KwArgs};
use rustpython_vm::types::PyTypeFlags;
use rustpython_vm::{AsObject, PyObjectRef, PyPayload, PyRef, PyResult, VirtualMachine};

use super::continuation::{is_heap_type, sleepy_dunder, Continuation};
use super::eval::{Eval, Flow, ResumeWith, StepResult};
use super::frame::{Completion, Frame, LoadedCode, ResumeMode};
use super::value::{expect_slot, Value};
use super::{intercept, resumable, Runtime};
use crate::bytecode::flags;
use crate::objects::cell::Cell;
use crate::objects::function::Function;
use crate::objects::generator::{AsyncGenerator, Coroutine, GenCore, GenMethod, GenOp, Generator};
use crate::objects::tasklet::Op;

pub type Kwargs = Vec<(PyStrRef, Value)>;

/// Calls `callee`: either pushes a frame (Sleepy code) or pushes the result.
pub fn call(
    ev: &mut Eval,
    callee: PyObjectRef,
    args: Vec<Value>,
    kwargs: Option<Kwargs>,
) -> StepResult {
    let vm = ev.vm;
    if let Some(func) = callee.downcast_ref::<Function>() {
        let func = func.to_owned();
        return call_function(ev, &func, args, kwargs);
    }
    let class = callee.class();
    if class.is(vm.ctx.types.bound_method_type) {
        let func = callee.get_attr("__func__", vm)?;
        if let Some(f) = func.downcast_ref::<Function>() {
            let f = f.to_owned();
            let obj = callee.get_attr("__self__", vm)?;
            let mut args = args;
            args.insert(0, Value::Obj(obj));
            return call_function(ev, &f, args, kwargs);
        }
    } else if let Some(op) = callee.downcast_ref::<Op>() {
        let fargs = to_func_args(args, kwargs, vm);
        return super::sched::call_op(ev, op, fargs);
    } else if let Some(m) = callee.downcast_ref::<GenMethod>() {
        let gen = m.gen.clone();
        let op = m.op;
        let fargs = to_func_args(args, kwargs, vm);
        let arg = gen_method_argument(op, fargs, vm)?;
        return gen_op(ev, &gen, op, arg);
    } else if class.is(vm.ctx.types.type_type) {
        if callee.is(vm.ctx.types.super_type) && args.is_empty() && kwargs.is_none() {
            // Zero-argument super() inside a method was compiled to super(__class__, self).
            let code = &ev.frames.last().expect("caller").code.code;
            let takes_args = code.arg_count > 0 || code.has_flag(flags::VARARGS);
            return Err(vm.new_runtime_error(if takes_args {
                "super(): __class__ cell not found"
            } else {
                "super(): no arguments"
            }));
        }
        if let Some(flow) = resumable::method_or_type(ev, &callee, &args, &kwargs)? {
            return Ok(flow);
        }
        if let Some(flow) = instantiate(ev, &callee, &args, &kwargs)? {
            return Ok(flow);
        }
    } else if class.is(vm.ctx.types.builtin_function_or_method_type) {
        if let Some(flow) = intercept::builtin(ev, &callee, &args, &kwargs)? {
            return Ok(flow);
        }
        if let Some((descriptor, obj)) = resumable::bound_method(&callee, ev) {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(Value::Obj(obj));
            full.extend(args.iter().cloned());
            if let Some(flow) = resumable::method_or_type(ev, &descriptor, &full, &kwargs)? {
                return Ok(flow);
            }
        }
    } else if is_resumable_method(&callee, ev.rt) {
        if let Some(flow) = resumable::method_or_type(ev, &callee, &args, &kwargs)? {
            return Ok(flow);
        }
    } else if let Some(method) = sleepy_dunder(&callee, vm.ctx.names.__call__) {
        // An instance of a program class whose `__call__` is Sleepy code.
        if let Some(f) = method.downcast_ref::<Function>() {
            let f = f.to_owned();
            let mut args = args;
            args.insert(0, Value::Obj(callee));
            return call_function(ev, &f, args, kwargs);
        }
    }
    let fargs = to_func_args(args, kwargs, vm);
    let result = callee.call(fargs, vm)?;
    ev.frames.last_mut().expect("caller").stack.push(Value::from_obj(result, vm));
    Ok(Flow::Next)
}

/// Whether `call` would pass a call of `callee` to RustPython as it is: not Sleepy code, not
/// a bound method or generator method it unwraps, not a class it instantiates itself, not a
/// builtin it intercepts.
pub fn is_plain_native(callee: &PyObjectRef, rt: &Runtime, vm: &VirtualMachine) -> bool {
    let class = callee.class();
    if class.is(vm.ctx.types.builtin_function_or_method_type) {
        return !intercept::is_intercepted(callee, &rt.specials);
    }
    !(class.is(vm.ctx.types.bound_method_type)
        || class.is(vm.ctx.types.type_type)
        || is_heap_type(class)
        || is_resumable_method(callee, rt)
        || callee.downcast_ref::<Function>().is_some()
        || callee.downcast_ref::<GenMethod>().is_some()
        || callee.downcast_ref::<Op>().is_some())
}

/// The method descriptors `resumable::method_or_type` may perform.
fn is_resumable_method(callee: &PyObjectRef, rt: &Runtime) -> bool {
    let s = &rt.specials;
    callee.is(&s.list_sort) || callee.is(&s.str_join) || callee.is(&s.dict_update)
}

pub fn to_func_args(args: Vec<Value>, kwargs: Option<Kwargs>, vm: &VirtualMachine) -> FuncArgs {
    let args: Vec<PyObjectRef> = args.into_iter().map(|v| v.into_obj(vm)).collect();
    let Some(kwargs) = kwargs else {
        // Most calls have no keywords: skip building an empty keyword map.
        return FuncArgs::new(args, KwArgs::default());
    };
    let kw: KwArgs =
        kwargs.into_iter().map(|(k, v)| (k.as_wtf8().to_owned(), v.into_obj(vm))).collect();
    FuncArgs::new(args, kw)
}

/// The argument `send`/`throw`/`close` take.
pub fn gen_method_argument(
    op: GenOp,
    args: FuncArgs,
    vm: &VirtualMachine,
) -> PyResult<Option<PyObjectRef>> {
    let mut args = args;
    match op {
        GenOp::Send => {
            if args.args.len() != 1 || !args.kwargs.is_empty() {
                return Err(vm.new_type_error(format!(
                    "send() takes exactly one argument ({} given)",
                    args.args.len()
                )));
            }
            Ok(args.args.pop())
        }
        GenOp::Throw => {
            if args.args.is_empty() || args.args.len() > 3 {
                return Err(vm.new_type_error("throw expected at least 1 argument, got 0"));
            }
            let typ = args.args.remove(0);
            let val = args.args.first().cloned();
            let exc = match val {
                Some(v) if !vm.is_none(&v) => {
                    if v.downcast_ref::<rustpython_vm::builtins::PyBaseException>().is_some() {
                        v
                    } else {
                        // throw(type, value): the type must be an exception class.
                        let is_exception_class = typ.downcast_ref::<PyType>().is_some_and(|t| {
                            t.fast_issubclass(vm.ctx.exceptions.base_exception_type)
                        });
                        if !is_exception_class {
                            return Err(vm.new_type_error(
                                "exceptions must be classes or instances deriving from BaseException",
                            ));
                        }
                        super::eval::instantiate_exception(typ.call((v,), vm)?, vm)?.into()
                    }
                }
                _ => super::eval::instantiate_exception(typ, vm)?.into(),
            };
            Ok(Some(exc))
        }
        GenOp::Close => Ok(None),
    }
}

/// `send`/`throw`/`close` on a Sleepy generator, from Sleepy code.
pub fn gen_op(ev: &mut Eval, gen: &PyObjectRef, op: GenOp, arg: Option<PyObjectRef>) -> StepResult {
    let vm = ev.vm;
    match op {
        GenOp::Send => ev.resume_generator(gen, ResumeMode::Send, ResumeWith::Value(arg)),
        GenOp::Throw => {
            let exc = arg.expect("throw has an exception").downcast().expect("exception");
            ev.resume_generator(gen, ResumeMode::Send, ResumeWith::Throw(exc))
        }
        GenOp::Close => {
            let exc = vm.new_exception_empty(vm.ctx.exceptions.generator_exit.to_owned());
            ev.resume_generator(gen, ResumeMode::Close, ResumeWith::Throw(exc))
        }
    }
}

fn call_function(
    ev: &mut Eval,
    func: &PyRef<Function>,
    args: Vec<Value>,
    kwargs: Option<Kwargs>,
) -> StepResult {
    let frame = new_frame(ev.vm, func, args, kwargs, Completion::Push)?;
    if func.code.code.is_generator_like() {
        let gen = make_generator(ev.vm, func, frame);
        ev.frames.last_mut().expect("caller").stack.push(Value::Obj(gen));
        return Ok(Flow::Next);
    }
    Ok(Flow::Push(frame))
}

pub fn make_generator(vm: &VirtualMachine, func: &Function, frame: Box<Frame>) -> PyObjectRef {
    let core = GenCore::new(frame, func.name.read().clone(), func.qualname.read().clone());
    if func.code.code.has_flag(flags::COROUTINE) {
        Coroutine { core }.into_ref(&vm.ctx).into()
    } else if func.code.code.has_flag(flags::ASYNC_GENERATOR) {
        AsyncGenerator { core }.into_ref(&vm.ctx).into()
    } else {
        Generator { core }.into_ref(&vm.ctx).into()
    }
}

/// Builds the frame for a call of `func`, binding arguments as CPython does.
pub fn new_frame(
    vm: &VirtualMachine,
    func: &Function,
    args: Vec<Value>,
    kwargs: Option<Kwargs>,
    completion: Completion,
) -> PyResult<Box<Frame>> {
    let loaded = func.code.clone();
    let code = &loaded.code;
    let argc = code.arg_count as usize;
    let kwonly = code.kwonly_count as usize;
    let nlocals = code.varnames.len();
    let mut frame = blank_frame(&*super::current(vm)?, func, completion);
    let fast = &mut frame.fast;
    fast.resize(nlocals, None);
    let qualname = func.qualname.read().clone();
    let npos = args.len();
    let has_varargs = code.has_flag(flags::VARARGS);
    let has_varkw = code.has_flag(flags::VARKEYWORDS);
    let mut args = args;
    if npos > argc {
        if has_varargs {
            let extra: Vec<PyObjectRef> = args.drain(argc..).map(|v| v.into_obj(vm)).collect();
            fast[argc + kwonly] = Some(Value::Obj(vm.ctx.new_tuple(extra).into()));
        } else {
            let defaults = func.defaults.read().as_ref().map_or(0, |d| d.len());
            let takes = if defaults > 0 {
                format!("from {} to {} positional arguments", argc - defaults, argc)
            } else {
                format!("{} positional argument{}", argc, if argc == 1 { "" } else { "s" })
            };
            let kw_given = kwargs.as_ref().map_or(0, |k| k.len());
            let given = if kw_given > 0 && kwonly > 0 {
                format!("{npos} positional argument{} (and {kw_given} keyword-only argument{}) were given", if npos == 1 { "" } else { "s" }, if kw_given == 1 { "" } else { "s" })
            } else {
                format!("{npos} {}", if npos == 1 { "was given" } else { "were given" })
            };
            return Err(vm.new_type_error(format!("{qualname}() takes {takes} but {given}")));
        }
    } else if has_varargs {
        fast[argc + kwonly] = Some(Value::Obj(vm.ctx.empty_tuple.clone().into()));
    }
    for (slot, v) in fast.iter_mut().zip(args) {
        *slot = Some(v);
    }
    let kwdict = if has_varkw { Some(vm.ctx.new_dict()) } else { None };
    if let Some(kwargs) = kwargs {
        let posonly = code.posonly_count as usize;
        let mut posonly_passed = Vec::new();
        for (name, value) in kwargs {
            let name_str = name.as_wtf8();
            let slot =
                code.varnames[posonly..argc + kwonly].iter().position(|v| name_str == v.as_str());
            match slot {
                Some(i) => {
                    let i = i + posonly;
                    if fast[i].is_some() {
                        return Err(vm.new_type_error(format!(
                            "{qualname}() got multiple values for argument '{name}'"
                        )));
                    }
                    fast[i] = Some(value);
                }
                None => {
                    if let Some(d) = &kwdict {
                        d.set_item(&*name, value.into_obj(vm), vm)?;
                    } else if code.varnames[..posonly].iter().any(|v| name_str == v.as_str()) {
                        posonly_passed.push(name.to_string());
                    } else {
                        let candidates: Vec<PyObjectRef> = code.varnames[posonly..argc + kwonly]
                            .iter()
                            .map(|v| vm.ctx.new_str(v.as_str()).into())
                            .collect();
                        let hint = rustpython_vm::suggestion::calculate_suggestions(
                            candidates.iter().map(|c| &**c),
                            name.as_object(),
                        )
                        .map(|s| format!(". Did you mean '{s}'?"))
                        .unwrap_or_default();
                        return Err(vm.new_type_error(format!(
                            "{qualname}() got an unexpected keyword argument '{name}'{hint}"
                        )));
                    }
                }
            }
        }
        if !posonly_passed.is_empty() {
            return Err(vm.new_type_error(format!(
                "{qualname}() got some positional-only arguments passed as keyword arguments: '{}'",
                posonly_passed.join(", ")
            )));
        }
    }
    // Defaults for missing positional parameters.
    if fast[..argc].iter().any(Option::is_none) {
        let defaults = func.defaults.read().clone();
        let ndefaults = defaults.as_ref().map_or(0, |d| d.len());
        let first_default = argc.saturating_sub(ndefaults);
        let mut missing = Vec::new();
        for (i, slot) in fast.iter_mut().enumerate().take(argc) {
            if slot.is_none() {
                if i >= first_default {
                    let d =
                        defaults.as_ref().expect("defaults").as_slice()[i - first_default].clone();
                    *slot = Some(Value::from_obj(d, vm));
                } else {
                    missing.push(code.varnames[i].clone());
                }
            }
        }
        if !missing.is_empty() {
            return Err(missing_error(vm, &qualname, &missing, "positional"));
        }
    }
    if kwonly > 0 {
        let kwdefaults = func.kwdefaults.read().clone();
        let mut missing = Vec::new();
        for (slot, name) in fast.iter_mut().zip(&code.varnames).skip(argc).take(kwonly) {
            if slot.is_none() {
                let d = match &kwdefaults {
                    Some(d) => d.get_item_opt(name.as_str(), vm)?,
                    None => None,
                };
                match d {
                    Some(d) => *slot = Some(Value::from_obj(d, vm)),
                    None => missing.push(name.clone()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(missing_error(vm, &qualname, &missing, "keyword-only"));
        }
    }
    if let Some(d) = kwdict {
        let slot = argc + kwonly + usize::from(has_varargs);
        fast[slot] = Some(Value::Obj(d.into()));
    }
    let cells = &mut frame.cells;
    for _ in 0..code.cellvars.len() {
        cells.push(Cell::new(None).into_ref(&vm.ctx));
    }
    for &(ci, vi) in &code.cell_params {
        let v = frame.fast[vi as usize].as_ref().map(|v| v.to_obj(vm));
        frame.cells[ci as usize].set(v);
    }
    frame.cells.extend(func.closure.iter().cloned());
    Ok(frame)
}

fn missing_error(
    vm: &VirtualMachine,
    qualname: &PyStrRef,
    missing: &[String],
    kind: &str,
) -> PyBaseExceptionRef {
    let quoted: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    };
    vm.new_type_error(format!(
        "{qualname}() missing {} required {kind} argument{}: {list}",
        missing.len(),
        if missing.len() == 1 { "" } else { "s" }
    ))
}

#[allow(clippy::too_many_arguments)]
pub fn make_function(
    vm: &VirtualMachine,
    code: Rc<LoadedCode>,
    globals: PyDictRef,
    builtins: PyDictRef,
    closure: Option<PyObjectRef>,
    defaults: Option<PyObjectRef>,
    kwdefaults: Option<PyObjectRef>,
    annotations: Option<PyObjectRef>,
) -> PyResult {
    let closure: Vec<PyRef<Cell>> = match closure {
        Some(t) => expect_slot::<PyTuple>(t, "a closure is a tuple", vm)?
            .as_slice()
            .iter()
            .map(|c| expect_slot::<Cell>(c.clone(), "a closure holds cells", vm))
            .collect::<PyResult<_>>()?,
        None => Vec::new(),
    };
    let defaults = defaults.map(|d| expect_slot::<PyTuple>(d, "defaults are a tuple", vm));
    let kwdefaults =
        kwdefaults.map(|d| expect_slot::<PyDict>(d, "keyword defaults are a dict", vm));
    let name = vm.ctx.new_str(code.code.name.as_str());
    let qualname = vm.ctx.new_str(code.code.qualname.as_str());
    let doc = code.code.docstring.clone();
    let module = globals.get_item_opt("__name__", vm)?;
    let func = Function {
        code,
        globals,
        builtins,
        closure,
        defaults: PyRwLock::new(defaults.transpose()?),
        kwdefaults: PyRwLock::new(kwdefaults.transpose()?),
        name: PyRwLock::new(name),
        qualname: PyRwLock::new(qualname),
    }
    .into_ref(&vm.ctx);
    let dict = func.as_object().dict().expect("functions have a __dict__");
    dict.set_item("__module__", module.unwrap_or_else(|| vm.ctx.none()), vm)?;
    dict.set_item("__doc__", doc.map_or_else(|| vm.ctx.none(), |d| vm.ctx.new_str(d).into()), vm)?;
    dict.set_item("__annotations__", annotations.unwrap_or_else(|| vm.ctx.new_dict().into()), vm)?;
    Ok(func.into())
}

/// `LoadMethod`: the function found on the type when calling it unbound is equivalent to
/// calling the bound method (a Sleepy function not shadowed by the instance).
pub fn lookup_method(
    obj: &PyObjectRef,
    name: &'static PyStrInterned,
    vm: &VirtualMachine,
) -> PyResult<Option<PyObjectRef>> {
    let class = obj.class();
    let Some(attr) = class.get_attr(name) else {
        return Ok(None);
    };
    // Sleepy functions and builtin method descriptors (`str.upper`, `list.append`) can be
    // called with the object as first argument, with no bound method in between.
    let is_method = attr.downcast_ref::<Function>().is_some()
        || attr.class().slots.flags.has_feature(PyTypeFlags::METHOD_DESCRIPTOR);
    if !is_method {
        return Ok(None);
    }
    // Attribute lookup must be object's plain one (no `__getattribute__`/`__getattr__`).
    let generic = vm.ctx.types.object_type.slots.getattro.load();
    let ours = class.slots.getattro.load();
    let plain = match (ours, generic) {
        (Some(a), Some(b)) => std::ptr::fn_addr_eq(a, b),
        _ => false,
    };
    if !plain {
        return Ok(None);
    }
    if let Some(dict) = obj.dict() {
        if dict.contains_key(name, vm) {
            return Ok(None);
        }
    }
    Ok(Some(attr))
}

pub fn callable_name(obj: &PyObjectRef, vm: &VirtualMachine) -> String {
    if let Ok(q) = obj.get_attr("__qualname__", vm) {
        if let Some(s) = q.downcast_ref::<PyStr>() {
            return format!("{}()", s.as_wtf8());
        }
    }
    format!("{} object", obj.class().name())
}

/// Instantiating a class whose `__init__` is Sleepy code and whose `__new__` is native
/// (`object.__new__`, or a builtin base's: `dict`, `Exception`, …): the instance made
/// natively, then an `__init__` frame, so constructors are ordinary suspendable frames.
fn instantiate(
    ev: &mut Eval,
    cls: &PyObjectRef,
    args: &[Value],
    kwargs: &Option<Kwargs>,
) -> PyResult<Option<Flow>> {
    let vm = ev.vm;
    let Some(ty) = cls.downcast_ref::<PyType>() else {
        return Ok(None);
    };
    let Some(new) = ty.get_attr(vm.ctx.intern_str("__new__")) else {
        return Ok(None);
    };
    if let Some(flow) = construct_with_sleepy_new(ev, cls, &new, args, kwargs)? {
        return Ok(Some(flow));
    }
    let object_new = &ev.rt.specials.object_new;
    let by_object = new.is(object_new);
    if !by_object && !new.class().is(vm.ctx.types.builtin_function_or_method_type) {
        return Ok(None);
    }
    let Some(init) = ty.get_attr(vm.ctx.intern_str("__init__")) else {
        return Ok(None);
    };
    let Some(init) = init.downcast_ref::<Function>() else {
        return Ok(None);
    };
    if init.code.code.is_generator_like() {
        return Ok(None);
    }
    let init = init.to_owned();
    let instance = if by_object {
        object_new.call((cls.clone(),), vm)?
    } else {
        // As `type.__call__` does: `__new__` sees every argument, and `__init__` runs only
        // on an instance of the class.
        let mut new_args = vec![Value::Obj(cls.clone())];
        new_args.extend(args.iter().cloned());
        let instance = new.call(to_func_args(new_args, kwargs.clone(), vm), vm)?;
        if !instance.class().fast_issubclass(ty) {
            ev.frames.last_mut().expect("the caller").stack.push(Value::Obj(instance));
            return Ok(Some(Flow::Next));
        }
        instance
    };
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(Value::Obj(instance.clone()));
    full.extend(args.iter().cloned());
    let frame = new_frame(vm, &init, full, kwargs.clone(), Completion::Init { instance })?;
    Ok(Some(Flow::Push(frame)))
}

/// `cls(*args)` whose `__new__` (a staticmethod) is Sleepy code, as a protocol: `__new__`,
/// then `__init__` (`Continuation::Construct`). Calls with keywords stay RustPython's.
fn construct_with_sleepy_new(
    ev: &mut Eval,
    cls: &PyObjectRef,
    new: &PyObjectRef,
    args: &[Value],
    kwargs: &Option<Kwargs>,
) -> PyResult<Option<Flow>> {
    let vm = ev.vm;
    if kwargs.as_ref().is_some_and(|k| !k.is_empty())
        || !new.class().is(vm.ctx.types.staticmethod_type)
    {
        return Ok(None);
    }
    let func = new.get_attr("__func__", vm)?;
    if !super::continuation::sleepy_function(&func) {
        return Ok(None);
    }
    let args: Vec<PyObjectRef> = args.iter().map(|a| a.to_obj(vm)).collect();
    let mut new_args = vec![cls.clone()];
    new_args.extend(args.iter().cloned());
    let cont = Continuation::Construct { cls: cls.clone(), args, instance: None };
    super::continuation::start_with_call(ev, cont, func, new_args).map(Some)
}

/// `class` statements: resolve bases and metaclass, prepare the namespace, run the body.
pub fn build_class(
    ev: &mut Eval,
    body: PyObjectRef,
    name: PyObjectRef,
    bases: PyObjectRef,
    kwargs: PyObjectRef,
) -> StepResult {
    let vm = ev.vm;
    let body = expect_slot::<Function>(body, "a class body is a function", vm)?;
    let orig_bases = expect_slot::<PyTuple>(bases, "class bases are a tuple", vm)?;
    let kwargs = expect_slot::<PyDict>(kwargs, "class keywords are a dict", vm)?;
    let bases = resolve_mro_entries(&orig_bases, vm)?;
    let meta = kwargs.pop_item("metaclass", vm)?;
    let is_class = |o: &PyObjectRef| o.downcast_ref::<PyType>().is_some();
    let meta = match meta {
        Some(m) if !is_class(&m) => m,
        explicit => {
            let mut winner: PyObjectRef = match explicit {
                Some(m) => m,
                None => match bases.as_slice().first() {
                    Some(b) => b.class().to_owned().into(),
                    None => vm.ctx.types.type_type.to_owned().into(),
                },
            };
            for base in bases.as_slice() {
                let base_meta: PyObjectRef = base.class().to_owned().into();
                let w = winner.downcast_ref::<PyType>().expect("metaclass is a type");
                let b = base_meta.downcast_ref::<PyType>().expect("type of a base is a type");
                if w.fast_issubclass(b) {
                    continue;
                }
                if b.fast_issubclass(w) {
                    winner = base_meta.clone();
                    continue;
                }
                return Err(vm.new_type_error(
                    "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
                ));
            }
            winner
        }
    };
    let kw: KwArgs = kwargs
        .items_vec()
        .into_iter()
        .map(|(k, v)| {
            (k.downcast::<PyStr>().map(|s| s.as_wtf8().to_owned()).unwrap_or_default(), v)
        })
        .collect();
    let namespace = match vm.get_attribute_opt(&meta, "__prepare__")? {
        Some(prepare) => {
            prepare.call(FuncArgs::new(vec![name.clone(), bases.clone().into()], kw), vm)?
        }
        None => vm.ctx.new_dict().into(),
    };
    if !orig_bases.is(&bases) {
        namespace.set_item("__orig_bases__", orig_bases.into(), vm)?;
    }
    let completion = Completion::ClassBody {
        meta,
        name,
        bases: bases.into(),
        kwargs,
        namespace: namespace.clone(),
    };
    let mut frame = new_frame(vm, &body, Vec::new(), None, completion)?;
    frame.locals = Some(namespace);
    Ok(Flow::Push(frame))
}

/// `type.__new__` makes these implicitly class/static methods, but only for its own function
/// type; Sleepy's functions get the same treatment here.
pub fn wrap_implicit_methods(namespace: &PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
    let wrappers = [
        ("__init_subclass__", vm.ctx.types.classmethod_type),
        ("__class_getitem__", vm.ctx.types.classmethod_type),
        ("__new__", vm.ctx.types.staticmethod_type),
    ];
    for (name, wrapper) in wrappers {
        if let Some(f) =
            super::eval::mapping_get(namespace, vm.ctx.intern_str(name).as_object(), vm)?
        {
            if f.downcast_ref::<Function>().is_some() {
                namespace.set_item(name, wrapper.as_object().call((f,), vm)?, vm)?;
            }
        }
    }
    Ok(())
}

fn resolve_mro_entries(bases: &PyTupleRef, vm: &VirtualMachine) -> PyResult<PyTupleRef> {
    let mut changed = false;
    let mut out = Vec::with_capacity(bases.len());
    for base in bases.as_slice() {
        if base.downcast_ref::<PyType>().is_none() {
            if let Some(entries) = vm.get_attribute_opt(base, "__mro_entries__")? {
                let new = entries.call((bases.clone(),), vm)?;
                let new = new
                    .downcast::<PyTuple>()
                    .map_err(|_| vm.new_type_error("__mro_entries__ must return a tuple"))?;
                out.extend(new.as_slice().iter().cloned());
                changed = true;
                continue;
            }
        }
        out.push(base.clone());
    }
    Ok(if changed { vm.ctx.new_tuple(out) } else { bases.clone() })
}

/// A call of a plain Sleepy function with exactly its positional parameters: the frame is
/// built straight from the caller's stack (`stack[callee]` is the function, the arguments
/// start at `first_arg`), skipping general argument binding. None when the call is not
/// that simple; the caller's stack is then untouched.
pub fn fast_call(
    vm: &VirtualMachine,
    rt: &Runtime,
    caller: &mut Frame,
    callee: usize,
    first_arg: usize,
) -> Option<Box<Frame>> {
    let Value::Obj(f) = &caller.stack[callee] else { return None };
    let func = f.downcast_ref::<Function>()?;
    let code = &func.code.code;
    let nargs = caller.stack.len() - first_arg;
    let simple = flags::VARARGS
        | flags::VARKEYWORDS
        | flags::GENERATOR
        | flags::COROUTINE
        | flags::ASYNC_GENERATOR;
    let argc = code.arg_count as usize;
    if code.flags & simple != 0
        || nargs > argc
        || code.kwonly_count != 0
        || !code.cellvars.is_empty()
    {
        return None;
    }
    // Missing trailing arguments come from the defaults, when there are enough of them.
    let defaults = if nargs < argc {
        let defaults = func.defaults.read().clone()?;
        let missing = argc - nargs;
        let all = defaults.as_slice();
        if all.len() < missing {
            return None;
        }
        Some((defaults.clone(), all.len() - missing))
    } else {
        None
    };
    let nlocals = code.varnames.len();
    let mut frame = blank_frame(rt, func, Completion::Push);
    frame.cells.extend(func.closure.iter().cloned());
    // Popped one by one: cheaper than draining for a handful of arguments.
    frame.fast.resize(nargs, None);
    for slot in frame.fast.iter_mut().rev() {
        *slot = caller.stack.pop();
    }
    if let Some((defaults, from)) = defaults {
        frame.fast.extend(
            defaults.as_slice()[from..].iter().map(|d| Some(Value::from_obj(d.clone(), vm))),
        );
    }
    frame.fast.resize(nlocals, None);
    caller.stack.truncate(callee);
    Some(frame)
}

/// Spare frames kept at most: enough for the call depth of most loops.
const SPARE_FRAMES: usize = 64;

/// A frame for a call of `func`, with empty stack, locals and cells: a recycled one when
/// there is one, since calls are the evaluator's most frequent allocation.
fn blank_frame(rt: &Runtime, func: &Function, completion: Completion) -> Box<Frame> {
    // The pool is not borrowed while fields are replaced: dropping them can run `__del__`.
    let spare = rt.spare_frames.borrow_mut().pop();
    match spare {
        Some(mut frame) => {
            if !Rc::ptr_eq(&frame.code, &func.code) {
                frame.code = func.code.clone();
            }
            frame.pc = 0;
            // Most calls stay in one module: its namespaces are already there.
            if !frame.globals.is(&func.globals) {
                frame.globals = func.globals.clone();
            }
            if !frame.builtins.is(&func.builtins) {
                frame.builtins = func.builtins.clone();
            }
            frame.completion = completion;
            frame
        }
        None => Box::new(Frame {
            code: func.code.clone(),
            pc: 0,
            stack: Vec::with_capacity(8),
            fast: Vec::new(),
            cells: Vec::new(),
            globals: func.globals.clone(),
            builtins: func.builtins.clone(),
            locals: None,
            completion,
            handled: None,
        }),
    }
}

/// Keeps a finished frame for reuse. Its values, cells and locals are dropped now; its code
/// and namespaces stay until the next call reuses it (usually at once, and mostly with the
/// same ones), which keeps reference counting off the call path.
pub fn recycle(rt: &Runtime, mut frame: Box<Frame>) {
    frame.stack.clear();
    frame.fast.clear();
    frame.cells.clear();
    frame.locals = None;
    frame.handled = None;
    frame.completion = Completion::Push;
    let mut spare = rt.spare_frames.borrow_mut();
    if spare.len() < SPARE_FRAMES {
        spare.push(frame);
    }
}
