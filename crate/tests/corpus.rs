//! The corpus invariant: every program in `tests/programs` (and `tests/programs/stackless`) prints exactly what CPython printed
//! (its `.out`, `.err` and `.code` files), whether it runs in one go or in slices of 1, 7,
//! 1000 or 100 000 instructions while being snapshotted and restored into a fresh interpreter
//! along the way; and a run with roundtrips ends with the same `__main__` globals as a plain run.

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use sleepy::host::{Stream, Unattended};
use sleepy::{Config, Pause, Program, Session, Status};

#[derive(Default)]
struct Captured {
    stdout: String,
    stderr: String,
}

/// A host that keeps the output in `captured`, stream by stream.
fn capture(captured: &Rc<RefCell<Captured>>) -> Box<Unattended> {
    let captured = captured.clone();
    Box::new(Unattended::new(move |stream, text| {
        let mut c = captured.borrow_mut();
        match stream {
            Stream::Stdout => c.stdout.push_str(text),
            Stream::Stderr => c.stderr.push_str(text),
        }
    }))
}

struct Outcome {
    stdout: String,
    stderr: String,
    exit_code: i32,
    ticks: u64,
    /// `__main__`'s names and reprs at the end, object addresses masked.
    globals: Vec<(String, String)>,
    /// The Sleepy functions native code called (nested evaluations), and how often.
    nested: Vec<(String, u64)>,
}

/// How a program is run: slices of `fuel` instructions; and, when `roundtrips` is not zero,
/// that many times spread over the run (and at every pause for the host) the session is
/// written to bytes, dropped, and restored into a fresh interpreter to continue.
#[derive(Clone, Copy)]
struct Mode {
    fuel: u64,
    roundtrips: u64,
}

/// The exit code `run_program` reports when a snapshot or restore failed.
const ROUNDTRIP_FAILED: i32 = -1;

const PLAIN: Mode = Mode { fuel: u64::MAX, roundtrips: 0 };

/// Runs the program; `plain` is its run without a fuel limit, which a mode with roundtrips
/// needs to spread them over the run.
fn run_program(path: &Path, mode: Mode, plain: Option<&Outcome>) -> Outcome {
    let source = std::fs::read_to_string(path).expect("read program");
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let captured = Rc::new(RefCell::new(Captured::default()));
    let mut session = match Session::new(
        Program::single(&name, &source),
        Config::default(),
        capture(&captured),
    ) {
        Ok(s) => s,
        Err(e) => {
            return Outcome {
                stdout: String::new(),
                stderr: e.to_string(),
                exit_code: 1,
                ticks: 0,
                globals: Vec::new(),
                nested: Vec::new(),
            }
        }
    };
    let stride = match mode.roundtrips {
        0 => u64::MAX,
        n => (plain.expect("a plain run to spread roundtrips over").ticks / mode.fuel / n).max(1),
    };
    let mut pauses = 0u64;
    let exit_code = loop {
        let status = session.run(mode.fuel);
        if let Status::Suspended(pause) = &status {
            pauses += 1;
            let for_host = !matches!(pause, Pause::Budget);
            if mode.roundtrips > 0 && (pauses.is_multiple_of(stride) || for_host) {
                let restored = session
                    .snapshot()
                    .and_then(|bytes| Session::restore(&bytes, capture(&captured)));
                match restored {
                    Ok(s) => session = s,
                    Err(e) => {
                        captured.borrow_mut().stderr.push_str(&format!("roundtrip failed: {e}\n"));
                        break ROUNDTRIP_FAILED;
                    }
                }
            }
        }
        match status {
            Status::Suspended(Pause::Input { .. }) => session.provide_input(None),
            Status::Suspended(_) => {}
            Status::Finished { exit_code } => break exit_code,
            Status::Failed { .. } => break 1,
        }
    };
    let ticks = session.ticks();
    let nested = session.nested_callees();
    let globals = session
        .main_globals()
        .into_iter()
        .map(|(name, repr)| (name, mask_addresses(&repr)))
        .collect();
    drop(session);
    let c = captured.borrow();
    let (stdout, stderr) = (c.stdout.clone(), c.stderr.clone());
    Outcome { stdout, stderr, exit_code, ticks, globals, nested }
}

