//! The iterators that pass items of one input through a function: `accumulate`, `compress`,
//! `dropwhile`, `filterfalse`, `starmap` and `takewhile`.

use rustpython_vm::builtins::{PyTuple, PyTypeRef};
use rustpython_vm::common::lock::PyMutex;
use rustpython_vm::function::FuncArgs;
use rustpython_vm::object::{Traverse, TraverseFn};
use rustpython_vm::protocol::PyIterReturn;
use rustpython_vm::types::{IterNext, Iterable, SelfIter};
use rustpython_vm::{
    pyclass, AsObject, Py, PyObjectRef, PyPayload, PyRef, PyResult, VirtualMachine,
};

use super::chain::Chain;
use super::common::{self, iter_of, reduce, Signature};
use super::slicing::Islice;
use crate::bytecode::BinOp;
use crate::vm::advance::{input_may_run_sleepy, next_natively, StepState, Stepped};
use crate::vm::continuation::{sleepy_callable, Continuation, Input, Step};
use crate::vm::operators::{plan, OpKind};

/// `(function, iterator)`: what `dropwhile`, `filterfalse`, `starmap` and `takewhile` hold.
#[derive(Debug)]
struct FuncIter {
    func: PyObjectRef,
    it: PyObjectRef,
}

// SAFETY: every reference is visited once.
unsafe impl Traverse for FuncIter {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.func.traverse(f);
        self.it.traverse(f);
    }
}

impl FuncIter {
    /// `name(function, iterable)`, positional only.
    fn new(
        name: &str,
        cls: &Py<rustpython_vm::builtins::PyType>,
        base: &Py<rustpython_vm::builtins::PyType>,
        args: FuncArgs,
        vm: &VirtualMachine,
    ) -> PyResult<Self> {
        let a = common::positional(name, name, cls, base, args, (2, 2), vm)?;
        Ok(FuncIter { func: a[0].clone(), it: iter_of(&a[1], vm)? })
    }

    fn args(&self) -> Vec<PyObjectRef> {
        vec![self.func.clone(), self.it.clone()]
    }

    fn runs_sleepy(&self, vm: &VirtualMachine) -> bool {
        sleepy_callable(&self.func, vm) || input_may_run_sleepy(&self.it, vm)
    }

    /// The steps of the predicate iterators: the next item (stage 0), then the predicate's
    /// verdict on it (stage 1, the item held). `judge` decides what a verdict means:
    /// `Some(step)` finishes, `None` asks for the next item.
    fn predicate_step(
        &self,
        s: &mut StepState,
        input: Input,
        plain: bool,
        vm: &VirtualMachine,
        judge: impl FnOnce(PyObjectRef, bool) -> PyResult<Option<Step>>,
    ) -> PyResult<Step> {
        let value = match input {
            Input::Start => return Ok(Step::Next(self.it.clone())),
            Input::Ok(v) => v,
            Input::Err(e) => return Err(e),
        };
        let (item, verdict) = match s.stage {
            0 if plain => (value.clone(), value),
            0 => {
                s.stage = 1;
                s.held = vec![value.clone()];
                return Ok(Step::Call(self.func.clone(), vec![value]));
            }
            _ => {
                let item = s.held.pop().ok_or_else(|| vm.new_system_error("a lost item"))?;
                (item, value)
            }
        };
        s.stage = 0;
        match judge(item, verdict.try_to_bool(vm)?)? {
            Some(step) => Ok(step),
            None => Ok(Step::Next(self.it.clone())),
        }
    }
}

/// Whether a snapshot's step state fits a predicate iterator's steps.
fn predicate_state_fits(s: &StepState) -> bool {
    matches!((s.stage, s.held.len()), (0, 0) | (1, 1))
}

#[pyclass(module = "itertools", name = "dropwhile", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct Dropwhile {
    inner: FuncIter,
    /// The predicate failed once: everything else passes.
    started: PyMutex<bool>,
}

