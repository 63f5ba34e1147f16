//! Continuations: protocols the evaluator performs on a program's behalf (an operator trying
//! `__add__` then `__radd__`, a truth test through `__bool__`, `sorted` calling a key
//! function) written as resumable state machines, piccolo's "sequences". While a Sleepy
//! function a protocol called runs, the protocol's state rides in that frame's completion
//! (`Completion::Continue`), so pausing there is an ordinary suspension and a snapshot
//! writes the state out with the frame.
//!
//! A protocol is a stack of [`Continuation`]s (a sort's comparison runs as a protocol of its
//! own inside the sort's). Each one is resumed with what it asked for ([`Input`]) and answers
//! with the next thing it needs ([`Step`]); [`drive`] performs those steps, natively when the
//! callee is native, and hands the final result to the frame that started the protocol as
//! the instruction it paused after says (`stack_depth::delivery`).

mod parts;

pub use parts::{Parts, MAX_INTS, MAX_OBJS};

use rustpython_vm::builtins::{PyBaseExceptionRef, PyStrInterned, PyType};
use rustpython_vm::object::{Traverse, TraverseFn};
use rustpython_vm::protocol::{PyIter, PyIterReturn};
use rustpython_vm::types::PyTypeFlags;
use rustpython_vm::{AsObject, PyObjectRef, PyResult, VirtualMachine};

use super::advance::{self, Advance};
use super::eval::{stop_iteration, Eval, Flow, ResumeWith, StepResult};
use super::frame::{Completion, ResumeMode};
use super::iteration::Gather;
use super::operators::Operator;
use super::sort::Sort;
use super::text::{text_result, Print};
use super::value::Value;
use super::{call, ops};
use crate::bytecode::stack_depth::{delivery, Delivery};
use crate::modules::builtin_iters::Reversed;
use crate::objects::function::Function;
use crate::objects::generator::{gen_core, Generator};
use rustpython_vm::PyPayload;

/// What a continuation is resumed with.
pub enum Input {
    /// It has just been started.
    Start,
    /// The call it asked for returned this (for `Step::Next`: the next item).
    Ok(PyObjectRef),
    /// The call it asked for raised (for `Step::Next`: StopIteration when exhausted).
    Err(PyBaseExceptionRef),
}

/// What a continuation needs next.
pub enum Step {
    /// It is finished, with this result.
    Done(PyObjectRef),
    /// `callable(*args)`.
    Call(PyObjectRef, Vec<PyObjectRef>),
    /// `next(iterator)`.
    Next(PyObjectRef),
    /// Run another protocol; its result is this one's next input.
    Begin(Continuation),
}

/// One protocol's state. Every variant can be written to a snapshot ([`Parts`]).
#[derive(Debug)]
pub enum Continuation {
    /// The result of the one call made is the protocol's result (a unary dunder,
    /// `__getitem__`, `__setitem__`, `__contains__`).
    Returns,
    /// Operator dunders tried in turn until one does not return NotImplemented.
    Operator(Operator),
    /// A truth test through `__bool__` (`via_len` false) or `__len__`.
    Truth { via_len: bool },
    /// `__str__`/`__repr__`/`__format__` (`kind` is which): the result must be a str.
    Text { kind: u8 },
    /// `__iter__` for `iter()`: the result must be an iterator.
    Iter,
    /// A builtin that consumes an iterable (`list()`, `sum()`, `min()`, `str.join`, …).
    Gather(Gather),
    /// `sorted` / `list.sort`.
    Sort(Box<Sort>),
    /// `print` of objects whose `__str__` is Sleepy code.
    Print(Print),
    /// One item of one of Sleepy's own iterators (`map`, `filter`, `zip`, …).
    Advance(Advance),
    /// `next(iter[, default])`: the default stands in for running out.
    NextItem { iter: PyObjectRef, default: Option<PyObjectRef> },
    /// `reversed(seq)` of a program sequence whose `__len__` is Sleepy code: the length,
    /// then the iterator.
    ReversedLen { seq: PyObjectRef },
    /// `getattr(obj, name, default)` through a Sleepy property or `__getattr__`: the default
    /// stands in for an AttributeError.
    AttrDefault { default: PyObjectRef },
    /// `cls(*args)` whose `__new__` is Sleepy code: `__new__`'s result, then `__init__` on it
    /// when it is an instance of `cls` (`instance` holds it while `__init__` runs).
    Construct { cls: PyObjectRef, args: Vec<PyObjectRef>, instance: Option<PyObjectRef> },
}

