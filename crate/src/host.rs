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

/// The newest console output of a session, kept for snapshots so a restored session can
/// show what came before. Trimmed in bulk once it is twice its limit, so writes stay O(1).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Transcript {
    chunks: Vec<(Stream, String)>,
    len: usize,
}

impl Transcript {
    pub const LIMIT: usize = 256 * 1024;

    pub fn push(&mut self, stream: Stream, text: &str) {
        match self.chunks.last_mut() {
            Some((s, buf)) if *s == stream => buf.push_str(text),
            _ => self.chunks.push((stream, text.to_owned())),
        }
        self.len += text.len();
        if self.len > 2 * Self::LIMIT {
            self.trim();
        }
    }

    fn trim(&mut self) {
        let mut excess = self.len - Self::LIMIT;
        let whole = self.chunks.iter().take_while(|(_, t)| t.len() <= excess).count();
        for (_, t) in self.chunks.drain(..whole) {
            excess -= t.len();
            self.len -= t.len();
        }
        if let Some((_, first)) = self.chunks.first_mut() {
            let mut cut = excess.min(first.len());
            while !first.is_char_boundary(cut) {
                cut += 1;
            }
            first.drain(..cut);
            self.len -= cut;
        }
    }

    pub fn chunks(&self) -> &[(Stream, String)] {
        &self.chunks
    }
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

/// A host nobody attends, for batch runs, tests and fuzzing: output goes to `sink`, input is
/// at its end, and every sleep is over at once (the clock stands far in the future).
pub struct Unattended {
    sink: Box<OutputSink>,
}

/// Where an [`Unattended`] host's output goes.
pub type OutputSink = dyn FnMut(Stream, &str);

impl Unattended {
    pub fn new(sink: impl FnMut(Stream, &str) + 'static) -> Unattended {
        Unattended { sink: Box::new(sink) }
    }

    /// One that forgets the output too.
    pub fn silent() -> Unattended {
        Unattended::new(|_, _| {})
    }
}

impl Host for Unattended {
    fn write(&mut self, stream: Stream, text: &str) {
        (self.sink)(stream, text)
    }

    fn read_line_blocking(&mut self, _prompt: &str) -> Option<Option<String>> {
        Some(None)
    }

    fn sleep_blocking(&mut self, _seconds: f64) -> bool {
        true
    }

    fn now(&self) -> f64 {
        f64::MAX / 2.0
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
        js_sys::Date::now() / 1000.0
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
        crate::vm::with_runtime(vm, |rt| rt.write(zelf.stream, &s))?;
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
