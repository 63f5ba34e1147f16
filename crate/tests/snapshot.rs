//! Snapshots: programs stopped in the middle of every kind of construct continue identically in
//! a fresh interpreter; what cannot be captured is reported with its path while the program
//! runs on; damaged and foreign bytes are rejected with the matching error (`fuzz_replay.rs`
//! checks that no bytes make a restore panic); the CLI carries a program from one process to
//! another.

use std::cell::RefCell;
use std::rc::Rc;

use sleepy::host::{Host, Stream};
use sleepy::{Config, Pause, Program, Session, SnapshotError, Status};

#[derive(Default)]
struct Console {
    out: String,
}

struct TestHost(Rc<RefCell<Console>>);

impl Host for TestHost {
    fn write(&mut self, stream: Stream, text: &str) {
        let mut c = self.0.borrow_mut();
        if stream == Stream::Stderr {
            c.out.push_str("[stderr] ");
        }
        c.out.push_str(text);
    }

    fn now(&self) -> f64 {
        // Sleeps are over at once.
        f64::MAX / 2.0
    }
}

fn start(source: &str, console: &Rc<RefCell<Console>>) -> Session {
    Session::new(
        Program::single("main.py", source),
        Config::default(),
        Box::new(TestHost(console.clone())),
    )
    .expect("compiles")
}

/// Runs `source` in slices of `fuel`; every `stride`-th pause (0: none) goes through a snapshot
/// into a fresh interpreter. Returns the console and the number of pauses.
fn run(source: &str, fuel: u64, stride: usize) -> (String, usize) {
    let console = Rc::new(RefCell::new(Console::default()));
    let mut session = start(source, &console);
    let mut pauses: usize = 0;
    loop {
        let status = session.run(fuel);
        if matches!(status, Status::Suspended(_)) {
            pauses += 1;
            if stride > 0 && pauses.is_multiple_of(stride) {
                let bytes = session.snapshot().unwrap_or_else(|e| panic!("snapshot: {e}"));
                session = Session::restore(&bytes, Box::new(TestHost(console.clone())))
                    .unwrap_or_else(|e| panic!("restore: {e}"));
            }
        }
        match status {
            Status::Suspended(Pause::Input { .. }) => session.provide_input(Some("typed".into())),
            Status::Suspended(_) => {}
            Status::Finished { .. } | Status::Failed { .. } => break,
        }
    }
    let out = console.borrow().out.clone();
    (out, pauses)
}

/// Roundtrips per budget: spread evenly over the run, so small budgets stop at all kinds of
/// instructions without a restore for each one.
const ROUNDTRIPS: usize = 120;

/// The program prints the same through snapshots, for several budgets.
fn same_through_snapshots(source: &str) {
    let (expected, _) = run(source, u64::MAX, 0);
    for fuel in [1, 3, 10, 97] {
        let (_, pauses) = run(source, fuel, 0);
        assert!(pauses > 0, "fuel {fuel} never paused");
        let stride = pauses.div_ceil(ROUNDTRIPS);
        let (got, _) = run(source, fuel, stride);
        assert_eq!(
            got, expected,
            "fuel {fuel}: output differs with a roundtrip every {stride} pauses"
        );
    }
}

#[test]
fn mid_for_over_builtin_iterators() {
    same_through_snapshots(
        r#"
d = {"a": 1, "b": 2, "c": 3}
s = {10, 20, 30}
out = []
for x in [1, 2, 3]: out.append(x)
for x in (4, 5): out.append(x)
for x in "hey": out.append(x)
for x in range(3, 9, 2): out.append(x)
for x in range(10**20, 10**20 + 2): out.append(x)
for k in d: out.append(k)
for v in d.values(): out.append(v)
for k, v in d.items(): out.append((k, v))
for x in sorted(s): out.append(x)
for i, x in enumerate("ab", 5): out.append((i, x))
for a, b in zip([1, 2], "xy"): out.append((a, b))
for x in map(abs, [-1, -2]): out.append(x)
for x in filter(None, [0, 1, 2]): out.append(x)
for x in reversed([7, 8]): out.append(x)
for x in iter([9, 10]): out.append(x)
for b in b"ok": out.append(b)
print(out)
"#,
    );
}

