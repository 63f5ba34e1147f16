//! Imports: the program's own modules (in-memory files supplied by the host) are compiled by
//! Sleepy and initialised in ordinary frames; everything else comes from RustPython.

use rustpython_vm::builtins::{PyDictRef, PyStr, PyStrInterned, PyTuple};
use rustpython_vm::{AsObject, PyObjectRef, PyResult, VirtualMachine};

use super::eval::{Eval, Flow, StepResult};
use super::frame::{Completion, Frame, LoadedCode};
use super::value::Value;
use super::Runtime;
use crate::compiler::Mode;

/// `ImportName`: stack `[level, fromlist]` → module.
pub fn import_name(ev: &mut Eval, name_index: u32) -> StepResult {
    let vm = ev.vm;
    let frame = ev.frames.last().expect("frame");
    let name = frame.code.names[name_index as usize];
    let stack = &frame.stack;
    let fromlist = stack[stack.len() - 1].to_obj(vm);
    let level = match &stack[stack.len() - 2] {
        Value::Int(i) => *i as usize,
        other => other.to_obj(vm).try_to_value::<usize>(vm)?,
    };
    let globals = frame.globals.clone();
    let builtins = frame.builtins.clone();
    let absolute = resolve_name(name.as_str(), level, &globals, vm)?;
    if let Some(module) = next_program_module(ev.rt, &absolute, &fromlist, vm)? {
        let frame = module_frame(ev.rt, &module, builtins, vm)?;
        return Ok(Flow::Push(Box::new(frame)));
    }
    let top = ev.frames.last_mut().expect("frame");
    top.stack.pop();
    top.stack.pop();
    let module = ev
        .rt
        .specials
        .import_func
        .call((name.to_owned(), globals, vm.ctx.none(), fromlist, vm.ctx.new_int(level)), vm)?;
    ev.frames.last_mut().expect("frame").stack.push(Value::Obj(module));
    Ok(Flow::Next)
}

fn resolve_name(
    name: &str,
    level: usize,
    globals: &PyDictRef,
    vm: &VirtualMachine,
) -> PyResult<String> {
    if level == 0 {
        return Ok(name.to_owned());
    }
    let package = match globals.get_item_opt("__package__", vm)? {
        Some(p) if p.downcast_ref::<PyStr>().is_some() => p.str(vm)?.to_string(),
        _ => String::new(),
    };
    if package.is_empty() {
        return Err(vm.new_import_error(
            "attempted relative import with no known parent package",
            vm.ctx.new_str(name),
        ));
    }
    let mut base = package.as_str();
    for _ in 1..level {
        match base.rfind('.') {
            Some(i) => base = &base[..i],
            None => {
                return Err(vm.new_import_error(
                    "attempted relative import beyond top-level package",
                    vm.ctx.new_str(name),
                ))
            }
        }
    }
    Ok(if name.is_empty() { base.to_owned() } else { format!("{base}.{name}") })
}

fn in_sys_modules(name: &str, vm: &VirtualMachine) -> PyResult<bool> {
    let modules = vm.sys_module.get_attr("modules", vm)?;
    Ok(modules.get_item(name, vm).is_ok())
}

/// The first program module that `import absolute` (with `fromlist`) still has to run.
fn next_program_module(
    rt: &Runtime,
    absolute: &str,
    fromlist: &PyObjectRef,
    vm: &VirtualMachine,
) -> PyResult<Option<String>> {
    let mut prefix = String::new();
    for part in absolute.split('.') {
        if !prefix.is_empty() {
            prefix.push('.');
        }
        prefix.push_str(part);
        if rt.program_module_path(&prefix).is_some() && !in_sys_modules(&prefix, vm)? {
            return Ok(Some(prefix));
        }
    }
    if let Some(path) = rt.program_module_path(absolute) {
        if path.ends_with("__init__.py") {
            if let Some(items) = fromlist.downcast_ref::<PyTuple>() {
                for item in items.as_slice() {
                    let item = item.str(vm)?.to_string();
                    if item == "*" {
                        continue;
                    }
                    let sub = format!("{absolute}.{item}");
                    if rt.program_module_path(&sub).is_some() && !in_sys_modules(&sub, vm)? {
                        return Ok(Some(sub));
                    }
                }
            }
        }
    }
    Ok(None)
}

