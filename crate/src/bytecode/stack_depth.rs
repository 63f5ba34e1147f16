//! Static value-stack depths of Sleepy bytecode.
//!
//! The evaluator pops its value stack without checking (a shallow stack is a compiler bug, so
//! it panics). A snapshot read from untrusted bytes must therefore never hand it a frame whose
//! stack is shallower than its `pc` expects. The code itself is trusted (it is recompiled from
//! source), so its depths can be computed once per code object: [`entry_depths`] walks the
//! control-flow graph with the stack effect of every instruction as the evaluator performs it,
//! and [`min_depth`] turns a depth at a `pc` into the depth a *paused* frame has there, which
//! depends on why the frame is paused ([`FrameRole`]).

use super::{make_flags, CodeObject, Instr, Target};

/// What one instruction does to the value stack when the evaluator runs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Effect {
    /// Slots it reads or pops: the least depth it can run at.
    pub needs: u32,
    /// Slots already popped when it can raise (or call out): an exception it raises leaves
    /// `depth - pops` on the stack for the handler to truncate.
    pub pops: u32,
    /// Whether an exception can be raised in this frame while the instruction is the last
    /// one run (by the instruction itself, a callee it pushed, or a `throw` while the frame
    /// is suspended there).
    pub raises: bool,
    /// Depth change when execution goes on at the next instruction; None when it never does.
    pub next: Option<i32>,
    /// A jump target and the depth change on the way there.
    pub jump: Option<(Target, i32)>,
}

/// An instruction that pops `pops` slots and pushes `pushes`, then falls through.
fn simple(pops: u32, pushes: u32) -> Effect {
    Effect { needs: pops, pops, raises: true, next: Some(pushes as i32 - pops as i32), jump: None }
}

/// Reads `needs` slots without popping them and pushes `pushes`.
fn peeks(needs: u32, pushes: u32) -> Effect {
    Effect { needs, pops: 0, raises: true, next: Some(pushes as i32), jump: None }
}

/// Pops `pops` slots and never goes on (returns or raises).
fn ends(pops: u32) -> Effect {
    Effect { needs: pops, pops, raises: true, next: None, jump: None }
}

/// An instruction that cannot raise: it only moves values (or ends the frame, whose errors
/// are raised in the caller).
fn quiet(e: Effect) -> Effect {
    Effect { raises: false, ..e }
}

