//! The WebAssembly build freezes only part of the standard library into the module (all of it
//! would make the download half as big again): the files listed in `wasm-stdlib.txt`, copied
//! from rustpython-pylib's `Lib` into `target/frozen-stdlib/`, where `py_freeze!` in
//! `src/wasm_stdlib.rs` reads them. Native builds freeze all of it and skip this.

use std::fs;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=wasm-stdlib.txt");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() != Ok("wasm32") {
        return;
    }
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let manifest = Path::new(&manifest);
    let lib = Path::new(rustpython_pylib::LIB_PATH);
    let dest = manifest.join("../target/frozen-stdlib");
    let _ = fs::remove_dir_all(&dest);
    let list = fs::read_to_string(manifest.join("wasm-stdlib.txt")).expect("wasm-stdlib.txt");
    for entry in list.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        copy(&lib.join(entry), &dest.join(entry));
    }
}

/// Copies a module file, or a package directory with everything in it but tests.
fn copy(from: &Path, to: &Path) {
    if from.is_dir() {
        for item in fs::read_dir(from).unwrap_or_else(|e| panic!("{}: {e}", from.display())) {
            let item = item.expect("directory entry").path();
            let name = item.file_name().expect("file name").to_string_lossy().into_owned();
            if name == "tests"
                || name == "__pycache__"
                || (item.is_file() && !name.ends_with(".py"))
            {
                continue;
            }
            copy(&item, &to.join(name));
        }
        return;
    }
    fs::create_dir_all(to.parent().expect("parent")).expect("create frozen-stdlib");
    fs::copy(from, to).unwrap_or_else(|e| panic!("{}: {e}", from.display()));
}
