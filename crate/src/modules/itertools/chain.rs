//! The iterators over several inputs: `chain` and `zip_longest`.

use rustpython_vm::builtins::{PyGenericAlias, PyTypeRef};
use rustpython_vm::common::lock::PyMutex;
use rustpython_vm::function::FuncArgs;
use rustpython_vm::object::{Traverse, TraverseFn};
use rustpython_vm::protocol::PyIterReturn;
use rustpython_vm::types::{IterNext, Iterable, SelfIter};
use rustpython_vm::{
    pyclass, AsObject, Py, PyObjectRef, PyPayload, PyRef, PyResult, VirtualMachine,
};

use super::common::{self, is_iterator, iter_of, reduce};
use crate::vm::advance::{next_natively, StepState, Stepped};
use crate::vm::continuation::{sleepy_dunder, Input, Step};

#[pyclass(module = "itertools", name = "chain", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct Chain {
    state: PyMutex<ChainState>,
}

#[derive(Debug)]
struct ChainState {
    /// The iterator of iterables; `None` once it is used up.
    source: Option<PyObjectRef>,
    /// The iterator of the current iterable.
    active: Option<PyObjectRef>,
}

// SAFETY: every reference is visited once.
unsafe impl Traverse for ChainState {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.source.traverse(f);
        self.active.traverse(f);
    }
}

// SAFETY: delegated.
unsafe impl Traverse for Chain {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.state.traverse(f);
    }
}

impl Chain {
    fn over(source: PyObjectRef) -> Self {
        Chain { state: PyMutex::new(ChainState { source: Some(source), active: None }) }
    }

    /// `chain(*iterables)`.
    pub fn from_args(iterables: Vec<PyObjectRef>, vm: &VirtualMachine) -> PyResult {
        let source = iter_of(&common::tuple(iterables, vm), vm)?;
        Ok(Chain::over(source).into_ref(&vm.ctx).into())
    }
}

#[pyclass(with(IterNext, Iterable), flags(BASETYPE))]
impl Chain {
    #[pyslot]
    fn slot_new(cls: PyTypeRef, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        let n = args.args.len();
        let a = common::positional("chain", "chain", &cls, Self::class(&vm.ctx), args, (0, n), vm)?;
        let source = iter_of(&common::tuple(a, vm), vm)?;
        Chain::over(source).into_ref_with_type(vm, cls).map(Into::into)
    }

    #[pyclassmethod]
    fn from_iterable(cls: PyTypeRef, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        let [iterable] = args.args.as_slice() else {
            return Err(vm.new_type_error(format!(
                "chain.from_iterable() takes exactly one argument ({} given)",
                args.args.len() + args.kwargs.len()
            )));
        };
        if !args.kwargs.is_empty() {
            return Err(vm.new_type_error("chain.from_iterable() takes no keyword arguments"));
        }
        let source = iter_of(iterable, vm)?;
        Chain::over(source).into_ref_with_type(vm, cls).map(Into::into)
    }

    #[pyclassmethod]
    fn __class_getitem__(
        cls: PyTypeRef,
        args: PyObjectRef,
        vm: &VirtualMachine,
    ) -> PyResult<PyGenericAlias> {
        PyGenericAlias::from_args(cls, args, vm)
    }

    #[pymethod]
    fn __reduce__(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyObjectRef {
        let s = zelf.state.lock();
        let state = s.source.as_ref().map(|source| {
            let mut parts = vec![source.clone()];
            parts.extend(s.active.clone());
            common::tuple(parts, vm)
        });
        reduce(zelf.class(), vec![], state, vm)
    }

    #[pymethod]
    fn __setstate__(zelf: &Py<Self>, state: PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
        let state = common::state_tuple(state, vm)?;
        let (source, active) = match state.as_slice() {
            [source] => (source.clone(), None),
            [source, active] => (source.clone(), Some(active.clone())),
            other => {
                let how = if other.is_empty() { "at least 1" } else { "at most 2" };
                return Err(vm.new_type_error(format!(
                    "function takes {how} arguments ({} given)",
                    other.len()
                )));
            }
        };
        if !is_iterator(&source) || active.as_ref().is_some_and(|a| !is_iterator(a)) {
            return Err(vm.new_type_error("Arguments must be iterators."));
        }
        *zelf.state.lock() = ChainState { source: Some(source), active };
        Ok(())
    }
}

impl SelfIter for Chain {}

impl IterNext for Chain {
    fn next(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<PyIterReturn> {
        next_natively(zelf.as_object(), vm)
    }
}

impl Chain {
    /// The next iterable's iterator arrived (or failed to).
    fn activate(&self, active: PyResult, s: &mut StepState, vm: &VirtualMachine) -> PyResult<Step> {
        match active {
            Ok(active) => {
                self.state.lock().active = Some(active);
                self.ask(s, vm)
            }
            Err(e) => {
                self.state.lock().source = None;
                Err(e)
            }
        }
    }

