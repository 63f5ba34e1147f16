//! Sleepy's own Python-visible types. Their state is plain data the snapshot codec can read.

pub mod cell;
pub mod code;
pub mod function;
pub mod generator;
pub mod tasklet;
pub mod traceback;

/// Sleepy's classes by the names snapshots give them (their Python names, such as `function`
/// and `generator`, are RustPython's types' names too, and no module names them).
pub fn own_types(
    ctx: &rustpython_vm::Context,
) -> [(&'static str, &'static rustpython_vm::Py<rustpython_vm::builtins::PyType>); 10] {
    use rustpython_vm::PyPayload;
    [
        ("Cell", cell::Cell::class(ctx)),
        ("Code", code::Code::class(ctx)),
        ("Function", function::Function::class(ctx)),
        ("Annotate", function::Annotate::class(ctx)),
        ("Generator", generator::Generator::class(ctx)),
        ("Coroutine", generator::Coroutine::class(ctx)),
        ("GenMethod", generator::GenMethod::class(ctx)),
        ("AsyncGenerator", generator::AsyncGenerator::class(ctx)),
        ("AsyncGenStep", generator::AsyncGenStep::class(ctx)),
        ("Traceback", traceback::Traceback::class(ctx)),
    ]
}

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
    tasklet::init_types();
}
