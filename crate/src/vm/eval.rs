//! The instruction loop: runs the frames of one stack until the base frame finishes, an
//! exception escapes it, or (at top level) the fuel runs out or the program asks to pause.

use rustpython_vm::builtins::{
    PyBaseExceptionRef, PyDict, PyList, PySlice, PyStr, PyStrInterned, PyStrRef, PyTuple, PyType,
};
use rustpython_vm::common::wtf8::Wtf8Buf;
use rustpython_vm::function::{FuncArgs, KwArgs};
use rustpython_vm::protocol::{PyIter, PyIterReturn};
use rustpython_vm::types::{PyComparisonOp, PyTypeFlags};
use rustpython_vm::{AsObject, PyObjectRef, PyResult, VirtualMachine};

use super::attrs::Method;
use super::continuation::{self, Input};
use super::frame::{Completion, Frame, ResumeMode};
use super::iteration::{Gather, GatherKind};
use super::operators::OpKind;
use super::protocols::{self, Truth};
use super::value::{expect_slot, Value};
use super::{call, imports, ops, traceback, Runtime, Suspend};
use crate::bytecode::{make_flags, CmpOp, Conversion, Instr, UnaryOp};
use crate::objects::cell::Cell;
use crate::objects::function::Function;
use crate::objects::generator::{gen_core, AsyncGenStep, AsyncOp, Coroutine, GenOp, GenState};

/// How a run of the loop ended.
pub enum Exit {
    /// The base frame returned (or a generator resumed from native code yielded) this value.
    Returned(PyObjectRef),
    /// An exception escaped the base frame.
    Raised(PyBaseExceptionRef),
    /// Top level only: the program stopped at an instruction boundary.
    Suspended(Suspend),
    /// Top level only: another tasklet's frames are now on the stack (`run` goes on).
    Switched,
}

/// What an instruction asks of the loop.
pub enum Flow {
    Next,
    Push(Box<Frame>),
    Return(Value),
    Yield(Value),
    /// A value yielded by a delegate of `yield from`/`await`, passed outward.
    Forward(Value),
    Suspend(Suspend),
    /// Raise without adding a traceback entry or touching `__context__` (re-raise).
    Reraise(PyBaseExceptionRef),
    /// Another tasklet's frames were swapped in (`vm::sched`).
    Switched,
}

pub type StepResult = Result<Flow, PyBaseExceptionRef>;

pub struct Eval<'a> {
    pub vm: &'a VirtualMachine,
    pub rt: &'a Runtime,
    pub frames: &'a mut Vec<Box<Frame>>,
    /// Frames below `base` belong to an outer run and are never touched.
    pub base: usize,
    pub can_suspend: bool,
}

impl<'a> Eval<'a> {
    #[inline]
    fn top(&mut self) -> &mut Frame {
        self.frames.last_mut().expect("a frame is running")
    }

    #[inline]
    fn pop(&mut self) -> Value {
        self.top().stack.pop().expect("value stack underflow")
    }

    #[inline]
    fn pop_obj(&mut self) -> PyObjectRef {
        let v = self.pop();
        v.into_obj(self.vm)
    }

    #[inline]
    fn push(&mut self, v: Value) {
        self.top().stack.push(v);
    }

    #[inline]
    /// `iter(obj)` onto the stack: a Sleepy `__iter__` runs as a continuation, a Sleepy
    /// `__getitem__` gets Sleepy's own sequence iterator.
    pub(crate) fn get_iter(&mut self, obj: PyObjectRef) -> PyResult<Flow> {
        if let Some(method) = continuation::sleepy_dunder(&obj, self.vm.ctx.names.__iter__) {
            let cont = continuation::Continuation::Iter;
            return continuation::start_with_call(self, cont, method, vec![obj]);
        }
        let iter = crate::modules::itertools::common::iter_of(&obj, self.vm)?;
        self.push_obj(iter);
        Ok(Flow::Next)
    }

    fn push_obj(&mut self, o: PyObjectRef) {
        self.top().stack.push(Value::Obj(o));
    }

    fn peek(&mut self, depth: usize) -> &Value {
        let stack = &self.top().stack;
        &stack[stack.len() - depth]
    }

    fn pop_n_obj(&mut self, n: usize) -> Vec<PyObjectRef> {
        let vm = self.vm;
        let stack = &mut self.top().stack;
        let at = stack.len() - n;
        stack.drain(at..).map(|v| v.into_obj(vm)).collect()
    }

    /// Pushes a frame, enforcing the recursion limit.
    pub fn push_frame(&mut self, frame: Box<Frame>) -> Result<(), PyBaseExceptionRef> {
        let depth = self.rt.depth.get();
        if depth >= self.rt.recursion_limit.get() {
            return Err(self.vm.new_recursion_error("maximum recursion depth exceeded"));
        }
        self.rt.depth.set(depth + 1);
        self.frames.push(frame);
        Ok(())
    }

    fn pop_frame(&mut self) -> Box<Frame> {
        self.rt.depth.set(self.rt.depth.get() - 1);
        self.frames.pop().expect("frame to pop")
    }

    pub fn run(&mut self) -> Exit {
        self.run_after(None)
    }

    /// Runs the loop, first acting on `first` when an exit is already there. Switches between
    /// tasklets and the watchdog's deadline come back here between two slices of the loop.
    pub fn run_after(&mut self, first: Option<Exit>) -> Exit {
        let mut pending = first;
        loop {
            let exit = match pending.take() {
                Some(exit) => exit,
                None => self.run_slice(),
            };
            match exit {
                Exit::Switched => {
                    if let Some(exc) = super::sched::after_switch(self.rt) {
                        pending = self.raise(exc, true);
                    }
                }
                Exit::Suspended(Suspend::Budget)
                    if self.can_suspend
                        && self.rt.ticks.get() >= self.rt.watchdog_deadline.get() =>
                {
                    pending = super::sched::interrupt(self);
                }
                other => return other,
            }
        }
    }

    fn run_slice(&mut self) -> Exit {
        // Counted locally and added to the runtime's total on the way out; nested runs
        // started by the instructions below add their own.
        let mut remaining = if self.can_suspend {
            let end = self.rt.slice_end.get().min(self.rt.watchdog_deadline.get());
            end.saturating_sub(self.rt.ticks.get())
        } else {
            self.rt.nested_fuel.get()
        };
        let budget = remaining;
        let exit = loop {
            if remaining == 0 {
                break Exit::Suspended(Suspend::Budget);
            }
            remaining -= 1;
            let frame = self.frames.last_mut().expect("a frame is running");
            let pc = frame.pc;
            let instr = frame.code.instrs[pc];
            frame.pc = pc + 1;
            match self.step(instr, &mut remaining) {
                Ok(Flow::Next) => {}
                Ok(flow) => {
                    if let Some(exit) = self.handle_flow(flow) {
                        break exit;
                    }
                }
                Err(exc) => {
                    if let Some(exit) = self.raise(exc, true) {
                        break exit;
                    }
                }
            }
        };
        self.rt.ticks.set(self.rt.ticks.get() + (budget - remaining));
        exit
    }

    pub fn handle_flow(&mut self, flow: Flow) -> Option<Exit> {
        match flow {
            Flow::Next => None,
            Flow::Push(frame) => match self.push_frame(frame) {
                Ok(()) => None,
                Err(e) => self.raise(e, true),
            },
            Flow::Return(v) => self.do_return(v),
            Flow::Yield(v) => self.do_yield(v, false),
            Flow::Forward(v) => self.do_yield(v, true),
            Flow::Suspend(s) => Some(Exit::Suspended(s)),
            Flow::Reraise(e) => self.raise(e, false),
            Flow::Switched => Some(Exit::Switched),
        }
    }

    // ------------------------------------------------------------------ returns and yields

