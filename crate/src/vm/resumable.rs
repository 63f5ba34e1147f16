//! Builtins that take callables or iterables, run as continuations when they would call
//! Sleepy code: `sorted`, `list.sort`, `list`/`tuple`/`set`/`frozenset` of an iterable,
//! `sum`, `min`, `max`, `any`, `all`, `functools.reduce`, `str.join`, `print`, `repr` and
//! `str`. When no Sleepy code is involved RustPython runs them as before.

use rustpython_vm::builtins::{PyDict, PyList, PyListRef, PyStr, PyTuple, PyType};
use rustpython_vm::PyPayload;
use rustpython_vm::{AsObject, PyObjectRef, PyResult, VirtualMachine};

use super::call::Kwargs;
use super::continuation::{
    drive, is_heap_type, sleepy_callable, sleepy_dunder, sleepy_function, sleepy_iterable, start,
    start_with_call, Continuation, Input,
};
use super::eval::{Eval, Flow};
use super::iteration::{Gather, GatherKind, Keyed};
use super::sort::{Sort, Stage};
use super::text::{text_method, Print};
use super::value::Value;
use crate::modules::builtin_iters::{reversed_method, Reversed};

/// Whether a list or tuple holds an instance of a program class (whose dunders may be
/// Sleepy code).
fn holds_program_objects(obj: &PyObjectRef, vm: &VirtualMachine) -> bool {
    let any = |items: &[PyObjectRef]| items.iter().any(|i| is_heap_type(i.class()));
    if let Some(l) = obj.downcast_ref_if_exact::<PyList>(vm) {
        return any(&l.borrow_vec());
    }
    obj.downcast_ref_if_exact::<PyTuple>(vm).is_some_and(|t| any(t.as_slice()))
}

/// Whether consuming `obj` may run Sleepy code.
fn needs_protocol(obj: &PyObjectRef, vm: &VirtualMachine) -> bool {
    sleepy_iterable(obj, vm) || holds_program_objects(obj, vm)
}

/// The keywords of a call, when they are all among `allowed`.
fn keywords(
    kwargs: &Option<Kwargs>,
    allowed: &[&str],
    vm: &VirtualMachine,
) -> Option<Vec<(String, PyObjectRef)>> {
    let mut out = Vec::new();
    for (k, v) in kwargs.iter().flatten() {
        let k = k.as_wtf8().to_string();
        if !allowed.contains(&k.as_str()) {
            return None;
        }
        out.push((k, v.to_obj(vm)));
    }
    Some(out)
}

fn keyword(kw: &[(String, PyObjectRef)], name: &str) -> Option<PyObjectRef> {
    kw.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
}

fn gather(
    ev: &mut Eval,
    kind: GatherKind,
    iterable: PyObjectRef,
    acc: PyObjectRef,
    extra: PyObjectRef,
) -> PyResult<Option<Flow>> {
    start(ev, Continuation::Gather(Gather::new(kind, iterable, acc, extra))).map(Some)
}

fn new_list(vm: &VirtualMachine) -> PyObjectRef {
    vm.ctx.new_list(Vec::new()).into()
}

