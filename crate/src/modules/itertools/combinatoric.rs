//! `product`, `permutations`, `combinations` and `combinations_with_replacement`: index
//! vectors over tuples read from the inputs up front.

use rustpython_vm::builtins::{PyTuple, PyTupleRef, PyType, PyTypeRef};
use rustpython_vm::common::lock::PyMutex;
use rustpython_vm::function::FuncArgs;
use rustpython_vm::object::{Traverse, TraverseFn};
use rustpython_vm::protocol::PyIterReturn;
use rustpython_vm::types::{IterNext, Iterable, SelfIter};
use rustpython_vm::{
    pyclass, AsObject, Py, PyObject, PyObjectRef, PyPayload, PyRef, PyResult, VirtualMachine,
};

use super::common::{self, reduce, ssize, state_index, stop, Signature};

/// `tuple(iterable)`, keeping an exact tuple as it is.
fn pool_of(iterable: &PyObject, vm: &VirtualMachine) -> PyResult<PyTupleRef> {
    if let Some(t) = iterable.downcast_ref_if_exact::<PyTuple>(vm) {
        return Ok(t.to_owned());
    }
    let items: Vec<PyObjectRef> = iterable.try_to_value(vm)?;
    Ok(vm.ctx.new_tuple(items))
}

/// A vector of `len` indices, or `MemoryError` when it cannot be had.
fn indices(len: usize, f: impl Fn(usize) -> usize, vm: &VirtualMachine) -> PyResult<Vec<usize>> {
    let mut v = Vec::new();
    v.try_reserve_exact(len).map_err(|_| vm.no_memory_error())?;
    v.extend((0..len).map(f));
    Ok(v)
}

fn index_tuple(indices: &[usize], vm: &VirtualMachine) -> PyObjectRef {
    common::tuple(indices.iter().map(|&i| vm.ctx.new_int(i).into()).collect(), vm)
}

/// Indices from a reduce state, each clamped into `lo..=hi(position)` as CPython does.
fn clamped(
    state: &[PyObjectRef],
    lo: isize,
    hi: impl Fn(usize) -> isize,
    vm: &VirtualMachine,
) -> PyResult<Vec<usize>> {
    state
        .iter()
        .enumerate()
        .map(|(i, o)| Ok(state_index(o, vm)?.min(hi(i)).max(lo).max(0) as usize))
        .collect()
}

fn picked(pool: &[PyObjectRef], indices: &[usize], vm: &VirtualMachine) -> PyObjectRef {
    common::tuple(indices.iter().filter_map(|&i| pool.get(i).cloned()).collect(), vm)
}

/// Where an index iterator is: not started, between results, or done.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Phase {
    Fresh,
    Running,
    Stopped,
}

#[pyclass(module = "itertools", name = "product", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct Product {
    pools: Vec<PyTupleRef>,
    state: PyMutex<ProductState>,
}

#[derive(Debug)]
struct ProductState {
    indices: Vec<usize>,
    phase: Phase,
}

// SAFETY: every reference is visited once.
unsafe impl Traverse for Product {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.pools.traverse(f);
    }
}

impl Product {
    fn pools_tuple(&self) -> Vec<PyObjectRef> {
        self.pools.iter().map(|p| p.clone().into()).collect()
    }
}