/// The stack effect of `instr`, following `vm/eval.rs` and the call, import and generator
/// protocols: a call that pushes a frame counts as pushing its result, because the callee's
/// completion pushes it when the frame returns.
pub fn effect(instr: Instr) -> Effect {
    use Instr::*;
    match instr {
        Pop => quiet(simple(1, 0)),
        Copy(n) => quiet(peeks(n, 1)),
        Swap(n) => quiet(peeks(n, 0)),
        LoadConst(_) | LoadClosure(_) => quiet(simple(0, 1)),
        LoadFast(_) | LoadDeref(_) | LoadClassDeref { .. } | LoadGlobal(_) | LoadName(_) => {
            simple(0, 1)
        }
        StoreFast(_) | StoreDeref(_) => quiet(simple(1, 0)),
        StoreGlobal(_) | StoreName(_) => simple(1, 0),
        DeleteFast(_) | DeleteDeref(_) | DeleteGlobal(_) | DeleteName(_) => simple(0, 0),
        LoadAttr(_) => simple(1, 1),
        StoreAttr(_) => simple(2, 0),
        DeleteAttr(_) => simple(1, 0),
        // `[method, self]` or `[attr, NULL]`.
        LoadMethod(_) => simple(1, 2),
        Subscript => simple(2, 1),
        StoreSubscript => simple(3, 0),
        DeleteSubscript => simple(2, 0),
        BuildSlice(n) => quiet(simple(if n == 3 { 3 } else { 2 }, 1)),
        Binary(_) | Inplace(_) | Compare(_) | Is { .. } | Contains { .. } => simple(2, 1),
        Unary(_) => simple(1, 1),
        Jump(t) => Effect { needs: 0, pops: 0, raises: false, next: None, jump: Some((t, 0)) },
        PopJumpIfFalse(t) | PopJumpIfTrue(t) | PopJumpIfNone(t) => {
            Effect { needs: 1, pops: 1, raises: true, next: Some(-1), jump: Some((t, -1)) }
        }
        // The value is only peeked while its truth is tested.
        JumpIfFalseOrPop(t) | JumpIfTrueOrPop(t) => {
            Effect { needs: 1, pops: 0, raises: true, next: Some(-1), jump: Some((t, 0)) }
        }
        GetIter => simple(1, 1),
        // The iterator stays while `__next__` runs (natively, as a frame or as a generator);
        // exhaustion pops it and jumps.
        ForIter(t) => {
            Effect { needs: 1, pops: 0, raises: true, next: Some(1), jump: Some((t, -1)) }
        }
        Return => quiet(ends(1)),
        BuildTuple(n) | BuildList(n) | BuildString(n) => quiet(simple(n, 1)),
        BuildSet(n) => simple(n, 1),
        BuildMap(n) => simple(n.saturating_mul(2), 1),
        // Pop the item(s), then reach the collection `depth` places down.
        ListAppend(d) => quiet(Effect {
            needs: d.saturating_add(1),
            pops: 1,
            raises: false,
            next: Some(-1),
            jump: None,
        }),
        SetAdd(d) | ListExtend(d) | SetUpdate(d) | DictUpdate(d) | DictMerge(d) => {
            Effect { needs: d.saturating_add(1), pops: 1, raises: true, next: Some(-1), jump: None }
        }
        MapAdd(d) => {
            Effect { needs: d.saturating_add(2), pops: 2, raises: true, next: Some(-2), jump: None }
        }
        ListToTuple => quiet(simple(1, 1)),
        UnpackSequence(n) => simple(1, n),
        // `before` items, the starred list, `after` items.
        UnpackEx { before, after } => simple(1, before.saturating_add(after).saturating_add(1)),
        FormatValue { has_spec, .. } => simple(1 + u32::from(has_spec), 1),
        CallMethod(n) => simple(n.saturating_add(2), 1),
        Call(n) | CallKw { argc: n, .. } => simple(n.saturating_add(1), 1),
        CallEx { has_kwargs } => simple(2 + u32::from(has_kwargs), 1),
        MakeFunction { flags, .. } => {
            let operands = [
                make_flags::DEFAULTS,
                make_flags::KW_DEFAULTS,
                make_flags::ANNOTATIONS,
                make_flags::CLOSURE,
            ];
            simple(operands.iter().filter(|&&f| flags & f != 0).count() as u32, 1)
        }
        // Body, name, bases, keywords; the class body's completion pushes the class.
        BuildClass => simple(4, 1),
        Raise(n) => ends(n),
        Reraise => ends(1),
        RaiseAssertion { has_msg } => ends(u32::from(has_msg)),
        // The exception becomes `[previous handled, exception]`.
        PushExcInfo => quiet(simple(1, 2)),
        PopExcept => quiet(simple(1, 0)),
        // Pops the type; the exception stays below the pushed bool.
        CheckExcMatch => Effect { needs: 2, pops: 1, raises: true, next: Some(0), jump: None },
        CheckEgMatch => simple(2, 2),
        PrepReraiseStar => simple(2, 1),
        // The manager becomes `[__exit__, __enter__()]`.
        BeforeWith | BeforeAsyncWith => simple(1, 2),
        // Reads the exception at TOS and `__exit__` three down; pushes its result.
        WithExceptStart => peeks(3, 1),
        // Pops the value; resumption pushes the sent one in its place.
        YieldValue => Effect { needs: 1, pops: 1, raises: true, next: Some(0), jump: None },
        // `[iter, sent]`: pops the sent value, then the delegate's result replaces the
        // iterator. A value yielded by the delegate re-runs this instruction with the next
        // sent value pushed again, at the same depth.
        YieldFrom => Effect { needs: 2, pops: 1, raises: true, next: Some(-1), jump: None },
        GetAwaitable => simple(1, 1),
        // `__aiter__` is called like a function: its result is pushed.
        GetAiter => simple(1, 1),
        GetAnext => peeks(1, 1),
        // `[aiter, exc]`: StopAsyncIteration pops both and ends the loop; anything else is
        // re-raised with the iterator still below.
        EndAsyncFor => Effect { needs: 2, pops: 1, raises: true, next: Some(-2), jump: None },
        // `[level, fromlist]` → module. A program module runs as a frame with both operands
        // still there and the instruction re-runs when it returns.
        ImportName(_) => simple(2, 1),
        ImportFrom(_) => peeks(1, 1),
        ImportStar => simple(1, 0),
        GetLen | MatchMapping | MatchSequence => peeks(1, 1),
        MatchKeys => peeks(2, 1),
        // Pops kw-names and class; the subject stays below the result.
        MatchClass(_) => Effect { needs: 3, pops: 2, raises: true, next: Some(-1), jump: None },
        CopyDictWithoutKeys => simple(2, 1),
        SetupAnnotations => simple(0, 0),
    }
}