impl Continuation {
    fn resume(&mut self, input: Input, vm: &VirtualMachine) -> PyResult<Step> {
        match self {
            Continuation::Returns => match input {
                Input::Ok(v) => Ok(Step::Done(v)),
                Input::Err(e) => Err(e),
                Input::Start => Err(vm.new_system_error("a call protocol was started empty")),
            },
            Continuation::Operator(op) => op.resume(input, vm),
            Continuation::Truth { via_len } => match input {
                Input::Ok(v) => truth_result(*via_len, v, vm).map(Step::Done),
                Input::Err(e) => Err(e),
                Input::Start => Err(vm.new_system_error("a truth test was started empty")),
            },
            Continuation::Text { kind } => match input {
                Input::Ok(v) => text_result(*kind, v, vm).map(Step::Done),
                Input::Err(e) => Err(e),
                Input::Start => Err(vm.new_system_error("a str conversion was started empty")),
            },
            Continuation::Iter => match input {
                Input::Ok(v) if PyIter::check(&v) => Ok(Step::Done(v)),
                Input::Ok(v) => Err(vm.new_type_error(format!(
                    "iter() returned non-iterator of type '{}'",
                    v.class().name()
                ))),
                Input::Err(e) => Err(e),
                Input::Start => Err(vm.new_system_error("iter() was started empty")),
            },
            Continuation::Gather(g) => g.resume(input, vm),
            Continuation::Sort(s) => s.resume(input, vm),
            Continuation::Print(p) => p.resume(input, vm),
            Continuation::Advance(a) => a.resume(input, vm),
            Continuation::NextItem { iter, default } => match input {
                Input::Start => Ok(Step::Next(iter.clone())),
                Input::Ok(v) => Ok(Step::Done(v)),
                Input::Err(e) => match default {
                    Some(d) if e.fast_isinstance(vm.ctx.exceptions.stop_iteration) => {
                        Ok(Step::Done(d.clone()))
                    }
                    _ => Err(e),
                },
            },
            Continuation::Construct { cls, args, instance } => match (input, instance.take()) {
                (Input::Err(e), _) => Err(e),
                (Input::Start, _) => Err(vm.new_system_error("a construction was started empty")),
                // `__init__` returned.
                (Input::Ok(result), Some(made)) => {
                    if !vm.is_none(&result) {
                        return Err(vm.new_type_error(format!(
                            "__init__() should return None, not '{}'",
                            result.class().name()
                        )));
                    }
                    Ok(Step::Done(made))
                }
                // `__new__` returned.
                (Input::Ok(made), None) => {
                    let Some(cls) = cls.downcast_ref::<PyType>() else {
                        return Err(vm.new_system_error("a construction of a non-class"));
                    };
                    if !made.class().fast_issubclass(cls) {
                        return Ok(Step::Done(made));
                    }
                    let init = made.class().get_attr(vm.ctx.names.__init__);
                    let object_init = vm.ctx.types.object_type.get_attr(vm.ctx.names.__init__);
                    let is_object_init =
                        |i: &PyObjectRef| object_init.as_ref().is_some_and(|o| o.is(i));
                    match init {
                        Some(init) if sleepy_function(&init) => {
                            *instance = Some(made.clone());
                            let mut init_args = vec![made];
                            init_args.extend(args.iter().cloned());
                            Ok(Step::Call(init, init_args))
                        }
                        // object's `__init__` ignores the arguments when `__new__` is
                        // overridden; a builtin base's takes them.
                        Some(init) if !is_object_init(&init) => {
                            let mut init_args = vec![made.clone()];
                            init_args.extend(args.iter().cloned());
                            init.call(init_args, vm)?;
                            Ok(Step::Done(made))
                        }
                        _ => Ok(Step::Done(made)),
                    }
                }
            },
            Continuation::AttrDefault { default } => match input {
                Input::Ok(v) => Ok(Step::Done(v)),
                Input::Err(e) if e.fast_isinstance(vm.ctx.exceptions.attribute_error) => {
                    Ok(Step::Done(default.clone()))
                }
                Input::Err(e) => Err(e),
                Input::Start => Err(vm.new_system_error("getattr() was started empty")),
            },
            Continuation::ReversedLen { seq } => match input {
                Input::Ok(v) => {
                    let len = len_result(v, vm)?;
                    let cls = Reversed::class(&vm.ctx).to_owned();
                    Reversed::over(cls, seq.clone(), len, vm).map(Step::Done)
                }
                Input::Err(e) => Err(e),
                Input::Start => Err(vm.new_system_error("reversed() was started empty")),
            },
        }
    }
}

