//! Builtins that consume an iterable (`list()`, `tuple()`, `set()`, `frozenset()`, `dict()`,
//! `dict.update`, `str.join`, `sum`, `min`, `max`, `any`, `all`, `functools.reduce`) as a
//! continuation, for iterables whose
//! `__iter__`/`__next__` is Sleepy code or that are Sleepy generators, and for items whose
//! `__add__`, comparisons or `__bool__` are.

use rustpython_vm::builtins::PyListRef;
use rustpython_vm::object::{Traverse, TraverseFn};
use rustpython_vm::{AsObject, PyObjectRef, PyResult, VirtualMachine};

use super::continuation::{sleepy_dunder, truth_method, truth_result, Continuation, Input, Step};
use super::operators::{plan, OpKind};
use crate::bytecode::{BinOp, CmpOp};

/// What the items become.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GatherKind {
    List,
    Tuple,
    Set,
    FrozenSet,
    /// `separator.join(items)`.
    Join,
    Sum,
    Min,
    Max,
    Any,
    All,
    /// `functools.reduce(function, items[, initial])`: `extra` is the function.
    Reduce,
    /// `dict(pairs)`: `acc` is the new dict, `extra` the number of pairs so far.
    Dict,
    /// `d.update(pairs)`: `acc` is `d`, `extra` the number of pairs so far.
    Update,
    /// `a, b = items`: `extra` is the number of targets.
    Unpack,
    /// `a, *b, c = items`: `extra` is `(targets before the star, targets after it)`.
    UnpackStarred,
    /// `{*items}`: `acc` is the set being built, each item added as it comes.
    SetUpdate,
}

// Snapshots name a kind by its place here: new kinds go at the end.
pub const GATHER_KINDS: [GatherKind; 16] = [
    GatherKind::List,
    GatherKind::Tuple,
    GatherKind::Set,
    GatherKind::FrozenSet,
    GatherKind::Join,
    GatherKind::Sum,
    GatherKind::Min,
    GatherKind::Max,
    GatherKind::Any,
    GatherKind::All,
    GatherKind::Reduce,
    GatherKind::Dict,
    GatherKind::Update,
    GatherKind::Unpack,
    GatherKind::UnpackStarred,
    GatherKind::SetUpdate,
];

/// What the gathering waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GatherStage {
    /// The iterable's `__iter__`.
    Iter,
    /// The next item.
    Next,
    /// `total + item` (sum), a comparison with the best so far (min, max), or an item's
    /// truth (any, all).
    Combine,
    /// `key(item)` (min, max with `key=`).
    Key,
}

#[derive(Debug)]
pub struct Gather {
    pub kind: GatherKind,
    pub stage: GatherStage,
    /// The iterable until `__iter__` returned, then the iterator.
    pub iter: PyObjectRef,
    /// The items so far (collections, join), the total (sum), the best item (min, max;
    /// `None` with `has_best` false before the first).
    pub acc: PyObjectRef,
    /// The separator (join); the item being compared (min, max); else None.
    pub extra: PyObjectRef,
    pub has_best: bool,
    /// `min`/`max`'s `default=`: the result for no items.
    pub default: Option<PyObjectRef>,
    /// `min`/`max`'s `key=`.
    pub keyed: Option<Keyed>,
}

/// `min`/`max`'s `key=`: the function, the best item's key, and the key of the item being
/// compared (in `Gather::extra`).
#[derive(Debug)]
pub struct Keyed {
    pub key: PyObjectRef,
    pub best: PyObjectRef,
    pub candidate: PyObjectRef,
}

// SAFETY: every object reference is visited once.
unsafe impl Traverse for Gather {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.iter.traverse(f);
        self.acc.traverse(f);
        self.extra.traverse(f);
        self.default.traverse(f);
        if let Some(k) = &self.keyed {
            k.key.traverse(f);
            k.best.traverse(f);
            k.candidate.traverse(f);
        }
    }
}

impl Gather {
    /// Consumes `iterable` into `kind`, starting from `acc` (a fresh list for collections and
    /// join, the start value for sum, None otherwise) with `extra` as the field says.
    pub fn new(
        kind: GatherKind,
        iterable: PyObjectRef,
        acc: PyObjectRef,
        extra: PyObjectRef,
    ) -> Gather {
        Gather {
            kind,
            stage: GatherStage::Iter,
            iter: iterable,
            acc,
            extra,
            has_best: false,
            default: None,
            keyed: None,
        }
    }

