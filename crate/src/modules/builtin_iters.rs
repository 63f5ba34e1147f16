//! The builtins `map`, `filter`, `zip`, `enumerate` and `reversed` as Sleepy's own types,
//! registered in place of RustPython's: their `__next__` is written as steps
//! ([`Stepped`]), so that the evaluator can take those steps as a continuation when they
//! call Sleepy code (`vm/advance.rs`). Their state is plain data that `__reduce__` hands
//! out as CPython 3.13's does, so a snapshot can capture a partly consumed one.

use rustpython_vm::builtins::{PyDict, PyGenericAlias, PyTypeRef};
use rustpython_vm::common::lock::PyMutex;
use rustpython_vm::function::FuncArgs;
use rustpython_vm::object::{Traverse, TraverseFn};
use rustpython_vm::protocol::PyIterReturn;
use rustpython_vm::types::{IterNext, Iterable, SelfIter};
use rustpython_vm::{
    pyclass, AsObject, Py, PyObject, PyObjectRef, PyPayload, PyRef, PyResult, VirtualMachine,
};

use super::itertools::common::{iter_of, positional, reduce, ssize, tuple};
use crate::vm::advance::{input_may_run_sleepy, next_natively, StepState, Stepped};
use crate::vm::continuation::{
    sleepy_callable, sleepy_dunder, truth_method, truth_result, Input, Step,
};
use crate::vm::eval::stop_iteration;

/// The builtins this module replaces, by name.
pub fn types() -> [(&'static str, PyTypeRef); 5] {
    use rustpython_vm::class::PyClassImpl;
    [
        ("map", Map::make_static_type()),
        ("filter", Filter::make_static_type()),
        ("zip", Zip::make_static_type()),
        ("enumerate", Enumerate::make_static_type()),
        ("reversed", Reversed::make_static_type()),
    ]
}

/// `obj`'s steps, when it is one of Sleepy's own iterators.
pub fn stepped(obj: &PyObject) -> Option<&dyn Stepped> {
    if let Some(i) = obj.downcast_ref::<SequenceIterator>() {
        return Some(&**i);
    }
    if let Some(m) = obj.downcast_ref::<Map>() {
        return Some(&**m);
    }
    if let Some(f) = obj.downcast_ref::<Filter>() {
        return Some(&**f);
    }
    if let Some(z) = obj.downcast_ref::<Zip>() {
        return Some(&**z);
    }
    if let Some(e) = obj.downcast_ref::<Enumerate>() {
        return Some(&**e);
    }
    obj.downcast_ref::<Reversed>().map(|r| &**r as &dyn Stepped)
}

fn exhausted(vm: &VirtualMachine) -> rustpython_vm::builtins::PyBaseExceptionRef {
    stop_iteration(vm, vm.ctx.none())
}

// ------------------------------------------------------------------------------------ map

#[pyclass(module = false, name = "map", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct Map {
    func: PyObjectRef,
    inputs: Vec<PyObjectRef>,
}

// SAFETY: every reference is visited once.
unsafe impl Traverse for Map {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.func.traverse(f);
        self.inputs.traverse(f);
    }
}

#[pyclass(with(IterNext, Iterable), flags(BASETYPE))]
impl Map {
    #[pyslot]
    fn slot_new(cls: PyTypeRef, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        if !args.kwargs.is_empty() && cls.is(Self::class(&vm.ctx)) {
            return Err(vm.new_type_error("map() takes no keyword arguments"));
        }
        let mut args = args.args.into_iter();
        let (Some(func), Some(first)) = (args.next(), args.next()) else {
            return Err(vm.new_type_error("map() must have at least two arguments."));
        };
        let inputs =
            std::iter::once(first).chain(args).map(|a| iter_of(&a, vm)).collect::<PyResult<_>>()?;
        Map { func, inputs }.into_ref_with_type(vm, cls).map(Into::into)
    }

