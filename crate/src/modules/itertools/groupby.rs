//! `groupby` and its `_grouper`.

use rustpython_vm::builtins::PyTypeRef;
use rustpython_vm::common::lock::PyMutex;
use rustpython_vm::function::FuncArgs;
use rustpython_vm::object::{Traverse, TraverseFn};
use rustpython_vm::protocol::PyIterReturn;
use rustpython_vm::types::{IterNext, Iterable, SelfIter};
use rustpython_vm::{
    pyclass, AsObject, Py, PyObjectRef, PyPayload, PyRef, PyResult, VirtualMachine,
};

use super::common::{self, iter_of, next_of, reduce, stop, Signature};

#[pyclass(module = "itertools", name = "groupby", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct GroupBy {
    it: PyObjectRef,
    key: Option<PyObjectRef>,
    state: PyMutex<GroupState>,
}

#[derive(Debug, Default)]
struct GroupState {
    /// The key of the current group.
    tgtkey: Option<PyObjectRef>,
    /// The item read ahead and its key.
    currkey: Option<PyObjectRef>,
    currvalue: Option<PyObjectRef>,
    /// Which grouper may still yield: CPython keeps a borrowed pointer to it; a serial
    /// number is the same test as plain data.
    current_grouper: Option<u64>,
    groupers_made: u64,
}

// SAFETY: every reference is visited once.
unsafe impl Traverse for GroupState {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.tgtkey.traverse(f);
        self.currkey.traverse(f);
        self.currvalue.traverse(f);
    }
}

// SAFETY: every reference is visited once.
unsafe impl Traverse for GroupBy {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.it.traverse(f);
        self.key.traverse(f);
        self.state.traverse(f);
    }
}

const GROUPBY: Signature =
    Signature { name: "groupby", params: &["iterable", "key"], positional: 2, required: 1 };

impl GroupBy {
    /// Reads the next item and its key; `false` when the input is exhausted.
    fn step(&self, vm: &VirtualMachine) -> PyResult<bool> {
        let Some(value) = next_of(&self.it, vm)? else {
            return Ok(false);
        };
        let key = match &self.key {
            Some(k) => k.call((value.clone(),), vm)?,
            None => value.clone(),
        };
        let mut s = self.state.lock();
        s.currvalue = Some(value);
        s.currkey = Some(key);
        Ok(true)
    }

    fn new_grouper(zelf: &Py<Self>, tgtkey: PyObjectRef, vm: &VirtualMachine) -> PyRef<Grouper> {
        let serial = {
            let mut s = zelf.state.lock();
            s.groupers_made += 1;
            s.current_grouper = Some(s.groupers_made);
            s.groupers_made
        };
        Grouper { parent: zelf.to_owned(), tgtkey, serial }.into_ref(&vm.ctx)
    }
}

#[pyclass(with(IterNext, Iterable), flags(BASETYPE))]
impl GroupBy {
    #[pyslot]
    fn slot_new(cls: PyTypeRef, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        let mut a = GROUPBY.bind(args, vm)?.into_iter();
        let (Some(iterable), key) = (a.next().flatten(), a.next().flatten()) else {
            return Err(vm.new_type_error("groupby() missing required argument 'iterable' (pos 1)"));
        };
        let it = iter_of(&iterable, vm)?;
        let key = key.filter(|k| !vm.is_none(k));
        GroupBy { it, key, state: PyMutex::new(GroupState::default()) }
            .into_ref_with_type(vm, cls)
            .map(Into::into)
    }