/// `<Foo object at 0x7f…>` differs between any two runs: the address is not state.
fn mask_addresses(repr: &str) -> String {
    let mut out = String::with_capacity(repr.len());
    let mut rest = repr;
    while let Some(at) = rest.find("0x") {
        out.push_str(&rest[..at + 2]);
        rest = rest[at + 2..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
        out.push('…');
    }
    out.push_str(rest);
    out
}

/// Names of the globals that differ between two runs.
fn differing_globals(a: &Outcome, b: &Outcome) -> Vec<String> {
    let a: std::collections::BTreeMap<_, _> = a.globals.iter().cloned().collect();
    let b: std::collections::BTreeMap<_, _> = b.globals.iter().cloned().collect();
    let names: std::collections::BTreeSet<&String> =
        a.keys().chain(b.keys()).filter(|k| a.get(*k) != b.get(*k)).collect();
    names.into_iter().cloned().collect()
}

/// Why the final globals of a run with roundtrips differ from the plain run's, if they do in
/// a way that matters: globals listed in `GLOBALS_DIFFERENCES.txt` and values that differ
/// between two plain runs too (clocks) are not compared.
fn globals_differ(path: &Path, plain: &Outcome, got: &Outcome) -> Option<String> {
    let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
    let tolerated = listed("GLOBALS_DIFFERENCES.txt");
    let tolerated: Vec<&str> = match tolerated.get(&stem).and_then(|r| r.split_whitespace().next())
    {
        Some(names) => names.split(',').collect(),
        None => vec![],
    };
    let differing: Vec<String> = differing_globals(plain, got)
        .into_iter()
        .filter(|n| !tolerated.contains(&n.as_str()))
        .collect();
    if differing.is_empty() {
        return None;
    }
    let unstable = differing_globals(plain, &run_program(path, PLAIN, None));
    let name = differing.into_iter().find(|n| !unstable.contains(n))?;
    let value = |o: &Outcome| o.globals.iter().find(|(k, _)| *k == name).map(|(_, v)| v.clone());
    Some(format!(
        "final global '{name}' differs:\n  plain run: {:?}\n  roundtrips: {:?}",
        value(plain),
        value(got)
    ))
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/programs")
}

/// Programs listed in `KNOWN_DIFFERENCES.txt`, with the reason.
fn known_differences() -> std::collections::HashMap<String, String> {
    listed("KNOWN_DIFFERENCES.txt")
}

/// The `name reason` lines of a list in the corpus directory.
fn listed(file: &str) -> std::collections::HashMap<String, String> {
    let text = std::fs::read_to_string(corpus_dir().join(file)).unwrap_or_default();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once(char::is_whitespace))
        .map(|(name, reason)| (name.to_owned(), reason.trim().to_owned()))
        .collect()
}

/// Programs listed in `SNAPSHOT_LIMITS.txt`, with the reason.
fn snapshot_limits() -> std::collections::HashMap<String, String> {
    listed("SNAPSHOT_LIMITS.txt")
}

fn check(path: &Path, mode: Mode) -> Result<(), String> {
    let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
    let mode =
        if snapshot_limits().contains_key(&stem) { Mode { roundtrips: 0, ..mode } } else { mode };
    let fuel = mode.fuel;
    if known_differences().contains_key(&stem) {
        // Not CPython's output, but every fuel budget must still give the same output.
        if fuel == u64::MAX {
            return Ok(());
        }
        let reference = run_program(path, PLAIN, None);
        let got = run_program(path, mode, Some(&reference));
        if got.exit_code == ROUNDTRIP_FAILED {
            return Err(format!(
                "{stem} (fuel {fuel}): {}",
                got.stderr.lines().last().unwrap_or("")
            ));
        }
        if (&got.stdout, &got.stderr, got.exit_code)
            != (&reference.stdout, &reference.stderr, reference.exit_code)
        {
            return Err(format!(
                "{stem} (fuel {fuel}): output differs from the run without a fuel limit"
            ));
        }
        if let Some(why) = globals_differ(path, &reference, &got) {
            return Err(format!("{stem} (fuel {fuel}): {why}"));
        }
        return Ok(());
    }
    let expected_out = std::fs::read_to_string(path.with_extension("out")).unwrap_or_default();
    let expected_err = std::fs::read_to_string(path.with_extension("err")).ok();
    let expected_code: i32 = std::fs::read_to_string(path.with_extension("code"))
        .ok()
        .and_then(|c| c.trim().parse().ok())
        .unwrap_or(if expected_err.as_deref().is_some_and(|e| !e.is_empty()) { 1 } else { 0 });
    let reference = (mode.roundtrips > 0).then(|| run_program(path, PLAIN, None));
    let got = run_program(path, mode, reference.as_ref());
    let name = path.file_name().unwrap().to_string_lossy();
    if got.exit_code == ROUNDTRIP_FAILED {
        return Err(format!("{name} (fuel {fuel}): {}", got.stderr.lines().last().unwrap_or("")));
    }
    if got.stdout != expected_out {
        return Err(format!(
            "{name} (fuel {fuel}): stdout differs\n{}",
            diff(&expected_out, &got.stdout)
        ));
    }
    let expected_err = expected_err.unwrap_or_default();
    if got.stderr != expected_err {
        return Err(format!(
            "{name} (fuel {fuel}): stderr differs\n{}",
            diff(&expected_err, &got.stderr)
        ));
    }
    if got.exit_code != expected_code {
        return Err(format!(
            "{name} (fuel {fuel}): exit code {} instead of {expected_code}",
            got.exit_code
        ));
    }
    if let Some(why) = reference.and_then(|r| globals_differ(path, &r, &got)) {
        return Err(format!("{name} (fuel {fuel}): {why}"));
    }
    Ok(())
}