    fn do_return(&mut self, value: Value) -> Option<Exit> {
        let mut frame = self.pop_frame();
        let vm = self.vm;
        let at_base = self.frames.len() == self.base;
        let completion = std::mem::replace(&mut frame.completion, Completion::Push);
        let module_name = match completion {
            Completion::ModuleLoaded => frame.globals.get_item_opt("__name__", vm).ok().flatten(),
            _ => None,
        };
        call::recycle(self.rt, frame);
        match completion {
            Completion::Push | Completion::IterNext { .. } => {
                self.push(value);
                None
            }
            Completion::Nested | Completion::Main => Some(Exit::Returned(value.into_obj(vm))),
            Completion::Tasklet => super::sched::tasklet_ended(self, Ok(value.into_obj(vm))),
            Completion::Continue { conts, gen } => {
                let value = value.into_obj(vm);
                let input = match gen {
                    Some(gen) => {
                        continuation::generator_ended(&gen);
                        Input::Err(stop_iteration(vm, value))
                    }
                    None => Input::Ok(value),
                };
                self.continue_protocol(conts, input)
            }
            Completion::Init { instance } => {
                let v = value.into_obj(vm);
                if !vm.is_none(&v) {
                    let e = vm.new_type_error(format!(
                        "__init__() should return None, not '{}'",
                        v.class().name()
                    ));
                    return self.raise(e, true);
                }
                self.push_obj(instance);
                None
            }
            Completion::ClassBody { meta, name, bases, kwargs, namespace } => {
                let cell = value.into_obj(vm);
                if let Err(e) = call::wrap_implicit_methods(&namespace, vm) {
                    return self.raise(e, true);
                }
                let kw: KwArgs = kwargs
                    .into_iter()
                    .map(|(k, v)| {
                        (
                            k.downcast::<PyStr>()
                                .map(|s| s.as_wtf8().to_owned())
                                .unwrap_or_default(),
                            v,
                        )
                    })
                    .collect();
                let result = meta.call(FuncArgs::new(vec![name, bases, namespace], kw), vm);
                match result {
                    Ok(cls) => {
                        if let Some(cell) = cell.downcast_ref::<Cell>() {
                            cell.set(Some(cls.clone()));
                        }
                        self.push_obj(cls);
                        None
                    }
                    Err(e) => self.raise(e, true),
                }
            }
            Completion::ModuleLoaded => {
                if let Some(name) = module_name {
                    if let Err(e) = imports::bind_to_parent(
                        &name.str(vm).map(|s| s.to_string()).unwrap_or_default(),
                        vm,
                    ) {
                        return self.raise(e, true);
                    }
                }
                // Re-run the import instruction, which now finds the module loaded.
                self.top().pc -= 1;
                None
            }
            Completion::Generator { gen, mode } => {
                let core = gen_core(&gen).expect("generator frame belongs to a generator");
                core.state.set(GenState::Finished);
                let value = value.into_obj(vm);
                if at_base {
                    return Some(match mode {
                        ResumeMode::Close => Exit::Returned(vm.ctx.none()),
                        _ => Exit::Raised(stop_iteration(vm, value)),
                    });
                }
                match mode {
                    ResumeMode::ForIter { exhausted } => {
                        let top = self.top();
                        top.stack.pop();
                        top.pc = exhausted as usize;
                        None
                    }
                    ResumeMode::Send => self.raise(stop_iteration(vm, value), true),
                    ResumeMode::YieldFrom => {
                        self.pop();
                        self.push_obj(value);
                        None
                    }
                    ResumeMode::Close => {
                        self.push_obj(vm.ctx.none());
                        None
                    }
                    ResumeMode::AsyncGen => {
                        let e = vm
                            .new_exception_empty(vm.ctx.exceptions.stop_async_iteration.to_owned());
                        self.raise(e, true)
                    }
                    ResumeMode::AsyncGenClose => {
                        self.pop();
                        self.push_obj(vm.ctx.none());
                        None
                    }
                }
            }
        }
    }

    /// A generator frame yields `value`; `forwarded` when it came from an awaited delegate
    /// rather than the frame's own `yield`.
    fn do_yield(&mut self, value: Value, forwarded: bool) -> Option<Exit> {
        let mut frame = self.pop_frame();
        let vm = self.vm;
        let (gen, mode) = match std::mem::replace(&mut frame.completion, Completion::Push) {
            Completion::Generator { gen, mode } => (gen, mode),
            // A protocol asked this generator for its next item: this is it.
            Completion::Continue { conts, gen: Some(gen) } => {
                let core = gen_core(&gen).expect("generator frame belongs to a generator");
                *core.frame.lock() = Some(frame);
                core.state.set(GenState::Suspended);
                return self.continue_protocol(conts, Input::Ok(value.into_obj(vm)));
            }
            _ => unreachable!("only generator frames yield"),
        };
        let core = gen_core(&gen).expect("generator frame belongs to a generator");
        *core.frame.lock() = Some(frame);
        core.state.set(GenState::Suspended);
        if self.frames.len() == self.base {
            return Some(match mode {
                ResumeMode::Close => {
                    Exit::Raised(vm.new_runtime_error("generator ignored GeneratorExit"))
                }
                _ => Exit::Returned(value.into_obj(vm)),
            });
        }
        match mode {
            ResumeMode::ForIter { .. } | ResumeMode::Send => {
                self.push(value);
                None
            }
            ResumeMode::YieldFrom => self.forward_yield(value),
            ResumeMode::AsyncGen | ResumeMode::AsyncGenClose if forwarded => {
                self.forward_yield(value)
            }
            ResumeMode::AsyncGen => {
                // The async generator produced a value: the awaited step completes with it.
                self.pop();
                self.push(value);
                None
            }
            ResumeMode::AsyncGenClose => {
                self.raise(vm.new_runtime_error("async generator ignored GeneratorExit"), true)
            }
            ResumeMode::Close => {
                self.raise(vm.new_runtime_error("generator ignored GeneratorExit"), true)
            }
        }
    }

    /// Hands what a frame a protocol called produced to the protocol, which goes on in the
    /// frame below.
    fn continue_protocol(
        &mut self,
        conts: Vec<continuation::Continuation>,
        input: Input,
    ) -> Option<Exit> {
        match continuation::drive(self, conts, input) {
            Ok(flow) => self.handle_flow(flow),
            Err(e) => self.raise(e, true),
        }
    }

    /// The delegating frame yields the value outward and re-runs its `YieldFrom` when resumed.
    fn forward_yield(&mut self, value: Value) -> Option<Exit> {
        self.top().pc -= 1;
        self.do_yield(value, true)
    }

    // ------------------------------------------------------------------ exceptions

    /// Finds the exception the running code is handling, looking down the frame stack.
    pub fn handled_exception(&self) -> Option<PyObjectRef> {
        self.frames[self.base..].iter().rev().find_map(|f| f.handled.clone())
    }

    /// Raises `exc` in the top frame and unwinds until a handler takes it.
    pub fn raise(&mut self, exc: PyBaseExceptionRef, fresh: bool) -> Option<Exit> {
        let vm = self.vm;
        if fresh {
            if let Some(handled) = self.handled_exception() {
                if !handled.is(&exc) {
                    if let Ok(handled) =
                        handled.downcast::<rustpython_vm::builtins::PyBaseException>()
                    {
                        break_context_cycle(&handled, &exc);
                        exc.set_context(Some(handled));
                    }
                }
            }
        }
        let mut exc = exc;
        let mut add_entry = fresh;
        loop {
            let frame = self.frames.last_mut().expect("frame");
            if add_entry {
                traceback::record(vm, &exc, frame);
            }
            add_entry = true;
            if frame.pc > 0 {
                if let Some(h) = frame.code.code.handler_for(frame.pc as u32 - 1).copied() {
                    frame.stack.truncate(h.depth as usize);
                    frame.stack.push(Value::Obj(exc.into()));
                    frame.pc = h.target as usize;
                    return None;
                }
            }
            let frame = self.pop_frame();
            let at_base = self.frames.len() == self.base;
            match frame.completion {
                Completion::Generator { gen, mode } => {
                    let core = gen_core(&gen).expect("generator");
                    core.state.set(GenState::Finished);
                    if mode == ResumeMode::Close
                        && exc.fast_isinstance(vm.ctx.exceptions.generator_exit)
                    {
                        if at_base {
                            return Some(Exit::Returned(vm.ctx.none()));
                        }
                        self.push_obj(vm.ctx.none());
                        return None;
                    }
                    let closing_async = mode == ResumeMode::AsyncGenClose
                        && (exc.fast_isinstance(vm.ctx.exceptions.generator_exit)
                            || exc.fast_isinstance(vm.ctx.exceptions.stop_async_iteration));
                    if closing_async && !at_base {
                        self.pop();
                        self.push_obj(vm.ctx.none());
                        return None;
                    }
                    if mode == ResumeMode::AsyncGen
                        && exc.fast_isinstance(vm.ctx.exceptions.stop_async_iteration)
                    {
                        let e = vm.new_runtime_error("async generator raised StopAsyncIteration");
                        e.set_cause(Some(exc.clone()));
                        exc = e;
                    } else if exc.fast_isinstance(vm.ctx.exceptions.stop_iteration) {
                        let kind = if gen.downcast_ref::<Coroutine>().is_some() {
                            "coroutine"
                        } else {
                            "generator"
                        };
                        let e = vm.new_runtime_error(format!("{kind} raised StopIteration"));
                        e.set_cause(Some(exc.clone()));
                        exc = e;
                    }
                }
                Completion::IterNext { exhausted }
                    if !at_base && exc.fast_isinstance(vm.ctx.exceptions.stop_iteration) =>
                {
                    let caller = self.top();
                    caller.stack.pop();
                    caller.pc = exhausted as usize;
                    return None;
                }
                Completion::Continue { conts, gen } if !at_base => {
                    if let Some(gen) = gen {
                        continuation::generator_ended(&gen);
                        if exc.fast_isinstance(vm.ctx.exceptions.stop_iteration) {
                            let e = vm.new_runtime_error("generator raised StopIteration");
                            e.set_cause(Some(exc.clone()));
                            exc = e;
                        }
                    }
                    // The protocol may handle it (StopIteration ends an iteration); if not,
                    // it goes on in the frame that started the protocol.
                    match continuation::drive(self, conts, Input::Err(exc)) {
                        Ok(flow) => return self.handle_flow(flow),
                        Err(e) => exc = e,
                    }
                    continue;
                }
                Completion::Tasklet => return super::sched::tasklet_ended(self, Err(exc)),
                Completion::ModuleLoaded => {
                    if let Some(name) = frame.globals.get_item_opt("__name__", vm).ok().flatten() {
                        if let Ok(modules) = vm.sys_module.get_attr("modules", vm) {
                            let _ = modules.del_item(&*name, vm);
                        }
                    }
                }
                _ => {}
            }
            if at_base {
                return Some(Exit::Raised(exc));
            }
        }
    }

