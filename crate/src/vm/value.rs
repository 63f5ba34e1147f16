//! What the evaluator keeps on value stacks and in local slots.

use rustpython_vm::builtins::{PyFloat, PyInt};
use rustpython_vm::object::{Traverse, TraverseFn};
use rustpython_vm::{AsObject, PyObjectRef, PyPayload, PyRef, PyResult, VirtualMachine};

/// A value on a frame's stack or in one of its locals. Small ints and floats stay unboxed
/// until an operation needs them as objects: counting loops and float arithmetic, which
/// dominate programs, do not allocate.
#[derive(Debug, Clone)]
pub enum Value {
    Int(i64),
    Float(f64),
    Obj(PyObjectRef),
    /// The empty slot `LoadMethod` leaves when the attribute is not an unbound method.
    Null,
}

impl Value {
    #[inline]
    pub fn to_obj(&self, vm: &VirtualMachine) -> PyObjectRef {
        match self {
            Value::Int(i) => vm.ctx.new_int(*i).into(),
            Value::Float(f) => vm.ctx.new_float(*f).into(),
            Value::Obj(o) => o.clone(),
            Value::Null => vm.ctx.none(),
        }
    }

    #[inline]
    pub fn into_obj(self, vm: &VirtualMachine) -> PyObjectRef {
        match self {
            Value::Obj(o) => o,
            other => other.to_obj(vm),
        }
    }

    /// Wraps an object, unboxing exact ints that fit in an i64 and exact floats.
    #[inline]
    pub fn from_obj(obj: PyObjectRef, vm: &VirtualMachine) -> Value {
        let class = obj.class();
        if class.is(vm.ctx.types.int_type) {
            if let Some(int) = obj.downcast_ref::<PyInt>() {
                if let Ok(i) = i64::try_from(int.as_bigint()) {
                    return Value::Int(i);
                }
            }
        } else if class.is(vm.ctx.types.float_type) {
            if let Some(f) = obj.downcast_ref::<PyFloat>() {
                return Value::Float(f.to_f64());
            }
        }
        Value::Obj(obj)
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
}

impl From<PyObjectRef> for Value {
    fn from(obj: PyObjectRef) -> Self {
        Value::Obj(obj)
    }
}

// SAFETY: every object reference is visited once.
unsafe impl Traverse for Value {
    fn traverse(&self, traverse_fn: &mut TraverseFn<'_>) {
        if let Value::Obj(o) = self {
            traverse_fn(o);
        }
    }
}

/// The object of type `T` that the compiled code left in a value-stack slot (or a frame's
/// handled exception). Only a crafted snapshot can put anything else there: that raises
/// `SystemError` instead of panicking, since the decoder checks stack depths, not types.
pub fn expect_slot<T: PyPayload>(
    obj: PyObjectRef,
    what: &str,
    vm: &VirtualMachine,
) -> PyResult<PyRef<T>> {
    obj.downcast::<T>().map_err(|o| {
        vm.new_system_error(format!("{what}, not a '{}' (a damaged snapshot?)", o.class().name()))
    })
}