#[pyclass(with(IterNext, Iterable), flags(BASETYPE))]
impl Product {
    #[pyslot]
    fn slot_new(cls: PyTypeRef, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        let FuncArgs { args, mut kwargs } = args;
        let mut repeat = 1isize;
        if kwargs.len() > 1 {
            return Err(vm.new_type_error(format!(
                "product() takes at most 1 keyword argument ({} given)",
                kwargs.len()
            )));
        }
        if let Some(key) = kwargs.keys().next().cloned() {
            let Some(r) = kwargs.shift_remove("repeat") else {
                return Err(vm.new_type_error(format!(
                    "product() got an unexpected keyword argument '{key}'"
                )));
            };
            repeat = ssize(&r, vm)?;
            if repeat < 0 {
                return Err(vm.new_value_error("repeat argument cannot be negative"));
            }
        }
        let repeat = repeat as usize;
        let npools = args
            .len()
            .checked_mul(repeat)
            .filter(|n| *n <= isize::MAX as usize / std::mem::size_of::<usize>())
            .ok_or_else(|| vm.new_overflow_error("repeat argument too large"))?;
        let single = args.iter().map(|a| pool_of(a, vm)).collect::<PyResult<Vec<_>>>()?;
        let mut pools = Vec::new();
        pools.try_reserve_exact(npools).map_err(|_| vm.no_memory_error())?;
        pools.extend((0..npools).filter_map(|i| single.get(i % single.len()).cloned()));
        let state = ProductState { indices: indices(npools, |_| 0, vm)?, phase: Phase::Fresh };
        Product { pools, state: PyMutex::new(state) }.into_ref_with_type(vm, cls).map(Into::into)
    }

    #[pymethod]
    fn __reduce__(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyObjectRef {
        let s = zelf.state.lock();
        match s.phase {
            Phase::Stopped => {
                reduce(zelf.class(), vec![vm.ctx.empty_tuple.clone().into()], None, vm)
            }
            Phase::Fresh => reduce(zelf.class(), zelf.pools_tuple(), None, vm),
            Phase::Running => {
                let state = index_tuple(&s.indices, vm);
                reduce(zelf.class(), zelf.pools_tuple(), Some(state), vm)
            }
        }
    }

    #[pymethod]
    fn __setstate__(zelf: &Py<Self>, state: PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
        let state = state
            .downcast::<PyTuple>()
            .ok()
            .filter(|t| t.len() == zelf.pools.len())
            .ok_or_else(|| vm.new_value_error("invalid arguments"))?;
        let mut s = zelf.state.lock();
        if zelf.pools.iter().any(|p| p.is_empty()) {
            s.phase = Phase::Stopped;
            return Ok(());
        }
        s.indices = clamped(state.as_slice(), 0, |i| zelf.pools[i].len() as isize - 1, vm)?;
        s.phase = Phase::Running;
        Ok(())
    }
}

impl SelfIter for Product {}

impl IterNext for Product {
    fn next(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<PyIterReturn> {
        let mut s = zelf.state.lock();
        match s.phase {
            Phase::Stopped => return stop(),
            Phase::Fresh => {
                if zelf.pools.iter().any(|p| p.is_empty()) {
                    s.phase = Phase::Stopped;
                    return stop();
                }
                s.phase = Phase::Running;
            }
            Phase::Running => {
                // Advance right to left; a pool that rolls over carries into the one before.
                let mut carried_out = true;
                for (i, pool) in zelf.pools.iter().enumerate().rev() {
                    s.indices[i] += 1;
                    if s.indices[i] < pool.len() {
                        carried_out = false;
                        break;
                    }
                    s.indices[i] = 0;
                }
                if carried_out {
                    s.phase = Phase::Stopped;
                    return stop();
                }
            }
        }
        let items = zelf
            .pools
            .iter()
            .zip(&s.indices)
            .filter_map(|(p, &i)| p.as_slice().get(i).cloned())
            .collect();
        Ok(PyIterReturn::Return(common::tuple(items, vm)))
    }
}

/// What the three `r`-sized iterators share: the pool, `r` and the index state.
#[derive(Debug)]
struct Selection {
    pool: PyTupleRef,
    r: usize,
    state: PyMutex<SelectionState>,
}

#[derive(Debug)]
struct SelectionState {
    indices: Vec<usize>,
    /// `permutations` only.
    cycles: Vec<usize>,
    phase: Phase,
}

// SAFETY: the one reference is visited once.
unsafe impl Traverse for Selection {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.pool.traverse(f);
    }
}

impl Selection {
    fn new(
        pool: PyTupleRef,
        r: usize,
        indices: Vec<usize>,
        cycles: Vec<usize>,
        stopped: bool,
    ) -> Self {
        let phase = if stopped { Phase::Stopped } else { Phase::Fresh };
        Selection { pool, r, state: PyMutex::new(SelectionState { indices, cycles, phase }) }
    }

