//! The JavaScript API of the WebAssembly build (wasm-bindgen). The npm package's TypeScript
//! (`web/src/`) wraps it; values cross as plain objects shaped like the package's types.

use std::cell::RefCell;
use std::collections::BTreeMap;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::compiler::SyntaxError;
use crate::host::{BufferedHost, Stream};
use crate::session::{Config, Pause, Program, Session, Status};

thread_local! {
    /// The message of the panic that killed this instance, for the error JavaScript sees.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(message));
    }));
}

/// Why the last call trapped, if it was a panic (the instance is unusable afterwards).
#[wasm_bindgen(js_name = lastPanic)]
pub fn last_panic() -> Option<String> {
    LAST_PANIC.with(|p| p.borrow().clone())
}

/// The interpreter build a snapshot must come from (snapshots name it in their header).
#[wasm_bindgen(js_name = buildInfo)]
pub fn build_info() -> String {
    crate::snapshot::format::BUILD.to_owned()
}

#[derive(Serialize, Default)]
#[serde(rename_all = "camelCase")]
struct RunStatus {
    state: &'static str,
    ticks: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    prompt: Option<String>,
    /// Milliseconds since the epoch, like `Date.now()`.
    #[serde(skip_serializing_if = "Option::is_none")]
    wake_at: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    traceback: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    exit_code: Option<i32>,
    /// Where a syntax error is, for editors.
    #[serde(skip_serializing_if = "Option::is_none")]
    syntax_error: Option<SyntaxErrorView>,
    /// The program asked for a snapshot (`sleepy.checkpoint()`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    checkpoint: bool,
}

#[derive(Serialize, Clone)]
struct SyntaxErrorView {
    file: String,
    line: u32,
    column: u32,
    message: String,
}

#[derive(Serialize)]
struct OutputChunk {
    stream: &'static str,
    text: String,
}

fn stream_name(stream: Stream) -> &'static str {
    match stream {
        Stream::Stdout => "stdout",
        Stream::Stderr => "stderr",
    }
}

fn to_js<T: Serialize>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .expect("plain data serializes")
}

enum Inner {
    Running(Box<Session>),
    /// The program did not compile: every run reports the error, as a failed run would.
    NotCompiled {
        error: SyntaxError,
        output: Vec<(Stream, String)>,
    },
}

/// One program, paused between calls to `run`.
#[wasm_bindgen]
pub struct WasmSession {
    inner: Inner,
}

#[wasm_bindgen]
impl WasmSession {
    /// Prepares `files` (an object from file name to source) with `main` as `__main__`.
    pub fn start(
        files: JsValue,
        main: String,
        recursion_limit: u32,
        hash_seed: u32,
    ) -> Result<WasmSession, JsError> {
        let files: BTreeMap<String, String> = serde_wasm_bindgen::from_value(files)
            .map_err(|e| JsError::new(&format!("files must map names to source text: {e}")))?;
        if !files.contains_key(&main) {
            return Err(JsError::new(&format!("the program has no file named '{main}'")));
        }
        let config = Config { recursion_limit: recursion_limit as usize, hash_seed };
        let inner = match Session::new(Program { files, main }, config, host()) {
            Ok(session) => Inner::Running(Box::new(session)),
            Err(error) => {
                let output = vec![(Stream::Stderr, error.to_string())];
                Inner::NotCompiled { error, output }
            }
        };
        Ok(WasmSession { inner })
    }

    /// Brings a snapshot back; throws with the reason when the bytes are not a usable one.
    pub fn restore(bytes: &[u8]) -> Result<WasmSession, JsError> {
        let session = Session::restore(bytes, host()).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(WasmSession { inner: Inner::Running(Box::new(session)) })
    }