    /// CPython 3.11's shape, `(cls, (it, key), (currkey, currvalue, tgtkey))`, plus
    /// `(tgtkey,)` for a group whose read-ahead item was taken by its grouper: without it
    /// the rebuilt groupby would yield the rest of that group as a new group.
    #[pymethod]
    fn __reduce__(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyObjectRef {
        let state = {
            let s = zelf.state.lock();
            match (&s.currkey, &s.currvalue, &s.tgtkey) {
                (Some(k), Some(v), Some(t)) => Some(vec![k.clone(), v.clone(), t.clone()]),
                (None, None, Some(t)) => Some(vec![t.clone()]),
                _ => None,
            }
        };
        let key = zelf.key.clone().unwrap_or_else(|| vm.ctx.none());
        let state = state.map(|parts| common::tuple(parts, vm));
        reduce(zelf.class(), vec![zelf.it.clone(), key], state, vm)
    }

    #[pymethod]
    fn __setstate__(zelf: &Py<Self>, state: PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
        let state = common::state_tuple(state, vm)?;
        let (currkey, currvalue, tgtkey) = match state.as_slice() {
            [k, v, t] => (Some(k.clone()), Some(v.clone()), t.clone()),
            [t] => (None, None, t.clone()),
            other => {
                return Err(vm.new_type_error(format!(
                    "function takes exactly 3 arguments ({} given)",
                    other.len()
                )))
            }
        };
        let mut s = zelf.state.lock();
        s.currkey = currkey;
        s.currvalue = currvalue;
        s.tgtkey = Some(tgtkey);
        Ok(())
    }
}

impl SelfIter for GroupBy {}

impl IterNext for GroupBy {
    fn next(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<PyIterReturn> {
        zelf.state.lock().current_grouper = None;
        // Skip what is left of the current group.
        let currkey = loop {
            let (currkey, tgtkey) = {
                let s = zelf.state.lock();
                (s.currkey.clone(), s.tgtkey.clone())
            };
            if let Some(currkey) = currkey {
                match tgtkey {
                    None => break currkey,
                    Some(t) if !vm.identical_or_equal(&t, &currkey)? => break currkey,
                    Some(_) => {}
                }
            }
            if !zelf.step(vm)? {
                return stop();
            }
        };
        zelf.state.lock().tgtkey = Some(currkey.clone());
        let grouper = GroupBy::new_grouper(zelf, currkey.clone(), vm);
        Ok(PyIterReturn::Return(common::tuple(vec![currkey, grouper.into()], vm)))
    }
}

#[pyclass(module = "itertools", name = "_grouper", traverse = "manual")]
#[derive(Debug, PyPayload)]
pub struct Grouper {
    parent: PyRef<GroupBy>,
    tgtkey: PyObjectRef,
    serial: u64,
}

// SAFETY: every reference is visited once.
unsafe impl Traverse for Grouper {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.parent.traverse(f);
        self.tgtkey.traverse(f);
    }
}

impl Grouper {
    fn is_current(&self) -> bool {
        self.parent.state.lock().current_grouper == Some(self.serial)
    }
}

#[pyclass(with(IterNext, Iterable), flags(HAS_WEAKREF))]
impl Grouper {
    /// `_grouper(parent, tgtkey)` makes the new grouper the parent's current one.
    #[pyslot]
    fn slot_new(cls: PyTypeRef, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        let base = Self::class(&vm.ctx);
        let a = common::positional("_grouper", "_grouper", &cls, base, args, (2, 2), vm)?;
        let parent = a[0].clone().downcast::<GroupBy>().map_err(|o| {
            vm.new_type_error(format!(
                "_grouper() argument 1 must be itertools.groupby, not {}",
                o.class().name()
            ))
        })?;
        Ok(GroupBy::new_grouper(&parent, a[1].clone(), vm).into())
    }

    #[pymethod]
    fn __reduce__(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyResult {
        if !zelf.is_current() {
            // A grouper that can never yield again.
            let iter = vm.builtins.get_attr("iter", vm)?;
            let empty: PyObjectRef = vm.ctx.empty_tuple.clone().into();
            return Ok(common::tuple(vec![iter, common::tuple(vec![empty], vm)], vm));
        }
        let args = vec![zelf.parent.clone().into(), zelf.tgtkey.clone()];
        Ok(reduce(zelf.class(), args, None, vm))
    }
}

impl SelfIter for Grouper {}

impl IterNext for Grouper {
    fn next(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<PyIterReturn> {
        if !zelf.is_current() {
            return stop();
        }
        let parent = &zelf.parent;
        // Read apart from the step: the lock must not be held while the program's iterator
        // and key function run.
        let read_ahead = parent.state.lock().currvalue.is_some();
        if !read_ahead && !parent.step(vm)? {
            return stop();
        }
        let Some(currkey) = parent.state.lock().currkey.clone() else {
            return stop();
        };
        if !vm.identical_or_equal(&zelf.tgtkey, &currkey)? {
            return stop();
        }
        let mut s = parent.state.lock();
        s.currkey = None;
        match s.currvalue.take() {
            Some(v) => Ok(PyIterReturn::Return(v)),
            None => stop(),
        }
    }
}
