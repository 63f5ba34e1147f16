//! Operators, with fast paths for small ints and floats; everything else is RustPython's.

use rustpython_vm::builtins::{PyBaseExceptionRef, PyList, PyTuple};
use rustpython_vm::protocol::PyIterReturn;
use rustpython_vm::{AsObject, PyObjectRef, PyResult, VirtualMachine};

use super::value::Value;
use crate::bytecode::{BinOp, CmpOp, UnaryOp};

/// Python's floor division and modulo on i64 (None on overflow or division by zero).
fn floor_div(a: i64, b: i64) -> Option<i64> {
    if b == 0 {
        return None;
    }
    let q = a.checked_div(b)?;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        q.checked_sub(1)
    } else {
        Some(q)
    }
}

fn floor_mod(a: i64, b: i64) -> Option<i64> {
    if b == 0 {
        return None;
    }
    let r = a.checked_rem(b)?;
    if r != 0 && ((r < 0) != (b < 0)) {
        Some(r + b)
    } else {
        Some(r)
    }
}

#[inline]
fn int_fast(op: BinOp, a: i64, b: i64) -> Option<i64> {
    match op {
        BinOp::Add => a.checked_add(b),
        BinOp::Sub => a.checked_sub(b),
        BinOp::Mul => a.checked_mul(b),
        BinOp::FloorDiv => floor_div(a, b),
        BinOp::Mod => floor_mod(a, b),
        BinOp::And => Some(a & b),
        BinOp::Or => Some(a | b),
        BinOp::Xor => Some(a ^ b),
        BinOp::LShift if (0..63).contains(&b) => {
            let r = a.checked_shl(b as u32)?;
            (r >> b == a).then_some(r)
        }
        BinOp::RShift if (0..64).contains(&b) => Some(a >> b),
        _ => None,
    }
}

#[inline]
fn float_operand(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        Value::Int(i) if i.unsigned_abs() < (1 << 53) => Some(*i as f64),
        _ => None,
    }
}

/// Float arithmetic when one side is a float and the other a float or a small int.
#[inline]
fn float_fast(op: BinOp, a: &Value, b: &Value) -> Option<f64> {
    if !matches!((a, b), (Value::Float(_), _) | (_, Value::Float(_))) {
        return None;
    }
    let x = float_operand(a)?;
    let y = float_operand(b)?;
    match op {
        BinOp::Add => Some(x + y),
        BinOp::Sub => Some(x - y),
        BinOp::Mul => Some(x * y),
        BinOp::TrueDiv if y != 0.0 => Some(x / y),
        // A positive base never gives a complex result or a ZeroDivisionError.
        BinOp::Pow if x > 0.0 => Some(x.powf(y)).filter(|r| r.is_finite()),
        _ => None,
    }
}

/// `a <op> b` for small ints and floats, without objects.
#[inline]
pub fn binary_fast(op: BinOp, a: &Value, b: &Value) -> Option<Value> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        if let Some(r) = int_fast(op, *x, *y) {
            return Some(Value::Int(r));
        }
        if op == BinOp::TrueDiv
            && *y != 0
            && x.unsigned_abs() < (1 << 53)
            && y.unsigned_abs() < (1 << 53)
        {
            return Some(Value::Float(*x as f64 / *y as f64));
        }
    }
    float_fast(op, a, b).map(Value::Float)
}

pub fn binary_slow(op: BinOp, a: Value, b: Value, vm: &VirtualMachine) -> PyResult<Value> {
    let a = a.into_obj(vm);
    let b = b.into_obj(vm);
    let r = match op {
        BinOp::Add => vm._add(&a, &b),
        BinOp::Sub => vm._sub(&a, &b),
        BinOp::Mul => vm._mul(&a, &b),
        BinOp::MatMul => vm._matmul(&a, &b),
        BinOp::TrueDiv => vm._truediv(&a, &b),
        BinOp::FloorDiv => vm._floordiv(&a, &b),
        BinOp::Mod => vm._mod(&a, &b),
        BinOp::Pow => vm._pow(&a, &b, vm.ctx.none.as_object()),
        BinOp::LShift => vm._lshift(&a, &b),
        BinOp::RShift => vm._rshift(&a, &b),
        BinOp::And => vm._and(&a, &b),
        BinOp::Or => vm._or(&a, &b),
        BinOp::Xor => vm._xor(&a, &b),
    }?;
    Ok(Value::from_obj(r, vm))
}