    /// Runs at most `fuel` instructions; returns the status object.
    pub fn run(&mut self, fuel: f64) -> JsValue {
        let session = match &mut self.inner {
            Inner::Running(session) => session,
            Inner::NotCompiled { error, .. } => {
                let view = SyntaxErrorView {
                    file: error.filename.clone(),
                    line: error.line,
                    column: error.column,
                    message: error.message.clone(),
                };
                return to_js(&failed(0.0, error.to_string(), Some(view)));
            }
        };
        let status = session.run(fuel.max(1.0) as u64);
        let ticks = session.ticks() as f64;
        let plain = |state| RunStatus { state, ticks, ..RunStatus::default() };
        let view = match status {
            Status::Suspended(Pause::Budget) => plain("suspended"),
            Status::Suspended(Pause::Checkpoint) => {
                RunStatus { checkpoint: true, ..plain("suspended") }
            }
            Status::Suspended(Pause::Input { prompt }) => {
                RunStatus { prompt: Some(prompt), ..plain("input") }
            }
            Status::Suspended(Pause::Sleep { until }) => {
                RunStatus { wake_at: Some(until * 1000.0), ..plain("sleeping") }
            }
            Status::Finished { exit_code } => {
                RunStatus { exit_code: Some(exit_code), ..plain("finished") }
            }
            Status::Failed { traceback } => failed(ticks, traceback, None),
        };
        to_js(&view)
    }

    /// Output since the last call: `[{ stream: "stdout" | "stderr", text }]`.
    #[wasm_bindgen(js_name = takeOutput)]
    pub fn take_output(&mut self) -> JsValue {
        let chunks = match &mut self.inner {
            Inner::Running(session) => session.take_output_chunks(),
            Inner::NotCompiled { output, .. } => std::mem::take(output),
        };
        to_js(&chunks_view(chunks))
    }

    /// The line `input()` waits for; `null` is end of input (EOFError in the program).
    #[wasm_bindgen(js_name = provideInput)]
    pub fn provide_input(&mut self, line: Option<String>) {
        if let Inner::Running(session) = &mut self.inner {
            session.provide_input(line);
        }
    }

    pub fn snapshot(&self) -> Result<Vec<u8>, JsError> {
        match &self.inner {
            Inner::Running(session) => session.snapshot().map_err(|e| JsError::new(&e.to_string())),
            Inner::NotCompiled { .. } => {
                Err(JsError::new("the program did not compile: nothing to snapshot"))
            }
        }
    }

    #[wasm_bindgen(js_name = callStack)]
    pub fn call_stack(&self) -> JsValue {
        match &self.inner {
            Inner::Running(session) => to_js(&session.call_stack()),
            Inner::NotCompiled { .. } => to_js(&Vec::<()>::new()),
        }
    }

    /// Everything the program wrote (its newest part), also what it wrote before a restore.
    pub fn transcript(&self) -> JsValue {
        match &self.inner {
            Inner::Running(session) => to_js(&chunks_view(session.transcript())),
            Inner::NotCompiled { error, .. } => {
                to_js(&chunks_view(vec![(Stream::Stderr, error.to_string())]))
            }
        }
    }

    /// `{ depth, line }` of the frame that runs next (`null` once the program ended), cheap
    /// enough to call after every instruction when stepping a line.
    pub fn position(&self) -> JsValue {
        #[derive(Serialize)]
        struct Position {
            depth: usize,
            line: u32,
        }
        match &self.inner {
            Inner::Running(session) => match session.position() {
                Some((depth, line)) => to_js(&Position { depth, line }),
                None => JsValue::NULL,
            },
            Inner::NotCompiled { .. } => JsValue::NULL,
        }
    }

    pub fn ticks(&self) -> f64 {
        match &self.inner {
            Inner::Running(session) => session.ticks() as f64,
            Inner::NotCompiled { .. } => 0.0,
        }
    }
}

/// A snapshot's call stack, read without running it.
#[wasm_bindgen]
pub fn inspect(bytes: &[u8]) -> Result<JsValue, JsError> {
    let stack = Session::inspect(bytes).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(to_js(&stack))
}

fn host() -> Box<BufferedHost> {
    Box::new(BufferedHost::default())
}

fn failed(ticks: f64, traceback: String, syntax_error: Option<SyntaxErrorView>) -> RunStatus {
    RunStatus {
        state: "failed",
        ticks,
        traceback: Some(traceback),
        syntax_error,
        ..RunStatus::default()
    }
}

fn chunks_view(chunks: Vec<(Stream, String)>) -> Vec<OutputChunk> {
    chunks
        .into_iter()
        .map(|(stream, text)| OutputChunk { stream: stream_name(stream), text })
        .collect()
}