/// What `__bool__` or `__len__` returned, as a truth value (CPython's checks and messages).
pub fn truth_result(via_len: bool, v: PyObjectRef, vm: &VirtualMachine) -> PyResult {
    if !via_len {
        if v.class().is(vm.ctx.types.bool_type) {
            return Ok(v);
        }
        return Err(vm.new_type_error(format!(
            "__bool__ should return bool, returned {}",
            v.class().name()
        )));
    }
    let len = len_result(v, vm)?;
    Ok(vm.ctx.new_bool(len != 0).into())
}

/// What `__len__` returned, checked as `len()` checks it.
pub fn len_result(v: PyObjectRef, vm: &VirtualMachine) -> PyResult<usize> {
    let index = v.try_index(vm).map_err(|_| {
        vm.new_type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            v.class().name()
        ))
    })?;
    let n = index.as_bigint();
    if n.sign() == malachite_bigint::Sign::Minus {
        return Err(vm.new_value_error("__len__() should return >= 0"));
    }
    usize::try_from(n)
        .map_err(|_| vm.new_overflow_error("cannot fit 'int' into an index-sized integer"))
}

// SAFETY: every object reference is visited once.
unsafe impl Traverse for Continuation {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        match self {
            Continuation::Operator(op) => op.traverse(f),
            Continuation::Gather(g) => g.traverse(f),
            Continuation::Sort(s) => s.traverse(f),
            Continuation::Print(p) => p.traverse(f),
            Continuation::Advance(a) => a.traverse(f),
            Continuation::NextItem { iter, default } => {
                iter.traverse(f);
                default.traverse(f);
            }
            Continuation::ReversedLen { seq } => seq.traverse(f),
            Continuation::AttrDefault { default } => default.traverse(f),
            Continuation::Construct { cls, args, instance } => {
                cls.traverse(f);
                args.traverse(f);
                instance.traverse(f);
            }
            Continuation::Returns
            | Continuation::Truth { .. }
            | Continuation::Text { .. }
            | Continuation::Iter => {}
        }
    }
}

/// A Sleepy function `attr` found on a class: what can run as a frame.
pub fn sleepy_function(attr: &PyObjectRef) -> bool {
    attr.downcast_ref::<Function>().is_some_and(|f| !f.code.code.is_generator_like())
}

/// The Sleepy function `name` of `obj`'s class, when the class is the program's.
#[inline]
pub fn sleepy_dunder(obj: &PyObjectRef, name: &'static PyStrInterned) -> Option<PyObjectRef> {
    let class = obj.class();
    if !is_heap_type(class) {
        return None;
    }
    class.get_attr(name).filter(sleepy_function)
}

/// Whether calling `f` runs Sleepy code.
pub fn sleepy_callable(f: &PyObjectRef, vm: &VirtualMachine) -> bool {
    if sleepy_function(f) {
        return true;
    }
    if f.class().is(vm.ctx.types.bound_method_type) {
        return f.get_attr("__func__", vm).is_ok_and(|func| sleepy_function(&func));
    }
    sleepy_dunder(f, vm.ctx.names.__call__).is_some()
}

