//! Preemption inside callbacks: every program in `tests/programs/preempt` spends long loops
//! inside functions that the evaluator calls on a program's behalf (operator dunders, key
//! functions, `__bool__`, …). Run in slices of 1000 instructions and snapshotted and restored
//! into a fresh interpreter at every pause, each must print what CPython printed, must have
//! paused at least once inside each callback its first line names (`# preempt-in: f g …`),
//! and must never have run Sleepy code in a nested evaluator.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use sleepy::host::{Stream, Unattended};
use sleepy::{Config, Pause, Program, Session, Status};

const FUEL: u64 = 1000;

/// A host that appends output to `output`, stderr marked.
fn capture(output: &Rc<RefCell<String>>) -> Box<Unattended> {
    let output = output.clone();
    Box::new(Unattended::new(move |stream, text| {
        if stream == Stream::Stdout {
            output.borrow_mut().push_str(text);
        } else {
            output.borrow_mut().push_str(&format!("[stderr] {text}"));
        }
    }))
}

/// What one sliced, round-tripped run showed.
struct Observed {
    output: String,
    /// Names of the functions on the stack at some pause, other than the bottom frame.
    paused_in: BTreeSet<String>,
    nested_entries: u64,
    pauses: u64,
}

fn run_round_tripped(path: &Path) -> Result<Observed, String> {
    let source = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let output = Rc::new(RefCell::new(String::new()));
    let host = || capture(&output);
    let mut session = Session::new(Program::single(&name, &source), Config::default(), host())
        .map_err(|e| e.to_string())?;
    let mut observed = Observed {
        output: String::new(),
        paused_in: BTreeSet::new(),
        nested_entries: 0,
        pauses: 0,
    };
    // Finished or failed ends the loop: the output says which.
    while let Status::Suspended(pause) = session.run(FUEL) {
        observed.pauses += 1;
        // Counters live in the runtime, which the restore replaces. Read before the
        // stack view, whose reprs of locals may run the program's `__repr__`.
        observed.nested_entries += session.nested_stats().0;
        for tasklet in session.call_stack() {
            for frame in tasklet.frames.iter().skip(1) {
                observed.paused_in.insert(frame.function.clone());
            }
        }
        let bytes = session.snapshot().map_err(|e| format!("snapshot failed: {e}"))?;
        session = Session::restore(&bytes, host()).map_err(|e| format!("restore failed: {e}"))?;
        if matches!(pause, Pause::Input { .. }) {
            session.provide_input(None);
        }
    }
    observed.nested_entries += session.nested_stats().0;
    drop(session);
    observed.output = output.borrow().clone();
    Ok(observed)
}

/// The callbacks a program's first line promises it pauses in.
fn promised_callbacks(source: &str) -> Vec<String> {
    source
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("# preempt-in:"))
        .map(|names| names.split_whitespace().map(str::to_owned).collect())
        .unwrap_or_default()
}

fn check(path: &Path) -> Result<(), String> {
    let source = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let expected =
        std::fs::read_to_string(path.with_extension("out")).map_err(|e| format!("{e}"))?;
    let observed = run_round_tripped(path)?;
    let mut problems = Vec::new();
    if observed.output != expected {
        problems
            .push(format!("output differs:\n--- expected\n{expected}--- got\n{}", observed.output));
    }
    let callbacks = promised_callbacks(&source);
    if callbacks.is_empty() {
        problems.push("the first line names no callbacks (# preempt-in: ...)".to_owned());
    }
    for callback in callbacks {
        if !observed.paused_in.contains(&callback) {
            problems.push(format!(
                "never paused inside {callback} (paused in {:?} over {} pauses)",
                observed.paused_in, observed.pauses
            ));
        }
    }
    if observed.nested_entries != 0 {
        problems.push(format!("{} nested evaluator entries", observed.nested_entries));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{}: {}", path.display(), problems.join("\n  ")))
    }
}

fn programs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/programs/preempt");
    let mut all: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("preempt program directory")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    all.sort();
    all
}

