//! Traceback objects for `sys.exc_info()` and `__exit__`: RustPython's own type can only point
//! at RustPython frames, so Sleepy's entries get a type of their own.

use rustpython_vm::builtins::PyBaseException;
use rustpython_vm::object::{Traverse, TraverseFn};
use rustpython_vm::{pyclass, Py, PyObjectRef, PyPayload, PyRef, VirtualMachine};

#[pyclass(module = false, name = "traceback", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct Traceback {
    pub filename: String,
    pub lineno: u32,
    pub name: String,
    pub next: Option<PyRef<Traceback>>,
}

// SAFETY: the one reference is visited once.
unsafe impl Traverse for Traceback {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.next.traverse(f);
    }
}

#[pyclass]
impl Traceback {
    #[pygetset]
    fn tb_lineno(zelf: &Py<Self>) -> u32 {
        zelf.lineno
    }

    #[pygetset]
    fn tb_next(zelf: &Py<Self>) -> Option<PyRef<Traceback>> {
        zelf.next.clone()
    }

    #[pygetset]
    fn tb_frame(_zelf: &Py<Self>, vm: &VirtualMachine) -> PyObjectRef {
        vm.ctx.none()
    }

    #[pygetset]
    fn tb_lasti(_zelf: &Py<Self>) -> i32 {
        -1
    }
}

/// The traceback of `exc` as a chain of objects (outermost first), or None.
pub fn traceback_of(exc: &Py<PyBaseException>, vm: &VirtualMachine) -> PyObjectRef {
    let mut next: Option<PyRef<Traceback>> = None;
    for entry in crate::vm::traceback::entries(vm, exc).into_iter().rev() {
        let (filename, lineno, name) = (entry.filename, entry.line, entry.name);
        next = Some(Traceback { filename, lineno, name, next }.into_ref(&vm.ctx));
    }
    next.map_or_else(|| vm.ctx.none(), Into::into)
}
