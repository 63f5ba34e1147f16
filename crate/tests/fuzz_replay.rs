//! Untrusted snapshots, replayed in a normal test run: every input of the fuzz target's corpus
//! and every regression input, plus truncations and single-bit flips of real snapshots, either
//! restores (and then runs a bounded number of instructions) or is rejected with a
//! `SnapshotError`. A panic fails the test.

use std::path::{Path, PathBuf};

use sleepy::host::BufferedHost;
use sleepy::snapshot::format;
use sleepy::snapshot::probe::restore_and_run;
use sleepy::{Config, Pause, Program, Session, Status};

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz")
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.is_file() && p.file_name().is_some_and(|n| !n.to_string_lossy().starts_with('.'))
        })
        .collect();
    files.sort();
    files
}

/// Restores `input`; a panic is reported with `what` so the failing input can be found.
fn replay(input: &[u8], what: &str) -> bool {
    let outcome = std::panic::catch_unwind(|| restore_and_run(input).is_ok());
    outcome.unwrap_or_else(|_| panic!("{what} panicked"))
}

#[test]
fn fuzz_corpus_and_regressions_restore_or_fail_cleanly() {
    let corpus = files_in(&fuzz_dir().join("corpus/restore"));
    assert!(!corpus.is_empty(), "fuzz/corpus/restore is empty");
    // Crashes the fuzzer found, once fixed (none so far: the directory may be missing).
    let regressions_dir = fuzz_dir().join("regressions");
    let regressions = if regressions_dir.exists() { files_in(&regressions_dir) } else { vec![] };
    for file in corpus.iter().chain(&regressions) {
        let bytes = std::fs::read(file).unwrap();
        replay(&bytes, &file.display().to_string());
    }
}

/// A program paused in the middle of a generator, a `with`, a `try`/`finally` and a method.
const PROGRAM: &str = r#"
class Box:
    def __init__(self, items):
        self.items = list(items)
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return False
    def pairs(self):
        for i, x in enumerate(self.items):
            yield i, x * 2
total = 0
with Box("abc") as b:
    try:
        for i, x in b.pairs():
            total += i
            print(i, x, {x: i}, (x,) * 2)
    finally:
        print("total", total)
"#;

/// Snapshots of [`PROGRAM`] at a few points of its run.
fn real_snapshots() -> Vec<Vec<u8>> {
    let mut s = Session::new(
        Program::single("main.py", PROGRAM),
        Config::default(),
        Box::new(BufferedHost::default()),
    )
    .expect("compiles");
    let mut images = Vec::new();
    while let Status::Suspended(Pause::Budget) = s.run(37) {
        images.push(s.snapshot().expect("snapshot"));
    }
    assert!(images.len() >= 4, "the program ran in {} slices", images.len());
    let step = images.len() / 4;
    images.into_iter().step_by(step).take(4).collect()
}

/// `count` positions spread evenly over `0..len`.
fn spread(len: usize, count: usize) -> impl Iterator<Item = usize> {
    (0..count.min(len)).map(move |i| i * len / count.min(len))
}

#[test]
fn truncated_and_bit_flipped_snapshots_restore_or_fail_cleanly() {
    let (mut restored, mut rejected) = (0, 0);
    let mut tally = |ok: bool| if ok { restored += 1 } else { rejected += 1 };
    for (n, image) in real_snapshots().iter().enumerate() {
        let body = format::open(image).expect("a real snapshot opens");
        assert!(replay(image, &format!("snapshot {n}")), "snapshot {n} does not restore");
        // The whole image: the container rejects damage before the decoder sees it.
        for len in spread(image.len(), 40) {
            tally(replay(&image[..len], &format!("snapshot {n} cut at {len}")));
        }
        for bit in spread(image.len() * 8, 40) {
            let mut flipped = image.clone();
            flipped[bit / 8] ^= 1 << (bit % 8);
            tally(replay(&flipped, &format!("snapshot {n} with bit {bit} flipped")));
        }
        // The body, sealed again: damage the checksum does not catch reaches the decoder.
        for len in spread(body.len(), 25) {
            tally(replay(&body[..len], &format!("body {n} cut at {len}")));
        }
        for bit in spread(body.len() * 8, 60) {
            let mut flipped = body.clone();
            flipped[bit / 8] ^= 1 << (bit % 8);
            tally(replay(&flipped, &format!("body {n} with bit {bit} flipped")));
        }
    }
    assert!(restored > 0 && rejected > 0, "restored {restored}, rejected {rejected}");
}

/// A crafted snapshot that puts bytes where the compiled code left a str (the decoder checks
/// stack depths, not types) makes the program fail with a SystemError, not the interpreter.
#[test]
fn a_value_of_the_wrong_type_on_a_stack_raises_system_error() {
    let source = "a = 'ZQZQ'\nb = 'x'\ns = f'{a}{b}'\nprint(s)\n";
    let mut s = Session::new(
        Program::single("main.py", source),
        Config::default(),
        Box::new(BufferedHost::default()),
    )
    .expect("compiles");
    // The STR op of 'ZQZQ', turned into a BYTES op of the same length.
    let str_op: &[u8] = &[30, 4, b'Z', b'Q', b'Z', b'Q'];
    while let Status::Suspended(Pause::Budget) = s.run(1) {
        let mut body = format::open(&s.snapshot().expect("snapshot")).expect("opens");
        let Some(at) = body.windows(str_op.len()).position(|w| w == str_op) else { continue };
        body[at] = 31;
        if let Ok(Status::Failed { traceback }) = restore_and_run(&body) {
            if traceback.contains("SystemError") {
                assert!(traceback.contains("BuildString takes strings"), "{traceback}");
                return;
            }
        }
    }
    panic!("no pause put the bytes where BuildString reads");
}
