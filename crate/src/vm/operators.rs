//! Binary, in-place and comparison operators whose dunders are Sleepy code, performed as a
//! continuation: the dunders CPython would try, in CPython's order (the reflected operand
//! first when its class is a subclass that overrides the reflected method), each until one
//! does not return NotImplemented.

use rustpython_vm::builtins::{PyStrInterned, PyType};
use rustpython_vm::object::{Traverse, TraverseFn};
use rustpython_vm::protocol::{PyNumberBinaryOp, PyNumberTernaryOp};
use rustpython_vm::{AsObject, PyObjectRef, PyResult, VirtualMachine};

use super::continuation::{is_heap_type, sleepy_function, Input, Step};
use crate::bytecode::{BinOp, CmpOp};

/// Which operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpKind {
    Binary(BinOp),
    Inplace(BinOp),
    Compare(CmpOp),
}

const BIN_OPS: [BinOp; 13] = [
    BinOp::Add,
    BinOp::Sub,
    BinOp::Mul,
    BinOp::MatMul,
    BinOp::TrueDiv,
    BinOp::FloorDiv,
    BinOp::Mod,
    BinOp::Pow,
    BinOp::LShift,
    BinOp::RShift,
    BinOp::And,
    BinOp::Or,
    BinOp::Xor,
];
const CMP_OPS: [CmpOp; 6] = [CmpOp::Lt, CmpOp::Le, CmpOp::Eq, CmpOp::Ne, CmpOp::Gt, CmpOp::Ge];

impl OpKind {
    /// A number for snapshots.
    pub fn code(self) -> u64 {
        let index = |op: BinOp| BIN_OPS.iter().position(|o| *o == op).unwrap_or(0) as u64;
        match self {
            OpKind::Binary(op) => index(op),
            OpKind::Inplace(op) => 16 + index(op),
            OpKind::Compare(op) => 32 + CMP_OPS.iter().position(|o| *o == op).unwrap_or(0) as u64,
        }
    }

    pub fn from_code(code: u64) -> Option<OpKind> {
        let code = usize::try_from(code).ok()?;
        Some(match code {
            0..16 => OpKind::Binary(*BIN_OPS.get(code)?),
            16..32 => OpKind::Inplace(*BIN_OPS.get(code - 16)?),
            _ => OpKind::Compare(*CMP_OPS.get(code.checked_sub(32)?)?),
        })
    }
}

type Name = &'static PyStrInterned;

/// `(method, reflected method, in-place method)` of a binary operator.
fn binary_names(op: BinOp, vm: &VirtualMachine) -> (Name, Name, Name) {
    let n = &vm.ctx.names;
    match op {
        BinOp::Add => (n.__add__, n.__radd__, n.__iadd__),
        BinOp::Sub => (n.__sub__, n.__rsub__, n.__isub__),
        BinOp::Mul => (n.__mul__, n.__rmul__, n.__imul__),
        BinOp::MatMul => (n.__matmul__, n.__rmatmul__, n.__imatmul__),
        BinOp::TrueDiv => (n.__truediv__, n.__rtruediv__, n.__itruediv__),
        BinOp::FloorDiv => (n.__floordiv__, n.__rfloordiv__, n.__ifloordiv__),
        BinOp::Mod => (n.__mod__, n.__rmod__, n.__imod__),
        BinOp::Pow => (n.__pow__, n.__rpow__, n.__ipow__),
        BinOp::LShift => (n.__lshift__, n.__rlshift__, n.__ilshift__),
        BinOp::RShift => (n.__rshift__, n.__rrshift__, n.__irshift__),
        BinOp::And => (n.__and__, n.__rand__, n.__iand__),
        BinOp::Or => (n.__or__, n.__ror__, n.__ior__),
        BinOp::Xor => (n.__xor__, n.__rxor__, n.__ixor__),
    }
}

fn binary_symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::MatMul => "@",
        BinOp::TrueDiv => "/",
        BinOp::FloorDiv => "//",
        BinOp::Mod => "%",
        BinOp::Pow => "**",
        BinOp::LShift => "<<",
        BinOp::RShift => ">>",
        BinOp::And => "&",
        BinOp::Or => "|",
        BinOp::Xor => "^",
    }
}

