//! What every itertools type needs: iteration steps, CPython's argument errors, reduce tuples.

use rustpython_vm::builtins::{PyTuple, PyTupleRef, PyType};
use rustpython_vm::function::FuncArgs;
use rustpython_vm::protocol::{PyIter, PyIterReturn};
use rustpython_vm::{AsObject, Py, PyObject, PyObjectRef, PyResult, VirtualMachine};

/// One step of an iterator: `None` when it is exhausted (a `StopIteration` is absorbed).
pub fn next_of(it: &PyObject, vm: &VirtualMachine) -> PyResult<Option<PyObjectRef>> {
    Ok(match PyIter::new(it).next(vm)? {
        PyIterReturn::Return(v) => Some(v),
        PyIterReturn::StopIteration(_) => None,
    })
}

/// `iter(obj)` (a program sequence's items through Sleepy's own iterator, whose steps can
/// pause in its `__getitem__`).
pub fn iter_of(obj: &PyObject, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    let obj = obj.to_owned();
    if let Some(iter) = crate::modules::builtin_iters::sequence_iterator(&obj, vm) {
        return Ok(iter);
    }
    Ok(obj.get_iter(vm)?.into())
}

/// `iter(())`: what CPython reduces an exhausted input to.
pub fn empty_iter(vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    iter_of(vm.ctx.empty_tuple.as_object(), vm)
}

pub fn is_iterator(obj: &PyObject) -> bool {
    obj.class().slots.iternext.load().is_some()
}

pub fn stop() -> PyResult<PyIterReturn> {
    Ok(PyIterReturn::StopIteration(None))
}

pub fn tuple(items: Vec<PyObjectRef>, vm: &VirtualMachine) -> PyObjectRef {
    vm.ctx.new_tuple(items).into()
}

/// `(cls, args)` or `(cls, args, state)`, the shape `__reduce__` returns.
pub fn reduce(
    cls: &Py<PyType>,
    args: Vec<PyObjectRef>,
    state: Option<PyObjectRef>,
    vm: &VirtualMachine,
) -> PyObjectRef {
    let mut parts = vec![cls.to_owned().into(), tuple(args, vm)];
    parts.extend(state);
    tuple(parts, vm)
}

/// `__setstate__` arguments must be tuples.
pub fn state_tuple(state: PyObjectRef, vm: &VirtualMachine) -> PyResult<PyTupleRef> {
    state.downcast::<PyTuple>().map_err(|_| vm.new_type_error("state is not a tuple"))
}

/// The `n` converter of CPython's argument parser: `__index__`, then a C `ssize_t`.
pub fn ssize(obj: &PyObject, vm: &VirtualMachine) -> PyResult<isize> {
    let i = obj.try_index(vm)?;
    num_traits::ToPrimitive::to_isize(i.as_bigint())
        .ok_or_else(|| vm.new_overflow_error("Python int too large to convert to C ssize_t"))
}

/// An index carried in a reduce state (CPython's `PyLong_AsSsize_t`).
pub fn state_index(obj: &PyObject, vm: &VirtualMachine) -> PyResult<isize> {
    ssize(obj, vm)
}

/// A subclass that defines its own `__init__` may be called with keywords CPython's
/// constructors otherwise refuse (they go to `__init__`, and `__new__` ignores them).
fn init_overridden(cls: &Py<PyType>, base: &Py<PyType>, vm: &VirtualMachine) -> bool {
    let init = vm.ctx.intern_str("__init__");
    cls.mro_collect().iter().take_while(|t| !t.is(base)).any(|t| t.attributes.contains(init))
}

