//! Where instructions hand their operation to a continuation: each entry point checks
//! whether the operation would call Sleepy code and, if so, starts the protocol; otherwise
//! RustPython performs it as before.

use rustpython_vm::builtins::PyStrInterned;
use rustpython_vm::{AsObject, PyObjectRef, PyResult};

use super::attrs;
use super::continuation::{is_heap_type, sleepy_dunder, start, start_with_call, Continuation};
use super::eval::{Eval, Flow, StepResult};
use super::operators::{plan, OpKind};
use super::ops;
use super::text::{self, text_method};
use super::value::Value;
use crate::bytecode::Conversion;

/// `a <op> b` once the int and float fast paths declined.
pub fn operator(ev: &mut Eval, kind: OpKind, a: Value, b: Value) -> StepResult {
    let vm = ev.vm;
    let program_class = |v: &Value| matches!(v, Value::Obj(o) if is_heap_type(o.class()));
    if program_class(&a) || program_class(&b) {
        if let Some(op) = plan(kind, &a.to_obj(vm), &b.to_obj(vm), vm) {
            return start(ev, Continuation::Operator(op));
        }
    }
    let v = match kind {
        OpKind::Binary(op) => ops::binary_slow(op, a, b, vm)?,
        OpKind::Inplace(op) => ops::inplace_slow(op, a, b, vm)?,
        OpKind::Compare(op) => ops::compare(op, a, b, vm)?,
    };
    ev.frames.last_mut().expect("frame").stack.push(v);
    Ok(Flow::Next)
}

/// What a truth test found: the answer, or a protocol started to find it.
pub enum Truth {
    Is(bool),
    Started(Flow),
}

/// The truth of `v`, through a Sleepy `__bool__` (or `__len__` without one) as a protocol.
#[inline]
pub fn truth(ev: &mut Eval, v: &Value) -> PyResult<Truth> {
    if let Value::Obj(o) = v {
        if is_heap_type(o.class()) {
            if let Some(flow) = start_truth(ev, o)? {
                return Ok(Truth::Started(flow));
            }
        }
    }
    ops::truthy(v, ev.vm).map(Truth::Is)
}

/// Starts the truth test of `o` when its `__bool__` (or `__len__`) is Sleepy code.
pub fn start_truth(ev: &mut Eval, o: &PyObjectRef) -> PyResult<Option<Flow>> {
    let Some((method, via_len)) = super::continuation::truth_method(o, ev.vm) else {
        return Ok(None);
    };
    start_with_call(ev, Continuation::Truth { via_len }, method, vec![o.clone()]).map(Some)
}

/// `obj.name(*args)` as a protocol, when `name` is a Sleepy dunder of `obj`'s class: for
/// operations whose result is the dunder's (`-x`, `x[k]`, `x[k] = v`, `del x[k]`, `k in x`).
pub fn dunder(
    ev: &mut Eval,
    obj: &PyObjectRef,
    name: &'static PyStrInterned,
    args: impl FnOnce() -> Vec<PyObjectRef>,
) -> PyResult<Option<Flow>> {
    let Some(method) = sleepy_dunder(obj, name) else {
        return Ok(None);
    };
    let mut all = vec![obj.clone()];
    all.extend(args());
    start_with_call(ev, Continuation::Returns, method, all).map(Some)
}