fn describe(code: &CodeObject, pc: usize) -> String {
    format!("{} ({}:{}) pc {pc}", code.qualname, code.filename, code.line_at(pc))
}

/// Records that `pc` is entered with `depth`; queues it when first reached.
fn reach(
    code: &CodeObject,
    depths: &mut [Option<u32>],
    work: &mut Vec<usize>,
    from: usize,
    pc: usize,
    depth: i64,
) -> Result<(), String> {
    let Some(slot) = depths.get_mut(pc) else {
        return Err(format!(
            "{}: control goes to {pc}, past the end of the code ({} instructions)",
            describe(code, from),
            code.code.len()
        ));
    };
    let depth = u32::try_from(depth)
        .map_err(|_| format!("{}: stack depth {depth} out of range", describe(code, from)))?;
    match *slot {
        None => {
            *slot = Some(depth);
            work.push(pc);
            Ok(())
        }
        Some(known) if known == depth => Ok(()),
        Some(known) => Err(format!(
            "{}: reached with stack depth {known} and, from pc {from}, with {depth}",
            describe(code, pc)
        )),
    }
}

/// For each instruction of `code`, the value-stack depth just before it executes (None when
/// it is unreachable). Errs when two paths reach an instruction with different depths, when an
/// instruction would underflow, when control leaves the code, or when an exception handler
/// expects more of the stack than an instruction it covers leaves: all compiler bugs.
pub fn entry_depths(code: &CodeObject) -> Result<Vec<Option<u32>>, String> {
    let mut depths = vec![None; code.code.len()];
    if code.code.is_empty() {
        return Ok(depths);
    }
    let mut work = Vec::new();
    reach(code, &mut depths, &mut work, 0, 0, 0)?;
    while let Some(pc) = work.pop() {
        let (Some(depth), Some(&instr)) = (depths[pc], code.code.get(pc)) else { continue };
        let e = effect(instr);
        if depth < e.needs {
            return Err(format!(
                "{}: {instr:?} needs {} stack slots, has {depth}",
                describe(code, pc),
                e.needs
            ));
        }
        let depth = i64::from(depth);
        if let Some(delta) = e.next {
            reach(code, &mut depths, &mut work, pc, pc + 1, depth + i64::from(delta))?;
        }
        if let Some((target, delta)) = e.jump {
            reach(code, &mut depths, &mut work, pc, target as usize, depth + i64::from(delta))?;
        }
        // `raise` looks up the innermost handler of the instruction that was running, truncates
        // the stack to the handler's depth and pushes the exception. Truncating can only
        // shorten, so what the instruction left must be at least that deep.
        if let Some(h) = code.handler_for(pc as u32) {
            let left = depth - i64::from(e.pops);
            if e.raises && left < i64::from(h.depth) {
                return Err(format!(
                    "{}: handler {}..{} -> {} expects depth {}, {instr:?} leaves {left}",
                    describe(code, pc),
                    h.start,
                    h.end,
                    h.target,
                    h.depth
                ));
            }
            reach(code, &mut depths, &mut work, pc, h.target as usize, i64::from(h.depth) + 1)?;
        }
    }
    Ok(depths)
}