    // ------------------------------------------------------------------ instructions

    /// The instructions that dominate running time, on the frame reached once; everything
    /// else goes to `step_general`.
    /// `remaining` is the fuel left after this instruction: an instruction that performs
    /// the next one too (a comparison and the branch on its result) takes that one's tick.
    #[inline(always)]
    fn step(&mut self, instr: Instr, remaining: &mut u64) -> StepResult {
        let vm = self.vm;
        let frame = self.frames.last_mut().expect("a frame is running");
        match instr {
            Instr::LoadFast(i) => {
                // `local.attr` and `local.attr = value` use the local where it is: no copy
                // of it is pushed and dropped again.
                if let (Some(Value::Obj(obj)), true) = (&frame.fast[i as usize], *remaining > 0) {
                    match frame.code.instrs.get(frame.pc) {
                        Some(&Instr::LoadAttr(n)) => {
                            *remaining -= 1;
                            frame.pc += 1;
                            let name = frame.code.names[n as usize];
                            let v = match frame.code.attr_cache(frame.pc - 1).load(obj, name, vm) {
                                Some(v) => v?,
                                None => {
                                    let obj = obj.clone();
                                    return self.load_attr_generic(obj, name);
                                }
                            };
                            frame.stack.push(Value::from_obj(v, vm));
                            return Ok(Flow::Next);
                        }
                        Some(&Instr::StoreAttr(n)) => {
                            *remaining -= 1;
                            frame.pc += 1;
                            let name = frame.code.names[n as usize];
                            let v = frame.stack.pop().expect("value stack underflow").into_obj(vm);
                            match frame.code.attr_cache(frame.pc - 1).store(obj, name, v, vm) {
                                Ok(done) => done?,
                                Err(v) => {
                                    let obj = obj.clone();
                                    return self.store_attr_generic(obj, name, v);
                                }
                            }
                            return Ok(Flow::Next);
                        }
                        _ => {}
                    }
                }
                match &frame.fast[i as usize] {
                    Some(v) => {
                        let v = v.clone();
                        frame.stack.push(v);
                    }
                    None => return self.step_general(instr),
                }
            }
            Instr::StoreFast(i) => {
                let v = frame.stack.pop().expect("value stack underflow");
                frame.fast[i as usize] = Some(v);
            }
            Instr::LoadConst(i) => {
                let v = frame.code.consts[i as usize].clone();
                frame.stack.push(v);
            }
            Instr::Pop => {
                frame.stack.pop();
            }
            Instr::Jump(t) => frame.pc = t as usize,
            Instr::PopJumpIfFalse(t) => {
                let v = frame.stack.pop().expect("value stack underflow");
                match protocols::truth(self, &v)? {
                    Truth::Is(true) => {}
                    Truth::Is(false) => self.top().pc = t as usize,
                    Truth::Started(flow) => return Ok(flow),
                }
            }
            Instr::PopJumpIfTrue(t) => {
                let v = frame.stack.pop().expect("value stack underflow");
                match protocols::truth(self, &v)? {
                    Truth::Is(true) => self.top().pc = t as usize,
                    Truth::Is(false) => {}
                    Truth::Started(flow) => return Ok(flow),
                }
            }
            Instr::Binary(op) => {
                let b = frame.stack.pop().expect("value stack underflow");
                let a = frame.stack.pop().expect("value stack underflow");
                match ops::binary_fast(op, &a, &b) {
                    Some(v) => frame.stack.push(v),
                    None => return protocols::operator(self, OpKind::Binary(op), a, b),
                }
            }
            Instr::Inplace(op) => {
                let b = frame.stack.pop().expect("value stack underflow");
                let a = frame.stack.pop().expect("value stack underflow");
                match ops::inplace_fast(op, &a, &b) {
                    Some(v) => frame.stack.push(v),
                    None => return protocols::operator(self, OpKind::Inplace(op), a, b),
                }
            }
            Instr::Compare(op) => {
                let b = frame.stack.pop().expect("value stack underflow");
                let a = frame.stack.pop().expect("value stack underflow");
                if let Some(r) = ops::compare_fast(op, &a, &b) {
                    // Branching on the result right away needs no bool object.
                    let branch = match frame.code.instrs.get(frame.pc) {
                        Some(Instr::PopJumpIfFalse(t)) if *remaining > 0 => Some((!r, *t)),
                        Some(Instr::PopJumpIfTrue(t)) if *remaining > 0 => Some((r, *t)),
                        _ => None,
                    };
                    match branch {
                        Some((jump, target)) => {
                            *remaining -= 1;
                            frame.pc = if jump { target as usize } else { frame.pc + 1 };
                        }
                        None => frame.stack.push(Value::Obj(vm.ctx.new_bool(r).into())),
                    }
                    return Ok(Flow::Next);
                }
                return protocols::operator(self, OpKind::Compare(op), a, b);
            }
            Instr::Subscript => {
                let key = frame.stack.pop().expect("value stack underflow");
                let container = frame.stack.pop().expect("value stack underflow").into_obj(vm);
                if let Some(flow) =
                    protocols::dunder(self, &container, vm.ctx.names.__getitem__, || {
                        vec![key.to_obj(vm)]
                    })?
                {
                    return Ok(flow);
                }
                let v = ops::subscript(&container, key, vm)?;
                self.push(v);
            }
            Instr::Return => {
                let v = frame.stack.pop().expect("value stack underflow");
                return Ok(Flow::Return(v));
            }
            Instr::Call(argc) => {
                let callee = frame.stack.len() - argc as usize - 1;
                if let Some(new) = call::fast_call(vm, self.rt, frame, callee, callee + 1) {
                    return Ok(Flow::Push(new));
                }
                return self.step_general(instr);
            }
            Instr::CallMethod(argc) => {
                // [method, self-or-NULL, args...]
                let callee = frame.stack.len() - argc as usize - 2;
                if !frame.stack[callee + 1].is_null() {
                    if let Some(new) = call::fast_call(vm, self.rt, frame, callee, callee + 1) {
                        return Ok(Flow::Push(new));
                    }
                }
                return self.step_general(instr);
            }
            Instr::StoreSubscript => {
                let n = frame.stack.len();
                if let (Value::Int(i), Value::Obj(container)) =
                    (&frame.stack[n - 1], &frame.stack[n - 2])
                {
                    if let Some(list) = container.downcast_ref_if_exact::<PyList>(vm) {
                        let mut items = list.borrow_vec_mut();
                        let len = items.len() as i64;
                        let index = if *i < 0 { *i + len } else { *i };
                        if (0..len).contains(&index) {
                            let value = frame.stack[n - 3].to_obj(vm);
                            items[index as usize] = value;
                            drop(items);
                            frame.stack.truncate(n - 3);
                            return Ok(Flow::Next);
                        }
                    }
                }
                return self.step_general(instr);
            }
            Instr::LoadAttr(i) => {
                let obj = frame.stack.pop().expect("value stack underflow").into_obj(vm);
                let name = frame.code.names[i as usize];
                let v = match frame.code.attr_cache(frame.pc - 1).load(&obj, name, vm) {
                    Some(v) => v?,
                    None => return self.load_attr_generic(obj, name),
                };
                self.push(Value::from_obj(v, vm));
            }
            Instr::StoreAttr(i) => {
                let obj = frame.stack.pop().expect("value stack underflow").into_obj(vm);
                let v = frame.stack.pop().expect("value stack underflow").into_obj(vm);
                let name = frame.code.names[i as usize];
                match frame.code.attr_cache(frame.pc - 1).store(&obj, name, v, vm) {
                    Ok(done) => done?,
                    Err(v) => return self.store_attr_generic(obj, name, v),
                }
            }
            Instr::LoadMethod(i) => {
                let obj = frame.stack.pop().expect("value stack underflow").into_obj(vm);
                let name = frame.code.names[i as usize];
                let found = match frame.code.attr_cache(frame.pc - 1).load_method(&obj, name, vm) {
                    Some(found) => found?,
                    None => match call::lookup_method(&obj, name, vm)? {
                        Some(func) => Method::Unbound(func),
                        None => Method::Attr(obj.get_attr(name, vm)?),
                    },
                };
                let stack = &mut self.top().stack;
                match found {
                    Method::Unbound(func) => {
                        stack.push(Value::Obj(func));
                        stack.push(Value::Obj(obj));
                    }
                    Method::Attr(attr) => {
                        stack.push(Value::Obj(attr));
                        stack.push(Value::Null);
                    }
                }
            }
            _ => return self.step_general(instr),
        }
        Ok(Flow::Next)
    }

