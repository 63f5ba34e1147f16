//! Inline caches for attribute access on instances (`LoadAttr`, `StoreAttr`, `LoadMethod`).
//!
//! An entry remembers what the lookup of one name on one type found, tagged with the type's
//! version tag. RustPython resets a type's tag (and its subclasses') before any change to its
//! attributes, bases or slots, and never hands out a tag twice, so an entry whose tag equals
//! the type's current one describes the type exactly as it is now. The instance's own dict is
//! read on every access, so instance attributes can never be stale either. Entries are a
//! cache only: they can be dropped or rebuilt from the code and the heap at any time.

use std::cell::Cell;
use std::sync::atomic::Ordering;

use rustpython_vm::builtins::{PyStrInterned, PyType};
use rustpython_vm::types::PyTypeFlags;
use rustpython_vm::{AsObject, PyObject, PyObjectRef, PyResult, VirtualMachine};

use crate::objects::function::Function;

/// SHARED_KEYS_MAX_SIZE in RustPython: past that many keys an object's inline values must be
/// given up, which only RustPython's own `setattr` does; stores that could cross it go there.
const INLINE_VALUES_MAX: usize = 30;

/// What the type's lookup of the name found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Nothing: the attribute can only come from the instance dict.
    Absent,
    /// A plain class attribute (no `__get__` when cached; rechecked on use, since the
    /// attribute's own class may be a mutable heap type).
    Plain,
    /// A non-data descriptor of a built-in type (Sleepy functions, builtin method
    /// descriptors, classmethod, staticmethod, …): the instance dict comes first.
    Descriptor { method: bool },
    /// Anything else (data descriptors, custom `__getattribute__`, …): the generic path.
    Generic,
}

/// What one lookup found for one type.
#[derive(Debug, Clone, Copy)]
struct Entry {
    /// The type's version tag when filled; 0 means empty (RustPython never assigns 0).
    version: u32,
    kind: Kind,
    /// The class attribute for `Plain` and `Descriptor`. Borrowed: while the type's tag is
    /// unchanged the type (alive, as the instance being accessed holds it) still holds it.
    attr: *const PyObject,
}

/// Types seen at one instruction that the cache remembers: attribute access in methods
/// shared by subclasses sees a few types in turn.
const WAYS: usize = 4;

/// One instruction's cache.
#[derive(Debug)]
pub struct AttrCache {
    entries: [Cell<Entry>; WAYS],
    /// The entry the next miss replaces.
    next: Cell<u8>,
}

impl Default for AttrCache {
    fn default() -> Self {
        let empty = Entry { version: 0, kind: Kind::Generic, attr: std::ptr::null() };
        AttrCache { entries: std::array::from_fn(|_| Cell::new(empty)), next: Cell::new(0) }
    }
}

/// The outcome of `LoadMethod` through the cache.
pub enum Method {
    /// Call `func` with the instance as first argument.
    Unbound(PyObjectRef),
    /// The attribute itself (call it as it is).
    Attr(PyObjectRef),
}

fn version_of(class: &PyType) -> u32 {
    class.tp_version_tag.load(Ordering::Acquire)
}

/// Whether attribute lookup on instances of `class` is object's own.
pub fn plain_getattro(class: &PyType, vm: &VirtualMachine) -> bool {
    match (class.slots.getattro.load(), vm.ctx.types.object_type.slots.getattro.load()) {
        (Some(a), Some(b)) => std::ptr::fn_addr_eq(a, b),
        _ => false,
    }
}

/// Whether attribute stores on instances of `class` are object's own.
pub fn plain_setattro(class: &PyType, vm: &VirtualMachine) -> bool {
    match (class.slots.setattro.load(), vm.ctx.types.object_type.slots.setattro.load()) {
        (Some(a), Some(b)) => std::ptr::fn_addr_eq(a, b),
        _ => false,
    }
}

impl AttrCache {
    /// The entry for `class`, filled now if it is empty or stale. None when the type has no
    /// version tag (the generic path then runs every time).
    fn entry(
        &self,
        class: &PyType,
        name: &'static PyStrInterned,
        vm: &VirtualMachine,
    ) -> Option<(Kind, *const PyObject)> {
        let version = version_of(class);
        if version != 0 {
            for entry in &self.entries {
                let entry = entry.get();
                if entry.version == version {
                    return Some((entry.kind, entry.attr));
                }
            }
        }
        self.fill(class, name, vm)
    }