#[test]
fn keys_that_hash_through_their_attributes_and_iterators_over_program_objects() {
    // The dict keyed by `v` sits in `v`'s own attributes, so its keys can only be hashed once
    // `v` has them; the chain and map over program objects are rebuilt with `iter()` on
    // objects whose classes must have their methods by then.
    same_through_snapshots(
        r#"
import itertools
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __eq__(self, o):
        return self.parts == o.parts
    def __hash__(self):
        return hash(self.parts)
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n
v = Version("1.2")
v.index = {v: "first"}
seen = {Version("2.0"), v}
chained = itertools.chain(Countdown(2), [Version("3")])
mapped = map(str, Countdown(3))
out = [next(mapped)]
for x in chained:
    out.append(x if isinstance(x, int) else x.parts)
out.extend(mapped)
print(v.index[Version("1.2")], Version("2.0") in seen, out)
"#,
    );
}

#[test]
fn mid_generator_pipeline_and_coroutines() {
    same_through_snapshots(
        r#"
def numbers(n):
    for i in range(n):
        yield i
def squares(xs):
    for x in xs:
        yield x * x
def evens(xs):
    yield from (x for x in xs if x % 2 == 0)
pipe = evens(squares(numbers(12)))
print(next(pipe), list(pipe))
def acc():
    total = 0
    while True:
        x = yield total
        total += x
a = acc(); next(a)
print([a.send(i) for i in range(5)])
import types
@types.coroutine
def tick():
    yield "tick"
async def work(n):
    for _ in range(n):
        await tick()
    return n * 10
c = work(3)
try:
    while True:
        print(c.send(None))
except StopIteration as e:
    print("returned", e.value)
"#,
    );
}

/// A corpus program snapshotted and restored into a fresh interpreter after every single
/// instruction still prints what CPython printed.
fn restored_after_every_instruction(name: &str) {
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/programs");
    let read = |ext: &str| std::fs::read_to_string(corpus.join(format!("{name}.{ext}"))).unwrap();
    let (got, pauses) = run(&read("py"), 1, 1);
    assert!(pauses > 100, "{name} paused only {pauses} times");
    assert_eq!(got, read("out"), "{name}: output differs when restored after every instruction");
}

/// Inside `super().__init__()` chains of a diamond hierarchy.
#[test]
fn every_instruction_of_multiple_inheritance() {
    restored_after_every_instruction("045_multiple_inheritance_mro");
}

#[test]
fn every_instruction_of_generators() {
    restored_after_every_instruction("083_generators_basic");
}

#[test]
fn every_instruction_of_try_finally() {
    restored_after_every_instruction("074_finally_control_flow");
}

#[test]
fn every_instruction_of_with() {
    restored_after_every_instruction("078_with_suppress_multiple");
}

/// Weak references and the weak containers built on them keep their referents, callbacks and
/// dead entries through snapshots.
#[test]
fn weak_references_and_weak_containers() {
    same_through_snapshots(
        r#"
import weakref
class Node:
    def __init__(self, name): self.name = name
gone = []
a, b, c = Node("a"), Node("b"), Node("c")
r = weakref.ref(a, lambda ref: gone.append("a"))
keys = weakref.WeakKeyDictionary({a: 1, b: 2})
values = weakref.WeakValueDictionary({"b": b, "c": c})
members = weakref.WeakSet([a, c])
for step in range(3):
    print(step, r() is a, len(keys), keys.get(b), len(values), "c" in values, len(members), c in members)
del a
print(r(), gone, len(keys), len(members))
del c
print(len(values), "c" in values, len(members))
"#,
    );
}

/// The functions given to `atexit.register`, with their arguments, still run at the end, in
/// the same order, and `unregister` still finds them.
#[test]
fn atexit_handlers_survive() {
    same_through_snapshots(
        r#"
import atexit
def farewell(who, punctuation="."):
    print("bye", who + punctuation)
def never():
    print("unregistered, so never printed")
atexit.register(print, "last", "of", "all", sep="-")
atexit.register(farewell, "world", punctuation="!")
atexit.register(never)
for i in range(40):
    print("working", i)
atexit.unregister(never)
atexit.register(farewell, "first")
"#,
    );
}

/// Matches of regular expressions are found again, groups and all.
#[test]
fn regular_expression_matches() {
    same_through_snapshots(
        r#"
import re
word = re.compile(r"(?P<w>[a-z]+)(?=\d)")
m = word.search("12 ab3 cd4", 3)
full = re.fullmatch(r"a|ab", "ab")
at = re.match(r"(\d+)-(\d+)?", "12-")
for _ in range(12):
    print(m.group("w"), m.span(), full.group(), at.groups(), at.lastindex)
"#,
    );
}