    pub fn resume(&mut self, input: Input, vm: &VirtualMachine) -> PyResult<Step> {
        match (self.stage, input) {
            (_, Input::Err(e))
                if self.stage == GatherStage::Next
                    && e.fast_isinstance(vm.ctx.exceptions.stop_iteration) =>
            {
                self.finish(vm)
            }
            (_, Input::Err(e)) => Err(e),
            (GatherStage::Iter, Input::Start) => {
                if let Some(iter) = sleepy_dunder(&self.iter, vm.ctx.names.__iter__) {
                    return Ok(Step::Call(iter, vec![self.iter.clone()]));
                }
                self.iter = crate::modules::itertools::common::iter_of(&self.iter, vm)?;
                self.next()
            }
            (GatherStage::Iter, Input::Ok(iter)) => {
                if !rustpython_vm::protocol::PyIter::check(&iter) {
                    return Err(vm.new_type_error(format!(
                        "iter() returned non-iterator of type '{}'",
                        iter.class().name()
                    )));
                }
                self.iter = iter;
                self.next()
            }
            (GatherStage::Next, Input::Ok(item)) => self.take(item, vm),
            (GatherStage::Combine, Input::Ok(v)) => self.combined(v, vm),
            (GatherStage::Key, Input::Ok(k)) => self.keyed_item(k, vm),
            (_, Input::Start) => Err(vm.new_system_error("an iteration was started twice")),
        }
    }

    fn next(&mut self) -> PyResult<Step> {
        self.stage = GatherStage::Next;
        Ok(Step::Next(self.iter.clone()))
    }

    fn items(&self, vm: &VirtualMachine) -> PyResult<PyListRef> {
        self.acc
            .clone()
            .downcast()
            .map_err(|_| vm.new_system_error("gathered items are not a list"))
    }

    /// An item arrived.
    fn take(&mut self, item: PyObjectRef, vm: &VirtualMachine) -> PyResult<Step> {
        let (kind, op) = match self.kind {
            GatherKind::List
            | GatherKind::Tuple
            | GatherKind::Set
            | GatherKind::FrozenSet
            | GatherKind::Join
            | GatherKind::UnpackStarred => {
                self.items(vm)?.borrow_vec_mut().push(item);
                return self.next();
            }
            GatherKind::Unpack => {
                let targets = self.extra.try_to_value::<usize>(vm)?;
                let items = self.items(vm)?;
                items.borrow_vec_mut().push(item);
                // One value too many is enough to know: the rest is not taken.
                if items.borrow_vec().len() > targets {
                    return Err(super::ops::too_many_to_unpack(targets, vm));
                }
                return self.next();
            }
            GatherKind::Dict | GatherKind::Update => {
                self.add_pair(item, vm)?;
                return self.next();
            }
            GatherKind::SetUpdate => {
                vm.call_method(&self.acc, "add", (item,))?;
                return self.next();
            }
            GatherKind::Reduce if !self.has_best => {
                self.acc = item;
                self.has_best = true;
                return self.next();
            }
            GatherKind::Reduce => {
                self.stage = GatherStage::Combine;
                return Ok(Step::Call(self.extra.clone(), vec![self.acc.clone(), item]));
            }
            GatherKind::Sum => (OpKind::Binary(BinOp::Add), None),
            GatherKind::Min | GatherKind::Max => {
                let order = self.order();
                (OpKind::Compare(order), Some(order))
            }
            GatherKind::Any | GatherKind::All => {
                self.stage = GatherStage::Combine;
                if let Some((m, via_len)) = truth_method(&item, vm) {
                    self.extra = vm.ctx.new_bool(via_len).into();
                    return Ok(Step::Call(m, vec![item]));
                }
                let t = item.is_true(vm)?;
                return self.truth(t, vm);
            }
        };
        if let (Some(k), Some(_)) = (&self.keyed, op) {
            self.stage = GatherStage::Key;
            self.extra = item.clone();
            return Ok(Step::Call(k.key.clone(), vec![item]));
        }
        if op.is_some() && !self.has_best {
            self.acc = item;
            self.has_best = true;
            return self.next();
        }
        if op.is_some() {
            self.extra = item.clone();
        }
        let (left, right) = (item, self.acc.clone());
        let (a, b) = if op.is_some() { (left, right) } else { (right, left) };
        self.compare(kind, op, a, b, vm)
    }

    /// An item of `dict(pairs)` or `d.update(pairs)`: a key and a value, stored as they come
    /// (an update that fails half-way keeps what it stored, as CPython's does).
    fn add_pair(&mut self, item: PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
        let index = self.extra.try_to_value::<usize>(vm)?;
        let pair: Vec<PyObjectRef> = item.try_to_value(vm).map_err(|_| {
            vm.new_type_error(format!(
                "cannot convert dictionary update sequence element #{index} to a sequence"
            ))
        })?;
        let [key, value] = <[PyObjectRef; 2]>::try_from(pair).map_err(|pair| {
            vm.new_value_error(format!(
                "dictionary update sequence element #{index} has length {}; 2 is required",
                pair.len()
            ))
        })?;
        self.acc.set_item(&*key, value, vm)?;
        self.extra = vm.ctx.new_int(index + 1).into();
        Ok(())
    }

    /// The key of the item in `extra` arrived (min, max with `key=`).
    fn keyed_item(&mut self, key: PyObjectRef, vm: &VirtualMachine) -> PyResult<Step> {
        let keyed = self.keyed.as_mut().ok_or_else(|| vm.new_system_error("a key without key="))?;
        if !self.has_best {
            self.acc = std::mem::replace(&mut self.extra, vm.ctx.none());
            keyed.best = key;
            self.has_best = true;
            return self.next();
        }
        keyed.candidate = key.clone();
        let best = keyed.best.clone();
        let order = self.order();
        self.compare(OpKind::Compare(order), Some(order), key, best, vm)
    }

