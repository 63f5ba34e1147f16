//! Permanents: objects a snapshot names instead of writing — modules that are not the program's,
//! and everything reachable by name from them (builtins, standard-library functions, classes,
//! and their methods), as Eris does for Lua. Restoring imports the module and looks the name up
//! again, so identity with the fresh interpreter's own objects is kept.

use std::collections::HashMap;

use rustpython_vm::builtins::{PyDict, PyModule, PyStr, PyType};
use rustpython_vm::types::PyTypeFlags;
use rustpython_vm::{AsObject, PyObjectRef, PyResult, VirtualMachine};

use crate::objects::function::Function;
use crate::objects::own_types;

/// Where a permanent lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Perm {
    Module(String),
    ModuleDict(String),
    /// `module.name`, read from the module's dict.
    Attr(String, String),
    /// `module.Type.__dict__[name]`: methods and descriptors, which `getattr` would bind.
    TypeAttr(String, String, String),
    /// One of Sleepy's own classes (`type(some_generator)`), by its name in [`own_types`].
    Own(String),
    /// An entry of one of Sleepy's own classes' namespace.
    OwnAttr(String, String),
}

/// The permanents of one interpreter, by object identity.
pub struct Registry {
    by_id: HashMap<usize, Perm>,
    /// Keeps the objects alive (and their ids unique) while the registry is in use.
    _keep: Vec<PyObjectRef>,
}

/// Values that are written by value anyway: naming them would only cost a lookup.
fn is_plain_value(obj: &PyObjectRef, vm: &VirtualMachine) -> bool {
    let t = obj.class();
    let types = &vm.ctx.types;
    [types.int_type, types.float_type, types.str_type, types.bytes_type, types.bool_type]
        .iter()
        .any(|k| t.is(*k))
        || vm.is_none(obj)
}

impl Registry {
    /// Walks `sys.modules` (the program's own modules excepted: they are written by value).
    pub fn build(
        vm: &VirtualMachine,
        is_program_module: &dyn Fn(&str, &PyObjectRef) -> bool,
    ) -> PyResult<Registry> {
        let modules = vm.sys_module.get_attr("modules", vm)?;
        let modules = modules
            .downcast::<PyDict>()
            .map_err(|_| vm.new_runtime_error("sys.modules is not a dict"))?;
        let mut entries: Vec<(String, PyObjectRef)> = modules
            .into_iter()
            .filter_map(|(k, v)| Some((k.downcast_ref::<PyStr>()?.to_string(), v)))
            .filter(|(_, m)| m.downcast_ref::<PyModule>().is_some())
            .collect();
        // Shorter names first, so `os.path` is named by the shortest route to it.
        entries.sort_by(|a, b| (a.0.len(), &a.0).cmp(&(b.0.len(), &b.0)));
        let program_module_names: Vec<String> = entries
            .iter()
            .filter(|(name, module)| is_program_module(name, module))
            .map(|(name, _)| name.clone())
            .collect();
        let mut reg = Registry { by_id: HashMap::new(), _keep: Vec::new() };
        for (name, module) in &entries {
            if is_program_module(name, module) {
                continue;
            }
            reg.add(module.clone(), Perm::Module(name.clone()));
            let Some(dict) = module.dict() else { continue };
            reg.add(dict.clone().into(), Perm::ModuleDict(name.clone()));
            for (key, value) in &*dict {
                let Some(key) = key.downcast_ref::<PyStr>() else { continue };
                if is_plain_value(&value, vm)
                    || belongs_to_program(&value, &program_module_names, vm)
                {
                    continue;
                }
                let key = key.to_string();
                if let Some(typ) = value.downcast_ref::<PyType>() {
                    for (attr, member) in typ.attributes.entries() {
                        let Some(attr) = attr.downcast_ref::<PyStr>() else { continue };
                        if !is_plain_value(&member, vm) {
                            let perm = Perm::TypeAttr(name.clone(), key.clone(), attr.to_string());
                            reg.add(member, perm);
                        }
                    }
                }
                reg.add(value, Perm::Attr(name.clone(), key));
            }
        }
        for (name, typ) in own_types(&vm.ctx) {
            for (attr, member) in typ.attributes.entries() {
                let Some(attr) = attr.downcast_ref::<PyStr>() else { continue };
                if !is_plain_value(&member, vm) {
                    reg.add(member, Perm::OwnAttr(name.to_owned(), attr.to_string()));
                }
            }
            reg.add(typ.to_owned().into(), Perm::Own(name.to_owned()));
        }
        Ok(reg)
    }

