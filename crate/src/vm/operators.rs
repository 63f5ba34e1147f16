//! Binary, in-place and comparison operators whose dunders are Sleepy code, performed as a
//! continuation: the dunders CPython would try, in CPython's order (the reflected operand
//! first when its class is a subclass that overrides the reflected method), each until one
//! does not return NotImplemented.

use rustpython_vm::builtins::{PyStrInterned, PyType};
use rustpython_vm::object::{Traverse, TraverseFn};
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

/// One dunder to try: `method(receiver, operand)`; `negate` for `!=` answered by `__eq__`.
#[derive(Debug)]
pub struct Candidate {
    pub method: PyObjectRef,
    pub receiver: PyObjectRef,
    pub operand: PyObjectRef,
    pub negate: bool,
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
                order.push(Candidate {
                    method: m,
                    receiver: a.clone(),
                    operand: b.clone(),
                    negate: false,
                });
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
    let left = left.map(|m| candidate(kind, m, a, b, vm));
    let right = right.map(|m| candidate(kind, m, b, a, vm));
    if reflected_first {
        order.extend(right);
        order.extend(left);
    } else {
        order.extend(left);
        order.extend(right);
    }
    if !order.iter().any(|c| sleepy_function(&c.method)) {
        return None;
    }
    order.reverse();
    Some(Operator { kind, a: a.clone(), b: b.clone(), pending: order, negate: false })
}

/// `method(receiver, operand)`; for `!=`, object's `__ne__` of a class whose `__eq__` is
/// Sleepy code is that `__eq__`, negated (what `object.__ne__` does).
fn candidate(
    kind: OpKind,
    method: PyObjectRef,
    receiver: &PyObjectRef,
    operand: &PyObjectRef,
    vm: &VirtualMachine,
) -> Candidate {
    let plain = |method| Candidate {
        method,
        receiver: receiver.clone(),
        operand: operand.clone(),
        negate: false,
    };
    if kind != OpKind::Compare(CmpOp::Ne) {
        return plain(method);
    }
    let object_ne = lookup(vm.ctx.types.object_type, vm.ctx.names.__ne__);
    let eq = lookup(receiver.class(), vm.ctx.names.__eq__).filter(sleepy_function);
    match eq {
        Some(eq) if object_ne.is_some_and(|o| o.is(&method)) => Candidate {
            method: eq,
            receiver: receiver.clone(),
            operand: operand.clone(),
            negate: true,
        },
        _ => plain(method),
    }
}

impl Operator {
    pub fn resume(&mut self, input: Input, vm: &VirtualMachine) -> PyResult<Step> {
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
        match self.pending.pop() {
            Some(c) => {
                self.negate = c.negate;
                Ok(Step::Call(c.method, vec![c.receiver, c.operand]))
            }
            None => self.unsupported(vm),
        }
    }

    /// Every dunder returned NotImplemented.
    fn unsupported(&self, vm: &VirtualMachine) -> PyResult<Step> {
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
