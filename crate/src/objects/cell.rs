//! Closure cells.

use rustpython_vm::common::lock::PyRwLock;
use rustpython_vm::object::{Traverse, TraverseFn};
use rustpython_vm::types::Representable;
use rustpython_vm::{pyclass, AsObject, Py, PyObjectRef, PyPayload, PyResult, VirtualMachine};

#[pyclass(module = false, name = "cell", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct Cell {
    pub contents: PyRwLock<Option<PyObjectRef>>,
}

impl Cell {
    pub fn new(contents: Option<PyObjectRef>) -> Self {
        Cell { contents: PyRwLock::new(contents) }
    }

    pub fn get(&self) -> Option<PyObjectRef> {
        self.contents.read().clone()
    }

    pub fn set(&self, value: Option<PyObjectRef>) {
        *self.contents.write() = value;
    }
}

// SAFETY: the one reference is visited once.
unsafe impl Traverse for Cell {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        if let Some(guard) = self.contents.try_read() {
            guard.traverse(f);
        }
    }
}

#[pyclass(with(Representable))]
impl Cell {
    #[pygetset]
    fn cell_contents(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult {
        zelf.get().ok_or_else(|| vm.new_value_error("Cell is empty"))
    }

    #[pygetset(setter)]
    fn set_cell_contents(zelf: &Py<Self>, value: PyObjectRef) {
        zelf.set(Some(value));
    }
}

impl Representable for Cell {
    fn repr_str(zelf: &Py<Self>, _vm: &VirtualMachine) -> PyResult<String> {
        Ok(match zelf.get() {
            Some(v) => format!(
                "<cell at {:#x}: {} object at {:#x}>",
                zelf.get_id(),
                v.class().name(),
                v.get_id()
            ),
            None => format!("<cell at {:#x}: empty>", zelf.get_id()),
        })
    }
}
