//! `__str__`, `__repr__` and `__format__` that are Sleepy code, called for `str()`,
//! `repr()`, `format()`, f-strings and `print`.

use rustpython_vm::builtins::{PyDictRef, PyListRef, PyStr};
use rustpython_vm::function::{FuncArgs, KwArgs};
use rustpython_vm::object::{Traverse, TraverseFn};
use rustpython_vm::{AsObject, PyObjectRef, PyResult, VirtualMachine};

use super::continuation::{is_heap_type, sleepy_dunder, sleepy_function, Input, Step};

/// `Continuation::Text` kinds.
pub const STR: u8 = 0;
pub const REPR: u8 = 1;
pub const FORMAT: u8 = 2;

/// The result of a text conversion must be a str (CPython's messages).
pub fn text_result(kind: u8, v: PyObjectRef, vm: &VirtualMachine) -> PyResult {
    if v.downcast_ref::<PyStr>().is_some() {
        return Ok(v);
    }
    let message = match kind {
        STR => format!("__str__ returned non-string (type {})", v.class().name()),
        REPR => format!("__repr__ returned non-string (type {})", v.class().name()),
        _ => format!("__format__ must return a str, not {}", v.class().name()),
    };
    Err(vm.new_type_error(message))
}

/// The Sleepy method `str(obj)` (`repr(obj)` when `repr`) would call, with the kind of its
/// result check: `__str__`, or `__repr__` when `__str__` is object's (which calls it).
pub fn text_method(
    obj: &PyObjectRef,
    repr: bool,
    vm: &VirtualMachine,
) -> Option<(PyObjectRef, u8)> {
    if repr {
        return sleepy_dunder(obj, vm.ctx.names.__repr__).map(|m| (m, REPR));
    }
    let class = obj.class();
    if !is_heap_type(class) {
        return None;
    }
    let str_method = class.get_attr(vm.ctx.names.__str__)?;
    if sleepy_function(&str_method) {
        return Some((str_method, STR));
    }
    let object_str = vm.ctx.types.object_type.get_attr(vm.ctx.names.__str__);
    if object_str.is_some_and(|o| o.is(&str_method)) {
        return sleepy_dunder(obj, vm.ctx.names.__repr__).map(|m| (m, REPR));
    }
    None
}

/// `print(*items, **kwargs)` with items converted to str one at a time; the conversions
/// that are Sleepy code run as frames, then the builtin prints the strings.
#[derive(Debug)]
pub struct Print {
    pub print: PyObjectRef,
    /// The arguments, each replaced by its str once converted.
    pub items: PyListRef,
    /// How many are converted.
    pub done: usize,
    pub kwargs: PyDictRef,
}

// SAFETY: every object reference is visited once.
unsafe impl Traverse for Print {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.print.traverse(f);
        self.items.traverse(f);
        self.kwargs.traverse(f);
    }
}

impl Print {
    pub fn resume(&mut self, input: Input, vm: &VirtualMachine) -> PyResult<Step> {
        match input {
            Input::Err(e) => return Err(e),
            Input::Ok(v) => {
                let kind = self.pending_kind(vm)?;
                let s = text_result(kind, v, vm)?;
                let mut items = self.items.borrow_vec_mut();
                let slot = items
                    .get_mut(self.done)
                    .ok_or_else(|| vm.new_system_error("print lost its place"))?;
                *slot = s;
                drop(items);
                self.done += 1;
            }
            Input::Start => {}
        }
        loop {
            let item = self.items.borrow_vec().get(self.done).cloned();
            let Some(item) = item else { break };
            match text_method(&item, false, vm) {
                Some((method, _)) => return Ok(Step::Call(method, vec![item])),
                None => {
                    let s = item.str(vm)?;
                    self.items.borrow_vec_mut()[self.done] = s.into();
                    self.done += 1;
                }
            }
        }
        let kwargs: KwArgs = self
            .kwargs
            .items_vec()
            .into_iter()
            .filter_map(|(k, v)| Some((k.downcast::<PyStr>().ok()?.as_wtf8().to_string(), v)))
            .collect();
        let args = self.items.borrow_vec().to_vec();
        self.print.call(FuncArgs::new(args, kwargs), vm).map(Step::Done)
    }

    /// The check for the conversion running now (of the item at `done`).
    fn pending_kind(&self, vm: &VirtualMachine) -> PyResult<u8> {
        let item = self.items.borrow_vec().get(self.done).cloned();
        let item = item.ok_or_else(|| vm.new_system_error("print lost its place"))?;
        Ok(text_method(&item, false, vm).map_or(STR, |(_, kind)| kind))
    }
}