#[test]
fn mid_try_finally_with_and_handler() {
    same_through_snapshots(
        r#"
class Box:
    def __init__(self, name): self.name = name
    def __enter__(self):
        print("enter", self.name); return self
    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else None); return False
def f():
    try:
        with Box("a") as b, Box("b"):
            total = sum(range(20))
            raise ValueError(total)
    except ValueError as e:
        note = [str(e)]
        for i in range(3):
            note.append(i)
        print("handling", note, repr(e), e.__context__)
        try:
            raise KeyError("inner") from e
        except KeyError as k:
            print("inner", repr(k), repr(k.__cause__))
    finally:
        print("finally")
    return "done"
print(f())
"#,
    );
}

#[test]
fn deep_recursion_and_input() {
    let source = r#"
import sys
sys.setrecursionlimit(3000)
def down(n):
    return 0 if n == 0 else 1 + down(n - 1)
print(down(2500))
name = input("name? ")
print("hello", name)
"#;
    let (expected, _) = run(source, u64::MAX, 0);
    let (got, pauses) = run(source, 1000, 1);
    assert!(pauses > 5);
    assert_eq!(got, expected);
}

#[test]
fn program_state_survives_exactly() {
    same_through_snapshots(
        r#"
import random, collections, functools, fractions, decimal, dataclasses, enum
random.seed(7)
from random import randint
class Color(enum.Enum):
    RED = 1
    GREEN = 2
@dataclasses.dataclass
class Point:
    x: int
    y: int = 0
class Node:
    __slots__ = ("value", "next")
    def __init__(self, value, next=None):
        self.value, self.next = value, next
class Tagged(list):
    def __init__(self, tag, items):
        super().__init__(items); self.tag = tag
shared = [1, 2]
cyc = {"self": None, "shared": shared, "again": shared}
cyc["self"] = cyc
head = None
for i in range(5):
    head = Node(i, head)
counter = collections.Counter("mississippi")
dq = collections.deque([1, 2, 3], maxlen=5)
od = collections.OrderedDict(a=1, b=2)
dd = collections.defaultdict(list); dd["k"].append(1)
part = functools.partial(pow, 2)
def make_adder(n):
    def add(x): return x + n
    return add
add5 = make_adder(5)
t = Tagged("t", [3, 4])
for step in range(3):
    print(randint(1, 100), random.random() < 2, Color.GREEN, Color(1), Point(step, 2))
    print(cyc["self"] is cyc, cyc["shared"] is cyc["again"], counter.most_common(2))
    print(list(dq), list(od), od["b"], dict(dd), part(step), add5(step), t, t.tag)
    v, n = [], head
    while n:
        v.append(n.value); n = n.next
    print(v, fractions.Fraction(step, 3), decimal.Decimal("1.1") * step)
"#,
    );
}

#[test]
fn what_cannot_be_captured_is_named_and_the_program_runs_on() {
    let console = Rc::new(RefCell::new(Console::default()));
    let mut session = start(
        r#"
import os
def f():
    walker = os.walk(".")
    sleepy_pause()
    return type(walker).__name__
import sleepy
sleepy_pause = sleepy.checkpoint
print(f())
"#,
        &console,
    );
    assert_eq!(session.run(u64::MAX), Status::Suspended(Pause::Checkpoint));
    // A generator compiled by RustPython (the standard library's `os.walk`) keeps its frame
    // where Sleepy cannot read it.
    let err = session.snapshot().expect_err("a RustPython generator cannot be captured");
    let SnapshotError::Capture(c) = &err else { panic!("unexpected error {err}") };
    assert_eq!(c.type_name, "generator");
    assert!(c.path.contains("frame 'f'") && c.path.contains("local 'walker'"), "{}", c.path);
    assert!(
        err.to_string().starts_with(
            "cannot snapshot a 'generator' object (frame 'f' line 5 > local 'walker')"
        ),
        "{err}"
    );
    assert!(matches!(session.run(u64::MAX), Status::Finished { exit_code: 0 }));
    assert_eq!(console.borrow().out, "generator\n");
}

/// A paused program's snapshot, for the damage tests.
fn sample_snapshot() -> Vec<u8> {
    let console = Rc::new(RefCell::new(Console::default()));
    let mut session = start(
        "class A:\n    def __init__(self, v): self.v = v\nxs = [A(i) for i in range(20)]\n\
         g = (a.v for a in xs)\nnext(g)\nd = {'k': xs, 2.5: (1, 'two')}\nwhile True:\n    d['n'] = d.get('n', 0) + 1\n",
        &console,
    );
    assert_eq!(session.run(5000), Status::Suspended(Pause::Budget));
    session.snapshot().expect("snapshot")
}

