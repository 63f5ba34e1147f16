//! Snapshot benchmark: encode and decode time per object and bytes per object for a few
//! heap shapes, plus the corpus average. Run with `cargo run --release --example snapshot_bench`.
//!
//! "Objects" counts what the snapshot memoizes (containers, instances, strings, …); unboxed
//! ints are counted as one object each in the int list, since that is what they stand for.

use std::time::Instant;

use sleepy::host::BufferedHost;
use sleepy::{Config, Pause, Program, Session, Status};

fn paused(source: &str) -> Session {
    let mut s = Session::new(
        Program::single("main.py", source),
        Config { recursion_limit: 20_000, ..Config::default() },
        Box::new(BufferedHost::default()),
    )
    .expect("compiles");
    match s.run(u64::MAX) {
        Status::Suspended(Pause::Checkpoint) => s,
        other => panic!("expected a checkpoint, got {other:?}"),
    }
}

/// Best of `n` runs of `f`, in seconds.
fn best<T>(n: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut best = f64::MAX;
    let mut last = None;
    for _ in 0..n {
        let t = Instant::now();
        let r = f();
        best = best.min(t.elapsed().as_secs_f64());
        last = Some(r);
    }
    (best, last.expect("ran"))
}

fn measure(name: &str, source: &str, objects: f64) {
    let session = paused(source);
    let (encode, bytes) = best(5, || session.snapshot().expect("snapshot"));
    let body = sleepy::snapshot::format::open(&bytes).expect("opens");
    // A restore builds a fresh interpreter first; that part is the same for every snapshot.
    let (boot, _) = best(5, || paused("import sleepy\nsleepy.checkpoint()\n"));
    let (decode, _) =
        best(5, || Session::restore(&bytes, Box::new(BufferedHost::default())).expect("restore"));
    // Below a millisecond the difference is within the boot time's own noise.
    let decode_heap = decode - boot;
    let rate = if decode_heap > 1e-3 {
        format!("{:.2} M/s", objects / decode_heap / 1e6)
    } else {
        "(within boot noise)".to_owned()
    };
    println!(
        "| {name} | {:.0} | {:.1} ms | {:.2} M/s | {:.1} ms ({:.1} ms boot) | {rate} | {:.1} | {:.1} |",
        objects,
        encode * 1e3,
        objects / encode / 1e6,
        decode * 1e3,
        boot * 1e3,
        body.len() as f64 / objects,
        bytes.len() as f64 / objects,
    );
}

fn main() {
    println!("| heap | objects | encode | encode rate | restore (of which interpreter boot) | decode rate (less boot) | bytes/object raw | bytes/object deflated |");
    println!("|---|---|---|---|---|---|---|---|");
    measure(
        "list of 1 000 000 ints",
        "xs = list(range(1_000_000))\nimport sleepy\nsleepy.checkpoint()\n",
        1e6,
    );
    measure(
        "100 000 linked instances",
        "class Node:\n    def __init__(self, v, nxt): self.v, self.nxt = v, nxt\nhead = None\nfor i in range(100_000):\n    head = Node(i, head)\nimport sleepy\nsleepy.checkpoint()\n",
        // Each node: the instance and its __dict__.
        2e5,
    );
    measure(
        "10 000-frame recursion",
        "import sleepy\ndef down(n):\n    if n == 0:\n        sleepy.checkpoint()\n        return 0\n    return 1 + down(n - 1)\ndown(10_000)\n",
        1e4,
    );
    corpus_average();
}

/// Snapshots of every corpus program paused halfway through its run.
fn corpus_average() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/programs");
    let mut sizes = Vec::new();
    let mut entries: Vec<_> =
        std::fs::read_dir(dir).expect("corpus").flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries.iter().filter(|p| p.extension().is_some_and(|e| e == "py")) {
        let source = std::fs::read_to_string(path).expect("read");
        let start = || {
            Session::new(
                Program::single("main.py", &source),
                Config::default(),
                Box::new(BufferedHost::default()),
            )
        };
        let Ok(mut s) = start() else { continue };
        let mut ticks = 0;
        loop {
            match s.run(u64::MAX) {
                Status::Suspended(Pause::Input { .. }) => s.provide_input(None),
                Status::Suspended(_) => {}
                _ => break,
            }
            ticks = s.ticks();
        }
        let Ok(mut s) = start() else { continue };
        if let Status::Suspended(_) = s.run((ticks / 2).max(1)) {
            if let Ok(bytes) = s.snapshot() {
                sizes.push(bytes.len());
            }
        }
    }
    sizes.sort();
    let mean = sizes.iter().sum::<usize>() as f64 / sizes.len().max(1) as f64;
    println!(
        "\ncorpus: {} programs snapshotted halfway; deflated size mean {:.1} KB, median {:.1} KB, max {:.1} KB",
        sizes.len(),
        mean / 1024.0,
        sizes.get(sizes.len() / 2).copied().unwrap_or(0) as f64 / 1024.0,
        sizes.last().copied().unwrap_or(0) as f64 / 1024.0
    );
}