/// The Sleepy `__bool__` of `obj`'s class (`false`), or its Sleepy `__len__` when it has no
/// `__bool__` (`true`): what a truth test of `obj` would call.
pub fn truth_method(obj: &PyObjectRef, vm: &VirtualMachine) -> Option<(PyObjectRef, bool)> {
    let class = obj.class();
    if !is_heap_type(class) {
        return None;
    }
    let (method, via_len) = match class.get_attr(vm.ctx.names.__bool__) {
        Some(m) => (m, false),
        None => (class.get_attr(vm.ctx.names.__len__)?, true),
    };
    sleepy_function(&method).then_some((method, via_len))
}

/// Whether `next(obj)` runs Sleepy code: a Sleepy generator, an iterator whose class
/// defines `__next__` in Python, or one of Sleepy's own iterators whose steps may.
pub fn sleepy_iterator(obj: &PyObjectRef, vm: &VirtualMachine) -> bool {
    obj.downcast_ref::<Generator>().is_some()
        || sleepy_dunder(obj, vm.ctx.names.__next__).is_some()
        || advance::runs_sleepy(obj, vm)
}

/// Whether iterating over `obj` runs Sleepy code (its `__iter__`, a generator function
/// included, the iterator's `__next__`, or a `__getitem__` in place of `__iter__`).
pub fn sleepy_iterable(obj: &PyObjectRef, vm: &VirtualMachine) -> bool {
    if sleepy_iterator(obj, vm) {
        return true;
    }
    if !is_heap_type(obj.class()) {
        return false;
    }
    match obj.class().get_attr(vm.ctx.names.__iter__) {
        Some(iter) => iter.downcast_ref::<Function>().is_some(),
        // The old sequence protocol, through a Sleepy `__getitem__`.
        None => sleepy_dunder(obj, vm.ctx.names.__getitem__).is_some(),
    }
}

/// What a protocol stack needs from whoever drives it.
enum Need {
    /// `callable(*args)`.
    Call(PyObjectRef, Vec<PyObjectRef>),
    /// `next(iterator)`.
    Next(PyObjectRef),
    /// Nothing more: the stack is empty, and this is the outcome of its bottom protocol.
    Finished(Input),
}

/// Resumes the stack with `input` until it needs a call or an item, or has finished.
fn run_until_needed(conts: &mut Vec<Continuation>, mut input: Input, vm: &VirtualMachine) -> Need {
    loop {
        let Some(top) = conts.last_mut() else {
            return Need::Finished(input);
        };
        match top.resume(input, vm) {
            Err(e) => {
                conts.pop();
                input = Input::Err(e);
            }
            Ok(Step::Done(v)) => {
                conts.pop();
                input = Input::Ok(v);
            }
            Ok(Step::Begin(c)) => {
                conts.push(c);
                input = Input::Start;
            }
            Ok(Step::Call(callee, args)) => return Need::Call(callee, args),
            Ok(Step::Next(iter)) => return Need::Next(iter),
        }
    }
}

/// Runs the protocol stack `conts` from `input` until it needs a Sleepy frame (pushed, with
/// the stack in its completion) or finishes (its result delivered to the top frame).
pub fn drive(ev: &mut Eval, mut conts: Vec<Continuation>, mut input: Input) -> StepResult {
    let vm = ev.vm;
    loop {
        let called = match run_until_needed(&mut conts, input, vm) {
            Need::Finished(Input::Ok(v)) => return deliver(ev, v),
            Need::Finished(Input::Err(e)) => return deliver_error(ev, e),
            Need::Finished(Input::Start) => {
                return Err(vm.new_system_error("an empty protocol was started"))
            }
            Need::Call(callee, args) => sleepy_call(ev, &callee, args, conts)?,
            // Sleepy's own iterators take their steps in this stack.
            Need::Next(iter) if advance::runs_sleepy(&iter, vm) => {
                conts.push(Continuation::Advance(Advance::new(iter)));
                input = Input::Start;
                continue;
            }
            Need::Next(iter) => sleepy_next(ev, &iter, conts)?,
        };
        match called {
            Called::Frame(flow) => return Ok(flow),
            Called::Native(result, rest) => {
                conts = rest;
                input = result;
            }
        }
    }
}

