//! `tee`: iterators sharing one input through a chain of buffers (`_tee_dataobject`), each
//! sibling (`_tee`) holding its place in the chain. Buffers every sibling has passed are freed.

use rustpython_vm::builtins::{PyList, PyTupleRef, PyTypeRef};
use rustpython_vm::common::lock::PyMutex;
use rustpython_vm::function::FuncArgs;
use rustpython_vm::object::{Traverse, TraverseFn};
use rustpython_vm::protocol::PyIterReturn;
use rustpython_vm::types::{IterNext, Iterable, SelfIter};
use rustpython_vm::{
    pyclass, AsObject, Py, PyObjectRef, PyPayload, PyRef, PyResult, VirtualMachine,
};

use super::common::{self, iter_of, next_of, reduce, ssize, stop};

/// Items per buffer, as in CPython.
const LINKCELLS: usize = 57;

#[pyclass(module = "itertools", name = "_tee_dataobject", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct TeeData {
    it: PyObjectRef,
    values: PyMutex<Vec<PyObjectRef>>,
    next: PyMutex<Option<PyRef<TeeData>>>,
    /// Set while the input runs: a sibling asked for an item from inside it.
    running: PyMutex<bool>,
}

// SAFETY: every reference is visited once.
unsafe impl Traverse for TeeData {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.it.traverse(f);
        self.values.traverse(f);
        self.next.traverse(f);
    }
}

impl Drop for TeeData {
    /// Unlinks the buffers this one alone keeps alive one at a time: dropping a long chain
    /// link by link would recurse once per buffer.
    fn drop(&mut self) {
        let mut next = self.next.get_mut().take();
        while let Some(link) = next {
            if link.as_object().strong_count() != 1 {
                break;
            }
            next = link.next.lock().take();
        }
    }
}

impl TeeData {
    fn new(it: PyObjectRef, vm: &VirtualMachine) -> PyRef<Self> {
        TeeData {
            it,
            values: PyMutex::new(Vec::new()),
            next: PyMutex::new(None),
            running: PyMutex::new(false),
        }
        .into_ref(&vm.ctx)
    }

    /// The buffer after this one, made on first use.
    fn jumplink(&self, vm: &VirtualMachine) -> PyRef<TeeData> {
        if let Some(next) = self.next.lock().clone() {
            return next;
        }
        // Made with the lock released: an allocation may run the collector, which must
        // find this buffer's fields.
        let made = TeeData::new(self.it.clone(), vm);
        self.next.lock().get_or_insert(made).clone()
    }

    fn get_item(&self, i: usize, vm: &VirtualMachine) -> PyResult<Option<PyObjectRef>> {
        if let Some(v) = self.values.lock().get(i) {
            return Ok(Some(v.clone()));
        }
        {
            let mut running = self.running.lock();
            if *running {
                return Err(vm.new_runtime_error("cannot re-enter the tee iterator"));
            }
            *running = true;
        }
        let item = next_of(&self.it, vm);
        *self.running.lock() = false;
        let Some(item) = item? else {
            return Ok(None);
        };
        let mut values = self.values.lock();
        if values.len() == i {
            values.push(item.clone());
        }
        Ok(Some(item))
    }
}

#[pyclass]
impl TeeData {
    /// `_tee_dataobject(iterator, values, next)`.
    #[pyslot]
    fn slot_new(cls: PyTypeRef, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        let base = Self::class(&vm.ctx);
        let a = common::positional("teedataobject", "teedataobject", &cls, base, args, (3, 3), vm)?;
        let values = a[1].downcast_ref::<PyList>().ok_or_else(|| {
            vm.new_type_error(format!(
                "teedataobject() argument 2 must be list, not {}",
                a[1].class().name()
            ))
        })?;
        let values = values.borrow_vec().to_vec();
        let invalid = || vm.new_value_error("Invalid arguments");
        if values.len() > LINKCELLS {
            return Err(invalid());
        }
        // Only a full buffer may have a successor.
        let next = if vm.is_none(&a[2]) {
            None
        } else if values.len() == LINKCELLS {
            Some(a[2].clone().downcast::<TeeData>().map_err(|_| invalid())?)
        } else {
            return Err(invalid());
        };
        let data = TeeData {
            it: a[0].clone(),
            values: PyMutex::new(values),
            next: PyMutex::new(next),
            running: PyMutex::new(false),
        };
        Ok(data.into_ref(&vm.ctx).into())
    }

    #[pymethod]
    fn __reduce__(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyObjectRef {
        let values = zelf.values.lock().clone();
        let next = zelf.next.lock().clone();
        let values = vm.ctx.new_list(values).into();
        let next = next.map_or_else(|| vm.ctx.none(), Into::into);
        reduce(zelf.class(), vec![zelf.it.clone(), values, next], None, vm)
    }
}

#[pyclass(module = "itertools", name = "_tee", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct Tee {
    state: PyMutex<TeeState>,
}

#[derive(Debug)]
struct TeeState {
    data: PyRef<TeeData>,
    /// The next item's place in `data`.
    index: usize,
}

// SAFETY: the one reference is visited once.
unsafe impl Traverse for TeeState {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.data.traverse(f);
    }
}

