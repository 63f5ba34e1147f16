//! The runtime half of `match`: mapping/sequence checks, key lookup, class patterns.

use rustpython_vm::builtins::{PyBaseObject, PyDict, PyList, PyStr, PyTuple, PyType};
use rustpython_vm::{AsObject, PyObjectRef, PyPayload, PyResult, VirtualMachine};

use super::value::expect_slot;
use super::Runtime;

fn abc(rt: &Runtime, name: &'static str, vm: &VirtualMachine) -> PyResult {
    if let Some(cls) = rt.abc_cache.borrow().get(name) {
        return Ok(cls.clone());
    }
    let module = vm.import("collections.abc", 0)?;
    let abc = module.get_attr("abc", vm)?;
    let cls = abc.get_attr(name, vm)?;
    rt.abc_cache.borrow_mut().insert(name, cls.clone());
    Ok(cls)
}

pub fn is_mapping(subject: &PyObjectRef, vm: &VirtualMachine, rt: &Runtime) -> PyResult<bool> {
    if subject.downcast_ref::<PyDict>().is_some() {
        return Ok(true);
    }
    if subject.downcast_ref::<PyList>().is_some()
        || subject.downcast_ref::<PyTuple>().is_some()
        || subject.downcast_ref::<PyStr>().is_some()
    {
        return Ok(false);
    }
    subject.is_instance(&*abc(rt, "Mapping", vm)?, vm)
}

pub fn is_sequence(subject: &PyObjectRef, vm: &VirtualMachine, rt: &Runtime) -> PyResult<bool> {
    for t in [vm.ctx.types.str_type, vm.ctx.types.bytes_type, vm.ctx.types.bytearray_type] {
        if subject.fast_isinstance(t) {
            return Ok(false);
        }
    }
    if subject.downcast_ref::<PyList>().is_some() || subject.downcast_ref::<PyTuple>().is_some() {
        return Ok(true);
    }
    if subject.downcast_ref::<PyDict>().is_some() {
        return Ok(false);
    }
    subject.is_instance(&*abc(rt, "Sequence", vm)?, vm)
}

/// Values of `keys` in `subject`, or None if one is missing.
pub fn match_keys(subject: &PyObjectRef, keys: &PyObjectRef, vm: &VirtualMachine) -> PyResult {
    let keys = expect_slot::<PyTuple>(keys.clone(), "mapping pattern keys are a tuple", vm)?;
    let get = subject.get_attr("get", vm)?;
    let sentinel: PyObjectRef = PyBaseObject.into_ref(&vm.ctx).into();
    let mut seen: Vec<PyObjectRef> = Vec::new();
    let mut values = Vec::with_capacity(keys.len());
    for key in keys.as_slice() {
        for s in &seen {
            if vm.bool_eq(s, key)? {
                return Err(vm.new_value_error(format!(
                    "mapping pattern checks duplicate key ({})",
                    key.repr(vm)?
                )));
            }
        }
        seen.push(key.clone());
        let v = get.call((key.clone(), sentinel.clone()), vm)?;
        if v.is(&sentinel) {
            return Ok(vm.ctx.none());
        }
        values.push(v);
    }
    Ok(vm.ctx.new_tuple(values).into())
}

pub fn match_class(
    subject: &PyObjectRef,
    cls: &PyObjectRef,
    npos: usize,
    kwnames: &PyObjectRef,
    vm: &VirtualMachine,
) -> PyResult {
    let Some(ty) = cls.downcast_ref::<PyType>() else {
        return Err(vm.new_type_error("called match pattern must be a class"));
    };
    if !subject.is_instance(cls, vm)? {
        return Ok(vm.ctx.none());
    }
    let mut attrs: Vec<Option<PyObjectRef>> = Vec::new();
    if npos > 0 {
        match vm.get_attribute_opt(cls, "__match_args__")? {
            Some(args) => {
                let args = args.downcast::<PyTuple>().map_err(|a| {
                    vm.new_type_error(format!(
                        "{}.__match_args__ must be a tuple (got {})",
                        ty.name(),
                        a.class().name()
                    ))
                })?;
                if npos > args.len() {
                    return Err(vm.new_type_error(format!(
                        "{}() accepts {} positional sub-pattern{} ({npos} given)",
                        ty.name(),
                        args.len(),
                        if args.len() == 1 { "" } else { "s" }
                    )));
                }
                attrs.extend(args.as_slice()[..npos].iter().cloned().map(Some));
            }
            None => {
                let special = [
                    vm.ctx.types.bool_type,
                    vm.ctx.types.bytearray_type,
                    vm.ctx.types.bytes_type,
                    vm.ctx.types.dict_type,
                    vm.ctx.types.float_type,
                    vm.ctx.types.frozenset_type,
                    vm.ctx.types.int_type,
                    vm.ctx.types.list_type,
                    vm.ctx.types.set_type,
                    vm.ctx.types.str_type,
                    vm.ctx.types.tuple_type,
                ];
                if npos == 1 && special.iter().any(|t| ty.fast_issubclass(*t)) {
                    attrs.push(None);
                } else {
                    return Err(vm.new_type_error(format!(
                        "{}() accepts 0 positional sub-patterns ({npos} given)",
                        ty.name()
                    )));
                }
            }
        }
    }
    let kwnames =
        expect_slot::<PyTuple>(kwnames.clone(), "class pattern keywords are a tuple", vm)?;
    attrs.extend(kwnames.as_slice().iter().cloned().map(Some));
    let mut values = Vec::with_capacity(attrs.len());
    let mut seen: Vec<String> = Vec::new();
    for attr in attrs {
        match attr {
            None => values.push(subject.clone()),
            Some(name) => {
                let name = name
                    .downcast::<PyStr>()
                    .map_err(|_| vm.new_type_error("__match_args__ elements must be strings"))?;
                let n = name.to_string();
                if seen.contains(&n) {
                    return Err(vm.new_type_error(format!(
                        "{}() got multiple sub-patterns for attribute '{n}'",
                        ty.name()
                    )));
                }
                seen.push(n);
                match vm.get_attribute_opt(subject, &name)? {
                    Some(v) => values.push(v),
                    None => return Ok(vm.ctx.none()),
                }
            }
        }
    }
    Ok(vm.ctx.new_tuple(values).into())
}

pub fn copy_without_keys(
    subject: &PyObjectRef,
    keys: &PyObjectRef,
    vm: &VirtualMachine,
) -> PyResult {
    let copy = vm.ctx.types.dict_type.as_object().call((subject.clone(),), vm)?;
    let keys = expect_slot::<PyTuple>(keys.clone(), "mapping pattern keys are a tuple", vm)?;
    for k in keys.as_slice() {
        copy.del_item(&**k, vm)?;
    }
    Ok(copy)
}