    #[pymethod]
    fn __reduce__(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyObjectRef {
        let mut args = vec![zelf.func.clone()];
        args.extend(zelf.inputs.iter().cloned());
        reduce(zelf.class(), args, None, vm)
    }
}

impl SelfIter for Map {}

impl IterNext for Map {
    fn next(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<PyIterReturn> {
        next_natively(zelf.as_object(), vm)
    }
}

/// Stage `i < n`: waiting for input `i`'s item (the items before it held); stage `n`:
/// waiting for the function's result.
impl Stepped for Map {
    fn step(&self, s: &mut StepState, input: Input, _vm: &VirtualMachine) -> PyResult<Step> {
        let n = self.inputs.len();
        match input {
            Input::Start => {}
            Input::Ok(result) if s.stage as usize == n => return Ok(Step::Done(result)),
            Input::Ok(item) => {
                s.held.push(item);
                s.stage += 1;
            }
            Input::Err(e) => return Err(e),
        }
        match self.inputs.get(s.stage as usize) {
            Some(next_input) => Ok(Step::Next(next_input.clone())),
            None => Ok(Step::Call(self.func.clone(), std::mem::take(&mut s.held))),
        }
    }

    fn runs_sleepy(&self, vm: &VirtualMachine) -> bool {
        sleepy_callable(&self.func, vm) || self.inputs.iter().any(|i| input_may_run_sleepy(i, vm))
    }

    fn state_fits(&self, s: &StepState) -> bool {
        let (stage, n) = (s.stage as usize, self.inputs.len());
        (stage < n && s.held.len() == stage) || (stage == n && s.held.is_empty())
    }
}

// --------------------------------------------------------------------------------- filter

#[pyclass(module = false, name = "filter", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct Filter {
    /// None (or `bool`): the items' own truth decides.
    func: PyObjectRef,
    input: PyObjectRef,
}

// SAFETY: every reference is visited once.
unsafe impl Traverse for Filter {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.func.traverse(f);
        self.input.traverse(f);
    }
}

#[pyclass(with(IterNext, Iterable), flags(BASETYPE))]
impl Filter {
    #[pyslot]
    fn slot_new(cls: PyTypeRef, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        let a = positional("filter", "filter", &cls, Self::class(&vm.ctx), args, (2, 2), vm)?;
        let input = iter_of(&a[1], vm)?;
        Filter { func: a[0].clone(), input }.into_ref_with_type(vm, cls).map(Into::into)
    }

    #[pymethod]
    fn __reduce__(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyObjectRef {
        reduce(zelf.class(), vec![zelf.func.clone(), zelf.input.clone()], None, vm)
    }
}

impl SelfIter for Filter {}

impl IterNext for Filter {
    fn next(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<PyIterReturn> {
        next_natively(zelf.as_object(), vm)
    }
}

/// The stages of `filter`'s steps.
const FILTER_NEXT: u32 = 0;
const FILTER_CALL: u32 = 1;
const FILTER_BOOL: u32 = 2;
const FILTER_LEN: u32 = 3;

impl Filter {
    /// Whether the function is the items' own truth.
    fn by_truth(&self, vm: &VirtualMachine) -> bool {
        vm.is_none(&self.func) || self.func.is(vm.ctx.types.bool_type)
    }

    /// The truth of `value` decides whether `item` passes.
    fn test(
        &self,
        s: &mut StepState,
        item: PyObjectRef,
        value: PyObjectRef,
        vm: &VirtualMachine,
    ) -> PyResult<Step> {
        if let Some((method, via_len)) = truth_method(&value, vm) {
            s.stage = if via_len { FILTER_LEN } else { FILTER_BOOL };
            s.held = vec![item];
            return Ok(Step::Call(method, vec![value]));
        }
        let passes = value.is_true(vm)?;
        Ok(self.decide(s, item, passes))
    }

    fn decide(&self, s: &mut StepState, item: PyObjectRef, passes: bool) -> Step {
        if passes {
            return Step::Done(item);
        }
        s.stage = FILTER_NEXT;
        s.held.clear();
        Step::Next(self.input.clone())
    }
}

/// `FILTER_NEXT`: waiting for an item; `FILTER_CALL`: for the function's verdict on the held
/// item; `FILTER_BOOL`/`FILTER_LEN`: for the `__bool__`/`__len__` of the verdict.
impl Stepped for Filter {
    fn step(&self, s: &mut StepState, input: Input, vm: &VirtualMachine) -> PyResult<Step> {
        let value = match input {
            Input::Start => return Ok(Step::Next(self.input.clone())),
            Input::Ok(v) => v,
            Input::Err(e) => return Err(e),
        };
        match s.stage {
            FILTER_NEXT if self.by_truth(vm) => self.test(s, value.clone(), value, vm),
            FILTER_NEXT => {
                s.stage = FILTER_CALL;
                s.held = vec![value.clone()];
                Ok(Step::Call(self.func.clone(), vec![value]))
            }
            _ => {
                let item =
                    s.held.pop().ok_or_else(|| vm.new_system_error("filter lost its item"))?;
                if s.stage == FILTER_CALL {
                    return self.test(s, item, value, vm);
                }
                let passes = truth_result(s.stage == FILTER_LEN, value, vm)?.is(&vm.ctx.true_value);
                Ok(self.decide(s, item, passes))
            }
        }
    }

