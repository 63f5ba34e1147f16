//! `import stackless`: tasklets, channels, `select`, the scheduler and its watchdog, as in
//! Stackless Python (see `objects::tasklet` for the objects and `vm::sched` for the scheduler).

pub(crate) use decl::module_def;

#[rustpython_vm::pymodule(name = "stackless")]
mod decl {
    use rustpython_vm::builtins::{PyBytesRef, PyTypeRef};
    use rustpython_vm::class::PyClassImpl;
    use rustpython_vm::{PyObjectRef, PyPayload, PyResult, VirtualMachine};

    use crate::objects::tasklet::{Atomic, Channel, Op, OpKind, Tasklet, TaskletRef};
    use crate::vm::sched;

    #[pyattr]
    fn tasklet(_vm: &VirtualMachine) -> PyTypeRef {
        Tasklet::make_static_type()
    }

    #[pyattr]
    fn channel(_vm: &VirtualMachine) -> PyTypeRef {
        Channel::make_static_type()
    }

    #[pyattr]
    fn atomic(_vm: &VirtualMachine) -> PyTypeRef {
        Atomic::make_static_type()
    }

    /// Kills a tasklet silently; a `SystemExit`, so `except Exception` does not catch it.
    #[pyattr(name = "TaskletExit")]
    fn tasklet_exit(vm: &VirtualMachine) -> PyTypeRef {
        vm.ctx.new_exception_type(
            "stackless",
            "TaskletExit",
            Some(vec![vm.ctx.exceptions.system_exit.to_owned()]),
        )
    }

    fn op(kind: OpKind, vm: &VirtualMachine) -> PyObjectRef {
        Op { target: None, kind }.into_ref(&vm.ctx).into()
    }

    #[pyattr]
    fn schedule(vm: &VirtualMachine) -> PyObjectRef {
        op(OpKind::Schedule, vm)
    }

    #[pyattr]
    fn schedule_remove(vm: &VirtualMachine) -> PyObjectRef {
        op(OpKind::ScheduleRemove, vm)
    }

    #[pyattr]
    fn run(vm: &VirtualMachine) -> PyObjectRef {
        op(OpKind::RunScheduler, vm)
    }

    #[pyattr]
    fn select(vm: &VirtualMachine) -> PyObjectRef {
        op(OpKind::Select, vm)
    }

    #[pyfunction]
    fn getcurrent(vm: &VirtualMachine) -> PyResult<TaskletRef> {
        sched::current(vm)
    }

    #[pyfunction]
    fn getmain(vm: &VirtualMachine) -> PyResult<TaskletRef> {
        sched::main(vm)
    }

    #[pyfunction]
    fn getruncount(vm: &VirtualMachine) -> PyResult<usize> {
        sched::run_count(vm)
    }

    /// What `pickle` calls to rebuild a tasklet from the image `tasklet.__reduce__` wrote.
    #[pyfunction]
    fn _restore_tasklet(image: PyBytesRef, vm: &VirtualMachine) -> PyResult<TaskletRef> {
        sched::restore(image.as_bytes(), vm)
    }

    /// `stackless.current`, `stackless.main`, `stackless.runcount` change as tasklets run.
    #[pyfunction]
    fn __getattr__(name: PyObjectRef, vm: &VirtualMachine) -> PyResult {
        let name = name.str(vm)?;
        match name.to_string().as_str() {
            "current" => Ok(sched::current(vm)?.into()),
            "main" => Ok(sched::main(vm)?.into()),
            "runcount" => Ok(vm.ctx.new_int(sched::run_count(vm)?).into()),
            other => {
                Err(vm
                    .new_attribute_error(format!("module 'stackless' has no attribute '{other}'")))
            }
        }
    }
}