// SAFETY: delegated.
unsafe impl Traverse for Tee {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.state.traverse(f);
    }
}

impl Tee {
    fn at(data: PyRef<TeeData>, index: usize) -> Self {
        Tee { state: PyMutex::new(TeeState { data, index }) }
    }

    /// `_tee(iterable)`: a copy when the iterator already is a tee, else a new buffer.
    fn from_iterable(iterable: &PyObjectRef, vm: &VirtualMachine) -> PyResult<PyRef<Tee>> {
        let it = iter_of(iterable, vm)?;
        if let Some(tee) = it.downcast_ref::<Tee>() {
            return Ok(tee.copy(vm));
        }
        Ok(Tee::at(TeeData::new(it, vm), 0).into_ref(&vm.ctx))
    }

    /// The buffer and the index in it, copied out so that no lock is held meanwhile.
    fn position(&self) -> (PyRef<TeeData>, usize) {
        let s = self.state.lock();
        (s.data.clone(), s.index)
    }

    fn copy(&self, vm: &VirtualMachine) -> PyRef<Tee> {
        let (data, index) = self.position();
        Tee::at(data, index).into_ref(&vm.ctx)
    }
}

#[pyclass(with(IterNext, Iterable), flags(HAS_WEAKREF))]
impl Tee {
    #[pyslot]
    fn slot_new(cls: PyTypeRef, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        let base = Self::class(&vm.ctx);
        let a = common::positional("_tee", "_tee", &cls, base, args, (1, 1), vm)?;
        Ok(Tee::from_iterable(&a[0], vm)?.into())
    }

    #[pymethod]
    fn __copy__(zelf: &Py<Self>, vm: &VirtualMachine) -> PyRef<Tee> {
        zelf.copy(vm)
    }

    #[pymethod]
    fn __reduce__(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyObjectRef {
        let (data, index) = zelf.position();
        let state = common::tuple(vec![data.into(), vm.ctx.new_int(index).into()], vm);
        let empty: PyObjectRef = vm.ctx.empty_tuple.clone().into();
        reduce(zelf.class(), vec![empty], Some(state), vm)
    }

    #[pymethod]
    fn __setstate__(zelf: &Py<Self>, state: PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
        let state = common::state_tuple(state, vm)?;
        let [data, index] = state.as_slice() else {
            return Err(vm.new_type_error(format!(
                "function takes exactly 2 arguments ({} given)",
                state.len()
            )));
        };
        let data = data.clone().downcast::<TeeData>().map_err(|o| {
            vm.new_type_error(format!(
                "argument 1 must be itertools._tee_dataobject, not {}",
                o.class().name()
            ))
        })?;
        let index = usize::try_from(ssize(index, vm)?)
            .ok()
            .filter(|i| *i <= LINKCELLS)
            .ok_or_else(|| vm.new_value_error("Index out of range"))?;
        *zelf.state.lock() = TeeState { data, index };
        Ok(())
    }
}

impl SelfIter for Tee {}

impl IterNext for Tee {
    fn next(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<PyIterReturn> {
        let (mut data, mut index) = zelf.position();
        while index >= LINKCELLS {
            let link = data.jumplink(vm);
            let mut s = zelf.state.lock();
            if s.data.is(&data) && s.index == index {
                *s = TeeState { data: link, index: 0 };
            }
            (data, index) = (s.data.clone(), s.index);
        }
        let Some(value) = data.get_item(index, vm)? else {
            return stop();
        };
        let mut s = zelf.state.lock();
        if s.data.is(&data) && s.index == index {
            s.index += 1;
        }
        Ok(PyIterReturn::Return(value))
    }
}

/// `tee(iterable, n=2)`: the first result is the iterator itself when it can copy itself.
pub fn tee(args: FuncArgs, vm: &VirtualMachine) -> PyResult<PyTupleRef> {
    if !args.kwargs.is_empty() {
        return Err(vm.new_type_error("itertools.tee() takes no keyword arguments"));
    }
    let n = args.args.len();
    if !(1..=2).contains(&n) {
        let how = if n < 1 { "at least 1 argument" } else { "at most 2 arguments" };
        return Err(vm.new_type_error(format!("tee expected {how}, got {n}")));
    }
    let n = match args.args.get(1) {
        Some(n) => ssize(n, vm)?,
        None => 2,
    };
    if n < 0 {
        return Err(vm.new_value_error("n must be >= 0"));
    }
    let mut result = Vec::new();
    result.try_reserve_exact(n as usize).map_err(|_| vm.no_memory_error())?;
    if n == 0 {
        return Ok(vm.ctx.empty_tuple.clone());
    }
    let it = iter_of(&args.args[0], vm)?;
    let (copyable, copy) = match vm.get_attribute_opt(&it, "__copy__")? {
        Some(copy) => (it, copy),
        None => {
            let tee: PyObjectRef = Tee::from_iterable(&it, vm)?.into();
            let copy = tee.get_attr("__copy__", vm)?;
            (tee, copy)
        }
    };
    result.push(copyable);
    for _ in 1..n {
        result.push(copy.call((), vm)?);
    }
    Ok(vm.ctx.new_tuple(result))
}