fn diff(expected: &str, got: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let g: Vec<&str> = got.lines().collect();
    for i in 0..e.len().max(g.len()) {
        if e.get(i) != g.get(i) {
            return format!(
                "  first difference at line {}:\n  expected: {:?}\n  got:      {:?}",
                i + 1,
                e.get(i).unwrap_or(&"<end>"),
                g.get(i).unwrap_or(&"<end>")
            );
        }
    }
    "  (trailing newline differs)".to_owned()
}

/// The corpus: `tests/programs/*.py`, and the `stackless` programs (whose outputs come from
/// CPython with the reference module in `tests/programs/stackless/reference`).
fn programs() -> Vec<PathBuf> {
    let filter = std::env::var("SLEEPY_CORPUS_FILTER").ok();
    let mut all: Vec<PathBuf> = [corpus_dir(), corpus_dir().join("stackless")]
        .iter()
        .flat_map(|dir| std::fs::read_dir(dir).expect("corpus directory"))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .filter(|p| filter.as_ref().is_none_or(|f| p.to_string_lossy().contains(f.as_str())))
        .collect();
    all.sort();
    all
}

/// Runs every program with `fuel`, on threads with room for deep native recursion.
fn run_corpus(mode: Mode) {
    run_programs(programs(), mode);
}

/// `f` over the programs, on two threads with room for deep native recursion.
fn on_programs<T: Send + 'static>(
    programs: Vec<PathBuf>,
    f: impl Fn(&Path) -> Option<T> + Send + Clone + 'static,
) -> Vec<T> {
    programs
        .chunks(programs.len().div_ceil(2).max(1))
        .map(|chunk| {
            let (chunk, f) = (chunk.to_vec(), f.clone());
            std::thread::Builder::new()
                .stack_size(1 << 30)
                .spawn(move || chunk.iter().filter_map(|p| f(p)).collect::<Vec<_>>())
                .unwrap()
        })
        .collect::<Vec<_>>()
        .into_iter()
        .flat_map(|h| h.join().expect("corpus thread"))
        .collect()
}

fn run_programs(programs: Vec<PathBuf>, mode: Mode) {
    assert!(!programs.is_empty(), "the corpus is empty");
    let count = programs.len();
    let failures: Vec<String> = on_programs(programs, move |p| check(p, mode).err());
    assert!(
        failures.is_empty(),
        "{} of {} programs differ from CPython:\n{}",
        failures.len(),
        count,
        failures.join("\n")
    );
}

#[test]
fn known_differences_are_still_different() {
    // A program that now matches CPython must leave the list, so the list stays honest.
    let names: Vec<String> = known_differences().into_keys().collect();
    let now_matching: Vec<String> = std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(move || {
            names
                .into_iter()
                .filter(|name| {
                    let path = corpus_dir().join(format!("{name}.py"));
                    assert!(
                        path.exists(),
                        "{name} is listed in KNOWN_DIFFERENCES.txt but does not exist"
                    );
                    let expected =
                        std::fs::read_to_string(path.with_extension("out")).unwrap_or_default();
                    run_program(&path, PLAIN, None).stdout == expected
                })
                .collect()
        })
        .unwrap()
        .join()
        .unwrap();
    assert!(
        now_matching.is_empty(),
        "these now match CPython; remove them from KNOWN_DIFFERENCES.txt: {now_matching:?}"
    );
}

/// Snapshot/restore points per program and fuel budget (besides every pause for the host):
/// spread over the whole run, so over the corpus they land on all kinds of instructions.
const ROUNDTRIPS: u64 = 6;

#[test]
fn corpus_unlimited_fuel() {
    run_corpus(PLAIN);
}

#[test]
fn corpus_fuel_1_roundtrip() {
    run_corpus(Mode { fuel: 1, roundtrips: ROUNDTRIPS });
}