/// Runs the protocol stack `conts` to its end on the Rust stack, every call and `next`
/// performed natively (Sleepy code among them runs nested): Sleepy's own iterators called
/// from native code.
pub fn drive_natively(mut conts: Vec<Continuation>, vm: &VirtualMachine) -> PyResult {
    let mut input = Input::Start;
    loop {
        input = match run_until_needed(&mut conts, input, vm) {
            Need::Finished(Input::Ok(v)) => return Ok(v),
            Need::Finished(Input::Err(e)) => return Err(e),
            Need::Finished(Input::Start) => {
                return Err(vm.new_system_error("an empty protocol was started"))
            }
            Need::Call(callee, args) => outcome(callee.call(args, vm)),
            Need::Next(iter) => native_next(&iter, vm),
        };
    }
}

/// Starts protocol `cont` for the instruction the top frame just ran.
pub fn start(ev: &mut Eval, cont: Continuation) -> StepResult {
    drive(ev, vec![cont], Input::Start)
}

/// Starts a protocol whose first step is the call `callee(*args)` and whose result is that
/// call's (`Continuation::Returns`), or `cont`'s verdict on it.
pub fn start_with_call(
    ev: &mut Eval,
    cont: Continuation,
    callee: PyObjectRef,
    args: Vec<PyObjectRef>,
) -> StepResult {
    match sleepy_call(ev, &callee, args, vec![cont])? {
        Called::Frame(flow) => Ok(flow),
        Called::Native(result, conts) => drive(ev, conts, result),
    }
}

enum Called {
    /// A frame was made: the loop pushes it.
    Frame(Flow),
    /// The call ran natively: its outcome, and the protocol stack back.
    Native(Input, Vec<Continuation>),
}

fn outcome(result: PyResult) -> Input {
    match result {
        Ok(v) => Input::Ok(v),
        Err(e) => Input::Err(e),
    }
}

/// Calls `callee(*args)` as a frame whose completion continues `conts`, when it is Sleepy
/// code; natively otherwise.
fn sleepy_call(
    ev: &mut Eval,
    callee: &PyObjectRef,
    args: Vec<PyObjectRef>,
    conts: Vec<Continuation>,
) -> PyResult<Called> {
    let vm = ev.vm;
    let mut args = args;
    let func = if let Some(f) = callee.downcast_ref::<Function>() {
        Some(f.to_owned())
    } else if callee.class().is(vm.ctx.types.bound_method_type) {
        let func = callee.get_attr("__func__", vm)?;
        match func.downcast::<Function>() {
            Ok(f) => {
                args.insert(0, callee.get_attr("__self__", vm)?);
                Some(f)
            }
            Err(_) => None,
        }
    } else {
        None
    };
    if let Some(func) = func.filter(|f| !f.code.code.is_generator_like()) {
        let values = args.into_iter().map(|a| Value::from_obj(a, vm)).collect();
        return match call::new_frame(vm, &func, values, None, Completion::Push) {
            Ok(mut frame) => {
                frame.completion = Completion::Continue { conts, gen: None };
                Ok(Called::Frame(Flow::Push(frame)))
            }
            // Binding the arguments failed: the protocol gets the error.
            Err(e) => Ok(Called::Native(Input::Err(e), conts)),
        };
    }
    let instance_call = sleepy_dunder(callee, vm.ctx.names.__call__);
    if let Some(call) = instance_call {
        args.insert(0, callee.clone());
        return sleepy_call(ev, &call, args, conts);
    }
    Ok(Called::Native(outcome(callee.call(args, vm)), conts))
}