/// An f-string's `{value}`, `{value!s}` or `{value!r}` (no format spec) whose `__format__`,
/// `__str__` or `__repr__` is Sleepy code.
pub fn format(
    ev: &mut Eval,
    value: &PyObjectRef,
    conversion: Conversion,
) -> PyResult<Option<Flow>> {
    let vm = ev.vm;
    if !is_heap_type(value.class()) {
        return Ok(None);
    }
    let call = match conversion {
        Conversion::Str => text_method(value, false, vm).map(|(m, k)| (m, k, None)),
        Conversion::Repr => text_method(value, true, vm).map(|(m, k)| (m, k, None)),
        Conversion::Ascii => None,
        Conversion::None => match sleepy_dunder(value, vm.ctx.names.__format__) {
            Some(m) => Some((m, text::FORMAT, Some(vm.ctx.new_str("").into()))),
            None => {
                let own = value.class().get_attr(vm.ctx.names.__format__);
                let object = vm.ctx.types.object_type.get_attr(vm.ctx.names.__format__);
                let plain = matches!((own, object), (Some(a), Some(b)) if a.is(&b));
                if plain {
                    text_method(value, false, vm).map(|(m, k)| (m, k, None))
                } else {
                    None
                }
            }
        },
    };
    let Some((method, kind, spec)) = call else { return Ok(None) };
    let mut args = vec![value.clone()];
    args.extend(spec);
    start_with_call(ev, Continuation::Text { kind }, method, args).map(Some)
}

/// What reading an attribute through Sleepy code ends with: its result, or `default` in
/// place of an AttributeError (`getattr(obj, name, default)`).
fn attribute_result(default: Option<PyObjectRef>) -> Continuation {
    match default {
        Some(default) => Continuation::AttrDefault { default },
        None => Continuation::Returns,
    }
}

/// `obj.name` (`value` None) or `obj.name = value` where `name` is a `property` of the
/// program's class whose getter (setter) is Sleepy code; `default` as `getattr`'s.
pub fn property(
    ev: &mut Eval,
    obj: &PyObjectRef,
    name: &'static PyStrInterned,
    value: Option<PyObjectRef>,
    default: Option<PyObjectRef>,
) -> PyResult<Option<Flow>> {
    let vm = ev.vm;
    let class = obj.class();
    if !is_heap_type(class) {
        return Ok(None);
    }
    let plain = match value {
        None => attrs::plain_getattro(class, vm),
        Some(_) => attrs::plain_setattro(class, vm),
    };
    let Some(attr) = class.get_attr(name) else { return Ok(None) };
    if !plain || !attr.class().is(vm.ctx.types.property_type) {
        return Ok(None);
    }
    let accessor = attr.get_attr(if value.is_some() { "fset" } else { "fget" }, vm)?;
    if !super::continuation::sleepy_function(&accessor) {
        return Ok(None);
    }
    let mut args = vec![obj.clone()];
    args.extend(value);
    start_with_call(ev, attribute_result(default), accessor, args).map(Some)
}

/// `obj.name` for a program class with a Sleepy `__getattr__` (and object's
/// `__getattribute__`): the plain lookup, then `__getattr__` as a protocol when it fails;
/// `default` as `getattr`'s.
pub fn getattr_fallback(
    ev: &mut Eval,
    obj: &PyObjectRef,
    name: &'static PyStrInterned,
    default: Option<PyObjectRef>,
) -> PyResult<Option<Flow>> {
    let vm = ev.vm;
    let Some(getattr) = sleepy_dunder(obj, vm.ctx.names.__getattr__) else { return Ok(None) };
    let names = vm.ctx.names.__getattribute__;
    let object_lookup = vm.ctx.types.object_type.get_attr(names);
    let own_lookup = obj.class().get_attr(names);
    if !matches!((own_lookup, object_lookup), (Some(a), Some(b)) if a.is(&b)) {
        return Ok(None);
    }
    match obj.generic_getattr_opt(name, None, vm) {
        Ok(Some(v)) => {
            ev.frames.last_mut().expect("frame").stack.push(Value::from_obj(v, vm));
            return Ok(Some(Flow::Next));
        }
        // Not found: `__getattr__` answers.
        Ok(None) => {}
        Err(e) if e.fast_isinstance(vm.ctx.exceptions.attribute_error) => {}
        Err(e) => return Err(e),
    }
    let args = vec![obj.clone(), name.to_owned().into()];
    start_with_call(ev, attribute_result(default), getattr, args).map(Some)
}
