//! The iterators that take an input apart by position: `islice`, `batched` and `pairwise`.

use rustpython_vm::builtins::{PyDict, PyTypeRef};
use rustpython_vm::common::lock::PyMutex;
use rustpython_vm::function::FuncArgs;
use rustpython_vm::object::{Traverse, TraverseFn};
use rustpython_vm::protocol::PyIterReturn;
use rustpython_vm::types::{IterNext, Iterable, SelfIter};
use rustpython_vm::{
    pyclass, AsObject, Py, PyObject, PyObjectRef, PyPayload, PyRef, PyResult, VirtualMachine,
};

use super::common::{self, empty_iter, iter_of, reduce, ssize, Signature};
use crate::vm::advance::{input_may_run_sleepy, next_natively, StepState, Stepped};
use crate::vm::continuation::{Input, Step};

#[pyclass(module = "itertools", name = "islice", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct Islice {
    state: PyMutex<IsliceState>,
}

#[derive(Debug)]
struct IsliceState {
    /// The input; `None` once it is exhausted or the slice is done.
    it: Option<PyObjectRef>,
    /// The position of the next item to yield.
    next: usize,
    stop: Option<usize>,
    step: usize,
    /// How many items were taken from the input.
    cnt: usize,
}

// SAFETY: the one reference is visited once.
unsafe impl Traverse for IsliceState {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.it.traverse(f);
    }
}

// SAFETY: delegated.
unsafe impl Traverse for Islice {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.state.traverse(f);
    }
}

const BAD_STOP: &str =
    "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
const BAD_INDICES: &str = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
const BAD_STEP: &str = "Step for islice() must be a positive integer or None.";

/// CPython turns any failure to read a bound into -1 and then reports the bound as invalid.
fn bound(obj: &PyObject, vm: &VirtualMachine) -> isize {
    if vm.is_none(obj) {
        return -1;
    }
    ssize(obj, vm).unwrap_or(-1)
}

impl Islice {
    fn new(it: PyObjectRef, start: usize, stop: Option<usize>, step: usize) -> Self {
        let state = IsliceState { it: Some(it), next: start, stop, step, cnt: 0 };
        Islice { state: PyMutex::new(state) }
    }
}

#[pyclass(with(IterNext, Iterable), flags(BASETYPE))]
impl Islice {
    #[pyslot]
    fn slot_new(cls: PyTypeRef, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        let base = Self::class(&vm.ctx);
        let a = common::positional("islice", "islice", &cls, base, args, (2, 4), vm)?;
        let (mut start, mut stop, mut step) = (0isize, -1isize, 1isize);
        if a.len() == 2 {
            if !vm.is_none(&a[1]) {
                stop = bound(&a[1], vm);
                if stop == -1 {
                    return Err(vm.new_value_error(BAD_STOP));
                }
            }
        } else {
            if !vm.is_none(&a[1]) {
                start = bound(&a[1], vm);
            }
            if !vm.is_none(&a[2]) {
                stop = bound(&a[2], vm);
                if stop == -1 {
                    return Err(vm.new_value_error(BAD_STOP));
                }
            }
        }
        if start < 0 || stop < -1 {
            return Err(vm.new_value_error(BAD_INDICES));
        }
        if let Some(s) = a.get(3) {
            if !vm.is_none(s) {
                step = bound(s, vm);
            }
        }
        if step < 1 {
            return Err(vm.new_value_error(BAD_STEP));
        }
        let it = iter_of(&a[0], vm)?;
        let stop = usize::try_from(stop).ok();
        Islice::new(it, start as usize, stop, step as usize)
            .into_ref_with_type(vm, cls)
            .map(Into::into)
    }