    fn add(&mut self, obj: PyObjectRef, perm: Perm) {
        if let std::collections::hash_map::Entry::Vacant(e) = self.by_id.entry(obj.get_id()) {
            e.insert(perm);
            self._keep.push(obj);
        }
    }

    pub fn get(&self, obj: &PyObjectRef) -> Option<&Perm> {
        self.by_id.get(&obj.get_id())
    }
}

/// A program's function or class stored into a library module (`sys.excepthook = f`): it is
/// written by value, not named, since the fresh interpreter's module will not have it.
fn belongs_to_program(obj: &PyObjectRef, program_modules: &[String], vm: &VirtualMachine) -> bool {
    if obj.downcast_ref::<Function>().is_some() {
        return true;
    }
    let Some(typ) = obj.downcast_ref::<PyType>() else { return false };
    if !typ.slots.flags.has_feature(PyTypeFlags::HEAPTYPE) {
        return false;
    }
    typ.as_object()
        .get_attr("__module__", vm)
        .ok()
        .and_then(|m| m.downcast_ref::<PyStr>().map(|s| s.to_string()))
        .is_some_and(|m| program_modules.contains(&m))
}

/// Finds a permanent in the interpreter restoring a snapshot.
pub fn resolve(perm: &Perm, vm: &VirtualMachine) -> Result<PyObjectRef, String> {
    let module = |name: &str| -> Result<PyObjectRef, String> {
        vm.import(&vm.ctx.new_str(name), 0)
            .map_err(|_| format!("module '{name}' cannot be imported here"))?;
        let modules = vm.sys_module.get_attr("modules", vm).map_err(|_| "no sys.modules")?;
        modules.get_item(name, vm).map_err(|_| format!("module '{name}' is not in sys.modules"))
    };
    let attr = |module_name: &str, name: &str| -> Result<PyObjectRef, String> {
        let m = module(module_name)?;
        m.dict()
            .and_then(|d| d.get_item_opt(name, vm).ok().flatten())
            .ok_or_else(|| format!("'{module_name}.{name}' does not exist here"))
    };
    let own = |name: &str| {
        own_types(&vm.ctx)
            .into_iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| t)
            .ok_or_else(|| format!("Sleepy has no class '{name}'"))
    };
    match perm {
        Perm::Module(name) => module(name),
        Perm::ModuleDict(name) => {
            Ok(module(name)?.dict().ok_or_else(|| format!("module '{name}' has no dict"))?.into())
        }
        Perm::Attr(m, name) => attr(m, name),
        Perm::TypeAttr(m, t, name) => {
            let typ = attr(m, t)?;
            let typ =
                typ.downcast_ref::<PyType>().ok_or_else(|| format!("'{m}.{t}' is not a class"))?;
            class_entry(typ, name.as_str().as_ref(), vm)
                .ok_or_else(|| format!("'{m}.{t}.{name}' does not exist here"))
        }
        Perm::Own(name) => Ok(own(name)?.to_owned().into()),
        Perm::OwnAttr(t, name) => class_entry(own(t)?, name.as_str().as_ref(), vm)
            .ok_or_else(|| format!("Sleepy's '{t}.{name}' does not exist here")),
    }
}

/// The entry `name` of a class's own namespace (not looked up through its bases).
pub fn class_entry(
    typ: &PyType,
    name: &rustpython_vm::common::wtf8::Wtf8,
    vm: &VirtualMachine,
) -> Option<PyObjectRef> {
    typ.attributes.get(vm.ctx.intern_str(name))
}