    fn runs_sleepy(&self, vm: &VirtualMachine) -> bool {
        // An item's own `__bool__` may be Sleepy code too: that is only known item by item,
        // so filtering by truth always takes the steps when the items may be the program's.
        sleepy_callable(&self.func, vm)
            || self.by_truth(vm)
            || input_may_run_sleepy(&self.input, vm)
    }

    fn state_fits(&self, s: &StepState) -> bool {
        match s.stage {
            FILTER_NEXT => s.held.is_empty(),
            FILTER_CALL | FILTER_BOOL | FILTER_LEN => s.held.len() == 1,
            _ => false,
        }
    }
}

// ------------------------------------------------------------------------------------ zip

#[pyclass(module = false, name = "zip", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct Zip {
    inputs: Vec<PyObjectRef>,
    strict: PyMutex<bool>,
}

// SAFETY: every reference is visited once.
unsafe impl Traverse for Zip {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.inputs.traverse(f);
    }
}

#[pyclass(with(IterNext, Iterable), flags(BASETYPE))]
impl Zip {
    #[pyslot]
    fn slot_new(cls: PyTypeRef, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        let n = args.kwargs.len();
        if n > 1 {
            return Err(
                vm.new_type_error(format!("zip() takes at most 1 keyword argument ({n} given)"))
            );
        }
        let mut strict = false;
        for (k, v) in &args.kwargs {
            if k.as_str() != Ok("strict") {
                return Err(
                    vm.new_type_error(format!("zip() got an unexpected keyword argument '{k}'"))
                );
            }
            strict = v.clone().is_true(vm)?;
        }
        let inputs = args.args.iter().map(|a| iter_of(a, vm)).collect::<PyResult<_>>()?;
        Zip { inputs, strict: PyMutex::new(strict) }.into_ref_with_type(vm, cls).map(Into::into)
    }

    #[pymethod]
    fn __reduce__(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyObjectRef {
        let strict = (*zelf.strict.lock()).then(|| vm.ctx.new_bool(true).into());
        reduce(zelf.class(), zelf.inputs.clone(), strict, vm)
    }

    #[pymethod]
    fn __setstate__(zelf: &Py<Self>, state: PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
        *zelf.strict.lock() = state.is_true(vm)?;
        Ok(())
    }
}

impl SelfIter for Zip {}

impl IterNext for Zip {
    fn next(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<PyIterReturn> {
        next_natively(zelf.as_object(), vm)
    }
}

/// `zip(strict=True)`'s complaint about input `i` (0-based), which is `how` than the ones
/// before it.
fn uneven(i: usize, how: &str, vm: &VirtualMachine) -> rustpython_vm::builtins::PyBaseExceptionRef {
    let before = if i == 1 { "argument 1".to_owned() } else { format!("arguments 1-{i}") };
    vm.new_value_error(format!("zip() argument {} is {how} than {before}", i + 1))
}

/// Stage `i < n`: waiting for input `i`'s item (the items before it held). Stage `n + i`
/// (strict only, after input 0 ran out): checking that input `i` has run out too.
impl Stepped for Zip {
    fn step(&self, s: &mut StepState, input: Input, vm: &VirtualMachine) -> PyResult<Step> {
        let n = self.inputs.len();
        if n == 0 {
            return Err(exhausted(vm));
        }
        let stage = s.stage as usize;
        match input {
            Input::Start => {}
            Input::Ok(_) if stage > n => return Err(uneven(stage - n, "longer", vm)),
            Input::Ok(item) => {
                s.held.push(item);
                s.stage += 1;
            }
            Input::Err(e)
                if *self.strict.lock() && e.fast_isinstance(vm.ctx.exceptions.stop_iteration) =>
            {
                if stage > 0 && stage < n {
                    return Err(uneven(stage, "shorter", vm));
                }
                let checking = if stage == 0 { 1 } else { stage - n + 1 };
                if checking == n {
                    return Err(e);
                }
                s.stage = (n + checking) as u32;
                return Ok(Step::Next(self.inputs[checking].clone()));
            }
            Input::Err(e) => return Err(e),
        }
        match self.inputs.get(s.stage as usize) {
            Some(next_input) => Ok(Step::Next(next_input.clone())),
            None => Ok(Step::Done(tuple(std::mem::take(&mut s.held), vm))),
        }
    }

