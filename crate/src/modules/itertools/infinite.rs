//! `count`, `cycle` and `repeat`.

use rustpython_vm::builtins::{PyList, PyTypeRef};
use rustpython_vm::common::lock::PyMutex;
use rustpython_vm::function::FuncArgs;
use rustpython_vm::object::{Traverse, TraverseFn};
use rustpython_vm::protocol::{PyIterReturn, PyNumber};
use rustpython_vm::types::{IterNext, Iterable, Representable, SelfIter};
use rustpython_vm::{
    pyclass, AsObject, Py, PyObject, PyObjectRef, PyPayload, PyRef, PyResult, VirtualMachine,
};

use super::common::{self, reduce, ssize, stop, Signature};
use crate::vm::advance::{input_may_run_sleepy, next_natively, StepState, Stepped};
use crate::vm::continuation::{Input, Step};

/// An `int` (or `bool`) equal to one: the step `count` leaves out of its repr.
fn is_int_one(obj: &PyObject, vm: &VirtualMachine) -> bool {
    obj.fast_isinstance(vm.ctx.types.int_type)
        && obj.try_index(vm).is_ok_and(|i| *i.as_bigint() == 1.into())
}

#[pyclass(module = "itertools", name = "count", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct Count {
    state: PyMutex<CountState>,
}

#[derive(Debug)]
struct CountState {
    cur: PyObjectRef,
    step: PyObjectRef,
}

// SAFETY: every reference is visited once.
unsafe impl Traverse for CountState {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.cur.traverse(f);
        self.step.traverse(f);
    }
}

// SAFETY: delegated.
unsafe impl Traverse for Count {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.state.traverse(f);
    }
}

const COUNT: Signature =
    Signature { name: "count", params: &["start", "step"], positional: 2, required: 0 };

#[pyclass(with(IterNext, Iterable, Representable), flags(BASETYPE))]
impl Count {
    #[pyslot]
    fn slot_new(cls: PyTypeRef, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        let mut a = COUNT.bind(args, vm)?.into_iter();
        let (start, step) = (a.next().flatten(), a.next().flatten());
        if start.iter().chain(&step).any(|o| !PyNumber::check(o)) {
            return Err(vm.new_type_error("a number is required"));
        }
        let one: PyObjectRef = vm.ctx.new_int(1).into();
        let step = step.unwrap_or_else(|| one.clone());
        let start = start.unwrap_or_else(|| vm.ctx.new_int(0).into());
        // CPython's fast mode (an int start that fits a C ssize_t, an int step of one)
        // counts in machine integers and so yields exact ints even for a `bool` start.
        let fast = start.fast_isinstance(vm.ctx.types.int_type)
            && ssize(&start, vm).is_ok()
            && is_int_one(&step, vm);
        let (cur, step) = if fast {
            (vm.ctx.new_int(start.try_index(vm)?.as_bigint().clone()).into(), one)
        } else {
            (start, step)
        };
        Count { state: PyMutex::new(CountState { cur, step }) }
            .into_ref_with_type(vm, cls)
            .map(Into::into)
    }

    #[pymethod]
    fn __reduce__(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyObjectRef {
        let s = zelf.state.lock();
        let exact_one = s.step.class().is(vm.ctx.types.int_type) && is_int_one(&s.step, vm);
        let args = if exact_one && s.cur.class().is(vm.ctx.types.int_type) {
            vec![s.cur.clone()]
        } else {
            vec![s.cur.clone(), s.step.clone()]
        };
        reduce(zelf.class(), args, None, vm)
    }
}

impl SelfIter for Count {}

impl IterNext for Count {
    fn next(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<PyIterReturn> {
        let (cur, step) = {
            let s = zelf.state.lock();
            (s.cur.clone(), s.step.clone())
        };
        let stepped = vm._add(&cur, &step)?;
        zelf.state.lock().cur = stepped;
        Ok(PyIterReturn::Return(cur))
    }
}

impl Representable for Count {
    fn repr_str(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<String> {
        let (cur, step) = {
            let s = zelf.state.lock();
            (s.cur.clone(), s.step.clone())
        };
        let name = zelf.class().name().to_string();
        let cur = cur.repr(vm)?;
        Ok(if is_int_one(&step, vm) {
            format!("{name}({cur})")
        } else {
            format!("{name}({cur}, {})", step.repr(vm)?)
        })
    }
}

#[pyclass(module = "itertools", name = "cycle", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct Cycle {
    state: PyMutex<CycleState>,
}

#[derive(Debug)]
struct CycleState {
    /// The input until it is exhausted.
    it: Option<PyObjectRef>,
    saved: Vec<PyObjectRef>,
    /// The next item of `saved` to repeat once `it` is gone.
    index: usize,
    /// Set by `__setstate__`: `saved` already holds what `it` still yields.
    firstpass: bool,
}

// SAFETY: every reference is visited once.
unsafe impl Traverse for CycleState {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.it.traverse(f);
        self.saved.traverse(f);
    }
}

// SAFETY: delegated.
unsafe impl Traverse for Cycle {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.state.traverse(f);
    }
}

#[pyclass(with(IterNext, Iterable), flags(BASETYPE))]
impl Cycle {
    #[pyslot]
    fn slot_new(cls: PyTypeRef, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        let base = Self::class(&vm.ctx);
        let a = common::positional("cycle", "cycle", &cls, base, args, (1, 1), vm)?;
        let it = common::iter_of(&a[0], vm)?;
        let state = CycleState { it: Some(it), saved: Vec::new(), index: 0, firstpass: false };
        Cycle { state: PyMutex::new(state) }.into_ref_with_type(vm, cls).map(Into::into)
    }