    /// CPython's shapes: `(cls, (pool, r))` before the first result, `(cls, ((), r))` when
    /// done, else `(cls, (pool, r), state)`. A finished `r == 0` iterator gets a state too:
    /// `((), 0)` alone would yield `()` once more.
    fn reduce(
        &self,
        cls: &Py<PyType>,
        state: impl FnOnce(&SelectionState) -> PyObjectRef,
        done_state: impl FnOnce() -> PyObjectRef,
        vm: &VirtualMachine,
    ) -> PyObjectRef {
        let s = self.state.lock();
        let r: PyObjectRef = vm.ctx.new_int(self.r).into();
        let empty: PyObjectRef = vm.ctx.empty_tuple.clone().into();
        match s.phase {
            Phase::Fresh => reduce(cls, vec![self.pool.clone().into(), r], None, vm),
            Phase::Stopped if self.r > 0 => reduce(cls, vec![empty, r], None, vm),
            Phase::Stopped => reduce(cls, vec![empty, r], Some(done_state()), vm),
            Phase::Running => reduce(cls, vec![self.pool.clone().into(), r], Some(state(&s)), vm),
        }
    }

    fn result(&self, s: &SelectionState, vm: &VirtualMachine) -> PyIterReturn {
        PyIterReturn::Return(picked(
            self.pool.as_slice(),
            &s.indices[..self.r.min(s.indices.len())],
            vm,
        ))
    }
}

/// `r` of `combinations` and `combinations_with_replacement`: a required C `ssize_t`.
fn selection_args(
    sig: &Signature,
    args: FuncArgs,
    vm: &VirtualMachine,
) -> PyResult<(PyTupleRef, usize)> {
    let a = sig.bind(args, vm)?;
    let (Some(iterable), Some(r)) = (&a[0], &a[1]) else {
        return Err(vm.new_type_error(format!("{}() missing required argument", sig.name)));
    };
    let r = ssize(r, vm)?;
    let pool = pool_of(iterable, vm)?;
    if r < 0 {
        return Err(vm.new_value_error("r must be non-negative"));
    }
    Ok((pool, r as usize))
}

#[pyclass(module = "itertools", name = "combinations", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct Combinations {
    sel: Selection,
}

// SAFETY: delegated.
unsafe impl Traverse for Combinations {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.sel.traverse(f);
    }
}

const COMBINATIONS: Signature =
    Signature { name: "combinations", params: &["iterable", "r"], positional: 2, required: 2 };

#[pyclass(with(IterNext, Iterable), flags(BASETYPE))]
impl Combinations {
    #[pyslot]
    fn slot_new(cls: PyTypeRef, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        let (pool, r) = selection_args(&COMBINATIONS, args, vm)?;
        let stopped = r > pool.len();
        let sel = Selection::new(pool, r, indices(r, |i| i, vm)?, vec![], stopped);
        Combinations { sel }.into_ref_with_type(vm, cls).map(Into::into)
    }

