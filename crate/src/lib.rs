//! Sleepy: a Python interpreter whose running programs can be paused after any instruction.
//!
//! Source → [`compiler`] → [`bytecode`] → [`vm`] (over RustPython's objects); hosts drive a
//! [`session::Session`].

pub mod bytecode;
pub mod compiler;
mod exclusive;
pub mod host;
pub mod modules;
pub mod objects;
pub mod session;
pub mod snapshot;
pub mod stack_view;
pub mod vm;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
#[cfg(target_arch = "wasm32")]
mod wasm_stdlib;

pub use session::{Config, Pause, Program, Session, Status};
pub use snapshot::SnapshotError;
