//! The part of the standard library the WebAssembly build carries (see `build.rs` and
//! `wasm-stdlib.txt`), compiled to RustPython bytecode at build time.

pub const FROZEN: &rustpython_vm::frozen::FrozenLib =
    rustpython_vm::py_freeze!(dir = "../../target/frozen-stdlib");
