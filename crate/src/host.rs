//! What the outside world provides: console streams, blocking input and sleep for the rare
//! cases where the program cannot suspend (inside a nested evaluation), and the clock.

use rustpython_vm::builtins::PyStrRef;
use rustpython_vm::{pyclass, Py, PyPayload, PyResult, VirtualMachine};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stream {
    Stdout,
    Stderr,
}

pub trait Host {
    fn write(&mut self, stream: Stream, text: &str);
    /// Reads a line while the program cannot suspend. `None`: this host cannot block.
    /// `Some(None)`: end of input.
    fn read_line_blocking(&mut self, _prompt: &str) -> Option<Option<String>> {
        None
    }
    /// Sleeps while the program cannot suspend; false if this host cannot block.
    fn sleep_blocking(&mut self, _seconds: f64) -> bool {
        false
    }
    /// Seconds since the Unix epoch.
    fn now(&self) -> f64;
    /// Hands buffered output to `sink` (hosts that write through have none).
    fn drain_output(&mut self, _sink: &mut dyn FnMut(Stream, &str)) {}
}

/// A host that keeps the output for the embedder to take.
#[derive(Debug, Default)]
pub struct BufferedHost {
    pub output: Vec<(Stream, String)>,
}

impl Host for BufferedHost {
    fn write(&mut self, stream: Stream, text: &str) {
        match self.output.last_mut() {
            Some((s, buf)) if *s == stream => buf.push_str(text),
            _ => self.output.push((stream, text.to_owned())),
        }
    }

    fn now(&self) -> f64 {
        now_seconds()
    }

    fn drain_output(&mut self, sink: &mut dyn FnMut(Stream, &str)) {
        for (stream, text) in self.output.drain(..) {
            sink(stream, &text);
        }
    }
}

pub fn now_seconds() -> f64 {
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs_f64())
            .unwrap_or(0.0)
    }
    #[cfg(target_arch = "wasm32")]
    {
        0.0
    }
}

/// `sys.stdout`/`sys.stderr`: forwards writes to the session's host.
#[pyclass(module = "sleepy", name = "HostStream")]
#[derive(Debug, PyPayload)]
pub struct HostStream {
    pub stream: Stream,
}

#[pyclass]
impl HostStream {
    #[pymethod]
    fn write(zelf: &Py<Self>, text: PyStrRef, vm: &VirtualMachine) -> PyResult<usize> {
        let s = text.to_string_lossy();
        crate::vm::with_runtime(vm, |rt| rt.host.borrow_mut().write(zelf.stream, &s))?;
        Ok(text.char_len())
    }

    #[pymethod]
    fn flush(_zelf: &Py<Self>) {}

    #[pymethod]
    fn isatty(_zelf: &Py<Self>) -> bool {
        false
    }

    #[pygetset]
    fn encoding(_zelf: &Py<Self>) -> &'static str {
        "utf-8"
    }
}