/// `(method, reflected method)` of a comparison.
fn compare_names(op: CmpOp, vm: &VirtualMachine) -> (Name, Name) {
    let n = &vm.ctx.names;
    match op {
        CmpOp::Lt => (n.__lt__, n.__gt__),
        CmpOp::Le => (n.__le__, n.__ge__),
        CmpOp::Eq => (n.__eq__, n.__eq__),
        CmpOp::Ne => (n.__ne__, n.__ne__),
        CmpOp::Gt => (n.__gt__, n.__lt__),
        CmpOp::Ge => (n.__ge__, n.__le__),
    }
}

fn compare_symbol(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Lt => "<",
        CmpOp::Le => "<=",
        CmpOp::Eq => "==",
        CmpOp::Ne => "!=",
        CmpOp::Gt => ">",
        CmpOp::Ge => ">=",
    }
}

/// How a candidate is tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// `method(receiver, operand)`, a Sleepy function (or, for comparisons, any method).
    Call,
    /// The same, negated: `!=` answered by `__eq__`, as `object.__ne__` does.
    Negated,
    /// The receiver's class's native number slot, as RustPython's binary operators call it
    /// (`receiver` is the left operand).
    LeftSlot,
    /// The reflected native number slot (`receiver` is the right operand).
    RightSlot,
}

pub const HOWS: [How; 4] = [How::Call, How::Negated, How::LeftSlot, How::RightSlot];

/// One dunder to try.
#[derive(Debug)]
pub struct Candidate {
    /// The method for `Call` and `Negated`; None for slots.
    pub method: PyObjectRef,
    pub receiver: PyObjectRef,
    pub operand: PyObjectRef,
    pub how: How,
}

#[derive(Debug)]
pub struct Operator {
    pub kind: OpKind,
    pub a: PyObjectRef,
    pub b: PyObjectRef,
    /// Still to try, the next one last.
    pub pending: Vec<Candidate>,
    /// Whether the dunder running now answers `!=` with `__eq__`.
    pub negate: bool,
}

/// RustPython's number-slot name of a binary operator (None for `**`, a ternary slot).
fn number_op(kind: OpKind) -> Option<PyNumberBinaryOp> {
    use PyNumberBinaryOp as N;
    let (op, inplace) = match kind {
        OpKind::Binary(op) => (op, false),
        OpKind::Inplace(op) => (op, true),
        OpKind::Compare(_) => return None,
    };
    Some(match (op, inplace) {
        (BinOp::Add, false) => N::Add,
        (BinOp::Sub, false) => N::Subtract,
        (BinOp::Mul, false) => N::Multiply,
        (BinOp::MatMul, false) => N::MatrixMultiply,
        (BinOp::TrueDiv, false) => N::TrueDivide,
        (BinOp::FloorDiv, false) => N::FloorDivide,
        (BinOp::Mod, false) => N::Remainder,
        (BinOp::LShift, false) => N::Lshift,
        (BinOp::RShift, false) => N::Rshift,
        (BinOp::And, false) => N::And,
        (BinOp::Or, false) => N::Or,
        (BinOp::Xor, false) => N::Xor,
        (BinOp::Add, true) => N::InplaceAdd,
        (BinOp::Sub, true) => N::InplaceSubtract,
        (BinOp::Mul, true) => N::InplaceMultiply,
        (BinOp::MatMul, true) => N::InplaceMatrixMultiply,
        (BinOp::TrueDiv, true) => N::InplaceTrueDivide,
        (BinOp::FloorDiv, true) => N::InplaceFloorDivide,
        (BinOp::Mod, true) => N::InplaceRemainder,
        (BinOp::LShift, true) => N::InplaceLshift,
        (BinOp::RShift, true) => N::InplaceRshift,
        (BinOp::And, true) => N::InplaceAnd,
        (BinOp::Or, true) => N::InplaceOr,
        (BinOp::Xor, true) => N::InplaceXor,
        (BinOp::Pow, _) => return None,
    })
}

