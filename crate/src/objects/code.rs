//! Code objects returned by `compile()`; `exec`/`eval` run them with Sleepy's evaluator.

use std::sync::Arc;

use rustpython_vm::types::Representable;
use rustpython_vm::{pyclass, AsObject, Py, PyObjectRef, PyPayload, PyResult, VirtualMachine};

use crate::bytecode::CodeObject;

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
    fn co_varnames(zelf: &Py<Self>, vm: &VirtualMachine) -> PyObjectRef {
        let names = zelf
            .code
            .varnames
            .iter()
            .map(|n| vm.ctx.new_str(n.as_str()).into())
            .collect();
        vm.ctx.new_tuple(names).into()
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