#[test]
fn corpus_fuel_7_roundtrip() {
    run_corpus(Mode { fuel: 7, roundtrips: ROUNDTRIPS });
}

#[test]
fn corpus_fuel_1000_roundtrip() {
    run_corpus(Mode { fuel: 1000, roundtrips: ROUNDTRIPS });
}

#[test]
fn corpus_fuel_100000_roundtrip() {
    run_corpus(Mode { fuel: 100_000, roundtrips: ROUNDTRIPS });
}

#[test]
fn corpus_snapshot_limits_still_apply() {
    // A listed program that now survives roundtrips at fuel 1 and 7 must leave the list.
    let names: Vec<String> = snapshot_limits().into_keys().collect();
    let now_passing: Vec<String> = std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(move || {
            names
                .into_iter()
                .filter(|name| {
                    let path = corpus_dir().join(format!("{name}.py"));
                    assert!(
                        path.exists(),
                        "{name} is listed in SNAPSHOT_LIMITS.txt but does not exist"
                    );
                    let reference = run_program(&path, PLAIN, None);
                    [1, 7].iter().all(|&fuel| {
                        let mode = Mode { fuel, roundtrips: ROUNDTRIPS };
                        let got = run_program(&path, mode, Some(&reference));
                        globals_differ(&path, &reference, &got).is_none()
                            && (&got.stdout, &got.stderr, got.exit_code)
                                == (&reference.stdout, &reference.stderr, reference.exit_code)
                    })
                })
                .collect()
        })
        .unwrap()
        .join()
        .unwrap();
    assert!(
        now_passing.is_empty(),
        "these now survive snapshots; remove them from SNAPSHOT_LIMITS.txt: {now_passing:?}"
    );
}

/// Snapshot/restore points per run of a `stackless` program: its switches, blocked channels
/// and watchdog must survive a roundtrip anywhere, so the small ones are restored at every
/// pause (the larger ones at this many, spread over the run).
const STACKLESS_ROUNDTRIPS: u64 = 400;

#[test]
fn stackless_roundtrip_at_every_pause() {
    let stackless: Vec<PathBuf> = programs()
        .into_iter()
        .filter(|p| p.parent().is_some_and(|d| d.ends_with("stackless")))
        .collect();
    for fuel in [1, 7, 1000] {
        run_programs(stackless.clone(), Mode { fuel, roundtrips: STACKLESS_ROUNDTRIPS });
    }
}

/// Where a program's Sleepy code still runs nested (called from native code, unable to
/// pause): `NESTED_ENTRIES.txt` lists every such callee of every corpus program with how
/// often it is entered, so a change that makes more code nest fails here, and one that makes
/// less nest must shorten the list. `SLEEPY_BLESS=1` rewrites the file from this run.
#[test]
fn corpus_nested_entries_are_the_listed_ones() {
    let lines: Vec<String> = on_programs(programs(), |path| {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let outcome = run_program(path, PLAIN, None);
        let lines: Vec<String> =
            outcome.nested.iter().map(|(callee, n)| format!("{stem}\t{n}\t{callee}")).collect();
        Some(lines)
    })
    .into_iter()
    .flatten()
    .collect();
    let file = corpus_dir().join("NESTED_ENTRIES.txt");
    let header = "# Program, entries, Sleepy function entered from native code (a nested evaluation,\n\
                  # which cannot pause), for every corpus program run without a fuel limit. Written by\n\
                  # SLEEPY_BLESS=1 cargo test --test corpus corpus_nested_entries; README \"Limits\" says why\n\
                  # each construct still nests.\n";
    let got = format!("{header}{}\n", lines.join("\n"));
    if std::env::var_os("SLEEPY_BLESS").is_some() {
        std::fs::write(&file, &got).expect("write NESTED_ENTRIES.txt");
        return;
    }
    let listed = std::fs::read_to_string(&file).unwrap_or_default();
    let entries = |text: &str| -> Vec<String> {
        text.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).map(str::to_owned).collect()
    };
    let (want, have) = (entries(&listed), entries(&got));
    let gone: Vec<&String> = want.iter().filter(|l| !have.contains(l)).collect();
    let new: Vec<&String> = have.iter().filter(|l| !want.contains(l)).collect();
    assert!(
        gone.is_empty() && new.is_empty(),
        "nested entries changed (SLEEPY_BLESS=1 rewrites NESTED_ENTRIES.txt)\nnow nesting: {new:#?}\nno longer: {gone:#?}"
    );
    let total: u64 = have.iter().filter_map(|l| l.split('\t').nth(1)?.parse::<u64>().ok()).sum();
    println!("{} callees, {total} nested entries over the corpus", have.len());
}