/// `a <op> b` as the native number slot of the left (`left`) or the right operand's class
/// performs it; NotImplemented when the class has none.
fn native_slot(
    op: BinOp,
    nb: Option<PyNumberBinaryOp>,
    left: bool,
    a: &PyObjectRef,
    b: &PyObjectRef,
    vm: &VirtualMachine,
) -> PyResult {
    let number = if left { &a.class().slots.as_number } else { &b.class().slots.as_number };
    let result = match nb {
        None if op == BinOp::Pow => {
            let none = vm.ctx.none();
            let slot = if left {
                number.left_ternary_op(PyNumberTernaryOp::Power)
            } else {
                number.right_ternary_op(PyNumberTernaryOp::Power)
            };
            slot.map(|f| f(a, b, &none, vm))
        }
        Some(nb) => {
            let slot = if left { number.left_binary_op(nb) } else { number.right_binary_op(nb) };
            slot.map(|f| f(a, b, vm))
        }
        None => None,
    };
    result.unwrap_or_else(|| Ok(vm.ctx.not_implemented()))
}

// SAFETY: every object reference is visited once.
unsafe impl Traverse for Operator {
    fn traverse(&self, f: &mut TraverseFn<'_>) {
        self.a.traverse(f);
        self.b.traverse(f);
        for c in &self.pending {
            c.method.traverse(f);
            c.receiver.traverse(f);
            c.operand.traverse(f);
        }
    }
}

fn lookup(class: &PyType, name: Name) -> Option<PyObjectRef> {
    class.get_attr(name)
}

/// The protocol for `a <op> b` when one of the dunders it would call is Sleepy code; None
/// when RustPython can perform it without calling the program.
pub fn plan(
    kind: OpKind,
    a: &PyObjectRef,
    b: &PyObjectRef,
    vm: &VirtualMachine,
) -> Option<Operator> {
    let (ta, tb) = (a.class(), b.class());
    if !is_heap_type(ta) && !is_heap_type(tb) {
        return None;
    }
    let mut order = Vec::with_capacity(3);
    let (name, reflected) = match kind {
        OpKind::Binary(op) | OpKind::Inplace(op) => {
            let (name, reflected, inplace) = binary_names(op, vm);
            if let (OpKind::Inplace(_), Some(m)) = (kind, lookup(ta, inplace)) {
                order.push(candidate(kind, m, a, b, true, vm));
            }
            (name, reflected)
        }
        OpKind::Compare(op) => compare_names(op, vm),
    };
    let left = lookup(ta, name);
    // Comparisons try the reflected method for operands of the same class too.
    let reflects = !ta.is(tb) || matches!(kind, OpKind::Compare(_));
    let right = if reflects { lookup(tb, reflected) } else { None };
    // The reflected operand goes first when its class is a subclass that provides its own
    // reflected method (for comparisons: any subclass).
    let reflected_first = right.as_ref().is_some_and(|r| {
        !ta.is(tb)
            && tb.fast_issubclass(ta)
            && match kind {
                OpKind::Compare(_) => true,
                _ => !lookup(ta, reflected).is_some_and(|l| l.is(r)),
            }
    });
    let left = left.map(|m| candidate(kind, m, a, b, true, vm));
    let right = right.map(|m| candidate(kind, m, b, a, false, vm));
    if reflected_first {
        order.extend(right);
        order.extend(left);
    } else {
        order.extend(left);
        order.extend(right);
    }
    let calls_program = |c: &Candidate| c.how != How::LeftSlot && c.how != How::RightSlot;
    if !order.iter().any(|c| calls_program(c) && sleepy_function(&c.method)) {
        return None;
    }
    order.reverse();
    Some(Operator { kind, a: a.clone(), b: b.clone(), pending: order, negate: false })
}

