//! Sleepy's own Python-visible types. Their state is plain data the snapshot codec can read.

pub mod cell;
pub mod code;
pub mod function;
pub mod generator;
pub mod traceback;

/// Registers the types with RustPython; must run before any instance is created.
pub fn init_types() {
    use rustpython_vm::class::PyClassImpl;
    cell::Cell::make_static_type();
    code::Code::make_static_type();
    function::Function::make_static_type();
    function::Annotate::make_static_type();
    generator::Generator::make_static_type();
    generator::Coroutine::make_static_type();
    generator::GenMethod::make_static_type();
    generator::AsyncGenerator::make_static_type();
    generator::AsyncGenStep::make_static_type();
    traceback::Traceback::make_static_type();
}