    fn step_general(&mut self, instr: Instr) -> StepResult {
        let vm = self.vm;
        match instr {
            Instr::Copy(n) => {
                let v = self.peek(n as usize).clone();
                self.push(v);
            }
            Instr::Swap(n) => {
                let stack = &mut self.top().stack;
                let len = stack.len();
                stack.swap(len - 1, len - n as usize);
            }
            Instr::LoadFast(i) => {
                let frame = self.top();
                match &frame.fast[i as usize] {
                    Some(v) => {
                        let v = v.clone();
                        frame.stack.push(v);
                    }
                    None => {
                        let name = frame.code.code.varnames[i as usize].clone();
                        return Err(vm.new_unbound_local_error(format!(
                            "cannot access local variable '{name}' where it is not associated with a value"
                        )));
                    }
                }
            }
            Instr::DeleteFast(i) => {
                let frame = self.top();
                if frame.fast[i as usize].take().is_none() {
                    let name = frame.code.code.varnames[i as usize].clone();
                    return Err(vm.new_unbound_local_error(format!(
                        "cannot access local variable '{name}' where it is not associated with a value"
                    )));
                }
            }
            Instr::LoadDeref(i) => {
                let frame = self.top();
                match frame.cells[i as usize].get() {
                    Some(v) => frame.stack.push(Value::from_obj(v, vm)),
                    None => return Err(self.unbound_cell_error(i)),
                }
            }
            Instr::StoreDeref(i) => {
                let v = self.pop_obj();
                self.top().cells[i as usize].set(Some(v));
            }
            Instr::DeleteDeref(i) => {
                let frame = self.top();
                if frame.cells[i as usize].get().is_none() {
                    return Err(self.unbound_cell_error(i));
                }
                frame.cells[i as usize].set(None);
            }
            Instr::LoadClosure(i) => {
                let frame = self.top();
                let cell: PyObjectRef = frame.cells[i as usize].clone().into();
                frame.stack.push(Value::Obj(cell));
            }
            Instr::LoadClassDeref { name, cell } => {
                let frame = self.top();
                let key = frame.code.names[name as usize];
                let locals = frame.locals.clone().expect("class body has a namespace");
                if let Some(v) = mapping_get(&locals, key.as_object(), vm)? {
                    self.push_obj(v);
                } else {
                    let frame = self.top();
                    match frame.cells[cell as usize].get() {
                        Some(v) => frame.stack.push(Value::from_obj(v, vm)),
                        None => return Err(self.unbound_cell_error(cell)),
                    }
                }
            }
            Instr::LoadGlobal(i) => {
                let frame = self.top();
                let name = frame.code.names[i as usize];
                match frame.globals.get_chain(&frame.builtins, name, vm)? {
                    Some(v) => frame.stack.push(Value::from_obj(v, vm)),
                    None => return Err(name_error(vm, name.as_str())),
                }
            }
            Instr::StoreGlobal(i) => {
                let v = self.pop_obj();
                let frame = self.top();
                let name = frame.code.names[i as usize];
                frame.globals.set_item(name, v, vm)?;
            }
            Instr::DeleteGlobal(i) => {
                let frame = self.top();
                let name = frame.code.names[i as usize];
                if frame.globals.del_item(name, vm).is_err() {
                    return Err(name_error(vm, name.as_str()));
                }
            }
            Instr::LoadName(i) => {
                let frame = self.top();
                let name = frame.code.names[i as usize];
                let locals = frame.locals.clone();
                if let Some(locals) = locals {
                    if let Some(v) = mapping_get(&locals, name.as_object(), vm)? {
                        self.push(Value::from_obj(v, vm));
                        return Ok(Flow::Next);
                    }
                }
                let frame = self.top();
                match frame.globals.get_chain(&frame.builtins, name, vm)? {
                    Some(v) => frame.stack.push(Value::from_obj(v, vm)),
                    None => return Err(name_error(vm, name.as_str())),
                }
            }
            Instr::StoreName(i) => {
                let v = self.pop_obj();
                let frame = self.top();
                let name = frame.code.names[i as usize];
                match &frame.locals {
                    Some(locals) => locals.set_item(name.as_object(), v, vm)?,
                    None => frame.globals.set_item(name, v, vm)?,
                }
            }
            Instr::DeleteName(i) => {
                let frame = self.top();
                let name = frame.code.names[i as usize];
                let result = match &frame.locals {
                    Some(locals) => locals.del_item(name.as_object(), vm),
                    None => frame.globals.del_item(name, vm),
                };
                if result.is_err() {
                    return Err(name_error(vm, name.as_str()));
                }
            }
            Instr::DeleteAttr(i) => {
                let obj = self.pop_obj();
                let name = self.top().code.names[i as usize];
                obj.del_attr(name, vm)?;
            }
            Instr::StoreSubscript => {
                let key = self.pop_obj();
                let container = self.pop_obj();
                let v = self.pop_obj();
                let args = || vec![key.clone(), v.clone()];
                if let Some(flow) =
                    protocols::dunder(self, &container, vm.ctx.names.__setitem__, args)?
                {
                    return Ok(flow);
                }
                container.set_item(&*key, v, vm)?;
            }
            Instr::DeleteSubscript => {
                let key = self.pop_obj();
                let container = self.pop_obj();
                let args = || vec![key.clone()];
                if let Some(flow) =
                    protocols::dunder(self, &container, vm.ctx.names.__delitem__, args)?
                {
                    return Ok(flow);
                }
                container.del_item(&*key, vm)?;
            }
            Instr::BuildSlice(n) => {
                let step = if n == 3 { Some(self.pop_obj()) } else { None };
                let stop = self.pop_obj();
                let start = self.pop_obj();
                let slice = rustpython_vm::PyPayload::into_ref(
                    PySlice { start: Some(start), stop, step },
                    &vm.ctx,
                );
                self.push_obj(slice.into());
            }
            Instr::Unary(op) => {
                let a = self.pop();
                if let Value::Obj(o) = &a {
                    let dunder = match op {
                        UnaryOp::Neg => vm.ctx.names.__neg__,
                        UnaryOp::Pos => vm.ctx.names.__pos__,
                        UnaryOp::Invert => vm.ctx.names.__invert__,
                        UnaryOp::Not => match protocols::truth(self, &a)? {
                            Truth::Is(t) => {
                                self.push_obj(vm.ctx.new_bool(!t).into());
                                return Ok(Flow::Next);
                            }
                            Truth::Started(flow) => return Ok(flow),
                        },
                    };
                    if let Some(flow) = protocols::dunder(self, o, dunder, Vec::new)? {
                        return Ok(flow);
                    }
                }
                let v = ops::unary(op, a, vm)?;
                self.push(v);
            }
            Instr::Is { negate } => {
                let b = self.pop();
                let a = self.pop();
                let same = match (&a, &b) {
                    (Value::Int(x), Value::Int(y)) => x == y,
                    (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits(),
                    _ => a.into_obj(vm).is(&b.into_obj(vm)),
                };
                self.push_obj(vm.ctx.new_bool(same != negate).into());
            }
            Instr::Contains { negate } => {
                let container = self.pop_obj();
                let item = self.pop_obj();
                let args = || vec![item.clone()];
                if let Some(flow) =
                    protocols::dunder(self, &container, vm.ctx.names.__contains__, args)?
                {
                    return Ok(flow);
                }
                let found = vm._contains(&container, &item)?;
                self.push_obj(vm.ctx.new_bool(found != negate).into());
            }
            Instr::JumpIfFalseOrPop(t) => {
                let v = self.peek(1).clone();
                match protocols::truth(self, &v)? {
                    Truth::Is(true) => drop(self.pop()),
                    Truth::Is(false) => self.top().pc = t as usize,
                    Truth::Started(flow) => return Ok(flow),
                }
            }
            Instr::JumpIfTrueOrPop(t) => {
                let v = self.peek(1).clone();
                match protocols::truth(self, &v)? {
                    Truth::Is(true) => self.top().pc = t as usize,
                    Truth::Is(false) => drop(self.pop()),
                    Truth::Started(flow) => return Ok(flow),
                }
            }
            Instr::PopJumpIfNone(t) => {
                let v = self.pop();
                if matches!(&v, Value::Obj(o) if vm.is_none(o)) {
                    self.top().pc = t as usize;
                }
            }
            Instr::GetIter => {
                let obj = self.pop_obj();
                return self.get_iter(obj);
            }
            Instr::ForIter(target) => return self.for_iter(target),
            Instr::BuildTuple(n) => {
                let items = self.pop_n_obj(n as usize);
                self.push_obj(vm.ctx.new_tuple(items).into());
            }
            Instr::BuildList(n) => {
                let items = self.pop_n_obj(n as usize);
                self.push_obj(vm.ctx.new_list(items).into());
            }
            Instr::BuildSet(n) => {
                let items = self.pop_n_obj(n as usize);
                let set = vm.ctx.types.set_type.as_object().call((), vm)?;
                for item in items {
                    vm.call_method(&set, "add", (item,))?;
                }
                self.push_obj(set);
            }
            Instr::BuildMap(n) => {
                let items = self.pop_n_obj(2 * n as usize);
                let dict = vm.ctx.new_dict();
                for pair in items.chunks(2) {
                    dict.set_item(&*pair[0], pair[1].clone(), vm)?;
                }
                self.push_obj(dict.into());
            }
            Instr::BuildString(n) => {
                let parts = self.pop_n_obj(n as usize);
                let mut s = Wtf8Buf::new();
                for p in parts {
                    let p = expect_slot::<PyStr>(p, "BuildString takes strings", vm)?;
                    s.push_wtf8(p.as_wtf8());
                }
                self.push_obj(vm.ctx.new_str(s).into());
            }
            Instr::ListAppend(depth) => {
                let v = self.pop_obj();
                let list = self.peek(depth as usize).to_obj(vm);
                let list = expect_slot::<PyList>(list, "ListAppend appends to a list", vm)?;
                list.borrow_vec_mut().push(v);
            }
            Instr::SetAdd(depth) => {
                let v = self.pop_obj();
                let set = self.peek(depth as usize).to_obj(vm);
                vm.call_method(&set, "add", (v,))?;
            }
            Instr::MapAdd(depth) => {
                let v = self.pop_obj();
                let k = self.pop_obj();
                let dict = self.peek(depth as usize).to_obj(vm);
                dict.set_item(&*k, v, vm)?;
            }
            Instr::ListExtend(depth) => {
                let iterable = self.pop_obj();
                let list = self.peek(depth as usize).to_obj(vm);
                // `[*g]`, `f(*g)` over values Sleepy code produces: appended as they come.
                if continuation::sleepy_iterable(&iterable, vm) {
                    let gather = Gather::new(GatherKind::List, iterable, list, vm.ctx.none());
                    return continuation::start(self, continuation::Continuation::Gather(gather));
                }
                if let Err(e) = vm.call_method(&list, "extend", (iterable.clone(),)) {
                    if e.fast_isinstance(vm.ctx.exceptions.type_error)
                        && iterable.get_iter(vm).is_err()
                    {
                        return Err(vm.new_type_error(format!(
                            "Value after * must be an iterable, not {}",
                            iterable.class().name()
                        )));
                    }
                    return Err(e);
                }
            }
            Instr::SetUpdate(depth) => {
                let iterable = self.pop_obj();
                let set = self.peek(depth as usize).to_obj(vm);
                if continuation::sleepy_iterable(&iterable, vm) {
                    let gather = Gather::new(GatherKind::SetUpdate, iterable, set, vm.ctx.none());
                    return continuation::start(self, continuation::Continuation::Gather(gather));
                }
                vm.call_method(&set, "update", (iterable,))?;
            }
            Instr::DictUpdate(depth) => {
                let other = self.pop_obj();
                let dict = self.peek(depth as usize).to_obj(vm);
                if let Err(e) = vm.call_method(&dict, "update", (other.clone(),)) {
                    if e.fast_isinstance(vm.ctx.exceptions.attribute_error)
                        || e.fast_isinstance(vm.ctx.exceptions.type_error)
                    {
                        return Err(vm.new_type_error(format!(
                            "'{}' object is not a mapping",
                            other.class().name()
                        )));
                    }
                    return Err(e);
                }
            }
            Instr::DictMerge(depth) => {
                let other = self.pop_obj();
                let dict = self.peek(depth as usize).to_obj(vm);
                self.dict_merge(&dict, &other, depth)?;
            }
            Instr::ListToTuple => {
                let list = self.pop_obj();
                let list = expect_slot::<PyList>(list, "ListToTuple takes a list", vm)?;
                let items = list.borrow_vec().to_vec();
                self.push_obj(vm.ctx.new_tuple(items).into());
            }
            Instr::UnpackSequence(n) => {
                let seq = self.pop_obj();
                if continuation::sleepy_iterable(&seq, vm) {
                    let targets = vm.ctx.new_int(n).into();
                    return self.unpack_protocol(GatherKind::Unpack, seq, targets);
                }
                let items = ops::unpack(&seq, n as usize, None, vm)?;
                let stack = &mut self.top().stack;
                stack.extend(items.into_iter().rev().map(|o| Value::from_obj(o, vm)));
            }
            Instr::UnpackEx { before, after } => {
                let seq = self.pop_obj();
                if continuation::sleepy_iterable(&seq, vm) {
                    let targets = vm.ctx.new_tuple(vec![
                        vm.ctx.new_int(before).into(),
                        vm.ctx.new_int(after).into(),
                    ]);
                    return self.unpack_protocol(GatherKind::UnpackStarred, seq, targets.into());
                }
                let items = ops::unpack(&seq, before as usize, Some(after as usize), vm)?;
                let stack = &mut self.top().stack;
                stack.extend(items.into_iter().rev().map(|o| Value::from_obj(o, vm)));
            }
            Instr::FormatValue { conversion, has_spec } => {
                let spec = if has_spec { Some(self.pop_obj()) } else { None };
                let value = self.pop_obj();
                if spec.is_none() {
                    if let Some(flow) = protocols::format(self, &value, conversion)? {
                        return Ok(flow);
                    }
                }
                let value: PyObjectRef = match conversion {
                    Conversion::None => value,
                    Conversion::Str => value.str(vm)?.into(),
                    Conversion::Repr => value.repr(vm)?.into(),
                    Conversion::Ascii => value.ascii(vm)?.into(),
                };
                let formatted: PyObjectRef = match spec {
                    None if value.class().is(vm.ctx.types.str_type) => value,
                    None => vm.format(&value, vm.ctx.new_str(""))?.into(),
                    Some(spec) => {
                        let spec = spec
                            .downcast::<PyStr>()
                            .map_err(|_| vm.new_type_error("format spec must be a str"))?;
                        vm.format(&value, spec)?.into()
                    }
                };
                self.push_obj(formatted);
            }
            Instr::CallMethod(argc) => {
                // [callee, self-or-NULL, args...]
                if let Some(flow) = self.call_native(argc as usize + 1)? {
                    return Ok(flow);
                }
                let args = self.pop_values(argc as usize);
                let self_slot = self.pop();
                let callee = self.pop_obj();
                let mut args = args;
                if !self_slot.is_null() {
                    args.insert(0, self_slot);
                }
                return call::call(self, callee, args, None);
            }
            Instr::Call(argc) => {
                if let Some(flow) = self.call_native(argc as usize)? {
                    return Ok(flow);
                }
                let args = self.pop_values(argc as usize);
                let callee = self.pop_obj();
                return call::call(self, callee, args, None);
            }
            Instr::CallKw { argc, kwnames } => {
                let names = self.top().code.consts[kwnames as usize].to_obj(vm);
                let names = names.downcast::<PyTuple>().expect("kwnames is a tuple");
                let nkw = names.len();
                let mut args = self.pop_values(argc as usize);
                let kwvalues = args.split_off(args.len() - nkw);
                let callee = self.pop_obj();
                let kwargs: Vec<(PyStrRef, Value)> = names
                    .as_slice()
                    .iter()
                    .map(|n| n.clone().downcast::<PyStr>().expect("keyword names are strings"))
                    .zip(kwvalues)
                    .collect();
                return call::call(self, callee, args, Some(kwargs));
            }
            Instr::CallEx { has_kwargs } => {
                let kwargs = if has_kwargs { Some(self.pop_obj()) } else { None };
                let args = self.pop_obj();
                let callee = self.pop_obj();
                let args = expect_slot::<PyTuple>(args, "CallEx takes a tuple", vm)?;
                let args: Vec<Value> =
                    args.as_slice().iter().map(|a| Value::Obj(a.clone())).collect();
                let kwargs = match kwargs {
                    Some(d) => {
                        let d = expect_slot::<PyDict>(d, "CallEx takes a dict", vm)?;
                        let mut kw = Vec::new();
                        for (k, v) in d.items_vec() {
                            let k = k
                                .downcast::<PyStr>()
                                .map_err(|_| vm.new_type_error("keywords must be strings"))?;
                            kw.push((k, Value::Obj(v)));
                        }
                        Some(kw)
                    }
                    None => None,
                };
                return call::call(self, callee, args, kwargs);
            }
            Instr::MakeFunction { code, flags } => {
                let closure =
                    if flags & make_flags::CLOSURE != 0 { Some(self.pop_obj()) } else { None };
                let annotations =
                    if flags & make_flags::ANNOTATIONS != 0 { Some(self.pop_obj()) } else { None };
                let kwdefaults =
                    if flags & make_flags::KW_DEFAULTS != 0 { Some(self.pop_obj()) } else { None };
                let defaults =
                    if flags & make_flags::DEFAULTS != 0 { Some(self.pop_obj()) } else { None };
                let frame = self.top();
                let loaded = frame.code.child(code as usize, vm);
                let f = call::make_function(
                    vm,
                    loaded,
                    frame.globals.clone(),
                    frame.builtins.clone(),
                    closure,
                    defaults,
                    kwdefaults,
                    annotations,
                )?;
                self.push_obj(f);
            }
            Instr::BuildClass => {
                let kwargs = self.pop_obj();
                let bases = self.pop_obj();
                let name = self.pop_obj();
                let body = self.pop_obj();
                return call::build_class(self, body, name, bases, kwargs);
            }
            Instr::Raise(n) => return self.do_raise(n),
            Instr::Reraise => {
                let exc = self.pop_obj();
                let exc = expect_slot(exc, "Reraise takes an exception", vm)?;
                return Ok(Flow::Reraise(exc));
            }
            Instr::PushExcInfo => {
                let exc = self.pop_obj();
                let frame = self.top();
                let prev = frame.handled.replace(exc.clone()).unwrap_or_else(|| vm.ctx.none());
                frame.stack.push(Value::Obj(prev));
                frame.stack.push(Value::Obj(exc.clone()));
                // Standard-library code run by RustPython reads sys.exc_info() from its own state.
                vm.set_exception(exc.downcast().ok());
            }
            Instr::PopExcept => {
                let prev = self.pop_obj();
                vm.set_exception(prev.clone().downcast().ok());
                self.top().handled = if vm.is_none(&prev) { None } else { Some(prev) };
            }
            Instr::CheckExcMatch => {
                let ty = self.pop_obj();
                let exc = self.peek(1).to_obj(vm);
                check_except_type(&ty, vm)?;
                let matched = exc.is_instance(&ty, vm)?;
                self.push_obj(vm.ctx.new_bool(matched).into());
            }
            Instr::CheckEgMatch => {
                let ty = self.pop_obj();
                let exc = self.pop_obj();
                check_except_type(&ty, vm)?;
                let (rest, matched) =
                    rustpython_vm::exceptions::exception_group_match(&exc, &ty, vm)?;
                self.push_obj(rest);
                self.push_obj(matched);
            }
            Instr::PrepReraiseStar => {
                let raised = self.pop_obj();
                let orig = self.pop_obj();
                let result = rustpython_vm::exceptions::prep_reraise_star(&orig, &raised, vm)?;
                self.push_obj(result);
            }
            Instr::BeforeWith => return self.enter_context(false),
            Instr::BeforeAsyncWith => return self.enter_context(true),
            Instr::WithExceptStart => {
                let exc = self.peek(1).to_obj(vm);
                let exit = self.peek(3).to_obj(vm);
                let ty: PyObjectRef = exc.class().to_owned().into();
                // RustPython's exceptions only accept its own traceback objects (contextlib stores
                // this one back on the exception), so pass what the exception carries.
                let tb = exc.get_attr("__traceback__", vm)?;
                return call::call(
                    self,
                    exit,
                    vec![Value::Obj(ty), Value::Obj(exc), Value::Obj(tb)],
                    None,
                );
            }
            Instr::RaiseAssertion { has_msg } => {
                let args = if has_msg { vec![self.pop_obj()] } else { vec![] };
                return Err(vm.new_exception(vm.ctx.exceptions.assertion_error.to_owned(), args));
            }
            Instr::YieldValue => {
                let v = self.pop();
                return Ok(Flow::Yield(v));
            }
            Instr::YieldFrom => return self.yield_from(),
            Instr::GetAwaitable => {
                let obj = self.pop_obj();
                let awaitable = get_awaitable(obj, vm)?;
                self.push_obj(awaitable);
            }
            Instr::GetAiter => {
                let obj = self.pop_obj();
                let aiter = special_method(&obj, "__aiter__", vm).ok_or_else(|| {
                    vm.new_type_error(format!(
                        "'async for' requires an object with __aiter__ method, got {}",
                        obj.class().name()
                    ))
                })?;
                return call::call(self, aiter, Vec::new(), None);
            }
            Instr::GetAnext => {
                let aiter = self.peek(1).to_obj(vm);
                let anext = special_method(&aiter, "__anext__", vm).ok_or_else(|| {
                    vm.new_type_error(format!(
                        "'async for' requires an iterator with __anext__ method, got {}",
                        aiter.class().name()
                    ))
                })?;
                let awaitable = anext.call((), vm)?;
                let awaitable = get_awaitable(awaitable, vm)?;
                self.push_obj(awaitable);
            }
            Instr::EndAsyncFor => {
                let exc = self.pop_obj();
                if exc.fast_isinstance(vm.ctx.exceptions.stop_async_iteration) {
                    self.pop();
                } else {
                    return Ok(Flow::Reraise(expect_slot(
                        exc,
                        "EndAsyncFor takes an exception",
                        vm,
                    )?));
                }
            }
            Instr::ImportName(i) => return imports::import_name(self, i),
            Instr::ImportFrom(i) => {
                let module = self.peek(1).to_obj(vm);
                let name = self.top().code.names[i as usize];
                let v = imports::import_from(&module, name, vm)?;
                self.push_obj(v);
            }
            Instr::ImportStar => {
                let module = self.pop_obj();
                let locals = self.top().locals.clone().expect("import * runs at module level");
                imports::import_star(&module, &locals, vm)?;
            }
            Instr::GetLen => {
                let obj = self.peek(1).to_obj(vm);
                let n = obj.length(vm)?;
                self.push(Value::Int(n as i64));
            }
            Instr::MatchMapping => {
                let subject = self.peek(1).to_obj(vm);
                let is = super::patterns::is_mapping(&subject, vm, self.rt)?;
                self.push_obj(vm.ctx.new_bool(is).into());
            }
            Instr::MatchSequence => {
                let subject = self.peek(1).to_obj(vm);
                let is = super::patterns::is_sequence(&subject, vm, self.rt)?;
                self.push_obj(vm.ctx.new_bool(is).into());
            }
            Instr::MatchKeys => {
                let keys = self.peek(1).to_obj(vm);
                let subject = self.peek(2).to_obj(vm);
                let v = super::patterns::match_keys(&subject, &keys, vm)?;
                self.push_obj(v);
            }
            Instr::MatchClass(npos) => {
                let kwnames = self.pop_obj();
                let cls = self.pop_obj();
                let subject = self.peek(1).to_obj(vm);
                let v = super::patterns::match_class(&subject, &cls, npos as usize, &kwnames, vm)?;
                self.push_obj(v);
            }
            Instr::CopyDictWithoutKeys => {
                let keys = self.pop_obj();
                let subject = self.pop_obj();
                let v = super::patterns::copy_without_keys(&subject, &keys, vm)?;
                self.push_obj(v);
            }
            Instr::SetupAnnotations => {
                let locals =
                    self.top().locals.clone().expect("annotations at module or class level");
                if mapping_get(&locals, vm.ctx.intern_str("__annotations__").as_object(), vm)?
                    .is_none()
                {
                    locals.set_item("__annotations__", vm.ctx.new_dict().into(), vm)?;
                }
            }
            // `step` handles these without coming here.
            Instr::StoreFast(_)
            | Instr::LoadConst(_)
            | Instr::Pop
            | Instr::Jump(_)
            | Instr::PopJumpIfFalse(_)
            | Instr::PopJumpIfTrue(_)
            | Instr::Binary(_)
            | Instr::Inplace(_)
            | Instr::Compare(_)
            | Instr::Subscript
            | Instr::Return
            | Instr::LoadAttr(_)
            | Instr::StoreAttr(_)
            | Instr::LoadMethod(_) => unreachable!("{instr:?} runs on step's fast path"),
        }
        Ok(Flow::Next)
    }

    /// `obj.name` when the attribute cache declined: a property whose getter is Sleepy code
    /// runs as a protocol, anything else through RustPython.
    fn load_attr_generic(&mut self, obj: PyObjectRef, name: &'static PyStrInterned) -> StepResult {
        if let Some(flow) = protocols::property(self, &obj, name, None, None)? {
            return Ok(flow);
        }
        if let Some(flow) = protocols::getattr_fallback(self, &obj, name, None)? {
            return Ok(flow);
        }
        let v = obj.get_attr(name, self.vm)?;
        self.push(Value::from_obj(v, self.vm));
        Ok(Flow::Next)
    }

    /// `obj.name = v` when the attribute cache declined (see `load_attr_generic`).
    fn store_attr_generic(
        &mut self,
        obj: PyObjectRef,
        name: &'static PyStrInterned,
        v: PyObjectRef,
    ) -> StepResult {
        if let Some(flow) = protocols::property(self, &obj, name, Some(v.clone()), None)? {
            return Ok(flow);
        }
        obj.set_attr(name, v, self.vm)?;
        Ok(Flow::Next)
    }

    /// `with` / `async with`: pushes the bound `__exit__`, then calls `__enter__`.
    fn enter_context(&mut self, is_async: bool) -> StepResult {
        let vm = self.vm;
        let mgr = self.pop_obj();
        let (enter, exit, protocol) = if is_async {
            ("__aenter__", "__aexit__", "asynchronous context manager protocol")
        } else {
            ("__enter__", "__exit__", "context manager protocol")
        };
        let missing = |what: String| {
            vm.new_type_error(format!(
                "'{}' object does not support the {protocol}{what}",
                mgr.class().name()
            ))
        };
        let enter = special_method(&mgr, enter, vm).ok_or_else(|| missing(String::new()))?;
        let exit = special_method(&mgr, exit, vm)
            .ok_or_else(|| missing(format!(" (missed {exit} method)")))?;
        self.push_obj(exit);
        call::call(self, enter, Vec::new(), None)
    }

    /// A call without keywords of a callable that `call::call` would hand to RustPython
    /// anyway (a builtin method, a native function that is not intercepted, …): the
    /// arguments go from the stack straight into RustPython's argument vector. `slots` is the
    /// number of stack slots above the callee (a NULL among them is an absent `self`).
    /// None when the callee needs `call::call`; the stack is then untouched.
    fn call_native(&mut self, slots: usize) -> PyResult<Option<Flow>> {
        let vm = self.vm;
        let rt = self.rt;
        let stack = &mut self.top().stack;
        let at = stack.len() - slots;
        let Value::Obj(callee) = &stack[at - 1] else { return Ok(None) };
        if !call::is_plain_native(callee, rt, vm) {
            return Ok(None);
        }
        let mut args = Vec::with_capacity(slots);
        for v in stack.drain(at..) {
            if !v.is_null() {
                args.push(v.into_obj(vm));
            }
        }
        let callee = stack.pop().expect("callee").into_obj(vm);
        let result = callee.call(FuncArgs::new(args, KwArgs::default()), vm)?;
        self.push(Value::from_obj(result, vm));
        Ok(Some(Flow::Next))
    }

    fn pop_values(&mut self, n: usize) -> Vec<Value> {
        let stack = &mut self.top().stack;
        let at = stack.len() - n;
        stack.split_off(at)
    }

    fn unbound_cell_error(&mut self, i: u32) -> PyBaseExceptionRef {
        let code = &self.top().code.code;
        let i = i as usize;
        if i < code.cellvars.len() {
            let name = code.cellvars[i].clone();
            self.vm.new_unbound_local_error(format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ))
        } else {
            let name = code.freevars[i - code.cellvars.len()].clone();
            self.vm.new_name_error(
                format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
                self.vm.ctx.new_str(name),
            )
        }
    }

