//! Writes seed inputs for the `restore` fuzz target: snapshot bodies (the container opened,
//! so that the fuzzer's mutations get past the checksum) of corpus programs paused at several
//! points of their run.
//!
//! `cargo run --release --example snapshot_seeds -- OUT_DIR [PROGRAM_STEM...]`

use std::path::{Path, PathBuf};

use sleepy::host::BufferedHost;
use sleepy::snapshot::format;
use sleepy::{Config, Pause, Program, Session, Status};

/// Small programs that between them pause inside every kind of frame: loops over builtin
/// iterators, generators, try/finally, with, classes and super(), closures, recursion; and
/// tasklets: running, queued, blocked on channels and in `select`.
const PROGRAMS: &[&str] = &[
    "013_list_basics",
    "016_dict_basics",
    "036_closures_nonlocal",
    "033_recursion_basic",
    "045_multiple_inheritance_mro",
    "070_exceptions_else_finally",
    "077_with_statement",
    "084_generator_send_throw_close",
    "111_async_for_with",
    "172_generator_pipeline",
    "stackless/02_select",
    "stackless/05_kill_service",
    "stackless/10_scheduling",
];

/// Snapshots per program, spread evenly over its run.
const POINTS: u64 = 4;

fn session(path: &Path) -> Session {
    let source = std::fs::read_to_string(path).expect("read program");
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    Session::new(
        Program::single(&name, &source),
        Config::default(),
        Box::new(BufferedHost::default()),
    )
    .expect("compiles")
}

/// Runs to the end; the number of instructions that took.
fn length(path: &Path) -> u64 {
    let mut s = session(path);
    while let Status::Suspended(pause) = s.run(u64::MAX) {
        if matches!(pause, Pause::Input { .. }) {
            s.provide_input(None);
        }
    }
    s.ticks()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let out = PathBuf::from(args.next().expect("usage: snapshot_seeds OUT_DIR [PROGRAM...]"));
    let chosen: Vec<String> = args.collect();
    let stems: Vec<&str> = if chosen.is_empty() {
        PROGRAMS.to_vec()
    } else {
        chosen.iter().map(String::as_str).collect()
    };
    std::fs::create_dir_all(&out).expect("create the output directory");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/programs");
    for stem in stems {
        let path = corpus.join(format!("{stem}.py"));
        let slice = (length(&path) / (POINTS + 1)).max(1);
        let mut s = session(&path);
        for point in 0..POINTS {
            match s.run(slice) {
                Status::Suspended(Pause::Input { .. }) => s.provide_input(None),
                Status::Suspended(_) => {}
                _ => break,
            }
            let image = s.snapshot().unwrap_or_else(|e| panic!("{stem}: {e}"));
            let body = format::open(&image).expect("a snapshot opens");
            let name = format!("{}-{point}", stem.replace('/', "_"));
            std::fs::write(out.join(name), body).expect("write a seed");
        }
    }
}
