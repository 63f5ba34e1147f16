//! One item of one of Sleepy's own iterators (the builtins `map`, `filter`, `zip`,
//! `enumerate` and `reversed`) as a continuation. Their `__next__` is written as steps: ask
//! an input for its next item, call the function, test the truth of what it returned. When
//! a step runs Sleepy code the evaluator performs it as a frame, so a pause inside `f` of
//! `for x in map(f, xs)` is an ordinary suspension that a snapshot captures; called from
//! native code (`next()` in the standard library's Python code, say), the same steps run
//! natively.

use rustpython_vm::object::{Traverse, TraverseFn};
use rustpython_vm::protocol::PyIterReturn;
use rustpython_vm::{AsObject, PyObject, PyObjectRef, PyResult, VirtualMachine};

use super::continuation::{drive_natively, sleepy_dunder, Continuation, Input, Step};
use crate::modules::stepped;
use crate::objects::generator::Generator;

/// Where one item's steps are: what the iterator waits for, and what it has so far (the
/// items of the inputs collected for `map`'s call or `zip`'s tuple, the item `filter` is
/// testing).
#[derive(Debug, Default)]
pub struct StepState {
    pub stage: u32,
    pub held: Vec<PyObjectRef>,
}

/// An iterator whose `__next__` is written as steps.
pub trait Stepped {
    /// The next step toward the next item: `Step::Done(item)`, or what it needs first;
    /// exhaustion is a StopIteration error.
    fn step(&self, state: &mut StepState, input: Input, vm: &VirtualMachine) -> PyResult<Step>;

    /// Whether a step may run Sleepy code (the function is the program's, or an input is an
    /// iterator whose `next` may).
    fn runs_sleepy(&self, vm: &VirtualMachine) -> bool;

    /// Whether `state` (read from a snapshot) is one this iterator's steps can resume from.
    fn state_fits(&self, state: &StepState) -> bool;
}

/// Whether `next(input)` may run Sleepy code, judged without looking into Sleepy's own
/// iterators (that is decided when their own steps run).
pub fn input_may_run_sleepy(input: &PyObjectRef, vm: &VirtualMachine) -> bool {
    input.downcast_ref::<Generator>().is_some()
        || sleepy_dunder(input, vm.ctx.names.__next__).is_some()
        || stepped(input).is_some()
}

/// Whether `obj` is one of Sleepy's own iterators and taking its next item may run Sleepy code.
pub fn runs_sleepy(obj: &PyObject, vm: &VirtualMachine) -> bool {
    stepped(obj).is_some_and(|s| s.runs_sleepy(vm))
}

/// Producing one item of `iter`.
#[derive(Debug)]
pub struct Advance {
    pub iter: PyObjectRef,
    pub state: StepState,
}

// SAFETY: every object reference is visited once.
unsafe impl Traverse for Advance {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.iter.traverse(f);
        self.state.held.traverse(f);
    }
}

impl Advance {
    pub fn new(iter: PyObjectRef) -> Advance {
        Advance { iter, state: StepState::default() }
    }

    /// An advance read from a snapshot, checked against the iterator it is for.
    pub fn restored(iter: PyObjectRef, state: StepState) -> Result<Advance, &'static str> {
        let stepped = stepped(&iter).ok_or("an iterator step for an object that is not one")?;
        if !stepped.state_fits(&state) {
            return Err("an iterator step does not fit its iterator");
        }
        Ok(Advance { iter, state })
    }

    pub fn resume(&mut self, input: Input, vm: &VirtualMachine) -> PyResult<Step> {
        let stepped = stepped(&self.iter)
            .ok_or_else(|| vm.new_system_error("an iterator step for an object that is not one"))?;
        stepped.step(&mut self.state, input, vm)
    }
}

/// `__next__` of one of Sleepy's own iterators, its steps performed natively.
pub fn next_natively(iter: &PyObject, vm: &VirtualMachine) -> PyResult<PyIterReturn> {
    let advance = Continuation::Advance(Advance::new(iter.to_owned()));
    match drive_natively(vec![advance], vm) {
        Ok(item) => Ok(PyIterReturn::Return(item)),
        Err(e) if e.fast_isinstance(vm.ctx.exceptions.stop_iteration) => {
            Ok(PyIterReturn::StopIteration(e.get_arg(0)))
        }
        Err(e) => Err(e),
    }
}