    fn runs_sleepy(&self, vm: &VirtualMachine) -> bool {
        self.inputs.iter().any(|i| input_may_run_sleepy(i, vm))
    }

    fn state_fits(&self, s: &StepState) -> bool {
        let (stage, n) = (s.stage as usize, self.inputs.len());
        (stage < n && s.held.len() == stage)
            || (*self.strict.lock() && stage > n && stage < 2 * n && s.held.is_empty())
    }
}

// ------------------------------------------------------------------------------ enumerate

#[pyclass(module = false, name = "enumerate", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct Enumerate {
    input: PyObjectRef,
    count: PyMutex<PyObjectRef>,
}

// SAFETY: every reference is visited once.
unsafe impl Traverse for Enumerate {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.input.traverse(f);
        self.count.lock().traverse(f);
    }
}

#[pyclass(with(IterNext, Iterable), flags(BASETYPE))]
impl Enumerate {
    #[pyslot]
    fn slot_new(cls: PyTypeRef, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        let given = args.args.len() + args.kwargs.len();
        if given > 2 {
            return Err(
                vm.new_type_error(format!("enumerate() takes at most 2 arguments ({given} given)"))
            );
        }
        let mut bound = args.args.into_iter().map(Some).collect::<Vec<_>>();
        bound.resize(2, None);
        for (k, v) in args.kwargs {
            let Some(i) = ["iterable", "start"].iter().position(|p| k.as_str() == Ok(*p)) else {
                return Err(vm.new_type_error(format!(
                    "'{k}' is an invalid keyword argument for enumerate()"
                )));
            };
            if bound[i].is_some() {
                return Err(vm.new_type_error(format!(
                    "argument for enumerate() given by name ('{k}') and position ({})",
                    i + 1
                )));
            }
            bound[i] = Some(v);
        }
        let Some(iterable) = bound[0].take() else {
            return Err(vm.new_type_error("enumerate() missing required argument 'iterable'"));
        };
        let count = match bound[1].take() {
            Some(start) => start.try_index(vm)?.into(),
            None => vm.ctx.new_int(0).into(),
        };
        let input = iter_of(&iterable, vm)?;
        Enumerate { input, count: PyMutex::new(count) }.into_ref_with_type(vm, cls).map(Into::into)
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
        let count = zelf.count.lock().clone();
        reduce(zelf.class(), vec![zelf.input.clone(), count], None, vm)
    }
}

impl SelfIter for Enumerate {}

impl IterNext for Enumerate {
    fn next(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<PyIterReturn> {
        next_natively(zelf.as_object(), vm)
    }
}

/// One stage: waiting for the input's item.
impl Stepped for Enumerate {
    fn step(&self, _s: &mut StepState, input: Input, vm: &VirtualMachine) -> PyResult<Step> {
        match input {
            Input::Start => Ok(Step::Next(self.input.clone())),
            Input::Ok(item) => {
                // No lock is held while allocating: a collection then would traverse this.
                let index = self.count.lock().clone();
                let next = vm._add(&index, vm.ctx.new_int(1).as_object())?;
                *self.count.lock() = next;
                Ok(Step::Done(tuple(vec![index, item], vm)))
            }
            Input::Err(e) => Err(e),
        }
    }

    fn runs_sleepy(&self, vm: &VirtualMachine) -> bool {
        input_may_run_sleepy(&self.input, vm)
    }

