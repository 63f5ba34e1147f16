//! `sorted` and `list.sort` as a continuation, for key functions and comparisons that are
//! Sleepy code. Keys are computed first, in order, as CPython does. When every key is a
//! builtin value the keys are then sorted natively; otherwise the sort is CPython's for
//! lists shorter than 64: the leading run (reversed when strictly descending), then binary
//! insertion, each `<` a comparison protocol of its own. That makes the same comparisons in
//! the same order as CPython below 64 items, and the same stable result at any length.

use rustpython_vm::builtins::{PyList, PyListRef, PyTuple};
use rustpython_vm::function::{FuncArgs, KwArgs};
use rustpython_vm::object::{Traverse, TraverseFn};
use rustpython_vm::types::PyComparisonOp;
use rustpython_vm::{AsObject, PyObjectRef, PyResult, VirtualMachine};

use super::continuation::{is_heap_type, Continuation, Input, Step};
use super::operators::{plan, OpKind};
use crate::bytecode::CmpOp;

/// Where a sort is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Waiting for the items of a Sleepy iterable.
    Collect,
    /// Waiting for the key of item `next`.
    Keys { next: usize },
    /// Waiting for `keys[i] < keys[i - 1]` while measuring the leading run.
    Run { i: usize, descending: bool },
    /// Waiting for `keys[start] < keys[(lo + hi) / 2]` while inserting item `start`.
    Insert { start: usize, lo: usize, hi: usize },
}

#[derive(Debug)]
pub struct Sort {
    /// The items, in the order sorted so far.
    pub values: PyListRef,
    /// Their keys, in the same order (None without a key function: the items are the keys).
    pub keys: Option<PyListRef>,
    pub key_fn: Option<PyObjectRef>,
    pub reverse: bool,
    /// `list.sort`'s list, empty while it is sorted (as in CPython); None for `sorted`.
    pub target: Option<PyListRef>,
    pub stage: Stage,
}

// SAFETY: every object reference is visited once.
unsafe impl Traverse for Sort {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.values.traverse(f);
        self.keys.traverse(f);
        self.key_fn.traverse(f);
        self.target.traverse(f);
    }
}

/// Whether comparing `v` with values like it never calls the program.
fn plain_key(v: &PyObjectRef) -> bool {
    if is_heap_type(v.class()) {
        return false;
    }
    match v.downcast_ref::<PyTuple>() {
        Some(t) => t.as_slice().iter().all(plain_key),
        None => true,
    }
}

impl Sort {
    /// A sort of `values` (already collected), or of a Sleepy iterable still to collect.
    pub fn new(
        values: PyListRef,
        stage: Stage,
        key_fn: Option<PyObjectRef>,
        reverse: bool,
        target: Option<PyListRef>,
    ) -> Sort {
        Sort { values, keys: None, key_fn, reverse, target, stage }
    }

    fn keys(&self) -> &PyListRef {
        self.keys.as_ref().unwrap_or(&self.values)
    }

    fn len(&self) -> usize {
        self.values.borrow_vec().len()
    }

    pub fn resume(&mut self, input: Input, vm: &VirtualMachine) -> PyResult<Step> {
        let result = match input {
            Input::Err(e) => {
                self.restore_target();
                return Err(e);
            }
            Input::Start => None,
            Input::Ok(v) => Some(v),
        };
        match self.advance(result, vm) {
            Err(e) => {
                self.restore_target();
                Err(e)
            }
            step => step,
        }
    }

    /// An error leaves `list.sort`'s list with the items, in the order reached (CPython's).
    fn restore_target(&self) {
        if let Some(target) = &self.target {
            let items = self.values.borrow_vec().to_vec();
            *target.borrow_vec_mut() = items;
        }
    }

    fn advance(&mut self, result: Option<PyObjectRef>, vm: &VirtualMachine) -> PyResult<Step> {
        let mut less: Option<bool> = None;
        if let Some(v) = result {
            match self.stage {
                Stage::Collect => {
                    let items = v
                        .downcast::<PyList>()
                        .map_err(|_| vm.new_system_error("a sort collected no list"))?;
                    self.values = items;
                    self.stage = Stage::Keys { next: 0 };
                }
                Stage::Keys { next } => {
                    self.keys
                        .get_or_insert_with(|| vm.ctx.new_list(Vec::new()))
                        .borrow_vec_mut()
                        .push(v);
                    self.stage = Stage::Keys { next: next + 1 };
                }
                Stage::Run { .. } | Stage::Insert { .. } => less = Some(v.is_true(vm)?),
            }
        }
        if let Stage::Keys { next } = self.stage {
            if let Some(key_fn) = &self.key_fn {
                if next < self.len() {
                    let item = self.item(&self.values, next, vm)?;
                    return Ok(Step::Call(key_fn.clone(), vec![item]));
                }
            }
            if let Some(done) = self.sort_natively(vm)? {
                return Ok(done);
            }
            if self.reverse {
                self.reverse_all();
            }
            if self.len() < 2 {
                return self.finish(vm);
            }
            self.stage = Stage::Run { i: 1, descending: false };
        }
        loop {
            if let Some(r) = less.take() {
                self.apply(r);
            }
            let (a, b) = match self.stage {
                Stage::Run { i, .. } if i < self.len() => (i, i - 1),
                Stage::Run { i, descending } => {
                    self.end_run(i, descending);
                    continue;
                }
                Stage::Insert { start, .. } if start >= self.len() => return self.finish(vm),
                Stage::Insert { start, lo, hi } if lo >= hi => {
                    self.insert(start, lo);
                    let start = start + 1;
                    self.stage = Stage::Insert { start, lo: 0, hi: start };
                    continue;
                }
                Stage::Insert { start, lo, hi } => (start, lo + ((hi - lo) >> 1)),
                Stage::Collect | Stage::Keys { .. } => {
                    return Err(vm.new_system_error("a sort lost its place"))
                }
            };
            let keys = self.keys();
            let (x, y) = (self.item(keys, a, vm)?, self.item(keys, b, vm)?);
            match plan(OpKind::Compare(CmpOp::Lt), &x, &y, vm) {
                Some(op) => return Ok(Step::Begin(Continuation::Operator(op))),
                None => less = Some(x.rich_compare_bool(&y, PyComparisonOp::Lt, vm)?),
            }
        }
    }