    #[pymethod]
    fn __reduce__(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyObjectRef {
        let state = |s: &SelectionState| index_tuple(&s.indices, vm);
        zelf.sel.reduce(zelf.class(), state, || index_tuple(&[], vm), vm)
    }

    #[pymethod]
    fn __setstate__(zelf: &Py<Self>, state: PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
        let (n, r) = (zelf.sel.pool.len() as isize, zelf.sel.r);
        let state = state
            .downcast::<PyTuple>()
            .ok()
            .filter(|t| t.len() == r)
            .ok_or_else(|| vm.new_value_error("invalid arguments"))?;
        let indices = clamped(state.as_slice(), 0, |i| i as isize + n - r as isize, vm)?;
        let mut s = zelf.sel.state.lock();
        s.indices = indices;
        s.phase = if r as isize > n { Phase::Stopped } else { Phase::Running };
        Ok(())
    }
}

impl SelfIter for Combinations {}

impl IterNext for Combinations {
    fn next(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<PyIterReturn> {
        let sel = &zelf.sel;
        let (n, r) = (sel.pool.len(), sel.r);
        let mut s = sel.state.lock();
        match s.phase {
            Phase::Stopped => return stop(),
            Phase::Fresh => s.phase = Phase::Running,
            Phase::Running => {
                // The rightmost index not yet at its maximum `i + n - r` moves up; the ones
                // after it follow in sorted order.
                let Some(i) = (0..r).rev().find(|&i| s.indices[i] + r != i + n) else {
                    s.phase = Phase::Stopped;
                    return stop();
                };
                s.indices[i] += 1;
                for j in i + 1..r {
                    s.indices[j] = s.indices[j - 1] + 1;
                }
            }
        }
        Ok(sel.result(&s, vm))
    }
}

#[pyclass(module = "itertools", name = "combinations_with_replacement", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct CombinationsWithReplacement {
    sel: Selection,
}

// SAFETY: delegated.
unsafe impl Traverse for CombinationsWithReplacement {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.sel.traverse(f);
    }
}

const CWR: Signature = Signature {
    name: "combinations_with_replacement",
    params: &["iterable", "r"],
    positional: 2,
    required: 2,
};

#[pyclass(with(IterNext, Iterable), flags(BASETYPE))]
impl CombinationsWithReplacement {
    #[pyslot]
    fn slot_new(cls: PyTypeRef, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        let (pool, r) = selection_args(&CWR, args, vm)?;
        let stopped = pool.is_empty() && r > 0;
        let sel = Selection::new(pool, r, indices(r, |_| 0, vm)?, vec![], stopped);
        CombinationsWithReplacement { sel }.into_ref_with_type(vm, cls).map(Into::into)
    }

    #[pymethod]
    fn __reduce__(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyObjectRef {
        let state = |s: &SelectionState| index_tuple(&s.indices, vm);
        zelf.sel.reduce(zelf.class(), state, || index_tuple(&[], vm), vm)
    }

    #[pymethod]
    fn __setstate__(zelf: &Py<Self>, state: PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
        let (n, r) = (zelf.sel.pool.len() as isize, zelf.sel.r);
        let state = state
            .downcast::<PyTuple>()
            .ok()
            .filter(|t| t.len() == r)
            .ok_or_else(|| vm.new_value_error("invalid arguments"))?;
        let indices = clamped(state.as_slice(), 0, |_| n - 1, vm)?;
        let mut s = zelf.sel.state.lock();
        s.indices = indices;
        s.phase = Phase::Running;
        Ok(())
    }
}

impl SelfIter for CombinationsWithReplacement {}

impl IterNext for CombinationsWithReplacement {
    fn next(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<PyIterReturn> {
        let sel = &zelf.sel;
        let (n, r) = (sel.pool.len(), sel.r);
        let mut s = sel.state.lock();
        match s.phase {
            Phase::Stopped => return stop(),
            Phase::Fresh => s.phase = Phase::Running,
            Phase::Running => {
                // The rightmost index below `n - 1` moves up and the ones after it join it.
                let Some(i) = (0..r).rev().find(|&i| s.indices[i] + 1 != n) else {
                    s.phase = Phase::Stopped;
                    return stop();
                };
                let index = s.indices[i] + 1;
                for j in i..r {
                    s.indices[j] = index;
                }
            }
        }
        Ok(sel.result(&s, vm))
    }
}

#[pyclass(module = "itertools", name = "permutations", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct Permutations {
    sel: Selection,
}

// SAFETY: delegated.
unsafe impl Traverse for Permutations {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.sel.traverse(f);
    }
}

const PERMUTATIONS: Signature =
    Signature { name: "permutations", params: &["iterable", "r"], positional: 2, required: 1 };

