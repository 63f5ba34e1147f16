//! Sleepy's tracebacks: entries recorded as an exception passes through frames, printed like
//! CPython's. The entries live in the exception's `__dict__`, so they travel with it (and
//! with snapshots).

use std::collections::HashSet;

use rustpython_vm::builtins::{PyBaseException, PyList, PyStr, PyTuple};
use rustpython_vm::{AsObject, Py, PyObjectRef, VirtualMachine};

use super::carets;
use super::frame::Frame;
use super::Runtime;

const KEY: &str = "__sleepy_traceback__";

/// Adds the frame's current line to the exception's traceback.
pub fn record(vm: &VirtualMachine, exc: &Py<PyBaseException>, frame: &Frame) {
    if frame.code.code.first_line == 0 {
        // The trampoline under a generator resumed from native code is not program code.
        return;
    }
    let existing = exc.as_object().dict().and_then(|d| d.get_item_opt(KEY, vm).ok().flatten());
    let list = match existing {
        Some(l) => l,
        None => {
            // Exceptions create their `__dict__` on first use.
            let l: PyObjectRef = vm.ctx.new_list(Vec::new()).into();
            if exc.as_object().set_attr(KEY, l.clone(), vm).is_err() {
                return;
            }
            l
        }
    };
    let Some(list) = list.downcast_ref::<PyList>() else {
        return;
    };
    let pc = frame.pc.saturating_sub(1);
    let (span_start, span_end) = frame.code.code.span_at(pc);
    let entry = vm.ctx.new_tuple(vec![
        vm.ctx.new_str(&*frame.code.code.filename).into(),
        vm.ctx.new_int(frame.line()).into(),
        vm.ctx.new_str(frame.name()).into(),
        vm.ctx.new_int(span_start).into(),
        vm.ctx.new_int(span_end).into(),
    ]);
    list.borrow_vec_mut().push(entry.into());
}

/// One line of a traceback.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub filename: String,
    pub line: u32,
    pub name: String,
    /// Byte range in the source of the expression that raised.
    pub span: (u32, u32),
}

/// The entries of `exc`'s traceback, outermost first.
pub fn entries(vm: &VirtualMachine, exc: &Py<PyBaseException>) -> Vec<Entry> {
    let Some(dict) = exc.as_object().dict() else {
        return Vec::new();
    };
    let Ok(Some(list)) = dict.get_item_opt(KEY, vm) else {
        return Vec::new();
    };
    let Some(list) = list.downcast_ref::<PyList>() else {
        return Vec::new();
    };
    let mut out: Vec<Entry> = list
        .borrow_vec()
        .iter()
        .filter_map(|e| {
            let t = e.downcast_ref::<PyTuple>()?;
            let [file, line, name, start, end] = t.as_slice() else {
                return None;
            };
            Some(Entry {
                filename: file.downcast_ref::<PyStr>()?.to_string(),
                line: line.try_to_value::<u32>(vm).ok()?,
                name: name.downcast_ref::<PyStr>()?.to_string(),
                span: (start.try_to_value(vm).ok()?, end.try_to_value(vm).ok()?),
            })
        })
        .collect();
    out.reverse();
    out
}

/// The whole report for an uncaught exception, with its causes and contexts.
pub fn format(vm: &VirtualMachine, rt: &Runtime, exc: &Py<PyBaseException>) -> String {
    let mut out = String::new();
    let mut seen = HashSet::new();
    format_chain(vm, rt, exc, &mut seen, &mut out);
    out
}

fn format_chain(
    vm: &VirtualMachine,
    rt: &Runtime,
    exc: &Py<PyBaseException>,
    seen: &mut HashSet<usize>,
    out: &mut String,
) {
    seen.insert(exc.get_id());
    let suppress = exc
        .as_object()
        .get_attr("__suppress_context__", vm)
        .ok()
        .is_some_and(|v| v.is(&vm.ctx.true_value));
    let linked = if let Some(cause) = exc.__cause__() {
        Some((cause, "\nThe above exception was the direct cause of the following exception:\n\n"))
    } else if suppress {
        None
    } else {
        exc.__context__().map(|c| {
            (c, "\nDuring handling of the above exception, another exception occurred:\n\n")
        })
    };
    if let Some((linked, message)) = linked {
        if !seen.contains(&linked.get_id()) {
            format_chain(vm, rt, &linked, seen, out);
            out.push_str(message);
        }
    }
    format_one(vm, rt, exc, out);
}

fn format_one(vm: &VirtualMachine, rt: &Runtime, exc: &Py<PyBaseException>, out: &mut String) {
    let entries = entries(vm, exc);
    if !entries.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        let mut i = 0;
        while i < entries.len() {
            let mut run = 1;
            while i + run < entries.len() && entries[i + run] == entries[i] {
                run += 1;
            }
            for _ in 0..run.min(3) {
                push_entry(rt, &entries[i], out);
            }
            if run > 3 {
                let more = run - 3;
                out.push_str(&format!(
                    "  [Previous line repeated {more} more time{}]\n",
                    if more == 1 { "" } else { "s" }
                ));
            }
            i += run;
        }
    }
    out.push_str(&exception_line(vm, exc));
    out.push('\n');
}

fn push_entry(rt: &Runtime, entry: &Entry, out: &mut String) {
    out.push_str(&format!(
        "  File \"{}\", line {}, in {}\n",
        entry.filename, entry.line, entry.name
    ));
    if let Some((text, line_start)) = rt.source_line(&entry.filename, entry.line) {
        let trimmed = text.trim();
        if !trimmed.is_empty() {
            out.push_str(&format!("    {trimmed}\n"));
            let indent = text.len() - text.trim_start().len();
            if let Some(markers) = carets::markers(&text, line_start, entry.span, indent) {
                out.push_str(&format!("    {markers}\n"));
            }
        }
    }
}

/// `ValueError: message`, with the module prefix CPython adds for non-builtin classes.
pub fn exception_line(vm: &VirtualMachine, exc: &Py<PyBaseException>) -> String {
    let class = exc.class();
    let mut name = class.slot_name().to_string();
    if let Some(qualname) =
        class.as_object().get_attr("__qualname__", vm).ok().and_then(|q| q.str(vm).ok())
    {
        name = qualname.to_string();
    }
    if let Ok(module) = class.as_object().get_attr("__module__", vm) {
        if let Ok(module) = module.str(vm) {
            let module = module.to_string();
            if module != "builtins" && module != "__main__" {
                name = format!("{module}.{name}");
            }
        }
    }
    let text = match exc.as_object().str(vm) {
        Ok(s) => s.to_string(),
        Err(_) => "<exception str() failed>".to_owned(),
    };
    if text.is_empty() {
        name
    } else {
        format!("{name}: {text}")
    }
}