/// `method(receiver, operand)`. A binary operator's native method is tried as RustPython
/// tries it, through its number slot (`left`: the receiver is the left operand), which
/// declines with NotImplemented where the method itself might raise. For `!=`, object's
/// `__ne__` of a class whose `__eq__` is Sleepy code is that `__eq__`, negated (what
/// `object.__ne__` does).
fn candidate(
    kind: OpKind,
    method: PyObjectRef,
    receiver: &PyObjectRef,
    operand: &PyObjectRef,
    left: bool,
    vm: &VirtualMachine,
) -> Candidate {
    let with = |method, how| Candidate {
        method,
        receiver: receiver.clone(),
        operand: operand.clone(),
        how,
    };
    if !matches!(kind, OpKind::Compare(_)) {
        if sleepy_function(&method) {
            return with(method, How::Call);
        }
        return with(vm.ctx.none(), if left { How::LeftSlot } else { How::RightSlot });
    }
    if kind != OpKind::Compare(CmpOp::Ne) {
        return with(method, How::Call);
    }
    let object_ne = lookup(vm.ctx.types.object_type, vm.ctx.names.__ne__);
    let eq = lookup(receiver.class(), vm.ctx.names.__eq__).filter(sleepy_function);
    match eq {
        Some(eq) if object_ne.is_some_and(|o| o.is(&method)) => with(eq, How::Negated),
        _ => with(method, How::Call),
    }
}

impl Operator {
    pub fn resume(&mut self, input: Input, vm: &VirtualMachine) -> PyResult<Step> {
        let mut input = input;
        loop {
            match input {
                Input::Start => {}
                Input::Err(e) => return Err(e),
                Input::Ok(v) if v.is(&vm.ctx.not_implemented) => {}
                Input::Ok(v) if self.negate => {
                    let t = v.is_true(vm)?;
                    return Ok(Step::Done(vm.ctx.new_bool(!t).into()));
                }
                Input::Ok(v) => return Ok(Step::Done(v)),
            }
            let Some(c) = self.pending.pop() else { return self.unsupported(vm) };
            self.negate = c.how == How::Negated;
            let op = match self.kind {
                OpKind::Binary(op) | OpKind::Inplace(op) => op,
                OpKind::Compare(_) => BinOp::Add,
            };
            let nb = number_op(self.kind);
            let result = match c.how {
                How::Call | How::Negated => {
                    return Ok(Step::Call(c.method, vec![c.receiver, c.operand]))
                }
                How::LeftSlot => native_slot(op, nb, true, &c.receiver, &c.operand, vm),
                How::RightSlot => native_slot(op, nb, false, &c.operand, &c.receiver, vm),
            };
            input = match result {
                Ok(v) => Input::Ok(v),
                Err(e) => Input::Err(e),
            };
        }
    }

    /// After every dunder declined, `+` falls back to sequence concatenation, as
    /// RustPython's `+` and `+=` do.
    fn concatenated(&self, vm: &VirtualMachine) -> Option<PyResult> {
        let seq = self.a.sequence_unchecked();
        let slots = seq.slots();
        let concat = match self.kind {
            OpKind::Binary(BinOp::Add) => slots.concat.load(),
            OpKind::Inplace(BinOp::Add) => {
                slots.inplace_concat.load().or_else(|| slots.concat.load())
            }
            _ => None,
        }?;
        match concat(seq, &self.b, vm) {
            Ok(v) if v.is(&vm.ctx.not_implemented) => None,
            other => Some(other),
        }
    }

    /// Every dunder returned NotImplemented.
    fn unsupported(&self, vm: &VirtualMachine) -> PyResult<Step> {
        if let Some(result) = self.concatenated(vm) {
            return result.map(Step::Done);
        }
        let (ta, tb) = (self.a.class().name(), self.b.class().name());
        match self.kind {
            OpKind::Compare(CmpOp::Eq) => {
                Ok(Step::Done(vm.ctx.new_bool(self.a.is(&self.b)).into()))
            }
            OpKind::Compare(CmpOp::Ne) => {
                Ok(Step::Done(vm.ctx.new_bool(!self.a.is(&self.b)).into()))
            }
            OpKind::Compare(op) => Err(vm.new_type_error(format!(
                "'{}' not supported between instances of '{ta}' and '{tb}'",
                compare_symbol(op)
            ))),
            OpKind::Binary(op) => {
                let symbol = match op {
                    BinOp::Pow => "** or pow()",
                    _ => binary_symbol(op),
                };
                Err(vm.new_type_error(format!(
                    "unsupported operand type(s) for {symbol}: '{ta}' and '{tb}'"
                )))
            }
            OpKind::Inplace(op) => Err(vm.new_type_error(format!(
                "unsupported operand type(s) for {}=: '{ta}' and '{tb}'",
                binary_symbol(op)
            ))),
        }
    }
}