// SAFETY: delegated.
unsafe impl Traverse for Dropwhile {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.inner.traverse(f);
    }
}

#[pyclass(with(IterNext, Iterable), flags(BASETYPE))]
impl Dropwhile {
    #[pyslot]
    fn slot_new(cls: PyTypeRef, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        let inner = FuncIter::new("dropwhile", &cls, Self::class(&vm.ctx), args, vm)?;
        Dropwhile { inner, started: PyMutex::new(false) }
            .into_ref_with_type(vm, cls)
            .map(Into::into)
    }

    #[pymethod]
    fn __reduce__(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyObjectRef {
        let started = vm.ctx.new_int(*zelf.started.lock() as u8).into();
        reduce(zelf.class(), zelf.inner.args(), Some(started), vm)
    }

    #[pymethod]
    fn __setstate__(zelf: &Py<Self>, state: PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
        *zelf.started.lock() = state.try_to_bool(vm)?;
        Ok(())
    }
}

impl SelfIter for Dropwhile {}

impl IterNext for Dropwhile {
    fn next(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<PyIterReturn> {
        next_natively(zelf.as_object(), vm)
    }
}

impl Stepped for Dropwhile {
    fn step(&self, s: &mut StepState, input: Input, vm: &VirtualMachine) -> PyResult<Step> {
        // Once the predicate failed, items pass untested.
        if *self.started.lock() && s.stage == 0 {
            return match input {
                Input::Start => Ok(Step::Next(self.inner.it.clone())),
                Input::Ok(item) => Ok(Step::Done(item)),
                Input::Err(e) => Err(e),
            };
        }
        self.inner.predicate_step(s, input, false, vm, |item, holds| {
            if holds {
                return Ok(None);
            }
            *self.started.lock() = true;
            Ok(Some(Step::Done(item)))
        })
    }

    fn runs_sleepy(&self, vm: &VirtualMachine) -> bool {
        self.inner.runs_sleepy(vm)
    }

    fn state_fits(&self, s: &StepState) -> bool {
        predicate_state_fits(s)
    }
}

#[pyclass(module = "itertools", name = "takewhile", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct Takewhile {
    inner: FuncIter,
    /// The predicate failed once: nothing more comes.
    stopped: PyMutex<bool>,
}

// SAFETY: delegated.
unsafe impl Traverse for Takewhile {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.inner.traverse(f);
    }
}

#[pyclass(with(IterNext, Iterable), flags(BASETYPE))]
impl Takewhile {
    #[pyslot]
    fn slot_new(cls: PyTypeRef, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        let inner = FuncIter::new("takewhile", &cls, Self::class(&vm.ctx), args, vm)?;
        Takewhile { inner, stopped: PyMutex::new(false) }
            .into_ref_with_type(vm, cls)
            .map(Into::into)
    }

    #[pymethod]
    fn __reduce__(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyObjectRef {
        let stopped = vm.ctx.new_int(*zelf.stopped.lock() as u8).into();
        reduce(zelf.class(), zelf.inner.args(), Some(stopped), vm)
    }

    #[pymethod]
    fn __setstate__(zelf: &Py<Self>, state: PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
        *zelf.stopped.lock() = state.try_to_bool(vm)?;
        Ok(())
    }
}

impl SelfIter for Takewhile {}

impl IterNext for Takewhile {
    fn next(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<PyIterReturn> {
        next_natively(zelf.as_object(), vm)
    }
}

impl Stepped for Takewhile {
    fn step(&self, s: &mut StepState, input: Input, vm: &VirtualMachine) -> PyResult<Step> {
        if *self.stopped.lock() {
            return Err(vm.new_stop_iteration(None));
        }
        self.inner.predicate_step(s, input, false, vm, |item, holds| {
            if holds {
                return Ok(Some(Step::Done(item)));
            }
            *self.stopped.lock() = true;
            Err(vm.new_stop_iteration(None))
        })
    }