    /// Asks the active iterator for an item, or the source for the next iterable.
    fn ask(&self, s: &mut StepState, vm: &VirtualMachine) -> PyResult<Step> {
        let (source, active) = {
            let state = self.state.lock();
            (state.source.clone(), state.active.clone())
        };
        let Some(source) = source else {
            return Err(vm.new_stop_iteration(None));
        };
        Ok(match active {
            Some(active) => {
                s.stage = 1;
                s.held = vec![active.clone()];
                Step::Next(active)
            }
            None => {
                s.stage = 0;
                s.held.clear();
                Step::Next(source)
            }
        })
    }
}

/// Stage 0: waiting for the source's next iterable; stage 1: for an item of the active
/// iterator (held); stage 2: for the Sleepy `__iter__` of the next iterable.
impl Stepped for Chain {
    fn step(&self, s: &mut StepState, input: Input, vm: &VirtualMachine) -> PyResult<Step> {
        let is_stop = |e: &rustpython_vm::builtins::PyBaseExceptionRef| {
            e.fast_isinstance(vm.ctx.exceptions.stop_iteration)
        };
        match (s.stage, input) {
            (_, Input::Start) => self.ask(s, vm),
            (0, Input::Ok(iterable)) => {
                if let Some(iter) = sleepy_dunder(&iterable, vm.ctx.names.__iter__) {
                    s.stage = 2;
                    return Ok(Step::Call(iter, vec![iterable]));
                }
                self.activate(iter_of(&iterable, vm), s, vm)
            }
            (2, Input::Ok(active)) if !is_iterator(&active) => {
                let e = vm.new_type_error(format!(
                    "iter() returned non-iterator of type '{}'",
                    active.class().name()
                ));
                self.activate(Err(e), s, vm)
            }
            (2, Input::Ok(active)) => self.activate(Ok(active), s, vm),
            // A failing or exhausted source ends the chain for good, and so does an iterable
            // whose `__iter__` fails.
            (0 | 2, Input::Err(e)) => {
                self.state.lock().source = None;
                Err(if is_stop(&e) { vm.new_stop_iteration(None) } else { e })
            }
            (_, Input::Ok(item)) => Ok(Step::Done(item)),
            (_, Input::Err(e)) if is_stop(&e) => {
                let finished = s.held.pop();
                let mut state = self.state.lock();
                if state.active.as_ref().zip(finished).is_some_and(|(a, f)| a.is(&f)) {
                    state.active = None;
                }
                drop(state);
                self.ask(s, vm)
            }
            (_, Input::Err(e)) => Err(e),
        }
    }

    /// The iterables still to come cannot be looked at: any may be the program's.
    fn runs_sleepy(&self, _vm: &VirtualMachine) -> bool {
        self.state.lock().source.is_some()
    }

    fn state_fits(&self, s: &StepState) -> bool {
        matches!((s.stage, s.held.len()), (0 | 2, 0) | (1, 1))
    }
}

#[pyclass(module = "itertools", name = "zip_longest", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct ZipLongest {
    state: PyMutex<ZipState>,
}

#[derive(Debug)]
struct ZipState {
    /// The inputs; an exhausted one is `None` and yields the fill value.
    iters: Vec<Option<PyObjectRef>>,
    active: usize,
    fillvalue: PyObjectRef,
}

// SAFETY: every reference is visited once.
unsafe impl Traverse for ZipState {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.iters.traverse(f);
        self.fillvalue.traverse(f);
    }
}

// SAFETY: delegated.
unsafe impl Traverse for ZipLongest {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.state.traverse(f);
    }
}