#[test]
fn damaged_and_foreign_bytes_are_rejected() {
    let good = sample_snapshot();
    assert!(matches!(
        Session::restore(b"", Box::new(sleepy::host::BufferedHost::default())),
        Err(SnapshotError::NotASnapshot)
    ));
    assert!(matches!(
        Session::restore(b"print('hello')", Box::new(sleepy::host::BufferedHost::default())),
        Err(SnapshotError::NotASnapshot)
    ));
    let mut other_version = good.clone();
    other_version[8] ^= 0x7f;
    let e = Session::restore(&other_version, Box::new(sleepy::host::BufferedHost::default())).err();
    assert!(matches!(e, Some(SnapshotError::Incompatible(_))), "{e:?}");
    for cut in (0..good.len()).step_by(good.len() / 97 + 1) {
        assert!(Session::restore(&good[..cut], Box::new(sleepy::host::BufferedHost::default()))
            .is_err());
    }
    let mut flipped = good.clone();
    let at = good.len() - 10;
    flipped[at] ^= 0x10;
    let e = Session::restore(&flipped, Box::new(sleepy::host::BufferedHost::default())).err();
    assert!(matches!(e, Some(SnapshotError::Corrupt(_))), "{e:?}");
}

#[test]
fn call_stack_of_a_snapshot() {
    let console = Rc::new(RefCell::new(Console::default()));
    let mut session = start(
        "def inner(k):\n    total = k * 2\n    while True:\n        total += 1\ndef outer():\n    label = 'x' * 3\n    inner(21)\nouter()\n",
        &console,
    );
    assert_eq!(session.run(500), Status::Suspended(Pause::Budget));
    let bytes = session.snapshot().unwrap();
    let stack = Session::inspect(&bytes).unwrap();
    let without_addresses = |views: Vec<sleepy::stack_view::TaskletView>| {
        format!("{views:?}")
            .split(" at 0x")
            .map(|p| p.trim_start_matches(char::is_alphanumeric).to_owned())
            .collect::<String>()
    };
    assert_eq!(without_addresses(stack.clone()), without_addresses(session.call_stack()));
    let frames = &stack[0].frames;
    let names: Vec<&str> = frames.iter().map(|f| f.function.as_str()).collect();
    assert_eq!(names, ["<module>", "outer", "inner"]);
    assert_eq!(frames[1].line, 7);
    assert_eq!(frames[1].source_line, "inner(21)");
    assert_eq!(frames[1].locals[0].name, "label");
    assert_eq!(frames[1].locals[0].repr, "'xxx'");
    let k = frames[2].locals.iter().find(|l| l.name == "k").unwrap();
    assert_eq!((k.type_name.as_str(), k.repr.as_str()), ("int", "21"));
    assert!(
        (3..=4).contains(&frames[2].line),
        "inner is in its loop, not at line {}",
        frames[2].line
    );
}

#[test]
fn another_process_resumes_a_checkpoint() {
    let dir = std::env::temp_dir().join(format!("sleepy-snapshot-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let script = dir.join("count.py");
    let mark = dir.join("first-process-done");
    std::fs::write(
        &script,
        format!(
            "import os, sleepy\ntotal = 0\nfor i in range(10):\n    total += i\n    if i == 4:\n        \
             sleepy.checkpoint()\n        if not os.path.exists({mark:?}):\n            \
             open({mark:?}, 'w').close()\n            raise SystemExit(3)\nprint('total', total)\n"
        ),
    )
    .unwrap();
    let snap = dir.join("count.snap");
    let sleepy = env!("CARGO_BIN_EXE_sleepy");
    let first = std::process::Command::new(sleepy)
        .args(["run", script.to_str().unwrap(), "--checkpoint", snap.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(first.status.code(), Some(3), "{}", String::from_utf8_lossy(&first.stderr));
    assert_eq!(String::from_utf8_lossy(&first.stdout), "");
    let inspect = std::process::Command::new(sleepy).arg("inspect").arg(&snap).output().unwrap();
    let listing = String::from_utf8_lossy(&inspect.stdout);
    assert!(listing.contains("count.py(6)<module>()"), "{listing}");
    assert!(listing.contains("total = 10  (int)"), "{listing}");
    let second = std::process::Command::new(sleepy).arg("resume").arg(&snap).output().unwrap();
    assert_eq!(second.status.code(), Some(0), "{}", String::from_utf8_lossy(&second.stderr));
    assert_eq!(String::from_utf8_lossy(&second.stdout), "total 45\n");
    std::fs::remove_dir_all(&dir).unwrap();
}