    fn dict_merge(&mut self, dict: &PyObjectRef, other: &PyObjectRef, depth: u32) -> PyResult<()> {
        let vm = self.vm;
        let keys = match vm.call_method(other, "keys", ()) {
            Ok(k) => k,
            Err(_) => {
                let callee = self
                    .frames
                    .last()
                    .and_then(|f| f.stack.get(f.stack.len().wrapping_sub(depth as usize + 2)))
                    .map(|v| v.to_obj(vm));
                let fname = callee.map(|c| call::callable_name(&c, vm)).unwrap_or_default();
                return Err(vm.new_type_error(format!(
                    "{fname} argument after ** must be a mapping, not {}",
                    other.class().name()
                )));
            }
        };
        let iter = keys.get_iter(vm)?;
        while let PyIterReturn::Return(k) = iter.next(vm)? {
            if dict.get_item(&*k, vm).is_ok() {
                let callee = self
                    .frames
                    .last()
                    .and_then(|f| f.stack.get(f.stack.len().wrapping_sub(depth as usize + 2)))
                    .map(|v| v.to_obj(vm));
                let fname = callee.map(|c| call::callable_name(&c, vm)).unwrap_or_default();
                return Err(vm.new_type_error(format!(
                    "{fname} got multiple values for keyword argument '{}'",
                    k.str(vm)?
                )));
            }
            let v = other.get_item(&*k, vm)?;
            dict.set_item(&*k, v, vm)?;
        }
        Ok(())
    }