    fn runs_sleepy(&self, vm: &VirtualMachine) -> bool {
        self.inner.runs_sleepy(vm)
    }

    fn state_fits(&self, s: &StepState) -> bool {
        predicate_state_fits(s)
    }
}

#[pyclass(module = "itertools", name = "filterfalse", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct Filterfalse {
    inner: FuncIter,
}

// SAFETY: delegated.
unsafe impl Traverse for Filterfalse {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.inner.traverse(f);
    }
}

#[pyclass(with(IterNext, Iterable), flags(BASETYPE))]
impl Filterfalse {
    #[pyslot]
    fn slot_new(cls: PyTypeRef, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        let inner = FuncIter::new("filterfalse", &cls, Self::class(&vm.ctx), args, vm)?;
        Filterfalse { inner }.into_ref_with_type(vm, cls).map(Into::into)
    }

    #[pymethod]
    fn __reduce__(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyObjectRef {
        reduce(zelf.class(), zelf.inner.args(), None, vm)
    }
}

impl SelfIter for Filterfalse {}

impl IterNext for Filterfalse {
    fn next(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<PyIterReturn> {
        next_natively(zelf.as_object(), vm)
    }
}

impl Stepped for Filterfalse {
    fn step(&self, s: &mut StepState, input: Input, vm: &VirtualMachine) -> PyResult<Step> {
        let func = &self.inner.func;
        // `None` and `bool` test the item itself, without a call.
        let plain = vm.is_none(func) || func.is(vm.ctx.types.bool_type);
        self.inner.predicate_step(s, input, plain, vm, |item, holds| {
            Ok((!holds).then_some(Step::Done(item)))
        })
    }

    fn runs_sleepy(&self, vm: &VirtualMachine) -> bool {
        self.inner.runs_sleepy(vm)
    }

    fn state_fits(&self, s: &StepState) -> bool {
        predicate_state_fits(s)
    }
}

#[pyclass(module = "itertools", name = "starmap", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct Starmap {
    inner: FuncIter,
}

// SAFETY: delegated.
unsafe impl Traverse for Starmap {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.inner.traverse(f);
    }
}

#[pyclass(with(IterNext, Iterable), flags(BASETYPE))]
impl Starmap {
    #[pyslot]
    fn slot_new(cls: PyTypeRef, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        let inner = FuncIter::new("starmap", &cls, Self::class(&vm.ctx), args, vm)?;
        Starmap { inner }.into_ref_with_type(vm, cls).map(Into::into)
    }

    #[pymethod]
    fn __reduce__(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyObjectRef {
        reduce(zelf.class(), zelf.inner.args(), None, vm)
    }
}

impl SelfIter for Starmap {}

impl IterNext for Starmap {
    fn next(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<PyIterReturn> {
        next_natively(zelf.as_object(), vm)
    }
}

/// Stage 0: waiting for the arguments; stage 1: for the function's result.
impl Stepped for Starmap {
    fn step(&self, s: &mut StepState, input: Input, vm: &VirtualMachine) -> PyResult<Step> {
        match (s.stage, input) {
            (_, Input::Err(e)) => Err(e),
            (_, Input::Start) => Ok(Step::Next(self.inner.it.clone())),
            (0, Input::Ok(item)) => {
                let args: Vec<PyObjectRef> = match item.downcast_ref_if_exact::<PyTuple>(vm) {
                    Some(t) => t.as_slice().to_vec(),
                    None => item.try_to_value(vm)?,
                };
                s.stage = 1;
                Ok(Step::Call(self.inner.func.clone(), args))
            }
            (_, Input::Ok(result)) => Ok(Step::Done(result)),
        }
    }

    fn runs_sleepy(&self, vm: &VirtualMachine) -> bool {
        self.inner.runs_sleepy(vm)
    }