    fn item(&self, list: &PyListRef, i: usize, vm: &VirtualMachine) -> PyResult {
        list.borrow_vec()
            .get(i)
            .cloned()
            .ok_or_else(|| vm.new_system_error("a sort's position is past its items"))
    }

    /// Takes the answer to the comparison the stage waited for.
    fn apply(&mut self, less: bool) {
        self.stage = match self.stage {
            Stage::Run { i: 1, .. } => Stage::Run { i: 2, descending: less },
            Stage::Run { i, descending } if less == descending => {
                Stage::Run { i: i + 1, descending }
            }
            // The run ends before `i`.
            Stage::Run { i, descending } => {
                self.end_run(i, descending);
                return;
            }
            Stage::Insert { start, lo, hi } => {
                let p = lo + ((hi - lo) >> 1);
                if less {
                    Stage::Insert { start, lo, hi: p }
                } else {
                    Stage::Insert { start, lo: p + 1, hi }
                }
            }
            other => other,
        };
    }

    /// The leading run is `0..len`: reversed if descending, then the rest is inserted.
    fn end_run(&mut self, len: usize, descending: bool) {
        let len = len.min(self.len());
        if descending {
            self.values.borrow_vec_mut()[..len].reverse();
            if let Some(keys) = &self.keys {
                keys.borrow_vec_mut()[..len].reverse();
            }
        }
        self.stage = Stage::Insert { start: len, lo: 0, hi: len };
    }

    /// Moves item `from` to position `to` (`to <= from`).
    fn insert(&mut self, from: usize, to: usize) {
        let lists = std::iter::once(&self.values).chain(self.keys.as_ref());
        for list in lists {
            let mut items = list.borrow_vec_mut();
            if from < items.len() && to <= from {
                items[to..=from].rotate_right(1);
            }
        }
    }

    fn reverse_all(&mut self) {
        self.values.borrow_vec_mut().reverse();
        if let Some(keys) = &self.keys {
            keys.borrow_vec_mut().reverse();
        }
    }

    /// Keys that are all builtin values sort natively (by index, so items are never
    /// compared): RustPython's sort is stable too, so the result is the same.
    fn sort_natively(&mut self, vm: &VirtualMachine) -> PyResult<Option<Step>> {
        let keys = self.keys().clone();
        if !keys.borrow_vec().iter().all(plain_key) {
            return Ok(None);
        }
        let order: Vec<PyObjectRef> = (0..self.len()).map(|i| vm.ctx.new_int(i).into()).collect();
        let order = vm.ctx.new_list(order);
        let by_key = keys.as_object().get_attr("__getitem__", vm)?;
        let reverse: PyObjectRef = vm.ctx.new_bool(self.reverse).into();
        let kwargs: KwArgs = [("key", by_key), ("reverse", reverse)].into_iter().collect();
        vm.call_method(order.as_object(), "sort", FuncArgs::new(Vec::new(), kwargs))?;
        let values = self.values.borrow_vec().to_vec();
        let sorted: Vec<PyObjectRef> = order
            .borrow_vec()
            .iter()
            .map(|i| i.try_to_value::<usize>(vm).map(|i| values[i].clone()))
            .collect::<PyResult<_>>()?;
        *self.values.borrow_vec_mut() = sorted;
        // Already in final order: `finish` must not reverse again.
        self.reverse = false;
        self.finish(vm).map(Some)
    }

    fn finish(&mut self, vm: &VirtualMachine) -> PyResult<Step> {
        if self.reverse {
            self.reverse_all();
        }
        match &self.target {
            Some(target) => {
                if !target.borrow_vec().is_empty() {
                    self.restore_target();
                    return Err(vm.new_value_error("list modified during sort"));
                }
                self.restore_target();
                Ok(Step::Done(vm.ctx.none()))
            }
            None => Ok(Step::Done(self.values.clone().into())),
        }
    }
}