    fn do_raise(&mut self, n: u32) -> StepResult {
        let vm = self.vm;
        match n {
            0 => match self.handled_exception() {
                Some(exc) => Ok(Flow::Reraise(expect_slot(exc, "the handled exception", vm)?)),
                None => Err(vm.new_runtime_error("No active exception to reraise")),
            },
            _ => {
                let cause = if n == 2 { Some(self.pop_obj()) } else { None };
                let exc = self.pop_obj();
                let exc = instantiate_exception(exc, vm)?;
                if let Some(cause) = cause {
                    if vm.is_none(&cause) {
                        exc.set_cause(None);
                    } else {
                        let cause = instantiate_exception(cause, vm).map_err(|_| {
                            vm.new_type_error("exception causes must derive from BaseException")
                        })?;
                        exc.set_cause(Some(cause));
                    }
                }
                Err(exc)
            }
        }
    }

    // ------------------------------------------------------------------ iteration and generators

    /// Unpacking values that Sleepy code produces (a generator, a program iterator) as a
    /// protocol: `targets` as `GatherKind::Unpack`/`UnpackStarred` say.
    fn unpack_protocol(
        &mut self,
        kind: GatherKind,
        seq: PyObjectRef,
        targets: PyObjectRef,
    ) -> StepResult {
        let values = self.vm.ctx.new_list(Vec::new()).into();
        let gather = Gather::new(kind, seq, values, targets);
        continuation::start(self, continuation::Continuation::Gather(gather))
    }