#[pyclass(with(IterNext, Iterable), flags(BASETYPE))]
impl ZipLongest {
    #[pyslot]
    fn slot_new(cls: PyTypeRef, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        let FuncArgs { args, mut kwargs } = args;
        let fillvalue = match kwargs.len() {
            0 => vm.ctx.none(),
            1 => kwargs.shift_remove("fillvalue").ok_or_else(|| {
                vm.new_type_error("zip_longest() got an unexpected keyword argument")
            })?,
            _ => return Err(vm.new_type_error("zip_longest() got an unexpected keyword argument")),
        };
        let iters = args.iter().map(|a| iter_of(a, vm).map(Some)).collect::<PyResult<Vec<_>>>()?;
        let active = iters.len();
        ZipLongest { state: PyMutex::new(ZipState { iters, active, fillvalue }) }
            .into_ref_with_type(vm, cls)
            .map(Into::into)
    }

    #[pymethod]
    fn __reduce__(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyObjectRef {
        let s = zelf.state.lock();
        if s.active == 0 {
            // Finished: nothing is left to zip.
            return reduce(zelf.class(), vec![], None, vm);
        }
        let args = s
            .iters
            .iter()
            .map(|it| it.clone().unwrap_or_else(|| vm.ctx.empty_tuple.clone().into()))
            .collect();
        reduce(zelf.class(), args, Some(s.fillvalue.clone()), vm)
    }

    #[pymethod]
    fn __setstate__(zelf: &Py<Self>, state: PyObjectRef) {
        zelf.state.lock().fillvalue = state;
    }
}

impl SelfIter for ZipLongest {}

impl IterNext for ZipLongest {
    fn next(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<PyIterReturn> {
        next_natively(zelf.as_object(), vm)
    }
}

impl ZipLongest {
    /// Asks the next input that is not exhausted from `st.stage` on for an item (exhausted
    /// ones give the fill value), or finishes the tuple.
    fn ask(&self, st: &mut StepState, vm: &VirtualMachine) -> PyResult<Step> {
        let (iters, fillvalue) = {
            let s = self.state.lock();
            (s.iters.clone(), s.fillvalue.clone())
        };
        while let Some(input) = iters.get(st.stage as usize) {
            match input {
                Some(it) => return Ok(Step::Next(it.clone())),
                None => {
                    st.held.push(fillvalue.clone());
                    st.stage += 1;
                }
            }
        }
        Ok(Step::Done(common::tuple(std::mem::take(&mut st.held), vm)))
    }
}

/// Stage `i`: waiting for input `i`'s item, the items (or fill values) before it held.
impl Stepped for ZipLongest {
    fn step(&self, st: &mut StepState, input: Input, vm: &VirtualMachine) -> PyResult<Step> {
        let stopped = || vm.new_stop_iteration(None);
        let done = {
            let s = self.state.lock();
            s.iters.is_empty() || s.active == 0
        };
        if done {
            return Err(stopped());
        }
        match input {
            Input::Start => {}
            Input::Ok(item) => {
                st.held.push(item);
                st.stage += 1;
            }
            Input::Err(e) if e.fast_isinstance(vm.ctx.exceptions.stop_iteration) => {
                let all_done = {
                    let mut s = self.state.lock();
                    s.active = s.active.saturating_sub(1);
                    if let Some(slot) = s.iters.get_mut(st.stage as usize) {
                        *slot = None;
                    }
                    s.active == 0
                };
                if all_done {
                    return Err(stopped());
                }
                let fillvalue = self.state.lock().fillvalue.clone();
                st.held.push(fillvalue);
                st.stage += 1;
            }
            Input::Err(e) => {
                self.state.lock().active = 0;
                return Err(e);
            }
        }
        self.ask(st, vm)
    }

    fn runs_sleepy(&self, vm: &VirtualMachine) -> bool {
        let iters = self.state.lock().iters.clone();
        iters.iter().flatten().any(|i| crate::vm::advance::input_may_run_sleepy(i, vm))
    }

    fn state_fits(&self, st: &StepState) -> bool {
        let n = self.state.lock().iters.len();
        (st.stage as usize) < n && st.held.len() == st.stage as usize
    }
}