/// The builtin functions (`intercept::is_intercepted` lists them).
pub fn builtin(
    ev: &mut Eval,
    callee: &PyObjectRef,
    args: &[Value],
    kwargs: &Option<Kwargs>,
) -> PyResult<Option<Flow>> {
    let vm = ev.vm;
    let s = &ev.rt.specials;
    let ours = [&s.sorted, &s.print, &s.repr, &s.sum, &s.min, &s.max, &s.any, &s.all, &s.reduce];
    if !ours.iter().any(|f| callee.is(*f)) {
        return Ok(None);
    }
    let objs: Vec<PyObjectRef> = args.iter().map(|a| a.to_obj(vm)).collect();
    let none = || vm.ctx.none();
    if callee.is(&s.sorted) {
        let Some(kw) = keywords(kwargs, &["key", "reverse"], vm) else { return Ok(None) };
        let [iterable] = objs.as_slice() else { return Ok(None) };
        return sort(ev, iterable, None, &kw);
    }
    if callee.is(&s.print) {
        let printed = objs.iter().any(|o| text_method(o, false, vm).is_some());
        let Some(kw) = keywords(kwargs, &["sep", "end", "file", "flush"], vm) else {
            return Ok(None);
        };
        if !printed {
            return Ok(None);
        }
        let dict = vm.ctx.new_dict();
        for (k, v) in kw {
            dict.set_item(k.as_str(), v, vm)?;
        }
        let print =
            Print { print: callee.clone(), items: vm.ctx.new_list(objs), done: 0, kwargs: dict };
        return start(ev, Continuation::Print(print)).map(Some);
    }
    let kinds = [(&s.min, GatherKind::Min), (&s.max, GatherKind::Max)];
    if let Some(&(_, kind)) = kinds.iter().find(|(f, _)| callee.is(*f)) {
        let Some(kw) = keywords(kwargs, &["default", "key"], vm) else { return Ok(None) };
        let default = keyword(&kw, "default");
        let key = keyword(&kw, "key").filter(|k| !vm.is_none(k));
        let iterable = match objs.as_slice() {
            [i] => i.clone(),
            // min(a, b, …): the arguments are the items.
            [_, _, ..] if default.is_none() => vm.ctx.new_tuple(objs.clone()).into(),
            _ => return Ok(None),
        };
        let sleepy_key = key.as_ref().is_some_and(|k| sleepy_callable(k, vm));
        if !(sleepy_key || needs_protocol(&iterable, vm)) {
            return Ok(None);
        }
        let mut g = Gather::new(kind, iterable, none(), none());
        g.default = default;
        g.keyed = key.map(|key| Keyed { key, best: none(), candidate: none() });
        return start(ev, Continuation::Gather(g)).map(Some);
    }
    if kwargs.as_ref().is_some_and(|k| !k.is_empty()) {
        return Ok(None);
    }
    if callee.is(&s.repr) {
        let [obj] = objs.as_slice() else { return Ok(None) };
        return match text_method(obj, true, vm) {
            Some((m, kind)) => {
                start_with_call(ev, Continuation::Text { kind }, m, vec![obj.clone()]).map(Some)
            }
            None => Ok(None),
        };
    }
    if callee.is(&s.reduce) {
        let (function, iterable, initial) = match objs.as_slice() {
            [f, i] => (f, i, None),
            [f, i, init] => (f, i, Some(init.clone())),
            _ => return Ok(None),
        };
        if !(sleepy_callable(function, vm) || needs_protocol(iterable, vm)) {
            return Ok(None);
        }
        let mut g = Gather::new(
            GatherKind::Reduce,
            iterable.clone(),
            initial.clone().unwrap_or_else(none),
            function.clone(),
        );
        g.has_best = initial.is_some();
        return start(ev, Continuation::Gather(g)).map(Some);
    }
    if callee.is(&s.sum) {
        let (iterable, start) = match objs.as_slice() {
            [i] => (i.clone(), vm.ctx.new_int(0).into()),
            [i, s] => (i.clone(), s.clone()),
            _ => return Ok(None),
        };
        let text =
            start.downcast_ref::<PyStr>().is_some() || start.class().is(vm.ctx.types.bytes_type);
        if text || !(needs_protocol(&iterable, vm) || is_heap_type(start.class())) {
            return Ok(None);
        }
        return gather(ev, GatherKind::Sum, iterable, start, none());
    }
    let kinds = [(&s.any, GatherKind::Any), (&s.all, GatherKind::All)];
    if let Some(&(_, kind)) = kinds.iter().find(|(f, _)| callee.is(*f)) {
        let [iterable] = objs.as_slice() else { return Ok(None) };
        let iterable = iterable.clone();
        if !needs_protocol(&iterable, vm) {
            return Ok(None);
        }
        return gather(ev, kind, iterable, none(), none());
    }
    Ok(None)
}