    fn state_fits(&self, s: &StepState) -> bool {
        s.stage == 0 && s.held.is_empty()
    }
}

// ------------------------------------------------------------------------------- reversed

#[pyclass(module = false, name = "reversed", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct Reversed {
    /// The sequence and the index of the next item; None once exhausted.
    state: PyMutex<Option<(PyObjectRef, isize)>>,
}

// SAFETY: every reference is visited once.
unsafe impl Traverse for Reversed {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        if let Some((seq, _)) = &*self.state.lock() {
            seq.traverse(f);
        }
    }
}

/// What `reversed(seq)` does before it counts: `seq.__reversed__` when the class has one
/// (`Err` when it is None: the object is not reversible), or nothing for a sequence.
pub fn reversed_method(seq: &PyObjectRef, vm: &VirtualMachine) -> PyResult<Option<PyObjectRef>> {
    let class = seq.class();
    match class.get_attr(vm.ctx.intern_str("__reversed__")) {
        Some(m) if vm.is_none(&m) => Err(not_reversible(seq, vm)),
        Some(m) => Ok(Some(m)),
        None if class.has_attr(vm.ctx.names.__getitem__)
            && !seq.fast_isinstance(vm.ctx.types.dict_type) =>
        {
            Ok(None)
        }
        None => Err(not_reversible(seq, vm)),
    }
}

fn not_reversible(
    seq: &PyObjectRef,
    vm: &VirtualMachine,
) -> rustpython_vm::builtins::PyBaseExceptionRef {
    vm.new_type_error(format!("'{}' object is not reversible", seq.class().name()))
}

impl Reversed {
    /// An iterator of class `cls` over a sequence of `len` items, from the last.
    pub fn over(cls: PyTypeRef, seq: PyObjectRef, len: usize, vm: &VirtualMachine) -> PyResult {
        Self::at(cls, seq, len as isize - 1, vm)
    }

    /// An iterator of class `cls` whose next item is `seq[index]`.
    fn at(cls: PyTypeRef, seq: PyObjectRef, index: isize, vm: &VirtualMachine) -> PyResult {
        let state = PyMutex::new(Some((seq, index.max(-1))));
        Reversed { state }.into_ref_with_type(vm, cls).map(Into::into)
    }
}

#[pyclass(with(IterNext, Iterable), flags(BASETYPE))]
impl Reversed {
    #[pyslot]
    fn slot_new(cls: PyTypeRef, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        let a = positional("reversed", "reversed", &cls, Self::class(&vm.ctx), args, (1, 1), vm)?;
        let seq = a[0].clone();
        if let Some(method) = reversed_method(&seq, vm)? {
            return method.call((seq,), vm);
        }
        let len = seq.length(vm)?;
        Self::over(cls, seq, len, vm)
    }

    #[pymethod]
    fn __length_hint__(zelf: &Py<Self>) -> usize {
        zelf.state.lock().as_ref().map_or(0, |(_, index)| (index + 1).max(0) as usize)
    }