    #[pymethod]
    fn __reduce__(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyResult {
        let (it, saved, index, firstpass) = {
            let s = zelf.state.lock();
            (s.it.clone(), s.saved.clone(), s.index, s.firstpass)
        };
        let saved: PyObjectRef = vm.ctx.new_list(saved).into();
        let (it, firstpass) = match it {
            Some(it) => (it, firstpass),
            None => {
                // Replaying from `saved`: an iterator over it, positioned, without appending.
                let it = common::iter_of(&saved, vm)?;
                if index != 0 {
                    vm.call_method(&it, "__setstate__", (index,))?;
                }
                (it, true)
            }
        };
        let state = common::tuple(vec![saved, vm.ctx.new_bool(firstpass).into()], vm);
        Ok(reduce(zelf.class(), vec![it], Some(state), vm))
    }

    #[pymethod]
    fn __setstate__(zelf: &Py<Self>, state: PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
        let state = common::state_tuple(state, vm)?;
        let [saved, firstpass] = state.as_slice() else {
            return Err(vm.new_type_error(format!(
                "function takes exactly 2 arguments ({} given)",
                state.len()
            )));
        };
        let saved = saved.downcast_ref::<PyList>().ok_or_else(|| {
            vm.new_type_error(format!("argument 1 must be list, not {}", saved.class().name()))
        })?;
        let firstpass = ssize(firstpass, vm)? != 0;
        let saved = saved.borrow_vec().to_vec();
        let mut s = zelf.state.lock();
        s.saved = saved;
        s.firstpass = firstpass;
        s.index = 0;
        Ok(())
    }
}

impl SelfIter for Cycle {}

impl IterNext for Cycle {
    fn next(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<PyIterReturn> {
        next_natively(zelf.as_object(), vm)
    }
}

impl Cycle {
    /// The next of the saved items, once the input is gone.
    fn repeat(&self, vm: &VirtualMachine) -> PyResult<Step> {
        let item = {
            let mut s = self.state.lock();
            let item = s.saved.get(s.index).cloned();
            if item.is_some() {
                s.index += 1;
                if s.index >= s.saved.len() {
                    s.index = 0;
                }
            }
            item
        };
        item.map(Step::Done).ok_or_else(|| vm.new_stop_iteration(None))
    }
}

/// One stage: waiting for the input's next item (saved on the first pass).
impl Stepped for Cycle {
    fn step(&self, _st: &mut StepState, input: Input, vm: &VirtualMachine) -> PyResult<Step> {
        match input {
            Input::Start => {
                let input = self.state.lock().it.clone();
                match input {
                    Some(it) => Ok(Step::Next(it)),
                    None => self.repeat(vm),
                }
            }
            Input::Ok(item) => {
                let mut s = self.state.lock();
                if !s.firstpass {
                    s.saved.push(item.clone());
                }
                Ok(Step::Done(item))
            }
            Input::Err(e) if e.fast_isinstance(vm.ctx.exceptions.stop_iteration) => {
                let input = self.state.lock().it.take();
                drop(input);
                self.repeat(vm)
            }
            Input::Err(e) => Err(e),
        }
    }

    fn runs_sleepy(&self, vm: &VirtualMachine) -> bool {
        let it = self.state.lock().it.clone();
        it.is_some_and(|it| input_may_run_sleepy(&it, vm))
    }

    fn state_fits(&self, st: &StepState) -> bool {
        st.stage == 0 && st.held.is_empty()
    }
}

#[pyclass(module = "itertools", name = "repeat", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct Repeat {
    element: PyObjectRef,
    /// How many are left; `None` repeats forever.
    left: PyMutex<Option<usize>>,
}

// SAFETY: the one reference is visited once.
unsafe impl Traverse for Repeat {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.element.traverse(f);
    }
}

const REPEAT: Signature =
    Signature { name: "repeat", params: &["object", "times"], positional: 2, required: 1 };

#[pyclass(with(IterNext, Iterable, Representable), flags(BASETYPE))]
impl Repeat {
    #[pyslot]
    fn slot_new(cls: PyTypeRef, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        let mut a = REPEAT.bind(args, vm)?.into_iter();
        let (Some(element), times) = (a.next().flatten(), a.next().flatten()) else {
            return Err(vm.new_type_error("repeat() missing required argument 'object' (pos 1)"));
        };
        // A negative count given explicitly means zero.
        let left = times.map(|t| ssize(&t, vm).map(|n| n.max(0) as usize)).transpose()?;
        Repeat { element, left: PyMutex::new(left) }.into_ref_with_type(vm, cls).map(Into::into)
    }

    #[pymethod]
    fn __length_hint__(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<usize> {
        zelf.left.lock().ok_or_else(|| vm.new_type_error("len() of unsized object"))
    }

    #[pymethod]
    fn __reduce__(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyObjectRef {
        let mut args = vec![zelf.element.clone()];
        args.extend(zelf.left.lock().map(|n| vm.ctx.new_int(n).into()));
        reduce(zelf.class(), args, None, vm)
    }
}

impl SelfIter for Repeat {}

impl IterNext for Repeat {
    fn next(zelf: &Py<Self>, _vm: &VirtualMachine) -> PyResult<PyIterReturn> {
        if let Some(left) = zelf.left.lock().as_mut() {
            if *left == 0 {
                return stop();
            }
            *left -= 1;
        }
        Ok(PyIterReturn::Return(zelf.element.clone()))
    }
}

impl Representable for Repeat {
    fn repr_str(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<String> {
        let name = zelf.class().name().to_string();
        let element = zelf.element.repr(vm)?;
        Ok(match *zelf.left.lock() {
            Some(n) => format!("{name}({element}, {n})"),
            None => format!("{name}({element})"),
        })
    }
}