    fn state_fits(&self, s: &StepState) -> bool {
        s.stage <= 1 && s.held.is_empty()
    }
}

#[pyclass(module = "itertools", name = "compress", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct Compress {
    data: PyObjectRef,
    selectors: PyObjectRef,
}

// SAFETY: every reference is visited once.
unsafe impl Traverse for Compress {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.data.traverse(f);
        self.selectors.traverse(f);
    }
}

const COMPRESS: Signature =
    Signature { name: "compress", params: &["data", "selectors"], positional: 2, required: 2 };

#[pyclass(with(IterNext, Iterable), flags(BASETYPE))]
impl Compress {
    #[pyslot]
    fn slot_new(cls: PyTypeRef, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        let a = COMPRESS.bind(args, vm)?;
        let (Some(data), Some(selectors)) = (&a[0], &a[1]) else {
            return Err(vm.new_type_error("compress() missing required argument"));
        };
        let data = iter_of(data, vm)?;
        let selectors = iter_of(selectors, vm)?;
        Compress { data, selectors }.into_ref_with_type(vm, cls).map(Into::into)
    }

    #[pymethod]
    fn __reduce__(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyObjectRef {
        reduce(zelf.class(), vec![zelf.data.clone(), zelf.selectors.clone()], None, vm)
    }
}

impl SelfIter for Compress {}

impl IterNext for Compress {
    fn next(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<PyIterReturn> {
        next_natively(zelf.as_object(), vm)
    }
}

/// Stage 0: waiting for a datum; stage 1: for its selector (the datum held). The datum is
/// taken before its selector, as CPython does.
impl Stepped for Compress {
    fn step(&self, st: &mut StepState, input: Input, vm: &VirtualMachine) -> PyResult<Step> {
        match (st.stage, input) {
            (_, Input::Err(e)) => Err(e),
            (_, Input::Start) => Ok(Step::Next(self.data.clone())),
            (0, Input::Ok(datum)) => {
                st.stage = 1;
                st.held = vec![datum];
                Ok(Step::Next(self.selectors.clone()))
            }
            (_, Input::Ok(selector)) => {
                st.stage = 0;
                let datum = st.held.pop().ok_or_else(|| vm.new_system_error("a lost datum"))?;
                if selector.try_to_bool(vm)? {
                    return Ok(Step::Done(datum));
                }
                Ok(Step::Next(self.data.clone()))
            }
        }
    }

    fn runs_sleepy(&self, vm: &VirtualMachine) -> bool {
        input_may_run_sleepy(&self.data, vm) || input_may_run_sleepy(&self.selectors, vm)
    }

    fn state_fits(&self, st: &StepState) -> bool {
        predicate_state_fits(st)
    }
}

#[pyclass(module = "itertools", name = "accumulate", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct Accumulate {
    it: PyObjectRef,
    func: Option<PyObjectRef>,
    state: PyMutex<AccumulateState>,
}

#[derive(Debug)]
struct AccumulateState {
    /// The running total once something was yielded.
    total: Option<PyObjectRef>,
    /// `initial=`, until it is yielded first.
    initial: Option<PyObjectRef>,
}

// SAFETY: every reference is visited once.
unsafe impl Traverse for AccumulateState {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.total.traverse(f);
        self.initial.traverse(f);
    }
}

// SAFETY: every reference is visited once.
unsafe impl Traverse for Accumulate {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.it.traverse(f);
        self.func.traverse(f);
        self.state.traverse(f);
    }
}

const ACCUMULATE: Signature = Signature {
    name: "accumulate",
    params: &["iterable", "func", "initial"],
    positional: 2,
    required: 1,
};

#[pyclass(with(IterNext, Iterable), flags(BASETYPE))]
impl Accumulate {
    #[pyslot]
    fn slot_new(cls: PyTypeRef, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        let mut a = ACCUMULATE.bind(args, vm)?.into_iter();
        let (iterable, func, initial) =
            (a.next().flatten(), a.next().flatten(), a.next().flatten());
        let Some(iterable) = iterable else {
            return Err(
                vm.new_type_error("accumulate() missing required argument 'iterable' (pos 1)")
            );
        };
        let it = iter_of(&iterable, vm)?;
        let func = func.filter(|f| !vm.is_none(f));
        let initial = initial.filter(|i| !vm.is_none(i));
        let state = AccumulateState { total: None, initial };
        Accumulate { it, func, state: PyMutex::new(state) }
            .into_ref_with_type(vm, cls)
            .map(Into::into)
    }