    /// `(sleepy._reversed_at, (cls, seq, index))`, not CPython's `(reversed, (seq,), index)`:
    /// rebuilding that asks the sequence for its length twice, which runs the program's
    /// `__len__` while a snapshot is being restored.
    #[pymethod]
    fn __reduce__(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyResult {
        let state = zelf.state.lock().clone();
        let Some((seq, index)) = state else {
            return Ok(reduce(zelf.class(), vec![vm.ctx.empty_tuple.clone().into()], None, vm));
        };
        let sleepy = vm.import("sleepy", 0)?;
        let rebuild = sleepy.get_attr(REVERSED_AT, vm)?;
        let args = vec![zelf.class().to_owned().into(), seq, vm.ctx.new_int(index).into()];
        Ok(tuple(vec![rebuild, tuple(args, vm)], vm))
    }

    #[pymethod]
    fn __setstate__(zelf: &Py<Self>, state: PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
        let index = ssize(&state, vm)?;
        let seq = zelf.state.lock().as_ref().map(|(seq, _)| seq.clone());
        if let Some(seq) = seq {
            let len = seq.length(vm)? as isize;
            *zelf.state.lock() = Some((seq, index.clamp(-1, len - 1)));
        }
        Ok(())
    }
}

/// The name of the function in the `sleepy` module that rebuilds a `reversed` iterator.
pub const REVERSED_AT: &str = "_reversed_at";

/// `sleepy._reversed_at(cls, seq, index)`: the iterator of class `cls` over `seq`, whose
/// next item is `seq[index]` (none once `index` is below 0).
pub fn reversed_at(vm: &VirtualMachine) -> PyObjectRef {
    vm.new_function(
        REVERSED_AT,
        |cls: PyTypeRef, seq: PyObjectRef, index: PyObjectRef, vm: &VirtualMachine| -> PyResult {
            if !cls.fast_issubclass(Reversed::class(&vm.ctx)) {
                return Err(vm.new_type_error("_reversed_at() needs a subclass of reversed"));
            }
            Reversed::at(cls, seq, ssize(&index, vm)?, vm)
        },
    )
    .into()
}

impl SelfIter for Reversed {}

impl IterNext for Reversed {
    fn next(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<PyIterReturn> {
        next_natively(zelf.as_object(), vm)
    }
}

/// One step of fetching `seq[index]`, for the iterators that walk a sequence by index.
enum Fetched {
    /// The sequence's Sleepy `__getitem__` is to be called.
    Call(Step),
    Item(PyObjectRef),
    /// No index left, or the sequence said IndexError or StopIteration.
    End,
}

/// On `Input::Start`, `at` gives the sequence and index to fetch (None: nothing is left).
fn fetch_item(
    input: Input,
    at: impl FnOnce() -> Option<(PyObjectRef, PyObjectRef)>,
    vm: &VirtualMachine,
) -> PyResult<Fetched> {
    let result = match input {
        Input::Start => {
            let Some((seq, index)) = at() else { return Ok(Fetched::End) };
            if let Some(getitem) = sleepy_dunder(&seq, vm.ctx.names.__getitem__) {
                return Ok(Fetched::Call(Step::Call(getitem, vec![seq, index])));
            }
            seq.get_item(&*index, vm)
        }
        Input::Ok(item) => Ok(item),
        Input::Err(e) => Err(e),
    };
    match result {
        Ok(item) => Ok(Fetched::Item(item)),
        Err(e)
            if e.fast_isinstance(vm.ctx.exceptions.index_error)
                || e.fast_isinstance(vm.ctx.exceptions.stop_iteration) =>
        {
            Ok(Fetched::End)
        }
        Err(e) => Err(e),
    }
}

/// Forgets the sequence of an exhausted iterator.
fn finish<T>(state: &PyMutex<Option<T>>, vm: &VirtualMachine) -> PyResult<Step> {
    // Dropped outside the lock: freeing the sequence may run a `__del__`.
    let sequence = state.lock().take();
    drop(sequence);
    Err(exhausted(vm))
}

/// Stage 0: fetching `seq[index]`; the index moves down once the item has come.
impl Stepped for Reversed {
    fn step(&self, _s: &mut StepState, input: Input, vm: &VirtualMachine) -> PyResult<Step> {
        let at = || {
            let (seq, index) = self.state.lock().clone().filter(|(_, i)| *i >= 0)?;
            Some((seq, vm.ctx.new_int(index).into()))
        };
        match fetch_item(input, at, vm)? {
            Fetched::Call(step) => Ok(step),
            Fetched::Item(item) => {
                if let Some((_, index)) = &mut *self.state.lock() {
                    *index -= 1;
                }
                Ok(Step::Done(item))
            }
            Fetched::End => finish(&self.state, vm),
        }
    }

    fn runs_sleepy(&self, vm: &VirtualMachine) -> bool {
        let seq = self.state.lock().as_ref().map(|(seq, _)| seq.clone());
        seq.is_some_and(|seq| sleepy_dunder(&seq, vm.ctx.names.__getitem__).is_some())
    }

    fn state_fits(&self, s: &StepState) -> bool {
        s.stage == 0 && s.held.is_empty()
    }
}

// ------------------------------------------------------------------- sequence iterator

/// `iter(obj)` of a program class that has a Sleepy `__getitem__` and no `__iter__`: the old
/// sequence protocol, `obj[0]`, `obj[1]`, … until IndexError or StopIteration.
#[pyclass(module = false, name = "iterator", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct SequenceIterator {
    /// The sequence and the index of the next item; None once exhausted.
    state: PyMutex<Option<(PyObjectRef, usize)>>,
}

// SAFETY: every reference is visited once.
unsafe impl Traverse for SequenceIterator {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        if let Some((seq, _)) = &*self.state.lock() {
            seq.traverse(f);
        }
    }
}