/// What a waiting caller gets from the frame above it. The decoder derives it from that
/// frame's `Completion` (and, for generator frames, their `ResumeMode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Awaits {
    /// A result is pushed when the callee returns: `Completion::Push`, `Init`, `ClassBody`,
    /// and generators resumed by `Send` or `Close`. The caller paused after a call-like
    /// instruction, everything it consumed already popped.
    Result,
    /// A `for` loop's next item: `Completion::IterNext` and generators resumed by `ForIter`.
    /// The caller paused after `ForIter` with the iterator on top; an item is pushed, or the
    /// iterator is popped and the loop jumps to its exhausted target.
    NextItem,
    /// A `yield from`/`await` delegate: generators resumed by `YieldFrom`, `AsyncGen` or
    /// `AsyncGenClose`. The caller paused after `YieldFrom` with the delegate on top (the sent
    /// value popped); the result replaces the delegate, or a value it yields sends the caller
    /// back to the `YieldFrom`.
    Delegate,
    /// A program module initialising: `Completion::ModuleLoaded`. The caller paused after
    /// `ImportName` with its operands still on the stack, and re-runs it when the module
    /// frame returns.
    ModuleInit,
    /// A protocol the evaluator performs for the caller (`Completion::Continue`): the caller
    /// paused after the instruction that started it, its operands popped; the protocol's
    /// result is handed over as [`delivery`] of that instruction says.
    Continuation,
}

/// How the result of a protocol that an instruction started (an operator dunder, `__bool__`,
/// a resumable builtin, …) reaches the frame once the protocol completes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// Pushed: the instruction's result.
    Push,
    /// Dropped: the instruction pushes nothing (`x[k] = v`, `del x[k]`, `x.a = v`).
    Discard,
    /// The result is a truth value: jump to the target when it is `when`, pop the tested
    /// value first when `pops_tested`, or pop it on the fall-through path otherwise
    /// (`JumpIfFalseOrPop`, `JumpIfTrueOrPop`).
    Branch { when: bool, target: Target, pops_tested: bool },
    /// The result is a truth value; its negation is pushed (`not x`).
    Negate,
    /// The result of `__contains__`; its truth, negated for `not in`, is pushed.
    Contains { negate: bool },
    /// A `for` loop's next item (the iterator stays below it); a StopIteration instead pops
    /// the iterator and jumps to `exhausted`.
    NextItem { exhausted: Target },
    /// A list of the values for unpacking targets, pushed last first.
    Spread,
}

/// How a protocol started by `instr` delivers its result; None for instructions that never
/// start one.
pub fn delivery(instr: Instr) -> Option<Delivery> {
    use Instr::*;
    Some(match instr {
        Binary(_)
        | Inplace(_)
        | Compare(_)
        | Subscript
        | FormatValue { .. }
        | GetIter
        | LoadAttr(_) => Delivery::Push,
        Unary(super::UnaryOp::Not) => Delivery::Negate,
        Unary(_) => Delivery::Push,
        Call(_) | CallMethod(_) | CallKw { .. } | CallEx { .. } => Delivery::Push,
        StoreSubscript | DeleteSubscript | StoreAttr(_) | ListExtend(_) | SetUpdate(_) => {
            Delivery::Discard
        }
        Contains { negate } => Delivery::Contains { negate },
        ForIter(exhausted) => Delivery::NextItem { exhausted },
        UnpackSequence(_) | UnpackEx { .. } => Delivery::Spread,
        PopJumpIfFalse(target) => Delivery::Branch { when: false, target, pops_tested: true },
        PopJumpIfTrue(target) => Delivery::Branch { when: true, target, pops_tested: true },
        JumpIfFalseOrPop(target) => Delivery::Branch { when: false, target, pops_tested: false },
        JumpIfTrueOrPop(target) => Delivery::Branch { when: true, target, pops_tested: false },
        _ => return None,
    })
}