    #[pymethod]
    fn __reduce__(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyResult {
        let s = zelf.state.lock();
        let int = |n: usize| -> PyObjectRef { vm.ctx.new_int(n).into() };
        let Some(it) = s.it.clone() else {
            let args = vec![iter_of(vm.ctx.new_list(vec![]).as_object(), vm)?, int(0)];
            return Ok(reduce(zelf.class(), args, Some(int(0)), vm));
        };
        let stop = s.stop.map_or_else(|| vm.ctx.none(), int);
        let args = vec![it, int(s.next), stop, int(s.step)];
        Ok(reduce(zelf.class(), args, Some(int(s.cnt)), vm))
    }

    #[pymethod]
    fn __setstate__(zelf: &Py<Self>, state: PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
        let cnt = common::state_index(&state, vm)?;
        zelf.state.lock().cnt = cnt.max(0) as usize;
        Ok(())
    }
}

impl SelfIter for Islice {}

impl IterNext for Islice {
    fn next(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<PyIterReturn> {
        next_natively(zelf.as_object(), vm)
    }
}

/// Stage 0: skipping items before the next position; stage 1: taking the item there.
impl Stepped for Islice {
    fn step(&self, st: &mut StepState, input: Input, vm: &VirtualMachine) -> PyResult<Step> {
        // Decided under the lock, which no allocation may hold (a collection would wait on it).
        let step = {
            let mut s = self.state.lock();
            match (s.it.clone(), input) {
                (None, _) => None,
                // An input that runs out or fails ends the slice.
                (Some(_), Input::Err(e)) => {
                    s.it = None;
                    return Err(e);
                }
                (Some(_), Input::Ok(item)) if st.stage == 1 => {
                    s.cnt += 1;
                    let next = s.next.saturating_add(s.step);
                    s.next = match s.stop {
                        Some(stop) if next > stop => stop,
                        _ => next,
                    };
                    return Ok(Step::Done(item));
                }
                (Some(it), input) => {
                    if matches!(input, Input::Ok(_)) {
                        s.cnt += 1;
                    }
                    if s.cnt < s.next {
                        st.stage = 0;
                        Some(it)
                    } else if s.stop.is_some_and(|stop| s.cnt >= stop) {
                        s.it = None;
                        None
                    } else {
                        st.stage = 1;
                        Some(it)
                    }
                }
            }
        };
        match step {
            Some(it) => Ok(Step::Next(it)),
            None => Err(vm.new_stop_iteration(None)),
        }
    }

    fn runs_sleepy(&self, vm: &VirtualMachine) -> bool {
        let it = self.state.lock().it.clone();
        it.is_some_and(|it| input_may_run_sleepy(&it, vm))
    }

    fn state_fits(&self, s: &StepState) -> bool {
        s.stage <= 1 && s.held.is_empty()
    }
}

#[pyclass(module = "itertools", name = "batched", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct Batched {
    it: PyMutex<Option<PyObjectRef>>,
    n: usize,
    strict: bool,
}

// SAFETY: delegated.
unsafe impl Traverse for Batched {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.it.traverse(f);
    }
}

const BATCHED: Signature =
    Signature { name: "batched", params: &["iterable", "n", "strict"], positional: 2, required: 2 };

#[pyclass(with(IterNext, Iterable), flags(BASETYPE))]
impl Batched {
    #[pyslot]
    fn slot_new(cls: PyTypeRef, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        let a = BATCHED.bind(args, vm)?;
        let (Some(iterable), Some(n)) = (&a[0], &a[1]) else {
            return Err(vm.new_type_error("batched() missing required argument"));
        };
        let n = ssize(n, vm)?;
        let strict = a[2].as_ref().map(|s| s.clone().try_to_bool(vm)).transpose()?.unwrap_or(false);
        if n < 1 {
            return Err(vm.new_value_error("n must be at least one"));
        }
        let it = iter_of(iterable, vm)?;
        Batched { it: PyMutex::new(Some(it)), n: n as usize, strict }
            .into_ref_with_type(vm, cls)
            .map(Into::into)
    }

    #[pymethod]
    fn __reduce__(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyResult {
        let it = match zelf.it.lock().clone() {
            Some(it) => it,
            None => empty_iter(vm)?,
        };
        let args = vec![it, vm.ctx.new_int(zelf.n).into()];
        if !zelf.strict {
            return Ok(reduce(zelf.class(), args, None, vm));
        }
        // `strict` is keyword-only: rebuild through `cls.__new__(cls, *args, **kwargs)`.
        let newobj = vm.import("copyreg", 0)?.get_attr("__newobj_ex__", vm)?;
        let kwargs = PyDict::default().into_ref(&vm.ctx);
        kwargs.set_item("strict", vm.ctx.new_bool(true).into(), vm)?;
        let cls: PyObjectRef = zelf.class().to_owned().into();
        let newargs = common::tuple(vec![cls, common::tuple(args, vm), kwargs.into()], vm);
        Ok(common::tuple(vec![newobj, newargs], vm))
    }
}

impl SelfIter for Batched {}

impl IterNext for Batched {
    fn next(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<PyIterReturn> {
        next_natively(zelf.as_object(), vm)
    }
}

impl Batched {
    /// The input is used up (or failed): nothing more comes.
    fn finish(&self, e: rustpython_vm::builtins::PyBaseExceptionRef) -> PyResult<Step> {
        let input = self.it.lock().take();
        drop(input);
        Err(e)
    }
}

/// One stage: waiting for the next item, the batch so far held.
impl Stepped for Batched {
    fn step(&self, st: &mut StepState, input: Input, vm: &VirtualMachine) -> PyResult<Step> {
        let Some(it) = self.it.lock().clone() else {
            return Err(vm.new_stop_iteration(None));
        };
        match input {
            Input::Start => {}
            Input::Ok(item) => st.held.push(item),
            Input::Err(e) if e.fast_isinstance(vm.ctx.exceptions.stop_iteration) => {
                if st.held.is_empty() {
                    return self.finish(e);
                }
                if self.strict {
                    return self.finish(vm.new_value_error("batched(): incomplete batch"));
                }
                return Ok(Step::Done(common::tuple(std::mem::take(&mut st.held), vm)));
            }
            Input::Err(e) => return self.finish(e),
        }
        if st.held.len() < self.n {
            return Ok(Step::Next(it));
        }
        Ok(Step::Done(common::tuple(std::mem::take(&mut st.held), vm)))
    }

