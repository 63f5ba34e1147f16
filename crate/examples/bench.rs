//! Benchmarks (not tests): each program in `tests/bench` run by Sleepy's evaluator (one slice,
//! and in slices of 10 000 instructions), by RustPython's own evaluator in this same binary,
//! and by CPython (`python3`), side by side. Each engine's time covers running the program
//! only: building interpreters, compiling and CPython's start-up are left out.
//!
//! `cargo run --release --example bench [-- NAME_FILTER]`

use std::path::Path;
use std::time::{Duration, Instant};

use rustpython_vm::compiler::Mode;
use rustpython_vm::{Interpreter, Settings};
use sleepy::host::BufferedHost;
use sleepy::{Config, Program, Session, Status};

const RUNS: usize = 7;

/// The fastest time of each engine over `RUNS` rounds; the engines take turns within a round
/// so that a busy moment of the machine does not favour one of them.
fn best_of(engines: &mut [&mut dyn FnMut() -> (Duration, String)]) -> Vec<(Duration, String)> {
    let mut best = vec![(Duration::MAX, String::new()); engines.len()];
    for _ in 0..RUNS {
        for (engine, best) in engines.iter_mut().zip(best.iter_mut()) {
            let (elapsed, out) = engine();
            if elapsed < best.0 {
                *best = (elapsed, out);
            }
        }
    }
    best
}

fn sleepy_run(name: &str, source: &str, slice: u64) -> (Duration, String) {
    let program = Program::single(name, source);
    let host = Box::new(BufferedHost::default());
    let mut session = Session::new(program, Config::default(), host).expect("benchmark compiles");
    let start = Instant::now();
    loop {
        match session.run(slice) {
            Status::Suspended(_) => {}
            Status::Finished { .. } => break,
            Status::Failed { traceback } => panic!("{name} failed under Sleepy:\n{traceback}"),
        }
    }
    let elapsed = start.elapsed();
    let out = session.take_output();
    std::mem::forget(session);
    (elapsed, out)
}

fn rustpython_run(interp: &Interpreter, name: &str, source: &str) -> (Duration, String) {
    interp.enter(|vm| {
        let code = vm.compile(source, Mode::Exec, name.to_owned()).expect("compiles");
        let scope = vm.new_scope_with_builtins();
        let io = vm.import("io", 0).unwrap();
        let buf = vm.call_method(&io, "StringIO", ()).unwrap();
        vm.sys_module.set_attr("stdout", buf.clone(), vm).unwrap();
        let start = Instant::now();
        let result = vm.run_code_obj(code, scope);
        let elapsed = start.elapsed();
        if let Err(e) = result {
            let mut s = String::new();
            vm.write_exception(&mut s, &e).unwrap();
            panic!("{name} failed under RustPython:\n{s}");
        }
        let out = vm.call_method(&buf, "getvalue", ()).unwrap().str(vm).unwrap().to_string();
        (elapsed, out)
    })
}

/// CPython times the program in-process, so its start-up is not counted.
fn cpython_run(path: &Path) -> (Duration, String) {
    let timer = "import contextlib, io, runpy, sys, time\n\
                 buf = io.StringIO()\n\
                 with contextlib.redirect_stdout(buf):\n    \
                     t = time.perf_counter()\n    \
                     runpy.run_path(sys.argv[1], run_name='__main__')\n    \
                     t = time.perf_counter() - t\n\
                 print(t)\n\
                 print(buf.getvalue(), end='')\n";
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(timer)
        .arg(path)
        .output()
        .expect("python3 runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let (seconds, output) = text.split_once('\n').expect("timing line");
    (Duration::from_secs_f64(seconds.trim().parse().expect("seconds")), output.to_owned())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
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

    println!("| program | CPython | RustPython | Sleepy | Sleepy, slices of 10k | Sleepy vs RustPython | Sleepy / CPython | slicing cost |");
    println!("|---|---|---|---|---|---|---|---|");
    let (mut log_speedup, mut log_slicing) = (0.0, 0.0);
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let source = std::fs::read_to_string(path).unwrap();
        let results = best_of(&mut [
            &mut || cpython_run(path),
            &mut || rustpython_run(&interp, &name, &source),
            &mut || sleepy_run(&name, &source, u64::MAX),
            &mut || sleepy_run(&name, &source, 10_000),
        ]);
        let [(cp, cp_out), (rp, rp_out), (sl, sl_out), (sliced, sliced_out)] =
            <[(Duration, String); 4]>::try_from(results).expect("four engines");
        for (who, out) in
            [("RustPython", &rp_out), ("Sleepy", &sl_out), ("Sleepy sliced", &sliced_out)]
        {
            if out != &cp_out {
                eprintln!("warning: {name}: {who} printed {out:?}, CPython {cp_out:?}");
            }
        }
        let speedup = rp.as_secs_f64() / sl.as_secs_f64();
        let slicing = sliced.as_secs_f64() / sl.as_secs_f64();
        log_speedup += speedup.ln();
        log_slicing += slicing.ln();
        println!(
            "| {name} | {:.0} ms | {:.0} ms | {:.0} ms | {:.0} ms | {speedup:.2}x faster | {:.2}x | {:+.1}% |",
            ms(cp),
            ms(rp),
            ms(sl),
            ms(sliced),
            sl.as_secs_f64() / cp.as_secs_f64(),
            (slicing - 1.0) * 100.0
        );
    }
    let n = files.len() as f64;
    println!();
    println!(
        "geometric mean: Sleepy runs {:.2}x as fast as RustPython's evaluator; slicing every 10k instructions costs {:+.1}%",
        (log_speedup / n).exp(),
        ((log_slicing / n).exp() - 1.0) * 100.0
    );
    std::mem::forget(interp);
}