/// Why a paused frame is paused, which decides the stack it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameRole {
    /// The top frame, paused between two instructions (its fuel ran out): `pc` runs next.
    Running,
    /// The top frame, paused inside a call for the host (`input()`, `time.sleep`, a
    /// checkpoint): the host's answer is pushed, or EOFError raised, on resumption.
    AwaitingHost,
    /// A frame below another on the stack, waiting for it.
    Caller(Awaits),
    /// The frame of a generator, coroutine or async generator that has not started.
    GeneratorCreated,
    /// The frame of a suspended generator, coroutine or async generator, held by its object:
    /// paused after a `YieldValue` or at a `YieldFrom` whose delegate yielded. Resuming it
    /// pushes the sent value.
    GeneratorSuspended,
}

/// The instructions a frame can be paused after while the frame above it (or the host)
/// produces a result that is then pushed.
fn calls_out(instr: Instr) -> bool {
    use Instr::*;
    matches!(
        instr,
        Call(_)
            | CallMethod(_)
            | CallKw { .. }
            | CallEx { .. }
            | BuildClass
            | BeforeWith
            | BeforeAsyncWith
            | WithExceptStart
            | GetAiter
    )
}

/// The instructions a host's call can suspend in (`input`, `time.sleep`, checkpoints).
fn calls(instr: Instr) -> bool {
    matches!(
        instr,
        Instr::Call(_) | Instr::CallMethod(_) | Instr::CallKw { .. } | Instr::CallEx { .. }
    )
}

/// The stack length a frame of `code` paused at `pc` in `role` has, given `depths` from
/// [`entry_depths`] of the same code; None when no paused frame can be there (out of range,
/// unreachable, or an instruction before `pc` that does not fit the role).
///
/// A shorter stack would underflow when the frame resumes. The value is exact for every
/// frame Sleepy pauses; a longer stack cannot underflow (every instruction addresses the
/// stack from its top) but never comes from Sleepy either, so a decoder may demand equality.
pub fn min_depth(
    code: &CodeObject,
    depths: &[Option<u32>],
    pc: usize,
    role: FrameRole,
) -> Option<u32> {
    let at = |i: usize| depths.get(i).copied().flatten();
    let instr = |i: usize| code.code.get(i).copied();
    // The instruction just executed, which must have been reachable.
    let previous = || {
        let i = pc.checked_sub(1)?;
        at(i)?;
        instr(i)
    };
    match role {
        FrameRole::Running => at(pc),
        FrameRole::AwaitingHost => {
            if !calls(previous()?) {
                return None;
            }
            at(pc)?.checked_sub(1)
        }
        FrameRole::Caller(awaits) => {
            let before = previous()?;
            match awaits {
                Awaits::Result if calls_out(before) => at(pc)?.checked_sub(1),
                Awaits::NextItem if matches!(before, Instr::ForIter(_)) => at(pc - 1),
                // The sent value was popped; the delegate is on top: one less than `YieldFrom`
                // needed, which is what the next instruction starts with.
                Awaits::Delegate if before == Instr::YieldFrom => at(pc),
                Awaits::ModuleInit if matches!(before, Instr::ImportName(_)) => at(pc - 1),
                // Everything the instruction consumed is popped; a branch's tested value
                // stays until the result decides.
                Awaits::Continuation if delivery(before).is_some() => {
                    at(pc - 1)?.checked_sub(effect(before).pops)
                }
                _ => None,
            }
        }
        FrameRole::GeneratorCreated => {
            if pc != 0 || !code.is_generator_like() {
                return None;
            }
            at(0)
        }
        FrameRole::GeneratorSuspended => {
            if !code.is_generator_like() {
                return None;
            }
            let after_yield = previous() == Some(Instr::YieldValue);
            let in_yield_from = instr(pc) == Some(Instr::YieldFrom);
            if !after_yield && !in_yield_from {
                return None;
            }
            at(pc)?.checked_sub(1)
        }
    }
}