    #[pymethod]
    fn __reduce__(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyResult {
        let (total, initial) = {
            let s = zelf.state.lock();
            (s.total.clone(), s.initial.clone())
        };
        let func = zelf.func.clone().unwrap_or_else(|| vm.ctx.none());
        let cls = zelf.class();
        let chained = |first: PyObjectRef| -> PyResult {
            let first = common::tuple(vec![first], vm);
            Chain::from_args(vec![first, zelf.it.clone()], vm)
        };
        if let Some(initial) = initial {
            // The initial value still to come is put in front of the input.
            let args = vec![chained(initial)?, func];
            return Ok(common::tuple(
                vec![cls.to_owned().into(), common::tuple(args, vm), vm.ctx.none()],
                vm,
            ));
        }
        match total {
            // A `None` state would not reach `__setstate__`: CPython rebuilds a total of
            // `None` as an accumulate over `None, *rest` that skips its first result.
            Some(t) if vm.is_none(&t) => {
                let acc = cls.as_object().call((chained(t)?, func), vm)?;
                let args = vec![acc, vm.ctx.new_int(1).into(), vm.ctx.none()];
                Ok(reduce(Islice::class(&vm.ctx), args, None, vm))
            }
            total => Ok(reduce(
                cls,
                vec![zelf.it.clone(), func],
                Some(total.unwrap_or_else(|| vm.ctx.none())),
                vm,
            )),
        }
    }

    #[pymethod]
    fn __setstate__(zelf: &Py<Self>, state: PyObjectRef) {
        zelf.state.lock().total = Some(state);
    }
}

impl SelfIter for Accumulate {}

impl IterNext for Accumulate {
    fn next(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<PyIterReturn> {
        next_natively(zelf.as_object(), vm)
    }
}

/// Stage 0: waiting for the next value; stage 1: for the function's (or `+`'s) total.
impl Stepped for Accumulate {
    fn step(&self, s: &mut StepState, input: Input, vm: &VirtualMachine) -> PyResult<Step> {
        let value = match input {
            Input::Start => {
                let mut state = self.state.lock();
                if let Some(initial) = state.initial.take() {
                    state.total = Some(initial.clone());
                    return Ok(Step::Done(initial));
                }
                return Ok(Step::Next(self.it.clone()));
            }
            Input::Ok(v) => v,
            Input::Err(e) => return Err(e),
        };
        if s.stage == 1 {
            self.state.lock().total = Some(value.clone());
            return Ok(Step::Done(value));
        }
        let total = self.state.lock().total.clone();
        let Some(total) = total else {
            self.state.lock().total = Some(value.clone());
            return Ok(Step::Done(value));
        };
        s.stage = 1;
        match &self.func {
            Some(f) => Ok(Step::Call(f.clone(), vec![total, value])),
            None => match plan(OpKind::Binary(BinOp::Add), &total, &value, vm) {
                Some(op) => Ok(Step::Begin(Continuation::Operator(op))),
                None => {
                    let sum = vm._add(&total, &value)?;
                    self.state.lock().total = Some(sum.clone());
                    Ok(Step::Done(sum))
                }
            },
        }
    }

    fn runs_sleepy(&self, vm: &VirtualMachine) -> bool {
        // Totals of program objects add through their `__add__`.
        self.func.as_ref().is_none_or(|f| sleepy_callable(f, vm))
            || input_may_run_sleepy(&self.it, vm)
    }

    fn state_fits(&self, s: &StepState) -> bool {
        s.stage <= 1 && s.held.is_empty()
    }
}