/// `sorted(iterable, key=…, reverse=…)`, or `list.sort` of `target`.
fn sort(
    ev: &mut Eval,
    iterable: &PyObjectRef,
    target: Option<PyListRef>,
    kw: &[(String, PyObjectRef)],
) -> PyResult<Option<Flow>> {
    let vm = ev.vm;
    let key = keyword(kw, "key").filter(|k| !vm.is_none(k));
    let reverse = match keyword(kw, "reverse") {
        Some(r) if r.downcast_ref::<rustpython_vm::builtins::PyInt>().is_some() => r.is_true(vm)?,
        Some(_) => return Ok(None),
        None => false,
    };
    let sleepy_key = key.as_ref().is_some_and(|k| sleepy_callable(k, vm));
    if target.is_none() && sleepy_iterable(iterable, vm) {
        let sort = Sort::new(vm.ctx.new_list(Vec::new()), Stage::Collect, key, reverse, None);
        let collect = Gather::new(GatherKind::List, iterable.clone(), new_list(vm), vm.ctx.none());
        let conts = vec![Continuation::Sort(Box::new(sort)), Continuation::Gather(collect)];
        return drive(ev, conts, Input::Start).map(Some);
    }
    if !sleepy_key && !holds_program_objects(iterable, vm) {
        return Ok(None);
    }
    let items = match iterable.downcast_ref::<PyList>() {
        Some(l) => l.borrow_vec().to_vec(),
        None => iterable.try_to_value::<Vec<PyObjectRef>>(vm)?,
    };
    // `list.sort` empties the list while it sorts, as CPython does.
    if let Some(t) = &target {
        t.borrow_vec_mut().clear();
    }
    let sort = Sort::new(vm.ctx.new_list(items), Stage::Keys { next: 0 }, key, reverse, target);
    start(ev, Continuation::Sort(Box::new(sort))).map(Some)
}

/// Calls of method descriptors and types that may run as continuations: `list.sort`,
/// `str.join`, `list()`, `tuple()`, `set()`, `frozenset()`, `str()`, `bool()`. None to call
/// natively.
pub fn method_or_type(
    ev: &mut Eval,
    callee: &PyObjectRef,
    args: &[Value],
    kwargs: &Option<Kwargs>,
) -> PyResult<Option<Flow>> {
    let vm = ev.vm;
    let s = &ev.rt.specials;
    let objs: Vec<PyObjectRef> = args.iter().map(|a| a.to_obj(vm)).collect();
    if callee.is(&s.list_sort) {
        let Some(kw) = keywords(kwargs, &["key", "reverse"], vm) else { return Ok(None) };
        let [list] = objs.as_slice() else { return Ok(None) };
        let Ok(target) = list.clone().downcast::<PyList>() else { return Ok(None) };
        return sort(ev, list, Some(target), &kw);
    }
    if kwargs.as_ref().is_some_and(|k| !k.is_empty()) {
        return Ok(None);
    }
    if callee.is(&s.str_join) {
        let [sep, iterable] = objs.as_slice() else { return Ok(None) };
        if sep.downcast_ref::<PyStr>().is_none() || !sleepy_iterable(iterable, vm) {
            return Ok(None);
        }
        return gather(ev, GatherKind::Join, iterable.clone(), new_list(vm), sep.clone());
    }
    if callee.is(&s.dict_update) {
        let [dict, pairs] = objs.as_slice() else { return Ok(None) };
        if dict.downcast_ref::<PyDict>().is_none() || !pairs_need_protocol(pairs, vm) {
            return Ok(None);
        }
        return gather(ev, GatherKind::Update, pairs.clone(), dict.clone(), zero(vm));
    }
    let Some(ty) = callee.downcast_ref::<PyType>() else { return Ok(None) };
    let [arg] = objs.as_slice() else { return Ok(None) };
    let types = &vm.ctx.types;
    if ty.is(Reversed::class(&vm.ctx)) {
        return reversed(ev, arg);
    }
    if ty.is(types.dict_type) {
        if !pairs_need_protocol(arg, vm) {
            return Ok(None);
        }
        let dict = vm.ctx.new_dict().into();
        return gather(ev, GatherKind::Dict, arg.clone(), dict, zero(vm));
    }
    if ty.is(types.bool_type) {
        return super::protocols::start_truth(ev, arg);
    }
    if ty.is(types.str_type) {
        return match text_method(arg, false, vm) {
            Some((m, kind)) => {
                start_with_call(ev, Continuation::Text { kind }, m, vec![arg.clone()]).map(Some)
            }
            None => Ok(None),
        };
    }
    let kind = if ty.is(types.list_type) {
        GatherKind::List
    } else if ty.is(types.tuple_type) {
        GatherKind::Tuple
    } else if ty.is(types.set_type) {
        GatherKind::Set
    } else if ty.is(types.frozenset_type) {
        GatherKind::FrozenSet
    } else {
        return Ok(None);
    };
    if !sleepy_iterable(arg, vm) {
        return Ok(None);
    }
    gather(ev, kind, arg.clone(), new_list(vm), vm.ctx.none())
}