    fn for_iter(&mut self, target: u32) -> StepResult {
        let vm = self.vm;
        let iter = self.peek(1).to_obj(vm);
        // The commonest iterators never run Python code: straight to their `__next__`.
        let class = iter.class();
        let types = &vm.ctx.types;
        if class.is(types.range_iterator_type) || class.is(types.list_iterator_type) {
            return self.native_next(&iter, target);
        }
        if gen_core(&iter).is_some() {
            return self.resume_generator(
                &iter,
                ResumeMode::ForIter { exhausted: target },
                ResumeWith::Value(None),
            );
        }
        // A class whose `__next__` is Sleepy code: run it as a frame, so the loop body's
        // callback can be paused like any other code.
        if iter.class().slots.flags.has_feature(PyTypeFlags::HEAPTYPE) {
            if let Some(next) = iter.class().get_attr(vm.ctx.intern_str("__next__")) {
                if let Some(next) = next.downcast_ref::<Function>() {
                    if !next.code.code.is_generator_like() {
                        let completion = Completion::IterNext { exhausted: target };
                        let frame =
                            call::new_frame(vm, next, vec![Value::Obj(iter)], None, completion)?;
                        return Ok(Flow::Push(frame));
                    }
                }
            }
        }
        if let Some(ch) = iter.downcast_ref::<crate::objects::tasklet::Channel>() {
            return super::sched::channel_next(self, &ch.to_owned(), Some(target));
        }
        if super::advance::runs_sleepy(&iter, vm) {
            let advance = super::advance::Advance::new(iter);
            return continuation::start(self, continuation::Continuation::Advance(advance));
        }
        self.native_next(&iter, target)
    }

    /// `for`'s next item from an iterator whose `__next__` is native.
    fn native_next(&mut self, iter: &PyObjectRef, target: u32) -> StepResult {
        match PyIter::new(&**iter).next(self.vm)? {
            PyIterReturn::Return(v) => self.push(Value::from_obj(v, self.vm)),
            PyIterReturn::StopIteration(_) => {
                let frame = self.top();
                frame.stack.pop();
                frame.pc = target as usize;
            }
        }
        Ok(Flow::Next)
    }

    fn yield_from(&mut self) -> StepResult {
        let vm = self.vm;
        let sent = self.pop_obj();
        let iter = self.peek(1).to_obj(vm);
        if gen_core(&iter).is_some() {
            return self.resume_generator(
                &iter,
                ResumeMode::YieldFrom,
                ResumeWith::Value(Some(sent)),
            );
        }
        if let Some(step) = iter.downcast_ref::<AsyncGenStep>() {
            let agen = step.agen.clone();
            let first = step.op.lock().take();
            let (mode, with) = match first {
                Some(AsyncOp::Send(v)) => (ResumeMode::AsyncGen, ResumeWith::Value(Some(v))),
                Some(AsyncOp::Throw(e)) => {
                    let e = expect_slot(e, "an async generator throws an exception", vm)?;
                    (ResumeMode::AsyncGen, ResumeWith::Throw(e))
                }
                Some(AsyncOp::Close) => {
                    let e = vm.new_exception_empty(vm.ctx.exceptions.generator_exit.to_owned());
                    step.closing.set(true);
                    (ResumeMode::AsyncGenClose, ResumeWith::Throw(e))
                }
                // Resumed after one of the generator's own awaits passed a value out.
                None if step.closing.get() => {
                    (ResumeMode::AsyncGenClose, ResumeWith::Value(Some(sent)))
                }
                None => (ResumeMode::AsyncGen, ResumeWith::Value(Some(sent))),
            };
            return self.resume_generator(&agen, mode, with);
        }
        let result = if vm.is_none(&sent) {
            PyIter::new(&*iter).next(vm)
        } else {
            PyIterReturn::from_pyresult(vm.call_method(&iter, "send", (sent,)), vm)
        };
        self.delegate_result(result)
    }

