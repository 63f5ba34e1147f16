//! Continuations as snapshots hold them: a kind, small numbers and objects. Reading them
//! back checks everything the state machines rely on, so crafted bytes give an error.

use rustpython_vm::builtins::{PyDict, PyList, PyListRef};
use rustpython_vm::{PyObjectRef, VirtualMachine};

use super::super::advance::{Advance, StepState};
use super::super::iteration::{Gather, GatherKind, GatherStage, Keyed, GATHER_KINDS};
use super::super::operators::{Candidate, OpKind, Operator, HOWS};
use super::super::sort::{Sort, Stage};
use super::super::text::Print;
use super::Continuation;

/// One continuation, flattened.
pub struct Parts {
    pub kind: u8,
    pub ints: Vec<u64>,
    pub objs: Vec<PyObjectRef>,
}

/// Most numbers and objects one continuation may have in a snapshot.
pub const MAX_INTS: usize = 1 << 12;
pub const MAX_OBJS: usize = 1 << 12;

impl Continuation {
    pub fn to_parts(&self, vm: &VirtualMachine) -> Parts {
        let none = || vm.ctx.none();
        let (kind, ints, objs) = match self {
            Continuation::Returns => (0, vec![], vec![]),
            Continuation::Operator(op) => {
                let mut ints = vec![op.kind.code(), u64::from(op.negate)];
                let mut objs = vec![op.a.clone(), op.b.clone()];
                for c in &op.pending {
                    ints.push(HOWS.iter().position(|h| *h == c.how).unwrap_or(0) as u64);
                    objs.extend([c.method.clone(), c.receiver.clone(), c.operand.clone()]);
                }
                (1, ints, objs)
            }
            Continuation::Truth { via_len } => (2, vec![u64::from(*via_len)], vec![]),
            Continuation::Text { kind } => (3, vec![u64::from(*kind)], vec![]),
            Continuation::Iter => (7, vec![], vec![]),
            Continuation::Gather(g) => {
                let kind = GATHER_KINDS.iter().position(|k| *k == g.kind).unwrap_or(0) as u64;
                let stage = match g.stage {
                    GatherStage::Iter => 0,
                    GatherStage::Next => 1,
                    GatherStage::Combine => 2,
                    GatherStage::Key => 3,
                };
                let mut ints =
                    vec![kind, stage, u64::from(g.has_best), u64::from(g.default.is_some())];
                let mut objs = vec![g.iter.clone(), g.acc.clone(), g.extra.clone()];
                objs.extend(g.default.clone());
                // A fifth number only with `key=`, so snapshots without one read as before.
                if let Some(k) = &g.keyed {
                    ints.push(1);
                    objs.extend([k.key.clone(), k.best.clone(), k.candidate.clone()]);
                }
                (4, ints, objs)
            }
            Continuation::Sort(s) => {
                let (tag, a, b, c) = match s.stage {
                    Stage::Collect => (0, 0, 0, 0),
                    Stage::Keys { next } => (1, next, 0, 0),
                    Stage::Run { i, descending } => (2, i, usize::from(descending), 0),
                    Stage::Insert { start, lo, hi } => (3, start, lo, hi),
                };
                let ints = [usize::from(s.reverse), tag, a, b, c].map(|i| i as u64).to_vec();
                let opt = |o: &Option<PyListRef>| o.clone().map_or_else(none, Into::into);
                let objs = vec![
                    s.values.clone().into(),
                    opt(&s.keys),
                    s.key_fn.clone().unwrap_or_else(none),
                    opt(&s.target),
                ];
                (5, ints, objs)
            }
            Continuation::Print(p) => (
                6,
                vec![p.done as u64],
                vec![p.print.clone(), p.items.clone().into(), p.kwargs.clone().into()],
            ),
            Continuation::Advance(a) => {
                let mut objs = vec![a.iter.clone()];
                objs.extend(a.state.held.iter().cloned());
                (8, vec![u64::from(a.state.stage)], objs)
            }
            Continuation::NextItem { iter, default } => {
                let mut objs = vec![iter.clone()];
                objs.extend(default.clone());
                (9, vec![u64::from(default.is_some())], objs)
            }
            Continuation::ReversedLen { seq } => (10, vec![], vec![seq.clone()]),
            Continuation::AttrDefault { default } => (11, vec![], vec![default.clone()]),
            Continuation::Construct { cls, args, instance } => {
                let args = vm.ctx.new_tuple(args.clone()).into();
                let made = instance.clone().unwrap_or_else(none);
                (12, vec![u64::from(instance.is_some())], vec![cls.clone(), args, made])
            }
        };
        Parts { kind, ints, objs }
    }