#[test]
fn callbacks_pause_and_snapshot_without_nesting() {
    let programs = programs();
    assert!(!programs.is_empty());
    let filter = std::env::var("SLEEPY_PREEMPT_FILTER").ok();
    let failures: Vec<String> = programs
        .iter()
        .filter(|p| filter.as_ref().is_none_or(|f| p.to_string_lossy().contains(f.as_str())))
        .filter_map(|p| check(p).err())
        .collect();
    assert!(failures.is_empty(), "{} program(s) failed:\n{}", failures.len(), failures.join("\n"));
}

/// A snapshot taken the first time `function` is the innermost frame at a pause (slices of 97
/// instructions).
fn snapshot_paused_in(source: &str, function: &str) -> Vec<u8> {
    let output = Rc::new(RefCell::new(String::new()));
    let mut session =
        Session::new(Program::single("main.py", source), Config::default(), capture(&output))
            .expect("compiles");
    loop {
        let status = session.run(97);
        assert!(matches!(status, Status::Suspended(Pause::Budget)), "never paused in {function}");
        let names: Vec<String> =
            session.call_stack().into_iter().flat_map(|t| t.frames).map(|f| f.function).collect();
        if names.last().is_some_and(|n| n == function) {
            return session.snapshot().expect("snapshot inside the protocol");
        }
    }
}

/// Damage behind a valid container (checksum recomputed) to a snapshot holding
/// continuations: restoring must fail with an error or give a session that runs without
/// panicking; undamaged, it finishes with `expected`.
fn damage_never_panics(good: Vec<u8>, expected: &str) {
    let restored = Session::restore(&good, Box::new(sleepy::host::BufferedHost::default()));
    let mut restored = restored.expect("the undamaged snapshot restores");
    while let Status::Suspended(_) = restored.run(10_000) {}
    assert_eq!(restored.take_output(), expected);
    let body = sleepy::snapshot::format::open(&good).expect("opens");
    let must_not_panic = |bytes: &[u8]| {
        if let Ok(mut s) = Session::restore(bytes, Box::new(sleepy::host::BufferedHost::default()))
        {
            let _ = s.run(5000);
            let _ = s.call_stack();
        }
    };
    for cut in (0..body.len()).step_by(body.len() / 200 + 1) {
        must_not_panic(&sleepy::snapshot::format::seal(&body[..cut]));
    }
    let mut seed: u64 = 0xc0ffee;
    let mut random = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..800 {
        let mut b = body.clone();
        for _ in 0..1 + random() % 3 {
            let i = (random() % body.len() as u64) as usize;
            b[i] ^= 1 << (random() % 8);
        }
        must_not_panic(&sleepy::snapshot::format::seal(&b));
    }
}

/// A sort waiting for a comparison whose `__lt__` is running, fed by a generator that
/// `sorted` drained.
#[test]
fn damaged_continuations_of_a_sort_never_panic() {
    let source = "\
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, other):
        n = 0
        while n < 50:
            n += 1
        return self.v < other.v
def gen():
    for i in (5, 3, 9, 1, 7):
        yield K(i)
print([k.v for k in sorted(gen())])
print(sum(i for i in range(10)))
";
    damage_never_panics(snapshot_paused_in(source, "__lt__"), "[1, 3, 5, 7, 9]\n45\n");
}

/// A `__new__` running inside a `map` step inside a `zip` step inside a `for` loop.
#[test]
fn damaged_continuations_of_iterator_steps_never_panic() {
    let source = "\
import itertools
class P:
    def __new__(cls, v):
        n = 0
        while n < 50:
            n += 1
        o = super().__new__(cls)
        o.v = v
        return o
def slow(x):
    return P(x)
def gen():
    for i in (5, 3, 9):
        yield i
pipe = zip(itertools.count(), map(slow, filter(lambda v: v != 3, gen())))
print([(i, p.v) for i, p in pipe])
print(next(map(slow, [4]), None).v)
";
    damage_never_panics(snapshot_paused_in(source, "__new__"), "[(0, 5), (1, 9)]\n4\n");
}
