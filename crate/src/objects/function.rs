//! Python functions compiled by Sleepy.

use std::rc::Rc;

use rustpython_vm::builtins::{PyBoundMethod, PyDictRef, PyStrRef, PyTupleRef};
use rustpython_vm::common::lock::PyRwLock;
use rustpython_vm::function::{FuncArgs, PySetterValue};
use rustpython_vm::object::{Traverse, TraverseFn};
use rustpython_vm::types::{Callable, GetDescriptor, Representable};
use rustpython_vm::{
    pyclass, AsObject, Py, PyObject, PyObjectRef, PyPayload, PyRef, PyResult, VirtualMachine,
};

use super::cell::Cell;
use crate::vm::frame::LoadedCode;

#[pyclass(module = false, name = "function", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct Function {
    pub code: Rc<LoadedCode>,
    pub globals: PyDictRef,
    pub builtins: PyDictRef,
    pub closure: Vec<PyRef<Cell>>,
    pub defaults: PyRwLock<Option<PyTupleRef>>,
    pub kwdefaults: PyRwLock<Option<PyDictRef>>,
    pub name: PyRwLock<PyStrRef>,
    pub qualname: PyRwLock<PyStrRef>,
}

// SAFETY: every object reference is visited once.
unsafe impl Traverse for Function {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.globals.traverse(f);
        self.builtins.traverse(f);
        self.closure.traverse(f);
        if let Some(d) = self.defaults.try_read() {
            d.traverse(f);
        }
        if let Some(d) = self.kwdefaults.try_read() {
            d.traverse(f);
        }
        if let Some(n) = self.name.try_read() {
            n.traverse(f);
        }
        if let Some(n) = self.qualname.try_read() {
            n.traverse(f);
        }
    }
}

#[pyclass(with(Callable, GetDescriptor, Representable), flags(HAS_DICT, METHOD_DESCRIPTOR))]
impl Function {
    #[pygetset]
    fn __name__(zelf: &Py<Self>) -> PyStrRef {
        zelf.name.read().clone()
    }

    #[pygetset(setter)]
    fn set___name__(
        zelf: &Py<Self>,
        value: PySetterValue<PyStrRef>,
        vm: &VirtualMachine,
    ) -> PyResult<()> {
        match value {
            PySetterValue::Assign(v) => {
                *zelf.name.write() = v;
                Ok(())
            }
            PySetterValue::Delete => {
                Err(vm.new_type_error("__name__ must be set to a string object"))
            }
        }
    }

    #[pygetset]
    fn __qualname__(zelf: &Py<Self>) -> PyStrRef {
        zelf.qualname.read().clone()
    }

    #[pygetset(setter)]
    fn set___qualname__(
        zelf: &Py<Self>,
        value: PySetterValue<PyStrRef>,
        vm: &VirtualMachine,
    ) -> PyResult<()> {
        match value {
            PySetterValue::Assign(v) => {
                *zelf.qualname.write() = v;
                Ok(())
            }
            PySetterValue::Delete => {
                Err(vm.new_type_error("__qualname__ must be set to a string object"))
            }
        }
    }

    #[pygetset]
    fn __defaults__(zelf: &Py<Self>) -> Option<PyTupleRef> {
        zelf.defaults.read().clone()
    }

    #[pygetset(setter)]
    fn set___defaults__(zelf: &Py<Self>, value: PySetterValue<Option<PyTupleRef>>) {
        *zelf.defaults.write() = match value {
            PySetterValue::Assign(v) => v,
            PySetterValue::Delete => None,
        };
    }

    #[pygetset]
    fn __kwdefaults__(zelf: &Py<Self>) -> Option<PyDictRef> {
        zelf.kwdefaults.read().clone()
    }

    #[pygetset(setter)]
    fn set___kwdefaults__(zelf: &Py<Self>, value: PySetterValue<Option<PyDictRef>>) {
        *zelf.kwdefaults.write() = match value {
            PySetterValue::Assign(v) => v,
            PySetterValue::Delete => None,
        };
    }

    #[pygetset]
    fn __code__(zelf: &Py<Self>, vm: &VirtualMachine) -> PyObjectRef {
        crate::objects::code::Code::new_ref(zelf.code.code.clone(), vm)
    }

    /// PEP 649's annotate function, which the standard library (3.14) reads instead of
    /// `__annotations__`: None when the function has no annotations.
    #[pygetset]
    fn __annotate__(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
        let annotations = zelf.as_object().get_attr("__annotations__", vm)?;
        if annotations.length(vm)? == 0 {
            return Ok(vm.ctx.none());
        }
        Ok(Annotate { annotations }.into_ref(&vm.ctx).into())
    }

    #[pygetset(setter)]
    fn set___annotate__(
        zelf: &Py<Self>,
        value: PySetterValue,
        vm: &VirtualMachine,
    ) -> PyResult<()> {
        let annotations = match value {
            PySetterValue::Assign(f) if !vm.is_none(&f) => f.call((1,), vm)?,
            _ => vm.ctx.new_dict().into(),
        };
        zelf.as_object().set_attr("__annotations__", annotations, vm)
    }

    #[pygetset]
    fn __globals__(zelf: &Py<Self>) -> PyDictRef {
        zelf.globals.clone()
    }

    #[pygetset]
    fn __closure__(zelf: &Py<Self>, vm: &VirtualMachine) -> Option<PyTupleRef> {
        if zelf.closure.is_empty() {
            return None;
        }
        Some(vm.ctx.new_tuple(zelf.closure.iter().map(|c| c.clone().into()).collect()))
    }
}

/// Returns a function's annotations, whatever format is asked for.
#[pyclass(module = false, name = "annotate", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct Annotate {
    pub annotations: PyObjectRef,
}

// SAFETY: the one reference is visited once.
unsafe impl Traverse for Annotate {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.annotations.traverse(f);
    }
}

#[pyclass(with(Callable))]
impl Annotate {}

impl Callable for Annotate {
    type Args = FuncArgs;
    fn call(zelf: &Py<Self>, _args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        vm.ctx.types.dict_type.as_object().call((zelf.annotations.clone(),), vm)
    }
}

impl Callable for Function {
    type Args = FuncArgs;
    fn call(zelf: &Py<Self>, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        crate::vm::call_from_native(zelf.to_owned(), args, vm)
    }
}

impl GetDescriptor for Function {
    fn descr_get(
        zelf: &PyObject,
        obj: Option<&PyObject>,
        cls: Option<&PyObject>,
        vm: &VirtualMachine,
    ) -> PyResult {
        let (_zelf, obj) = Self::_unwrap(zelf, obj, vm)?;
        Ok(if vm.is_none(obj) && !Self::_cls_is(&cls, obj.class()) {
            zelf.to_owned()
        } else {
            PyBoundMethod::new(obj.to_owned(), zelf.to_owned()).into_ref(&vm.ctx).into()
        })
    }
}

impl Representable for Function {
    fn repr_str(zelf: &Py<Self>, _vm: &VirtualMachine) -> PyResult<String> {
        Ok(format!("<function {} at {:#x}>", zelf.qualname.read(), zelf.get_id()))
    }
}
