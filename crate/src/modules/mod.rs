//! Python-visible modules Sleepy provides in place of RustPython's.

use rustpython_vm::builtins::PyModuleDef;
use rustpython_vm::Context;

pub mod builtin_iters;
pub mod itertools;
#[cfg(target_arch = "wasm32")]
mod posix_wasm;
pub mod stackless;
#[cfg(target_arch = "wasm32")]
pub mod time_wasm;

/// `obj`'s steps, when it is one of Sleepy's own iterators whose `__next__` is written as
/// steps (`vm/advance.rs`).
pub fn stepped(obj: &rustpython_vm::PyObject) -> Option<&dyn crate::vm::advance::Stepped> {
    builtin_iters::stepped(obj).or_else(|| itertools::stepped(obj))
}

/// Definitions to register after RustPython's own: a later definition with the same name
/// replaces the earlier one in the interpreter's module table.
pub fn module_defs(ctx: &Context) -> Vec<&'static PyModuleDef> {
    vec![
        itertools::module_def(ctx),
        stackless::module_def(ctx),
        #[cfg(target_arch = "wasm32")]
        posix_wasm::module_def(ctx),
    ]
}