/// `next(iter)` as a frame (a Sleepy generator or `__next__`) continuing `conts`, or
/// natively.
fn sleepy_next(ev: &mut Eval, iter: &PyObjectRef, conts: Vec<Continuation>) -> PyResult<Called> {
    let vm = ev.vm;
    if iter.downcast_ref::<Generator>().is_some() {
        return match ev.resume_generator(iter, ResumeMode::Send, ResumeWith::Value(None)) {
            Ok(Flow::Push(mut frame)) => {
                frame.completion = Completion::Continue { conts, gen: Some(iter.clone()) };
                Ok(Called::Frame(Flow::Push(frame)))
            }
            Ok(_) => Err(vm.new_system_error("a generator resumed without a frame")),
            Err(e) => Ok(Called::Native(Input::Err(e), conts)),
        };
    }
    if let Some(next) = sleepy_dunder(iter, vm.ctx.names.__next__) {
        return sleepy_call(ev, &next, vec![iter.clone()], conts);
    }
    Ok(Called::Native(native_next(iter, vm), conts))
}

/// `next(iter)` on the Rust stack; exhaustion is a StopIteration error.
fn native_next(iter: &PyObjectRef, vm: &VirtualMachine) -> Input {
    match PyIter::new(&**iter).next(vm) {
        Ok(PyIterReturn::Return(v)) => Input::Ok(v),
        Ok(PyIterReturn::StopIteration(v)) => {
            Input::Err(stop_iteration(vm, v.unwrap_or_else(|| vm.ctx.none())))
        }
        Err(e) => Input::Err(e),
    }
}

/// How the top frame takes the result of the protocol it started.
fn delivery_of_top(ev: &mut Eval) -> PyResult<Delivery> {
    let frame = ev.frames.last().expect("a protocol's frame");
    let started_by = frame.pc.checked_sub(1).and_then(|pc| frame.code.instrs.get(pc)).copied();
    started_by.and_then(delivery).ok_or_else(|| {
        ev.vm.new_system_error("a protocol finished in a frame that did not start one")
    })
}

/// Hands a protocol's error to the top frame: a `for` loop's iterator running out ends the
/// loop; anything else is raised there.
fn deliver_error(ev: &mut Eval, e: PyBaseExceptionRef) -> StepResult {
    if let Delivery::NextItem { exhausted } = delivery_of_top(ev)? {
        if e.fast_isinstance(ev.vm.ctx.exceptions.stop_iteration) {
            let frame = ev.frames.last_mut().expect("a protocol's frame");
            frame.stack.pop();
            frame.pc = exhausted as usize;
            return Ok(Flow::Next);
        }
    }
    Err(e)
}

/// Hands a protocol's result to the top frame, as the instruction it paused after says.
fn deliver(ev: &mut Eval, v: PyObjectRef) -> StepResult {
    let vm = ev.vm;
    let how = delivery_of_top(ev)?;
    let frame = ev.frames.last_mut().expect("a protocol's frame");
    let is_true = |v: &PyObjectRef| v.is(&vm.ctx.true_value);
    match how {
        Delivery::Push | Delivery::NextItem { .. } => frame.stack.push(Value::from_obj(v, vm)),
        Delivery::Spread => {
            let values = v
                .downcast::<rustpython_vm::builtins::PyList>()
                .map_err(|_| vm.new_system_error("unpacked values are not a list"))?;
            let values = values.borrow_vec();
            frame.stack.extend(values.iter().rev().map(|o| Value::from_obj(o.clone(), vm)));
        }
        Delivery::Discard => {}
        Delivery::Negate => frame.stack.push(Value::Obj(vm.ctx.new_bool(!is_true(&v)).into())),
        Delivery::Contains { negate } => {
            let found = ops::truthy(&Value::Obj(v), vm)?;
            frame.stack.push(Value::Obj(vm.ctx.new_bool(found != negate).into()));
        }
        Delivery::Branch { when, target, pops_tested } => {
            if is_true(&v) == when {
                frame.pc = target as usize;
            } else if !pops_tested {
                frame.stack.pop();
            }
        }
    }
    Ok(Flow::Next)
}

/// Marks a generator that a protocol resumed as finished when its frame ends.
pub fn generator_ended(gen: &PyObjectRef) {
    if let Some(core) = gen_core(gen) {
        core.state.set(crate::objects::generator::GenState::Finished);
    }
}

/// Whether a class is the program's own (only those have Sleepy dunders).
#[inline]
pub fn is_heap_type(class: &PyType) -> bool {
    class.slots.flags.has_feature(PyTypeFlags::HEAPTYPE)
}
