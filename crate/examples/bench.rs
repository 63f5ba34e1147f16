//! Benchmarks (not tests): each program in `tests/bench` run by Sleepy's evaluator (one slice,
//! and in slices of 10 000 instructions), by RustPython's own evaluator in this same binary,
//! and by CPython (`python3`), side by side. Prints times and ratios.
//!
//! `cargo run --release --example bench [-- NAME_FILTER]`

use std::path::Path;
use std::time::{Duration, Instant};

use rustpython_vm::compiler::Mode;
use rustpython_vm::{Interpreter, Settings};
use sleepy::host::BufferedHost;
use sleepy::{Config, Program, Session, Status};

fn best_of<F: FnMut() -> String>(runs: usize, mut f: F) -> (Duration, String) {
    let mut best = Duration::MAX;
    let mut out = String::new();
    for _ in 0..runs {
        let start = Instant::now();
        out = f();
        best = best.min(start.elapsed());
    }
    (best, out)
}

fn sleepy_run(name: &str, source: &str, slice: u64) -> String {
    let mut session = Session::new(
        Program::single(name, source),
        Config::default(),
        Box::new(BufferedHost::default()),
    )
    .expect("benchmark compiles");
    loop {
        match session.run(slice) {
            Status::Suspended(_) => {}
            Status::Finished { .. } => break,
            Status::Failed { traceback } => panic!("{name} failed under Sleepy:\n{traceback}"),
        }
    }
    let out = session.take_output();
    std::mem::forget(session);
    out
}

fn rustpython_run(interp: &Interpreter, name: &str, source: &str) -> String {
    interp.enter(|vm| {
        let code = vm.compile(source, Mode::Exec, name.to_owned()).expect("compiles");
        let scope = vm.new_scope_with_builtins();
        let io = vm.import("io", 0).unwrap();
        let buf = vm.call_method(&io, "StringIO", ()).unwrap();
        vm.sys_module.set_attr("stdout", buf.clone(), vm).unwrap();
        if let Err(e) = vm.run_code_obj(code, scope) {
            let mut s = String::new();
            vm.write_exception(&mut s, &e).unwrap();
            panic!("{name} failed under RustPython:\n{s}");
        }
        vm.call_method(&buf, "getvalue", ()).unwrap().str(vm).unwrap().to_string()
    })
}

fn cpython_run(path: &Path) -> String {
    let out = std::process::Command::new("python3").arg(path).output().expect("python3 runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn main() {
    let filter = std::env::args().nth(1).unwrap_or_default();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/bench");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .filter(|p| p.to_string_lossy().contains(&filter))
        .collect();
    files.sort();
    let mut settings = Settings::default();
    settings.install_signal_handlers = false;
    settings.import_site = false;
    let builder = Interpreter::builder(settings);
    let defs = rustpython_stdlib::stdlib_module_defs(&builder.ctx);
    let interp = builder
        .add_native_modules(&defs)
        .add_frozen_modules(rustpython_pylib::FROZEN_STDLIB)
        .build();

    println!("| program | CPython | RustPython | Sleepy (fuel off) | Sleepy (slices of 10k) | RustPython / Sleepy | Sleepy / CPython | slicing cost |");
    println!("|---|---|---|---|---|---|---|---|");
    let mut log_speedup = 0.0;
    let mut log_slicing = 0.0;
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let source = std::fs::read_to_string(path).unwrap();
        let (cp, cp_out) = best_of(3, || cpython_run(path));
        let (rp, rp_out) = best_of(3, || rustpython_run(&interp, &name, &source));
        let (sl, sl_out) = best_of(3, || sleepy_run(&name, &source, u64::MAX));
        let (sl_sliced, sliced_out) = best_of(3, || sleepy_run(&name, &source, 10_000));
        for (who, out) in
            [("RustPython", &rp_out), ("Sleepy", &sl_out), ("Sleepy sliced", &sliced_out)]
        {
            if out != &cp_out {
                eprintln!("warning: {name}: {who} printed {out:?}, CPython {cp_out:?}");
            }
        }
        let speedup = rp.as_secs_f64() / sl.as_secs_f64();
        let slicing = sl_sliced.as_secs_f64() / sl.as_secs_f64();
        log_speedup += speedup.ln();
        log_slicing += slicing.ln();
        println!(
            "| {name} | {:.0} ms | {:.0} ms | {:.0} ms | {:.0} ms | {speedup:.2}x | {:.2}x | {:+.1}% |",
            cp.as_secs_f64() * 1e3,
            rp.as_secs_f64() * 1e3,
            sl.as_secs_f64() * 1e3,
            sl_sliced.as_secs_f64() * 1e3,
            sl.as_secs_f64() / cp.as_secs_f64(),
            (slicing - 1.0) * 100.0
        );
    }
    let n = files.len() as f64;
    println!();
    println!("geometric mean: Sleepy is {:.2}x RustPython's speed; slicing every 10k instructions costs {:+.1}%", (log_speedup / n).exp(), ((log_slicing / n).exp() - 1.0) * 100.0);
    std::mem::forget(interp);
}
