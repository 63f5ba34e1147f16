//! `posix` for WebAssembly, where RustPython has no operating-system backend: a machine with
//! no files, no environment variables and no processes, so that `os` — and everything that
//! imports it (`random`, `tempfile`-free parts of the standard library, `dataclasses`,
//! `traceback`, `inspect`) — imports and behaves as on a sandboxed POSIX system.

pub(crate) use decl::module_def;

#[rustpython_vm::pymodule(name = "posix")]
mod decl {
    use rustpython_vm::builtins::{PyBytesRef, PyDictRef, PyTypeRef};
    use rustpython_vm::function::FuncArgs;
    use rustpython_vm::{PyObjectRef, PyResult, VirtualMachine};

    #[pyattr]
    fn error(vm: &VirtualMachine) -> PyTypeRef {
        vm.ctx.exceptions.os_error.to_owned()
    }

    /// There is no process environment in a browser or a worker.
    #[pyattr]
    fn environ(vm: &VirtualMachine) -> PyDictRef {
        vm.ctx.new_dict()
    }

    /// None of the `*at`/`f*` variants: `os.supports_dir_fd` and friends come out empty.
    #[pyattr]
    fn _have_functions(vm: &VirtualMachine) -> rustpython_vm::builtins::PyListRef {
        vm.ctx.new_list(Vec::new())
    }

    #[pyattr]
    const F_OK: i32 = 0;
    #[pyattr]
    const R_OK: i32 = 4;
    #[pyattr]
    const W_OK: i32 = 2;
    #[pyattr]
    const X_OK: i32 = 1;
    #[pyattr]
    const O_RDONLY: i32 = 0;
    #[pyattr]
    const O_WRONLY: i32 = 1;
    #[pyattr]
    const O_RDWR: i32 = 2;
    #[pyattr]
    const O_CREAT: i32 = 0o100;
    #[pyattr]
    const O_EXCL: i32 = 0o200;
    #[pyattr]
    const O_TRUNC: i32 = 0o1000;
    #[pyattr]
    const O_APPEND: i32 = 0o2000;

    #[pyfunction]
    fn getcwd() -> &'static str {
        "/"
    }

    #[pyfunction]
    fn getcwdb(vm: &VirtualMachine) -> PyBytesRef {
        vm.ctx.new_bytes(b"/".to_vec())
    }

    #[pyfunction]
    fn getpid() -> i32 {
        1
    }

    #[pyfunction]
    fn getppid() -> i32 {
        0
    }

    #[pyfunction]
    fn cpu_count() -> i32 {
        1
    }

    #[pyfunction]
    fn strerror(code: i32) -> String {
        match code {
            1 => "Operation not permitted",
            2 => "No such file or directory",
            9 => "Bad file descriptor",
            13 => "Permission denied",
            17 => "File exists",
            20 => "Not a directory",
            21 => "Is a directory",
            22 => "Invalid argument",
            38 => "Function not implemented",
            _ => return format!("Unknown error {code}"),
        }
        .to_owned()
    }

    #[pyfunction]
    fn urandom(size: isize, vm: &VirtualMachine) -> PyResult<PyBytesRef> {
        let size = usize::try_from(size)
            .map_err(|_| vm.new_value_error("negative argument not allowed"))?;
        let mut buf = vec![0u8; size];
        getrandom::fill(&mut buf).map_err(|e| vm.new_os_error(format!("urandom: {e}")))?;
        Ok(vm.ctx.new_bytes(buf))
    }

    #[pyfunction]
    fn fspath(path: PyObjectRef, vm: &VirtualMachine) -> PyResult {
        use rustpython_vm::builtins::{PyBytes, PyStr};
        use rustpython_vm::AsObject;
        if path.downcast_ref::<PyStr>().is_some() || path.downcast_ref::<PyBytes>().is_some() {
            return Ok(path);
        }
        match path.class().get_attr(rustpython_vm::identifier!(vm, __fspath__)) {
            Some(method) => method.call((path,), vm),
            None => Err(vm.new_type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                path.class().name()
            ))),
        }
    }

    /// The program asked for a file: there are none, so it gets what a real system says
    /// about a missing one.
    fn no_such_file(
        args: &FuncArgs,
        vm: &VirtualMachine,
    ) -> rustpython_vm::builtins::PyBaseExceptionRef {
        let mut exc_args =
            vec![vm.ctx.new_int(2).into(), vm.ctx.new_str("No such file or directory").into()];
        if let Some(path) = args.args.first() {
            exc_args.push(path.clone());
        }
        vm.new_exception(vm.ctx.exceptions.file_not_found_error.to_owned(), exc_args)
    }

    #[pyfunction]
    fn stat(args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        Err(no_such_file(&args, vm))
    }

    #[pyfunction]
    fn lstat(args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        Err(no_such_file(&args, vm))
    }

    #[pyfunction]
    fn open(args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        Err(no_such_file(&args, vm))
    }

    #[pyfunction]
    fn listdir(args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        Err(no_such_file(&args, vm))
    }

    #[pyfunction]
    fn scandir(args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        Err(no_such_file(&args, vm))
    }

    #[pyfunction]
    fn access(_path: PyObjectRef, _mode: i32) -> bool {
        false
    }
}