/// `a <op>= b` for small ints and floats, without objects.
#[inline]
pub fn inplace_fast(op: BinOp, a: &Value, b: &Value) -> Option<Value> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        if let Some(r) = int_fast(op, *x, *y) {
            return Some(Value::Int(r));
        }
    }
    float_fast(op, a, b).map(Value::Float)
}

pub fn inplace_slow(op: BinOp, a: Value, b: Value, vm: &VirtualMachine) -> PyResult<Value> {
    let a = a.into_obj(vm);
    let b = b.into_obj(vm);
    let r = match op {
        BinOp::Add => vm._iadd(&a, &b),
        BinOp::Sub => vm._isub(&a, &b),
        BinOp::Mul => vm._imul(&a, &b),
        BinOp::MatMul => vm._imatmul(&a, &b),
        BinOp::TrueDiv => vm._itruediv(&a, &b),
        BinOp::FloorDiv => vm._ifloordiv(&a, &b),
        BinOp::Mod => vm._imod(&a, &b),
        BinOp::Pow => vm._ipow(&a, &b, vm.ctx.none.as_object()),
        BinOp::LShift => vm._ilshift(&a, &b),
        BinOp::RShift => vm._irshift(&a, &b),
        BinOp::And => vm._iand(&a, &b),
        BinOp::Or => vm._ior(&a, &b),
        BinOp::Xor => vm._ixor(&a, &b),
    }?;
    Ok(Value::from_obj(r, vm))
}

pub fn unary(op: UnaryOp, a: Value, vm: &VirtualMachine) -> PyResult<Value> {
    if let Value::Int(x) = a {
        match op {
            UnaryOp::Neg => {
                if let Some(r) = x.checked_neg() {
                    return Ok(Value::Int(r));
                }
            }
            UnaryOp::Pos => return Ok(Value::Int(x)),
            UnaryOp::Invert => return Ok(Value::Int(!x)),
            UnaryOp::Not => return Ok(Value::Obj(vm.ctx.new_bool(x == 0).into())),
        }
    }
    if let Value::Float(x) = a {
        match op {
            UnaryOp::Neg => return Ok(Value::Float(-x)),
            UnaryOp::Pos => return Ok(Value::Float(x)),
            UnaryOp::Not => return Ok(Value::Obj(vm.ctx.new_bool(x == 0.0).into())),
            UnaryOp::Invert => {}
        }
    }
    if op == UnaryOp::Not {
        let t = truthy(&a, vm)?;
        return Ok(Value::Obj(vm.ctx.new_bool(!t).into()));
    }
    let a = a.into_obj(vm);
    let r = match op {
        UnaryOp::Neg => vm._neg(&a),
        UnaryOp::Pos => vm._pos(&a),
        UnaryOp::Invert => vm._invert(&a),
        UnaryOp::Not => unreachable!("handled above"),
    }?;
    Ok(Value::from_obj(r, vm))
}

fn ordered<T: PartialOrd>(op: CmpOp, x: T, y: T) -> bool {
    match op {
        CmpOp::Lt => x < y,
        CmpOp::Le => x <= y,
        CmpOp::Eq => x == y,
        CmpOp::Ne => x != y,
        CmpOp::Gt => x > y,
        CmpOp::Ge => x >= y,
    }
}

/// Comparison of small ints and floats, without objects.
#[inline]
pub fn compare_fast(op: CmpOp, a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(ordered(op, x, y)),
        (Value::Float(_), Value::Float(_) | Value::Int(_)) | (Value::Int(_), Value::Float(_)) => {
            match (float_operand(a), float_operand(b)) {
                (Some(x), Some(y)) => Some(ordered(op, x, y)),
                _ => None,
            }
        }
        _ => None,
    }
}

#[inline]
pub fn compare(op: CmpOp, a: Value, b: Value, vm: &VirtualMachine) -> PyResult<Value> {
    if let Some(r) = compare_fast(op, &a, &b) {
        return Ok(Value::Obj(vm.ctx.new_bool(r).into()));
    }
    let a = a.into_obj(vm);
    let b = b.into_obj(vm);
    let r = a.as_object().rich_compare(&b, super::eval::cmp_op(op), vm)?;
    Ok(Value::Obj(r))
}