fn zero(vm: &VirtualMachine) -> PyObjectRef {
    vm.ctx.new_int(0).into()
}

/// Whether `dict(obj)`/`d.update(obj)` would iterate over pairs from Sleepy code (a mapping,
/// read through `keys()`, is left to RustPython).
fn pairs_need_protocol(obj: &PyObjectRef, vm: &VirtualMachine) -> bool {
    sleepy_iterable(obj, vm) && obj.class().get_attr(vm.ctx.intern_str("keys")).is_none()
}

/// `reversed(seq)` when the program's `__reversed__` or `__len__` decides it.
fn reversed(ev: &mut Eval, seq: &PyObjectRef) -> PyResult<Option<Flow>> {
    let vm = ev.vm;
    if !is_heap_type(seq.class()) {
        return Ok(None);
    }
    let method = match reversed_method(seq, vm)? {
        Some(m) => m,
        None => match sleepy_dunder(seq, vm.ctx.names.__len__) {
            Some(len) => {
                let cont = Continuation::ReversedLen { seq: seq.clone() };
                return start_with_call(ev, cont, len, vec![seq.clone()]).map(Some);
            }
            None => return Ok(None),
        },
    };
    if !sleepy_function(&method) {
        return Ok(None);
    }
    start_with_call(ev, Continuation::Returns, method, vec![seq.clone()]).map(Some)
}

/// Bound `list.sort`, `str.join` and `dict.update` (`words.sort(key=…)`, `", ".join(gen)`
/// after `LoadAttr`):
/// the descriptor and the object it is bound to.
pub fn bound_method(callee: &PyObjectRef, ev: &Eval) -> Option<(PyObjectRef, PyObjectRef)> {
    let vm = ev.vm;
    let s = &ev.rt.specials;
    let obj = callee.get_attr("__self__", vm).ok()?;
    let name = callee.get_attr("__name__", vm).ok()?;
    let name = name.downcast_ref::<PyStr>()?.as_wtf8().to_string();
    let descriptor = match name.as_str() {
        "sort" if obj.downcast_ref::<PyList>().is_some() => &s.list_sort,
        "join" if obj.downcast_ref::<PyStr>().is_some() => &s.str_join,
        "update" if obj.downcast_ref::<PyDict>().is_some() => &s.dict_update,
        _ => return None,
    };
    let own = obj.class().get_attr(vm.ctx.intern_str(name.as_str()))?;
    own.is(descriptor).then(|| (descriptor.clone(), obj))
}