    fn runs_sleepy(&self, vm: &VirtualMachine) -> bool {
        let it = self.it.lock().clone();
        it.is_some_and(|it| input_may_run_sleepy(&it, vm))
    }

    fn state_fits(&self, st: &StepState) -> bool {
        st.stage == 0 && st.held.len() < self.n
    }
}

#[pyclass(module = "itertools", name = "pairwise", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct Pairwise {
    state: PyMutex<PairState>,
}

#[derive(Debug)]
struct PairState {
    it: Option<PyObjectRef>,
    /// The item the next pair starts with, once one was read.
    old: Option<PyObjectRef>,
}

// SAFETY: every reference is visited once.
unsafe impl Traverse for PairState {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.it.traverse(f);
        self.old.traverse(f);
    }
}

// SAFETY: delegated.
unsafe impl Traverse for Pairwise {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.state.traverse(f);
    }
}

#[pyclass(with(IterNext, Iterable), flags(BASETYPE))]
impl Pairwise {
    #[pyslot]
    fn slot_new(cls: PyTypeRef, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        let base = Self::class(&vm.ctx);
        let a = common::positional("pairwise", "pairwise", &cls, base, args, (1, 1), vm)?;
        let it = iter_of(&a[0], vm)?;
        Pairwise { state: PyMutex::new(PairState { it: Some(it), old: None }) }
            .into_ref_with_type(vm, cls)
            .map(Into::into)
    }

    /// CPython 3.11 could not reduce `pairwise`; this follows its style: the input as the
    /// argument, the pending item as the state.
    #[pymethod]
    fn __reduce__(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyResult {
        let (it, old) = {
            let s = zelf.state.lock();
            (s.it.clone(), s.old.clone())
        };
        let Some(it) = it else {
            return Ok(reduce(zelf.class(), vec![empty_iter(vm)?], None, vm));
        };
        let state = old.map(|o| common::tuple(vec![o], vm));
        Ok(reduce(zelf.class(), vec![it], state, vm))
    }

    #[pymethod]
    fn __setstate__(zelf: &Py<Self>, state: PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
        let state = common::state_tuple(state, vm)?;
        let [old] = state.as_slice() else {
            return Err(vm.new_type_error(format!(
                "function takes exactly 1 argument ({} given)",
                state.len()
            )));
        };
        zelf.state.lock().old = Some(old.clone());
        Ok(())
    }
}

impl SelfIter for Pairwise {}

impl IterNext for Pairwise {
    fn next(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<PyIterReturn> {
        next_natively(zelf.as_object(), vm)
    }
}

/// Stage 0: waiting for the first item; stage 1: for the item that ends the next pair.
impl Stepped for Pairwise {
    fn step(&self, st: &mut StepState, input: Input, vm: &VirtualMachine) -> PyResult<Step> {
        let (it, old) = {
            let s = self.state.lock();
            (s.it.clone(), s.old.clone())
        };
        let Some(it) = it else {
            return Err(vm.new_stop_iteration(None));
        };
        match input {
            Input::Start => {
                st.stage = u32::from(old.is_some());
                Ok(Step::Next(it))
            }
            Input::Ok(item) => {
                self.state.lock().old = Some(item.clone());
                match old.filter(|_| st.stage == 1) {
                    Some(old) => Ok(Step::Done(common::tuple(vec![old, item], vm))),
                    None => {
                        st.stage = 1;
                        Ok(Step::Next(it))
                    }
                }
            }
            Input::Err(e) => {
                let finished =
                    std::mem::replace(&mut *self.state.lock(), PairState { it: None, old: None });
                drop(finished);
                Err(e)
            }
        }
    }

    fn runs_sleepy(&self, vm: &VirtualMachine) -> bool {
        let it = self.state.lock().it.clone();
        it.is_some_and(|it| input_may_run_sleepy(&it, vm))
    }

    fn state_fits(&self, s: &StepState) -> bool {
        s.stage <= 1 && s.held.is_empty()
    }
}