#[inline]
pub fn truthy(v: &Value, vm: &VirtualMachine) -> PyResult<bool> {
    match v {
        Value::Int(i) => Ok(*i != 0),
        Value::Float(f) => Ok(*f != 0.0),
        Value::Obj(o) => {
            if o.is(&vm.ctx.true_value) {
                Ok(true)
            } else if o.is(&vm.ctx.false_value) || vm.is_none(o) {
                Ok(false)
            } else {
                o.clone().is_true(vm)
            }
        }
        Value::Null => Ok(false),
    }
}

pub fn subscript(container: &PyObjectRef, key: Value, vm: &VirtualMachine) -> PyResult<Value> {
    if let Value::Int(i) = key {
        if let Some(list) = container.downcast_ref_if_exact::<PyList>(vm) {
            let items = list.borrow_vec();
            let len = items.len() as i64;
            let idx = if i < 0 { i + len } else { i };
            if (0..len).contains(&idx) {
                return Ok(Value::from_obj(items[idx as usize].clone(), vm));
            }
        } else if let Some(tuple) = container.downcast_ref_if_exact::<PyTuple>(vm) {
            let items = tuple.as_slice();
            let len = items.len() as i64;
            let idx = if i < 0 { i + len } else { i };
            if (0..len).contains(&idx) {
                return Ok(Value::from_obj(items[idx as usize].clone(), vm));
            }
        }
    }
    let key = key.into_obj(vm);
    let v = container.get_item(&*key, vm)?;
    Ok(Value::from_obj(v, vm))
}

/// Unpacks `seq` for `a, b = …` (`after` None) or `a, *b, c = …` (`before` items, a list,
/// `after` items). Returns the items in order.
pub fn unpack(
    seq: &PyObjectRef,
    before: usize,
    after: Option<usize>,
    vm: &VirtualMachine,
) -> PyResult<Vec<PyObjectRef>> {
    let items: Vec<PyObjectRef> = if let Some(t) = seq.downcast_ref_if_exact::<PyTuple>(vm) {
        t.as_slice().to_vec()
    } else if let Some(l) = seq.downcast_ref_if_exact::<PyList>(vm) {
        l.borrow_vec().to_vec()
    } else {
        let iter = seq.get_iter(vm).map_err(|_| {
            vm.new_type_error(format!("cannot unpack non-iterable {} object", seq.class().name()))
        })?;
        let mut items = Vec::new();
        loop {
            match iter.next(vm)? {
                PyIterReturn::Return(v) => items.push(v),
                PyIterReturn::StopIteration(_) => break,
            }
            if after.is_none() && items.len() > before {
                return Err(too_many_to_unpack(before, vm));
            }
        }
        items
    };
    arrange_unpacked(items, before, after, vm)
}

/// Unpacking into `before` targets met one more value (and stops there, as CPython does).
pub fn too_many_to_unpack(before: usize, vm: &VirtualMachine) -> PyBaseExceptionRef {
    vm.new_value_error(format!("too many values to unpack (expected {before})"))
}

/// The values for `before` targets (and, with `after`, a starred list and `after` more),
/// checked as CPython checks them.
pub fn arrange_unpacked(
    items: Vec<PyObjectRef>,
    before: usize,
    after: Option<usize>,
    vm: &VirtualMachine,
) -> PyResult<Vec<PyObjectRef>> {
    match after {
        None => {
            if items.len() > before {
                return Err(too_many_to_unpack(before, vm));
            }
            if items.len() < before {
                return Err(vm.new_value_error(format!(
                    "not enough values to unpack (expected {before}, got {})",
                    items.len()
                )));
            }
            Ok(items)
        }
        Some(after) => {
            if items.len() < before + after {
                return Err(vm.new_value_error(format!(
                    "not enough values to unpack (expected at least {}, got {})",
                    before + after,
                    items.len()
                )));
            }
            let mut items = items;
            let tail = items.split_off(items.len() - after);
            let middle = items.split_off(before);
            items.push(vm.ctx.new_list(middle).into());
            items.extend(tail);
            Ok(items)
        }
    }
}
