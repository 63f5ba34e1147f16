//! Code objects returned by `compile()`; `exec`/`eval` run them with Sleepy's evaluator.

use std::sync::Arc;

use rustpython_vm::types::Representable;
use rustpython_vm::{pyclass, AsObject, Py, PyObjectRef, PyPayload, PyResult, VirtualMachine};

use crate::bytecode::{flags, CodeObject};

fn names_tuple(names: &[String], vm: &VirtualMachine) -> PyObjectRef {
    vm.ctx.new_tuple(names.iter().map(|n| vm.ctx.new_str(n.as_str()).into()).collect()).into()
}

#[pyclass(module = false, name = "code")]
#[derive(Debug, PyPayload)]
pub struct Code {
    pub code: Arc<CodeObject>,
}

impl Code {
    pub fn new_ref(code: Arc<CodeObject>, vm: &VirtualMachine) -> PyObjectRef {
        Code { code }.into_ref(&vm.ctx).into()
    }
}

#[pyclass(with(Representable))]
impl Code {
    #[pygetset]
    fn co_name(zelf: &Py<Self>) -> String {
        zelf.code.name.clone()
    }

    #[pygetset]
    fn co_qualname(zelf: &Py<Self>) -> String {
        zelf.code.qualname.clone()
    }

    #[pygetset]
    fn co_filename(zelf: &Py<Self>) -> String {
        zelf.code.filename.to_string()
    }

    #[pygetset]
    fn co_firstlineno(zelf: &Py<Self>) -> u32 {
        zelf.code.first_line
    }

    #[pygetset]
    fn co_argcount(zelf: &Py<Self>) -> u32 {
        zelf.code.arg_count
    }

    #[pygetset]
    fn co_posonlyargcount(zelf: &Py<Self>) -> u32 {
        zelf.code.posonly_count
    }

    #[pygetset]
    fn co_kwonlyargcount(zelf: &Py<Self>) -> u32 {
        zelf.code.kwonly_count
    }

    /// CPython's flag bits, so introspection code reads them the same way.
    #[pygetset]
    fn co_flags(zelf: &Py<Self>) -> u32 {
        let c = &zelf.code;
        let mut f = 0;
        if c.kind == crate::bytecode::CodeKind::Function {
            f |= 0x1 | 0x2;
        }
        for (ours, cpython) in [
            (flags::VARARGS, 0x4),
            (flags::VARKEYWORDS, 0x8),
            (flags::GENERATOR, 0x20),
            (flags::COROUTINE, 0x80),
            (flags::ASYNC_GENERATOR, 0x200),
        ] {
            if c.has_flag(ours) {
                f |= cpython;
            }
        }
        if !c.freevars.is_empty() {
            f |= 0x10;
        }
        f
    }

    #[pygetset]
    fn co_freevars(zelf: &Py<Self>, vm: &VirtualMachine) -> PyObjectRef {
        names_tuple(&zelf.code.freevars, vm)
    }

    #[pygetset]
    fn co_cellvars(zelf: &Py<Self>, vm: &VirtualMachine) -> PyObjectRef {
        names_tuple(&zelf.code.cellvars, vm)
    }

    #[pygetset]
    fn co_names(zelf: &Py<Self>, vm: &VirtualMachine) -> PyObjectRef {
        names_tuple(&zelf.code.names, vm)
    }

    #[pygetset]
    fn co_varnames(zelf: &Py<Self>, vm: &VirtualMachine) -> PyObjectRef {
        names_tuple(&zelf.code.varnames, vm)
    }
}

impl Representable for Code {
    fn repr_str(zelf: &Py<Self>, _vm: &VirtualMachine) -> PyResult<String> {
        Ok(format!(
            "<code object {} at {:#x}, file \"{}\", line {}>",
            zelf.code.name,
            zelf.get_id(),
            zelf.code.filename,
            zelf.code.first_line
        ))
    }
}