    #[cold]
    fn fill(
        &self,
        class: &PyType,
        name: &'static PyStrInterned,
        vm: &VirtualMachine,
    ) -> Option<(Kind, *const PyObject)> {
        // The lookup itself assigns the type a tag when it has none.
        let found = class.get_attr(name);
        let version = version_of(class);
        if version == 0 {
            return None;
        }
        let kind = if !plain_getattro(class, vm) {
            Kind::Generic
        } else {
            match &found {
                None => Kind::Absent,
                Some(attr) => {
                    let attr_class = attr.class();
                    let slots = &attr_class.slots;
                    if slots.descr_get.load().is_none() {
                        if slots.descr_set.load().is_none() {
                            Kind::Plain
                        } else {
                            Kind::Generic
                        }
                    } else if slots.descr_set.load().is_none()
                        && !slots.flags.has_feature(PyTypeFlags::HEAPTYPE)
                    {
                        let method = attr.downcast_ref::<Function>().is_some()
                            || slots.flags.has_feature(PyTypeFlags::METHOD_DESCRIPTOR);
                        Kind::Descriptor { method }
                    } else {
                        Kind::Generic
                    }
                }
            }
        };
        let attr = found.as_ref().map_or(std::ptr::null(), |a| &**a as *const PyObject);
        let slot = usize::from(self.next.get()) % WAYS;
        self.next.set(((slot + 1) % WAYS) as u8);
        self.entries[slot].set(Entry { version, kind, attr });
        Some((kind, attr))
    }

    /// `obj.name`, or None when the generic path must answer (including "not found", so
    /// that `AttributeError` and its message come from RustPython).
    pub fn load(
        &self,
        obj: &PyObject,
        name: &'static PyStrInterned,
        vm: &VirtualMachine,
    ) -> Option<PyResult> {
        let class = obj.class();
        let (kind, attr) = self.entry(class, name, vm)?;
        match kind {
            Kind::Generic => None,
            Kind::Absent => instance_value(obj, name, vm).transpose(),
            Kind::Plain => {
                if let Some(found) = instance_value(obj, name, vm).transpose() {
                    return Some(found);
                }
                // SAFETY: the tag matched, so `class` (kept alive by `obj`) still holds it.
                let attr = unsafe { &*attr };
                let slots = &attr.class().slots;
                if slots.descr_get.load().is_some() || slots.descr_set.load().is_some() {
                    return None;
                }
                Some(Ok(attr.to_owned()))
            }
            Kind::Descriptor { .. } => {
                if let Some(found) = instance_value(obj, name, vm).transpose() {
                    return Some(found);
                }
                // SAFETY: as above.
                let attr = unsafe { &*attr };
                let get = attr.class().slots.descr_get.load()?;
                Some(get(attr, Some(obj), Some(class.as_object()), vm))
            }
        }
    }

    /// `LoadMethod`: the method found on the type (to call with `obj` first) or the
    /// attribute. None when the generic path must answer.
    pub fn load_method(
        &self,
        obj: &PyObject,
        name: &'static PyStrInterned,
        vm: &VirtualMachine,
    ) -> Option<PyResult<Method>> {
        let class = obj.class();
        let (kind, attr) = self.entry(class, name, vm)?;
        if let Kind::Descriptor { method: true } = kind {
            if let Some(found) = instance_value(obj, name, vm).transpose() {
                return Some(found.map(Method::Attr));
            }
            // SAFETY: the tag matched, so `class` (kept alive by `obj`) still holds it.
            return Some(Ok(Method::Unbound(unsafe { &*attr }.to_owned())));
        }
        self.load(obj, name, vm).map(|r| r.map(Method::Attr))
    }

    /// `obj.name = value` when it is a plain store into the instance dict; gives the value
    /// back when the generic path must do it.
    pub fn store(
        &self,
        obj: &PyObject,
        name: &'static PyStrInterned,
        value: PyObjectRef,
        vm: &VirtualMachine,
    ) -> Result<PyResult<()>, PyObjectRef> {
        let class = obj.class();
        let Some((kind, attr)) = self.entry(class, name, vm) else { return Err(value) };
        if !plain_setattro(class, vm) {
            return Err(value);
        }
        match kind {
            Kind::Absent => {}
            // SAFETY: the tag matched, so `class` (kept alive by `obj`) still holds it.
            Kind::Plain | Kind::Descriptor { .. }
                if unsafe { &*attr }.class().slots.descr_set.load().is_none() => {}
            _ => return Err(value),
        }
        let Some(dict) = obj.dict() else { return Err(value) };
        if obj.has_inline_values() && dict.__len__() >= INLINE_VALUES_MAX {
            return Err(value);
        }
        Ok(dict.set_item(name, value, vm))
    }
}

/// The instance dict's value for `name`, if the object has a dict and the name is in it.
fn instance_value(
    obj: &PyObject,
    name: &'static PyStrInterned,
    vm: &VirtualMachine,
) -> PyResult<Option<PyObjectRef>> {
    match obj.dict() {
        Some(dict) => dict.get_item_opt(name, vm),
        None => Ok(None),
    }
}