/// Creates the module object for program module `name`, registers it in `sys.modules`, and
/// returns the frame that initialises it.
pub fn module_frame(
    rt: &Runtime,
    name: &str,
    builtins: PyDictRef,
    vm: &VirtualMachine,
) -> PyResult<Frame> {
    let path = rt.program_module_path(name).expect("program module");
    let source = rt.files.borrow().get(&path).cloned().expect("file exists");
    let code =
        rt.compile(&source, &path, Mode::Exec).map_err(|e| super::syntax_error_object(&e, vm))?;
    rt.register_source(&path, &source);
    let dict = vm.ctx.new_dict();
    let is_package = path.ends_with("__init__.py");
    let package = if is_package {
        name.to_owned()
    } else {
        name.rsplit_once('.').map(|(p, _)| p.to_owned()).unwrap_or_default()
    };
    // `new_module` resets `__package__`, so the attributes go in after it.
    let module = vm.new_module(name, dict.clone(), None);
    dict.set_item("__file__", vm.ctx.new_str(path.as_str()).into(), vm)?;
    dict.set_item("__package__", vm.ctx.new_str(package).into(), vm)?;
    dict.set_item("__builtins__", rt.specials.builtins_module.clone(), vm)?;
    if is_package {
        let dir = path.trim_end_matches("__init__.py").trim_end_matches('/').to_owned();
        dict.set_item("__path__", vm.ctx.new_list(vec![vm.ctx.new_str(dir).into()]).into(), vm)?;
    }
    let modules = vm.sys_module.get_attr("modules", vm)?;
    modules.set_item(name, module.into(), vm)?;
    let namespace = dict.clone().into();
    Ok(Frame::for_namespace(
        LoadedCode::new(code, vm),
        dict,
        builtins,
        namespace,
        Completion::ModuleLoaded,
    ))
}

/// After a program submodule ran: make it an attribute of its package, as importlib does.
pub fn bind_to_parent(name: &str, vm: &VirtualMachine) -> PyResult<()> {
    if let Some((parent, child)) = name.rsplit_once('.') {
        let modules = vm.sys_module.get_attr("modules", vm)?;
        if let (Ok(parent), Ok(module)) = (modules.get_item(parent, vm), modules.get_item(name, vm))
        {
            parent.set_attr(vm.ctx.intern_str(child), module, vm)?;
        }
    }
    Ok(())
}

pub fn import_from(
    module: &PyObjectRef,
    name: &'static PyStrInterned,
    vm: &VirtualMachine,
) -> PyResult {
    match module.get_attr(name, vm) {
        Ok(v) => Ok(v),
        Err(e) if e.fast_isinstance(vm.ctx.exceptions.attribute_error) => {
            let module_name = module
                .get_attr("__name__", vm)
                .ok()
                .and_then(|n| n.str(vm).ok())
                .map(|s| s.to_string());
            if let Some(module_name) = &module_name {
                let modules = vm.sys_module.get_attr("modules", vm)?;
                if let Ok(sub) =
                    modules.get_item(format!("{module_name}.{}", name.as_str()).as_str(), vm)
                {
                    return Ok(sub);
                }
            }
            let module_name = module_name.unwrap_or_else(|| "<unknown module name>".to_owned());
            let location = module
                .get_attr("__file__", vm)
                .ok()
                .and_then(|f| f.str(vm).ok())
                .map(|f| f.to_string())
                .unwrap_or_else(|| "unknown location".to_owned());
            Err(vm.new_import_error(
                format!("cannot import name '{}' from '{module_name}' ({location})", name.as_str()),
                vm.ctx.new_str(module_name.as_str()),
            ))
        }
        Err(e) => Err(e),
    }
}

pub fn import_star(
    module: &PyObjectRef,
    locals: &PyObjectRef,
    vm: &VirtualMachine,
) -> PyResult<()> {
    let names: Vec<PyObjectRef> = match vm.get_attribute_opt(module, "__all__")? {
        Some(all) => all.try_to_value(vm)?,
        None => {
            let dict = module.dict().ok_or_else(|| {
                vm.new_import_error(
                    "from-import-* object has no __dict__ and no __all__",
                    vm.ctx.new_str("*"),
                )
            })?;
            dict.keys_vec()
                .into_iter()
                .filter(|k| {
                    k.downcast_ref::<PyStr>()
                        .is_some_and(|s| !s.as_wtf8().as_bytes().starts_with(b"_"))
                })
                .collect()
        }
    };
    for name in names {
        let s = name.str(vm)?;
        let v = module.get_attr(&s, vm)?;
        locals.set_item(&*name, v, vm)?;
    }
    Ok(())
}