#[pyclass(with(IterNext, Iterable), flags(BASETYPE))]
impl Permutations {
    #[pyslot]
    fn slot_new(cls: PyTypeRef, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        let a = PERMUTATIONS.bind(args, vm)?;
        let Some(iterable) = &a[0] else {
            return Err(
                vm.new_type_error("permutations() missing required argument 'iterable' (pos 1)")
            );
        };
        let pool = pool_of(iterable, vm)?;
        let n = pool.len();
        let r = match a[1].as_ref().filter(|r| !vm.is_none(r)) {
            None => n as isize,
            Some(r) if r.fast_isinstance(vm.ctx.types.int_type) => ssize(r, vm)?,
            Some(_) => return Err(vm.new_type_error("Expected int as r")),
        };
        if r < 0 {
            return Err(vm.new_value_error("r must be non-negative"));
        }
        let r = r as usize;
        let cycles = indices(r, |i| n.saturating_sub(i), vm)?;
        let sel = Selection::new(pool, r, indices(n, |i| i, vm)?, cycles, r > n);
        Permutations { sel }.into_ref_with_type(vm, cls).map(Into::into)
    }

    #[pymethod]
    fn __reduce__(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyObjectRef {
        let state = |s: &SelectionState| {
            common::tuple(vec![index_tuple(&s.indices, vm), index_tuple(&s.cycles, vm)], vm)
        };
        let done = || common::tuple(vec![index_tuple(&[], vm), index_tuple(&[], vm)], vm);
        zelf.sel.reduce(zelf.class(), state, done, vm)
    }

    #[pymethod]
    fn __setstate__(zelf: &Py<Self>, state: PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
        let state = common::state_tuple(state, vm)?;
        let tuple_arg = |i: usize| -> PyResult<PyTupleRef> {
            let o = state.as_slice().get(i).cloned().ok_or_else(|| {
                vm.new_type_error(format!(
                    "function takes exactly 2 arguments ({} given)",
                    state.len()
                ))
            })?;
            o.downcast::<PyTuple>().map_err(|o| {
                vm.new_type_error(format!(
                    "argument {} must be tuple, not {}",
                    i + 1,
                    o.class().name()
                ))
            })
        };
        let (indices, cycles) = (tuple_arg(0)?, tuple_arg(1)?);
        let (n, r) = (zelf.sel.pool.len(), zelf.sel.r);
        if indices.len() != n || cycles.len() != r {
            return Err(vm.new_value_error("invalid arguments"));
        }
        let indices = clamped(indices.as_slice(), 0, |_| n as isize - 1, vm)?;
        let cycles = clamped(cycles.as_slice(), 1, |i| n as isize - i as isize, vm)?;
        let mut s = zelf.sel.state.lock();
        s.indices = indices;
        s.cycles = cycles;
        s.phase = if r > n { Phase::Stopped } else { Phase::Running };
        Ok(())
    }
}

impl SelfIter for Permutations {}

impl IterNext for Permutations {
    fn next(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<PyIterReturn> {
        let sel = &zelf.sel;
        let (n, r) = (sel.pool.len(), sel.r);
        let mut s = sel.state.lock();
        match s.phase {
            Phase::Stopped => return stop(),
            Phase::Fresh => s.phase = Phase::Running,
            Phase::Running => {
                if n == 0 {
                    s.phase = Phase::Stopped;
                    return stop();
                }
                // Decrement the rightmost cycle; one that reaches zero rotates its tail
                // and resets, moving left.
                let mut advanced = false;
                for i in (0..r).rev() {
                    s.cycles[i] -= 1;
                    if s.cycles[i] == 0 {
                        s.indices[i..].rotate_left(1);
                        s.cycles[i] = n - i;
                    } else {
                        let j = s.cycles[i];
                        s.indices.swap(i, n - j);
                        advanced = true;
                        break;
                    }
                }
                if !advanced {
                    s.phase = Phase::Stopped;
                    return stop();
                }
            }
        }
        Ok(sel.result(&s, vm))
    }
}
