//! Sleepy's own Python-visible types. Their state is plain data the snapshot codec can read.

pub mod cell;
pub mod code;
pub mod function;
pub mod generator;
pub mod traceback;

/// Registers the types with RustPython; must run before any instance is created.
pub fn init_types() {
    use rustpython_vm::class::PyClassImpl;
    let _ = cell::Cell::make_static_type();
    let _ = code::Code::make_static_type();
    let _ = function::Function::make_static_type();
    let _ = function::Annotate::make_static_type();
    let _ = generator::Generator::make_static_type();
    let _ = generator::Coroutine::make_static_type();
    let _ = generator::GenMethod::make_static_type();
    let _ = generator::AsyncGenerator::make_static_type();
    let _ = generator::AsyncGenStep::make_static_type();
    let _ = traceback::Traceback::make_static_type();
}