    /// How min (`<`) or max (`>`) compares an item with the best so far.
    fn order(&self) -> CmpOp {
        if self.kind == GatherKind::Min {
            CmpOp::Lt
        } else {
            CmpOp::Gt
        }
    }

    /// `a + b` (sum) or `a < b` / `a > b` (min, max), as a continuation when that runs
    /// Sleepy code.
    fn compare(
        &mut self,
        kind: OpKind,
        op: Option<CmpOp>,
        a: PyObjectRef,
        b: PyObjectRef,
        vm: &VirtualMachine,
    ) -> PyResult<Step> {
        self.stage = GatherStage::Combine;
        match plan(kind, &a, &b, vm) {
            Some(op) => Ok(Step::Begin(Continuation::Operator(op))),
            None => {
                let v = match op {
                    Some(cmp) => a.rich_compare(b, super::eval::cmp_op(cmp), vm)?,
                    None => vm._add(&a, &b)?,
                };
                self.combined(v, vm)
            }
        }
    }

    /// The result of combining an item arrived.
    fn combined(&mut self, v: PyObjectRef, vm: &VirtualMachine) -> PyResult<Step> {
        match self.kind {
            GatherKind::Sum | GatherKind::Reduce => self.acc = v,
            GatherKind::Min | GatherKind::Max => {
                let item = std::mem::replace(&mut self.extra, vm.ctx.none());
                let keyed = self.keyed.as_mut();
                let key = keyed.map(|k| (std::mem::replace(&mut k.candidate, vm.ctx.none()), k));
                if v.is_true(vm)? {
                    self.acc = item;
                    if let Some((key, k)) = key {
                        k.best = key;
                    }
                }
            }
            GatherKind::Any | GatherKind::All => {
                let via_len = self.extra.is(&vm.ctx.true_value);
                let t = truth_result(via_len, v, vm)?.is(&vm.ctx.true_value);
                return self.truth(t, vm);
            }
            _ => return Err(vm.new_system_error("a collection combined an item")),
        }
        self.next()
    }

    fn truth(&mut self, t: bool, vm: &VirtualMachine) -> PyResult<Step> {
        match (self.kind, t) {
            (GatherKind::Any, true) => Ok(Step::Done(vm.ctx.new_bool(true).into())),
            (GatherKind::All, false) => Ok(Step::Done(vm.ctx.new_bool(false).into())),
            _ => self.next(),
        }
    }

    /// The iterator is exhausted.
    fn finish(&mut self, vm: &VirtualMachine) -> PyResult<Step> {
        let types = &vm.ctx.types;
        let done = match self.kind {
            GatherKind::List => self.acc.clone(),
            GatherKind::Tuple => vm.ctx.new_tuple(self.items(vm)?.borrow_vec().to_vec()).into(),
            GatherKind::Set => types.set_type.as_object().call((self.acc.clone(),), vm)?,
            GatherKind::FrozenSet => {
                types.frozenset_type.as_object().call((self.acc.clone(),), vm)?
            }
            GatherKind::Join => vm.call_method(&self.extra, "join", (self.acc.clone(),))?,
            GatherKind::Sum => self.acc.clone(),
            GatherKind::Min | GatherKind::Max if self.has_best => self.acc.clone(),
            GatherKind::Min | GatherKind::Max if self.default.is_some() => {
                self.default.clone().unwrap_or_else(|| vm.ctx.none())
            }
            GatherKind::Min => return Err(vm.new_value_error("min() iterable argument is empty")),
            GatherKind::Max => return Err(vm.new_value_error("max() iterable argument is empty")),
            GatherKind::Any => vm.ctx.new_bool(false).into(),
            GatherKind::All => vm.ctx.new_bool(true).into(),
            GatherKind::Dict | GatherKind::SetUpdate => self.acc.clone(),
            GatherKind::Update => vm.ctx.none(),
            GatherKind::Unpack | GatherKind::UnpackStarred => {
                let (before, after) = if self.kind == GatherKind::Unpack {
                    (self.extra.try_to_value::<usize>(vm)?, None)
                } else {
                    let counts: Vec<usize> = self.extra.try_to_value(vm)?;
                    let [before, after] = counts[..] else {
                        return Err(vm.new_system_error("starred unpacking lost its counts"));
                    };
                    (before, Some(after))
                };
                let items = self.items(vm)?.borrow_vec().to_vec();
                let arranged = super::ops::arrange_unpacked(items, before, after, vm)?;
                vm.ctx.new_list(arranged).into()
            }
            GatherKind::Reduce if self.has_best => self.acc.clone(),
            GatherKind::Reduce => {
                return Err(vm.new_type_error("reduce() of empty iterable with no initial value"))
            }
        };
        Ok(Step::Done(done))
    }
}