/// Positional arguments checked the way `_PyArg_CheckPositional` does, keywords refused
/// (`kw_name() takes no keyword arguments`) unless a subclass's `__init__` takes them.
pub fn positional(
    name: &str,
    kw_name: &str,
    cls: &Py<PyType>,
    base: &Py<PyType>,
    args: FuncArgs,
    (min, max): (usize, usize),
    vm: &VirtualMachine,
) -> PyResult<Vec<PyObjectRef>> {
    if !args.kwargs.is_empty() && !init_overridden(cls, base, vm) {
        return Err(vm.new_type_error(format!("{kw_name}() takes no keyword arguments")));
    }
    let n = args.args.len();
    if n < min || n > max {
        let (how, count) = match (min == max, n < min) {
            (true, _) => ("", min),
            (false, true) => ("at least ", min),
            (false, false) => ("at most ", max),
        };
        let s = if count == 1 { "" } else { "s" };
        return Err(vm.new_type_error(format!("{name} expected {how}{count} argument{s}, got {n}")));
    }
    Ok(args.args)
}

/// A signature parsed the way Argument Clinic's `_PyArg_UnpackKeywords` parses it, with
/// CPython's error messages.
pub struct Signature {
    pub name: &'static str,
    pub params: &'static [&'static str],
    /// How many leading parameters may be passed by position; the rest are keyword-only.
    pub positional: usize,
    /// How many leading parameters are required.
    pub required: usize,
}

impl Signature {
    pub fn bind(&self, args: FuncArgs, vm: &VirtualMachine) -> PyResult<Vec<Option<PyObjectRef>>> {
        let name = self.name;
        let nargs = args.args.len();
        let nkw = args.kwargs.len();
        let max = self.params.len();
        if nargs + nkw > max {
            let kw = if nargs == 0 { "keyword " } else { "" };
            let s = if max == 1 { "" } else { "s" };
            return Err(vm.new_type_error(format!(
                "{name}() takes at most {max} {kw}argument{s} ({} given)",
                nargs + nkw
            )));
        }
        if nargs > self.positional {
            let how = if self.required < self.positional { "at most" } else { "exactly" };
            let s = if self.positional == 1 { "" } else { "s" };
            return Err(vm.new_type_error(format!(
                "{name}() takes {how} {} positional argument{s} ({nargs} given)",
                self.positional
            )));
        }
        let mut bound: Vec<Option<PyObjectRef>> = args.args.into_iter().map(Some).collect();
        bound.resize(max, None);
        let mut kwargs = args.kwargs;
        for (i, param) in self.params.iter().enumerate().skip(nargs) {
            match kwargs.shift_remove(param) {
                Some(v) => bound[i] = Some(v),
                None if i < self.required => {
                    return Err(vm.new_type_error(format!(
                        "{name}() missing required argument '{param}' (pos {})",
                        i + 1
                    )))
                }
                None => {}
            }
        }
        if let Some(key) = kwargs.keys().next() {
            if let Some(i) = self.params[..nargs].iter().position(|p| kwargs.contains_key(p)) {
                return Err(vm.new_type_error(format!(
                    "argument for {name}() given by name ('{}') and position ({})",
                    self.params[i],
                    i + 1
                )));
            }
            let mut msg = format!("{name}() got an unexpected keyword argument '{key}'");
            if let Some(s) = suggestion(&key.to_string(), self.params) {
                msg.push_str(&format!(". Did you mean '{s}'?"));
            }
            return Err(vm.new_type_error(msg));
        }
        Ok(bound)
    }
}

const MOVE_COST: usize = 2;

/// CPython's "Did you mean" choice (`_Py_CalculateSuggestions`): the closest candidate
/// within a third of the characters involved.
fn suggestion<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let mut best: Option<(&str, usize)> = None;
    for &c in candidates {
        if c == name {
            continue;
        }
        let mut max = (name.len() + c.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max = max.min(d.saturating_sub(1));
        }
        let d = levenshtein(name.as_bytes(), c.as_bytes(), max);
        if d <= max && best.is_none_or(|(_, b)| d < b) {
            best = Some((c, d));
        }
    }
    best.map(|(c, _)| c)
}

fn substitution_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        1
    } else {
        MOVE_COST
    }
}

fn levenshtein<'a>(mut a: &'a [u8], mut b: &'a [u8], max: usize) -> usize {
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > 40 || b.len() > 40 {
        return max + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max {
        return max + 1;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = row[ai];
            result = (result.min(distance) + MOVE_COST).min(substitute);
            row[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max {
            return max + 1;
        }
    }
    result
}
