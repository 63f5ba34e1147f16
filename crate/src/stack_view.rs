//! What hosts show of a paused program: its tasklets, their frames and each frame's locals,
//! as plain data (for the CLI's `inspect`, the playground's stack panel).

use rustpython_vm::builtins::{PyDict, PyList, PyStr, PyTuple};
use rustpython_vm::types::PyTypeFlags;
use rustpython_vm::{AsObject, PyObjectRef, VirtualMachine};

use crate::bytecode::CodeKind;
use crate::vm::frame::Frame;
use crate::vm::value::Value;
use crate::vm::Runtime;

/// Serialized (for JavaScript) as `{ tasklet, frames: [{ function, file, line, sourceLine,
/// locals: [{ name, type, repr }] }] }`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TaskletView {
    #[serde(rename = "tasklet")]
    pub name: String,
    /// Stackless's tasklet id (0 for the main tasklet).
    pub id: u64,
    pub is_main: bool,
    /// The one that runs (the others wait in the run queue, on a channel, or are paused).
    pub is_current: bool,
    /// Waiting on a channel.
    pub blocked: bool,
    /// Outermost first, as pdb's `where` prints them.
    pub frames: Vec<FrameView>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FrameView {
    pub function: String,
    pub file: String,
    pub line: u32,
    pub source_line: String,
    pub locals: Vec<LocalView>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LocalView {
    pub name: String,
    #[serde(rename = "type")]
    pub type_name: String,
    pub repr: String,
    /// A container's items or an instance's attributes, so a host can fold them open: the
    /// first `PARTS_LIMIT`, `PARTS_DEPTH` levels deep.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<LocalView>,
}

/// Longest repr shown; longer ones end in "...".
const REPR_LIMIT: usize = 200;
/// Instructions a program's `__repr__` may run while it is shown.
const REPR_FUEL: u64 = 100_000;
/// Parts shown of one value, and how many levels of parts.
const PARTS_LIMIT: usize = 50;
const PARTS_DEPTH: usize = 2;

fn local(name: &str, value: &PyObjectRef, vm: &VirtualMachine) -> LocalView {
    value_view(name.to_owned(), value, PARTS_DEPTH, vm)
}

fn value_view(name: String, value: &PyObjectRef, depth: usize, vm: &VirtualMachine) -> LocalView {
    let repr = match value.repr(vm) {
        Ok(r) => {
            let r = r.to_string();
            if r.chars().count() > REPR_LIMIT {
                format!("{}...", r.chars().take(REPR_LIMIT).collect::<String>())
            } else {
                r
            }
        }
        Err(_) => format!("<{} object (repr failed)>", value.class().name()),
    };
    let children = if depth == 0 { Vec::new() } else { parts(value, depth - 1, vm) };
    LocalView { name, type_name: value.class().name().to_string(), repr, children }
}

/// The items of a list, tuple, set or dict, or the attributes of an instance of a class the
/// program defined; nothing for other values (their repr says it all).
fn parts(value: &PyObjectRef, depth: usize, vm: &VirtualMachine) -> Vec<LocalView> {
    let view = |name: String, v: &PyObjectRef| value_view(name, v, depth, vm);
    if let Some(list) = value.downcast_ref::<PyList>() {
        let items = list.borrow_vec().iter().take(PARTS_LIMIT).cloned().collect::<Vec<_>>();
        return items.iter().enumerate().map(|(i, v)| view(format!("[{i}]"), v)).collect();
    }
    if let Some(tuple) = value.downcast_ref::<PyTuple>() {
        return tuple
            .iter()
            .take(PARTS_LIMIT)
            .enumerate()
            .map(|(i, v)| view(format!("[{i}]"), v))
            .collect();
    }
    if let Some(dict) = value.downcast_ref::<PyDict>() {
        let entries = dict.into_iter().take(PARTS_LIMIT).collect::<Vec<_>>();
        return entries.iter().map(|(k, v)| view(short_repr(k, vm), v)).collect();
    }
    let class = value.class();
    if class.fast_issubclass(vm.ctx.types.set_type)
        || class.fast_issubclass(vm.ctx.types.frozenset_type)
    {
        let Ok(items) = value.try_to_value::<Vec<PyObjectRef>>(vm) else { return Vec::new() };
        return items.iter().take(PARTS_LIMIT).map(|v| view(short_repr(v, vm), v)).collect();
    }
    let program_instance = class.slots.flags.has_feature(PyTypeFlags::HEAPTYPE)
        && !value.class().fast_issubclass(vm.ctx.types.type_type)
        && !value.class().fast_issubclass(vm.ctx.exceptions.base_exception_type);
    match value.dict() {
        Some(attrs) if program_instance => {
            let entries = attrs.into_iter().take(PARTS_LIMIT).collect::<Vec<_>>();
            entries
                .iter()
                .filter_map(|(k, v)| Some(view(k.downcast_ref::<PyStr>()?.to_string(), v)))
                .collect()
        }
        _ => Vec::new(),
    }
}

/// A dict key or set member as a name: its repr, cut short.
fn short_repr(value: &PyObjectRef, vm: &VirtualMachine) -> String {
    let r = value.repr(vm).map(|r| r.to_string()).unwrap_or_else(|_| "?".to_owned());
    if r.chars().count() > 40 {
        format!("{}...", r.chars().take(40).collect::<String>())
    } else {
        r
    }
}

fn frame_view(frame: &Frame, running: bool, rt: &Runtime, vm: &VirtualMachine) -> FrameView {
    let code = &frame.code.code;
    let mut locals = Vec::new();
    for (name, slot) in code.varnames.iter().zip(&frame.fast) {
        if let Some(v) = slot {
            locals.push(local(name, &Value::to_obj(v, vm), vm));
        }
    }
    let cell_names = code.cellvars.iter().chain(&code.freevars);
    for (name, cell) in cell_names.zip(&frame.cells) {
        if let Some(v) = cell.get() {
            locals.push(local(name, &v, vm));
        }
    }
    if code.kind != CodeKind::Function {
        if let Some(ns) = frame.locals.as_ref().and_then(|l| l.downcast_ref::<PyDict>()) {
            for (k, v) in ns {
                let Some(name) = k.downcast_ref::<PyStr>().map(|s| s.to_string()) else {
                    continue;
                };
                // Module machinery and imported modules, not the program's values.
                let dunder = name.starts_with("__") && name.ends_with("__");
                if !dunder && !v.class().is(vm.ctx.types.module_type) {
                    locals.push(local(&name, &v, vm));
                }
            }
        }
    }
    // A frame that was stopped between instructions is at the one it runs next; the others
    // are inside the call they made.
    let line = if running { code.line_at(frame.pc) } else { frame.line() };
    FrameView {
        function: code.name.clone(),
        file: code.filename.to_string(),
        line,
        source_line: rt
            .source_line(&code.filename, line)
            .map(|(l, _)| l.trim().to_owned())
            .unwrap_or_default(),
        locals,
    }
}

/// The session's stack as views; reprs of the program's objects run with bounded fuel.
/// `top_running`: the top frame was stopped between instructions, not inside a call.
pub fn call_stack(
    frames: &[Box<Frame>],
    top_running: bool,
    rt: &Runtime,
    vm: &VirtualMachine,
) -> Vec<TaskletView> {
    let saved = rt.nested_fuel.replace(REPR_FUEL);
    let views = |frames: &[Box<Frame>], top_running: bool| -> Vec<FrameView> {
        let last = frames.len().saturating_sub(1);
        frames
            .iter()
            .enumerate()
            // A tasklet's first frame only calls its function.
            .filter(|(_, f)| !std::rc::Rc::ptr_eq(&f.code, &rt.tasklet_boot))
            .map(|(i, f)| frame_view(f, top_running && i == last, rt, vm))
            .collect()
    };
    let tasklets = match crate::vm::sched::all_tasklets(rt) {
        None => vec![TaskletView {
            name: "main".to_owned(),
            id: 0,
            is_main: true,
            is_current: true,
            blocked: false,
            frames: views(frames, top_running),
        }],
        Some((all, current, _)) => all
            .iter()
            .map(|t| {
                let is_current = t.is(&current);
                let label = t.label(vm);
                let st = t.st.borrow();
                let frames = if is_current {
                    views(frames, top_running)
                } else {
                    // Stopped between two instructions, or inside a call that switched away.
                    views(&st.frames, !st.in_call)
                };
                TaskletView {
                    name: label,
                    id: st.id,
                    is_main: st.is_main,
                    is_current,
                    blocked: st.blocked != 0,
                    frames,
                }
            })
            .collect(),
    };
    rt.nested_fuel.set(saved);
    tasklets
}

impl std::fmt::Display for TaskletView {
    /// Like pdb's `where`, each frame followed by its locals.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut notes = Vec::new();
        if self.is_current {
            notes.push("current");
        }
        if self.blocked {
            notes.push("blocked");
        }
        let notes =
            if notes.is_empty() { String::new() } else { format!(" ({})", notes.join(", ")) };
        let title = if self.is_main || self.name.starts_with("tasklet ") {
            self.name.clone()
        } else {
            format!("{} [{}]", self.name, self.id)
        };
        writeln!(f, "tasklet {title}{notes}:")?;
        for (i, frame) in self.frames.iter().enumerate() {
            let marker = if i + 1 == self.frames.len() { ">" } else { " " };
            writeln!(f, "{marker} {}({}){}()", frame.file, frame.line, frame.function)?;
            if !frame.source_line.is_empty() {
                writeln!(f, "-> {}", frame.source_line)?;
            }
            for l in &frame.locals {
                writeln!(f, "     {} = {}  ({})", l.name, l.repr, l.type_name)?;
            }
        }
        Ok(())
    }
}