/// The iterator `for` and the consuming builtins use for `obj` when its items come from a
/// Sleepy `__getitem__` (RustPython's own would call it natively).
pub fn sequence_iterator(obj: &PyObjectRef, vm: &VirtualMachine) -> Option<PyObjectRef> {
    let class = obj.class();
    if class.get_attr(vm.ctx.names.__iter__).is_some()
        || sleepy_dunder(obj, vm.ctx.names.__getitem__).is_none()
    {
        return None;
    }
    let iterator = SequenceIterator { state: PyMutex::new(Some((obj.clone(), 0))) };
    Some(iterator.into_ref(&vm.ctx).into())
}

/// The name of the function in the `sleepy` module that rebuilds a sequence iterator.
pub const SEQUENCE_ITERATOR_AT: &str = "_sequence_iterator_at";

/// `sleepy._sequence_iterator_at(seq, index)`: the iterator whose next item is `seq[index]`.
pub fn sequence_iterator_at(vm: &VirtualMachine) -> PyObjectRef {
    vm.new_function(
        SEQUENCE_ITERATOR_AT,
        |seq: PyObjectRef, index: PyObjectRef, vm: &VirtualMachine| -> PyResult {
            let index = usize::try_from(ssize(&index, vm)?)
                .map_err(|_| vm.new_value_error("a sequence iterator's index is negative"))?;
            let iterator = SequenceIterator { state: PyMutex::new(Some((seq, index))) };
            Ok(iterator.into_ref(&vm.ctx).into())
        },
    )
    .into()
}

#[pyclass(with(IterNext, Iterable))]
impl SequenceIterator {
    /// `(sleepy._sequence_iterator_at, (seq, index))`; once exhausted, `iter(())` as
    /// CPython's.
    #[pymethod]
    fn __reduce__(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyResult {
        let state = zelf.state.lock().clone();
        let Some((seq, index)) = state else {
            let iter = vm.builtins.get_attr("iter", vm)?;
            return Ok(tuple(vec![iter, tuple(vec![vm.ctx.empty_tuple.clone().into()], vm)], vm));
        };
        let rebuild = vm.import("sleepy", 0)?.get_attr(SEQUENCE_ITERATOR_AT, vm)?;
        Ok(tuple(vec![rebuild, tuple(vec![seq, vm.ctx.new_int(index).into()], vm)], vm))
    }
}

impl SelfIter for SequenceIterator {}

impl IterNext for SequenceIterator {
    fn next(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<PyIterReturn> {
        next_natively(zelf.as_object(), vm)
    }
}

/// Stage 0: fetching `seq[index]`; the index moves up once the item has come.
impl Stepped for SequenceIterator {
    fn step(&self, _s: &mut StepState, input: Input, vm: &VirtualMachine) -> PyResult<Step> {
        let at = || {
            let (seq, index) = self.state.lock().clone()?;
            Some((seq, vm.ctx.new_int(index).into()))
        };
        match fetch_item(input, at, vm)? {
            Fetched::Call(step) => Ok(step),
            Fetched::Item(item) => {
                if let Some((_, index)) = &mut *self.state.lock() {
                    *index += 1;
                }
                Ok(Step::Done(item))
            }
            Fetched::End => finish(&self.state, vm),
        }
    }

    fn runs_sleepy(&self, _vm: &VirtualMachine) -> bool {
        self.state.lock().is_some()
    }

    fn state_fits(&self, s: &StepState) -> bool {
        s.stage == 0 && s.held.is_empty()
    }
}

/// Puts the types in `builtins`.
pub fn install(builtins: &PyObject, vm: &VirtualMachine) -> PyResult<()> {
    let dict = builtins.dict().ok_or_else(|| vm.new_system_error("builtins has no dict"))?;
    let dict: &Py<PyDict> = &dict;
    for (name, class) in types() {
        dict.set_item(name, class.into(), vm)?;
    }
    // Not a builtin by name (`type(iter(obj))`), but it must exist before an instance does.
    let _ = <SequenceIterator as rustpython_vm::class::PyClassImpl>::make_static_type();
    Ok(())
}
