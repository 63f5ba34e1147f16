//! Sleepy's `itertools`, registered in place of RustPython's: the same functions and types as
//! CPython 3.13's, whose state is plain data that `__reduce__` hands out in the style of
//! CPython 3.11, so that a snapshot can capture a partly consumed iterator and rebuild it.

mod chain;
mod combinatoric;
pub(crate) mod common;
mod filtering;
mod groupby;
mod infinite;
mod slicing;
mod tee;

pub(crate) use decl::module_def;

use rustpython_vm::PyObject;

use crate::vm::advance::Stepped;

/// `obj`'s steps, when it is one of the itertools whose `__next__` is written as steps.
pub fn stepped(obj: &PyObject) -> Option<&dyn Stepped> {
    if let Some(i) = obj.downcast_ref::<slicing::Islice>() {
        return Some(&**i);
    }
    if let Some(c) = obj.downcast_ref::<chain::Chain>() {
        return Some(&**c);
    }
    if let Some(t) = obj.downcast_ref::<filtering::Takewhile>() {
        return Some(&**t);
    }
    if let Some(d) = obj.downcast_ref::<filtering::Dropwhile>() {
        return Some(&**d);
    }
    if let Some(f) = obj.downcast_ref::<filtering::Filterfalse>() {
        return Some(&**f);
    }
    if let Some(a) = obj.downcast_ref::<filtering::Accumulate>() {
        return Some(&**a);
    }
    if let Some(p) = obj.downcast_ref::<slicing::Pairwise>() {
        return Some(&**p);
    }
    if let Some(z) = obj.downcast_ref::<chain::ZipLongest>() {
        return Some(&**z);
    }
    if let Some(c) = obj.downcast_ref::<filtering::Compress>() {
        return Some(&**c);
    }
    if let Some(b) = obj.downcast_ref::<slicing::Batched>() {
        return Some(&**b);
    }
    if let Some(c) = obj.downcast_ref::<infinite::Cycle>() {
        return Some(&**c);
    }
    obj.downcast_ref::<filtering::Starmap>().map(|s| &**s as &dyn Stepped)
}

#[rustpython_vm::pymodule(name = "itertools")]
mod decl {
    use rustpython_vm::builtins::{PyTupleRef, PyTypeRef};
    use rustpython_vm::class::PyClassImpl;
    use rustpython_vm::function::FuncArgs;
    use rustpython_vm::{PyResult, VirtualMachine};

    use super::{chain, combinatoric, filtering, groupby, infinite, slicing, tee};

    #[pyattr]
    fn accumulate(_vm: &VirtualMachine) -> PyTypeRef {
        filtering::Accumulate::make_static_type()
    }

    #[pyattr]
    fn batched(_vm: &VirtualMachine) -> PyTypeRef {
        slicing::Batched::make_static_type()
    }

    #[pyattr]
    fn chain(_vm: &VirtualMachine) -> PyTypeRef {
        chain::Chain::make_static_type()
    }

    #[pyattr]
    fn combinations(_vm: &VirtualMachine) -> PyTypeRef {
        combinatoric::Combinations::make_static_type()
    }

    #[pyattr]
    fn combinations_with_replacement(_vm: &VirtualMachine) -> PyTypeRef {
        combinatoric::CombinationsWithReplacement::make_static_type()
    }

    #[pyattr]
    fn compress(_vm: &VirtualMachine) -> PyTypeRef {
        filtering::Compress::make_static_type()
    }

    #[pyattr]
    fn count(_vm: &VirtualMachine) -> PyTypeRef {
        infinite::Count::make_static_type()
    }

    #[pyattr]
    fn cycle(_vm: &VirtualMachine) -> PyTypeRef {
        infinite::Cycle::make_static_type()
    }

    #[pyattr]
    fn dropwhile(_vm: &VirtualMachine) -> PyTypeRef {
        filtering::Dropwhile::make_static_type()
    }

    #[pyattr]
    fn filterfalse(_vm: &VirtualMachine) -> PyTypeRef {
        filtering::Filterfalse::make_static_type()
    }

    #[pyattr]
    fn groupby(_vm: &VirtualMachine) -> PyTypeRef {
        groupby::GroupBy::make_static_type()
    }

    #[pyattr(name = "_grouper")]
    fn grouper(_vm: &VirtualMachine) -> PyTypeRef {
        groupby::Grouper::make_static_type()
    }

    #[pyattr]
    fn islice(_vm: &VirtualMachine) -> PyTypeRef {
        slicing::Islice::make_static_type()
    }

    #[pyattr]
    fn pairwise(_vm: &VirtualMachine) -> PyTypeRef {
        slicing::Pairwise::make_static_type()
    }

    #[pyattr]
    fn permutations(_vm: &VirtualMachine) -> PyTypeRef {
        combinatoric::Permutations::make_static_type()
    }

    #[pyattr]
    fn product(_vm: &VirtualMachine) -> PyTypeRef {
        combinatoric::Product::make_static_type()
    }

    #[pyattr]
    fn repeat(_vm: &VirtualMachine) -> PyTypeRef {
        infinite::Repeat::make_static_type()
    }

    #[pyattr]
    fn starmap(_vm: &VirtualMachine) -> PyTypeRef {
        filtering::Starmap::make_static_type()
    }

    #[pyattr]
    fn takewhile(_vm: &VirtualMachine) -> PyTypeRef {
        filtering::Takewhile::make_static_type()
    }

    #[pyattr(name = "_tee")]
    fn tee_type(_vm: &VirtualMachine) -> PyTypeRef {
        tee::Tee::make_static_type()
    }

    #[pyattr(name = "_tee_dataobject")]
    fn tee_dataobject(_vm: &VirtualMachine) -> PyTypeRef {
        tee::TeeData::make_static_type()
    }

    #[pyattr]
    fn zip_longest(_vm: &VirtualMachine) -> PyTypeRef {
        chain::ZipLongest::make_static_type()
    }

    /// tee(iterable, n=2, /) --> tuple of n independent iterators.
    #[pyfunction]
    fn tee(args: FuncArgs, vm: &VirtualMachine) -> PyResult<PyTupleRef> {
        tee::tee(args, vm)
    }
}