    /// Acts on what a non-Sleepy sub-iterator of `yield from` produced.
    fn delegate_result(&mut self, result: PyResult<PyIterReturn>) -> StepResult {
        let vm = self.vm;
        match result? {
            PyIterReturn::Return(v) => {
                self.top().pc -= 1;
                Ok(Flow::Forward(Value::Obj(v)))
            }
            PyIterReturn::StopIteration(v) => {
                self.pop();
                self.push_obj(v.unwrap_or_else(|| vm.ctx.none()));
                Ok(Flow::Next)
            }
        }
    }

    /// Resumes a Sleepy generator on this stack. The result arrives through the frame's
    /// completion (`do_yield`/`do_return`/`raise`).
    pub fn resume_generator(
        &mut self,
        gen: &PyObjectRef,
        mode: ResumeMode,
        with: ResumeWith,
    ) -> StepResult {
        let vm = self.vm;
        let core = gen_core(gen).expect("resume a generator");
        match core.state.get() {
            GenState::Running => {
                let kind = if gen.downcast_ref::<Coroutine>().is_some() {
                    "coroutine"
                } else {
                    "generator"
                };
                return Err(vm.new_value_error(format!("{kind} already executing")));
            }
            GenState::Finished => {
                let is_coro = gen.downcast_ref::<Coroutine>().is_some();
                return match (with, mode) {
                    (_, ResumeMode::Close) => {
                        self.push_obj(vm.ctx.none());
                        Ok(Flow::Next)
                    }
                    (_, ResumeMode::AsyncGenClose) => {
                        self.pop();
                        self.push_obj(vm.ctx.none());
                        Ok(Flow::Next)
                    }
                    (_, ResumeMode::AsyncGen) => {
                        Err(vm
                            .new_exception_empty(vm.ctx.exceptions.stop_async_iteration.to_owned()))
                    }
                    (ResumeWith::Throw(e), _) => Err(e),
                    _ if is_coro => {
                        Err(vm.new_runtime_error("cannot reuse already awaited coroutine"))
                    }
                    (_, ResumeMode::ForIter { exhausted }) => {
                        let frame = self.top();
                        frame.stack.pop();
                        frame.pc = exhausted as usize;
                        Ok(Flow::Next)
                    }
                    (_, ResumeMode::YieldFrom) => {
                        self.pop();
                        self.push_obj(vm.ctx.none());
                        Ok(Flow::Next)
                    }
                    (_, ResumeMode::Send) => Err(vm.new_stop_iteration(None)),
                };
            }
            GenState::Created => {
                if let ResumeWith::Value(Some(v)) = &with {
                    if !vm.is_none(v) {
                        return Err(vm.new_type_error(
                            "can't send non-None value to a just-started generator",
                        ));
                    }
                }
                if mode == ResumeMode::Close {
                    core.state.set(GenState::Finished);
                    core.frame.lock().take();
                    self.push_obj(vm.ctx.none());
                    return Ok(Flow::Next);
                }
            }
            GenState::Suspended => {}
        }
        let was_created = core.state.get() == GenState::Created;
        let mut frame = core.frame.lock().take().expect("suspended generator has a frame");
        core.state.set(GenState::Running);
        frame.completion = Completion::Generator { gen: gen.clone(), mode };
        match with {
            ResumeWith::Value(v) => {
                if !was_created {
                    frame.stack.push(Value::Obj(v.unwrap_or_else(|| vm.ctx.none())));
                }
                Ok(Flow::Push(frame))
            }
            ResumeWith::Throw(exc) => {
                // A frame suspended inside `yield from` passes the exception to its delegate.
                let delegating = !was_created
                    && matches!(frame.code.code.code.get(frame.pc), Some(Instr::YieldFrom));
                if let Err(e) = self.push_frame(frame) {
                    core.state.set(GenState::Finished);
                    return Err(e);
                }
                if delegating {
                    self.top().pc += 1;
                    let sub = self.peek(1).to_obj(vm);
                    if gen_core(&sub).is_some() {
                        return self.resume_generator(
                            &sub,
                            ResumeMode::YieldFrom,
                            ResumeWith::Throw(exc),
                        );
                    }
                    if exc.fast_isinstance(vm.ctx.exceptions.generator_exit) {
                        if let Some(close) = vm.get_attribute_opt(&sub, "close")? {
                            close.call((), vm)?;
                        }
                        return Err(exc);
                    }
                    return match vm.get_attribute_opt(&sub, "throw")? {
                        Some(throw) => {
                            let r = PyIterReturn::from_pyresult(throw.call((exc,), vm), vm);
                            self.delegate_result(r)
                        }
                        None => Err(exc),
                    };
                }
                if was_created {
                    // Nothing ran yet: no handler can apply.
                    self.top().pc = 0;
                }
                Err(exc)
            }
        }
    }
}

/// How a generator is resumed.
pub enum ResumeWith {
    Value(Option<PyObjectRef>),
    Throw(PyBaseExceptionRef),
}

pub fn stop_iteration(vm: &VirtualMachine, value: PyObjectRef) -> PyBaseExceptionRef {
    if vm.is_none(&value) {
        vm.new_stop_iteration(None)
    } else {
        vm.new_stop_iteration(Some(value))
    }
}

fn break_context_cycle(handled: &PyBaseExceptionRef, exc: &PyBaseExceptionRef) {
    let mut o = handled.clone();
    while let Some(ctx) = o.__context__() {
        if ctx.is(exc) {
            o.set_context(None);
            break;
        }
        o = ctx;
    }
}

pub fn name_error(vm: &VirtualMachine, name: &str) -> PyBaseExceptionRef {
    vm.new_name_error(format!("name '{name}' is not defined"), vm.ctx.new_str(name))
}

/// `mapping[key]`, or None when the key is missing.
pub fn mapping_get(
    mapping: &PyObjectRef,
    key: &rustpython_vm::PyObject,
    vm: &VirtualMachine,
) -> PyResult<Option<PyObjectRef>> {
    if let Some(dict) = mapping.downcast_ref_if_exact::<PyDict>(vm) {
        return dict.get_item_opt(key, vm);
    }
    match mapping.get_item(key, vm) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.fast_isinstance(vm.ctx.exceptions.key_error) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Looks a special method up on the type and binds it, as CPython's `_PyObject_LookupSpecial`.
pub fn special_method(obj: &PyObjectRef, name: &str, vm: &VirtualMachine) -> Option<PyObjectRef> {
    let attr = obj.class().get_attr(vm.ctx.intern_str(name))?;
    Some(vm.call_if_get_descriptor(&attr, obj.clone()).unwrap_or(attr))
}

fn check_except_type(ty: &PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
    let ok = |t: &PyObjectRef| {
        t.downcast_ref::<PyType>()
            .is_some_and(|t| t.fast_issubclass(vm.ctx.exceptions.base_exception_type))
    };
    let valid = match ty.downcast_ref::<PyTuple>() {
        Some(items) => items.as_slice().iter().all(ok),
        None => ok(ty),
    };
    if valid {
        Ok(())
    } else {
        Err(vm.new_type_error(
            "catching classes that do not inherit from BaseException is not allowed",
        ))
    }
}

/// `raise X`: X may be an exception instance or class.
pub fn instantiate_exception(
    obj: PyObjectRef,
    vm: &VirtualMachine,
) -> PyResult<PyBaseExceptionRef> {
    if let Some(cls) = obj.downcast_ref::<PyType>() {
        if cls.fast_issubclass(vm.ctx.exceptions.base_exception_type) {
            let instance = obj.call((), vm)?;
            return instance.downcast().map_err(|o| {
                vm.new_type_error(format!(
                    "calling {} should have returned an instance of BaseException, not {}",
                    cls.name(),
                    o.class().name()
                ))
            });
        }
    }
    obj.downcast().map_err(|_| vm.new_type_error("exceptions must derive from BaseException"))
}

fn get_awaitable(obj: PyObjectRef, vm: &VirtualMachine) -> PyResult {
    if obj.downcast_ref::<Coroutine>().is_some() || obj.downcast_ref::<AsyncGenStep>().is_some() {
        return Ok(obj);
    }
    let Some(await_method) = special_method(&obj, "__await__", vm) else {
        return Err(vm.new_type_error(format!(
            "object {} can't be used in 'await' expression",
            obj.class().name()
        )));
    };
    let iter = await_method.call((), vm)?;
    if gen_core(&iter).is_none() && !PyIter::check(&iter) {
        return Err(vm.new_type_error(format!(
            "__await__() returned non-iterator of type '{}'",
            iter.class().name()
        )));
    }
    Ok(iter)
}

pub fn cmp_op(op: CmpOp) -> PyComparisonOp {
    match op {
        CmpOp::Lt => PyComparisonOp::Lt,
        CmpOp::Le => PyComparisonOp::Le,
        CmpOp::Eq => PyComparisonOp::Eq,
        CmpOp::Ne => PyComparisonOp::Ne,
        CmpOp::Gt => PyComparisonOp::Gt,
        CmpOp::Ge => PyComparisonOp::Ge,
    }
}

impl GenOp {
    pub fn mode(self) -> ResumeMode {
        match self {
            GenOp::Close => ResumeMode::Close,
            _ => ResumeMode::Send,
        }
    }
}