    pub fn from_parts(parts: Parts, vm: &VirtualMachine) -> Result<Continuation, &'static str> {
        let Parts { kind, ints, objs } = parts;
        let int = |i: usize| ints.get(i).copied().ok_or("a continuation lacks a number");
        let index =
            |i: usize| int(i).and_then(|v| usize::try_from(v).map_err(|_| "an index is too large"));
        let flag = |i: usize| match int(i)? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err("a continuation's flag is neither 0 nor 1"),
        };
        let obj = |i: usize| objs.get(i).cloned().ok_or("a continuation lacks an object");
        let list = |i: usize| -> Result<PyListRef, &'static str> {
            obj(i)?.downcast::<PyList>().map_err(|_| "a continuation's list is not a list")
        };
        let opt_list = |i: usize| -> Result<Option<PyListRef>, &'static str> {
            let o = obj(i)?;
            if vm.is_none(&o) {
                Ok(None)
            } else {
                o.downcast::<PyList>().map(Some).map_err(|_| "a continuation's list is not a list")
            }
        };
        let sizes = |n_ints: usize, n_objs: usize| {
            if ints.len() == n_ints && objs.len() == n_objs {
                Ok(())
            } else {
                Err("a continuation has the wrong number of parts")
            }
        };
        Ok(match kind {
            0 => {
                sizes(0, 0)?;
                Continuation::Returns
            }
            1 => {
                let n = ints.len().checked_sub(2).ok_or("an operator lacks its numbers")?;
                sizes(n + 2, 2 + 3 * n)?;
                let kind = OpKind::from_code(int(0)?).ok_or("an unknown operator")?;
                let mut pending = Vec::with_capacity(n);
                for i in 0..n {
                    pending.push(Candidate {
                        how: *HOWS.get(index(2 + i)?).ok_or("an unknown way to try an operator")?,
                        method: obj(2 + 3 * i)?,
                        receiver: obj(3 + 3 * i)?,
                        operand: obj(4 + 3 * i)?,
                    });
                }
                Continuation::Operator(Operator {
                    kind,
                    a: obj(0)?,
                    b: obj(1)?,
                    pending,
                    negate: flag(1)?,
                })
            }
            2 => {
                sizes(1, 0)?;
                Continuation::Truth { via_len: flag(0)? }
            }
            3 => {
                sizes(1, 0)?;
                let kind = u8::try_from(int(0)?)
                    .ok()
                    .filter(|k| *k <= 2)
                    .ok_or("an unknown text conversion")?;
                Continuation::Text { kind }
            }
            4 => {
                let has_default = flag(3)?;
                let has_key = ints.len() == 5 && flag(4)?;
                let at_key = 3 + usize::from(has_default);
                sizes(4 + usize::from(has_key), at_key + 3 * usize::from(has_key))?;
                let kind = *GATHER_KINDS.get(index(0)?).ok_or("an unknown iteration")?;
                let stage = match int(1)? {
                    0 => GatherStage::Iter,
                    1 => GatherStage::Next,
                    2 => GatherStage::Combine,
                    3 if has_key => GatherStage::Key,
                    _ => return Err("an unknown iteration stage"),
                };
                if has_key && !matches!(kind, GatherKind::Min | GatherKind::Max) {
                    return Err("a key= for an iteration other than min or max");
                }
                let mut g = Gather::new(kind, obj(0)?, obj(1)?, obj(2)?);
                g.stage = stage;
                g.has_best = flag(2)?;
                g.default = if has_default { Some(obj(3)?) } else { None };
                if has_key {
                    let (key, best, candidate) = (obj(at_key)?, obj(at_key + 1)?, obj(at_key + 2)?);
                    g.keyed = Some(Keyed { key, best, candidate });
                }
                Continuation::Gather(g)
            }
            5 => {
                sizes(5, 4)?;
                let values = list(0)?;
                let keys = opt_list(1)?;
                let len = values.borrow_vec().len();
                let (a, b, c) = (index(2)?, index(3)?, index(4)?);
                // Keys are computed one by one, then there is one per item.
                let keys_due = if int(1)? == 1 { a } else { len };
                if keys.as_ref().is_some_and(|k| k.borrow_vec().len() != keys_due) {
                    return Err("a sort's keys do not match its items");
                }
                let stage = match int(1)? {
                    0 => Stage::Collect,
                    1 if a <= len => Stage::Keys { next: a },
                    2 if a >= 1 && a <= len && b <= 1 => Stage::Run { i: a, descending: b == 1 },
                    3 if b <= c && c <= a && a <= len => Stage::Insert { start: a, lo: b, hi: c },
                    _ => return Err("a sort's position does not fit its items"),
                };
                let key_fn = Some(obj(2)?).filter(|k| !vm.is_none(k));
                let mut sort = Sort::new(values, stage, key_fn, flag(0)?, opt_list(3)?);
                sort.keys = keys;
                Continuation::Sort(Box::new(sort))
            }
            6 => {
                sizes(1, 3)?;
                let items = list(1)?;
                let done = index(0)?;
                if done > items.borrow_vec().len() {
                    return Err("print's position is past its items");
                }
                let kwargs =
                    obj(2)?.downcast::<PyDict>().map_err(|_| "print's keywords are not a dict")?;
                Continuation::Print(Print { print: obj(0)?, items, done, kwargs })
            }
            7 => {
                sizes(0, 0)?;
                Continuation::Iter
            }
            8 => {
                sizes(1, objs.len().max(1))?;
                let stage =
                    u32::try_from(int(0)?).map_err(|_| "an iterator's stage is too large")?;
                let state = StepState { stage, held: objs[1..].to_vec() };
                Continuation::Advance(Advance::restored(obj(0)?, state)?)
            }
            9 => {
                let has_default = flag(0)?;
                sizes(1, 1 + usize::from(has_default))?;
                let default = if has_default { Some(obj(1)?) } else { None };
                Continuation::NextItem { iter: obj(0)?, default }
            }
            10 => {
                sizes(0, 1)?;
                Continuation::ReversedLen { seq: obj(0)? }
            }
            11 => {
                sizes(0, 1)?;
                Continuation::AttrDefault { default: obj(0)? }
            }
            12 => {
                sizes(1, 3)?;
                let cls = obj(0)?;
                if cls.downcast_ref::<rustpython_vm::builtins::PyType>().is_none() {
                    return Err("a construction of something that is not a class");
                }
                let args = obj(1)?
                    .downcast::<rustpython_vm::builtins::PyTuple>()
                    .map_err(|_| "a construction's arguments are not a tuple")?
                    .as_slice()
                    .to_vec();
                let instance = if flag(0)? { Some(obj(2)?) } else { None };
                Continuation::Construct { cls, args, instance }
            }
            _ => return Err("an unknown continuation"),
        })
    }
}
