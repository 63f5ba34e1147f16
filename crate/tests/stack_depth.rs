//! The static stack-depth analysis against the compiler and the evaluator: every code object
//! of the corpus analyses cleanly, and every frame of every program paused after every
//! instruction has exactly the stack the analysis predicts for it.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use sleepy::bytecode::stack_depth::{delivery, entry_depths, min_depth, Awaits, FrameRole};
use sleepy::bytecode::{CodeObject, Constant, Instr};
use sleepy::compiler::{compile, Mode};
use sleepy::host::Unattended;
use sleepy::{Config, Pause, Program, Session, Status};

fn sources(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(dir);
    let mut all: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("program directory")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    all.sort();
    all
}

fn corpus() -> Vec<PathBuf> {
    let filter = std::env::var("SLEEPY_CORPUS_FILTER").ok();
    sources("tests/programs")
        .into_iter()
        .filter(|p| filter.as_ref().is_none_or(|f| p.to_string_lossy().contains(f.as_str())))
        .collect()
}

fn each_code(code: &Arc<CodeObject>, f: &mut dyn FnMut(&Arc<CodeObject>)) {
    f(code);
    for c in &code.consts {
        if let Constant::Code(child) = c {
            each_code(child, f);
        }
    }
}

#[test]
fn every_code_object_of_the_corpus_analyses() {
    let mut failures = Vec::new();
    let mut count = 0;
    for path in sources("tests/programs").into_iter().chain(sources("tests/bench")) {
        let source = std::fs::read_to_string(&path).expect("read program");
        // Programs that test syntax errors have no code.
        let Ok(code) = compile(&source, &path.to_string_lossy(), Mode::Exec) else { continue };
        each_code(&code, &mut |c| {
            count += 1;
            if let Err(e) = entry_depths(c) {
                failures.push(e);
            }
        });
    }
    assert!(count > 1000, "only {count} code objects");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn disagreeing_paths_are_an_error() {
    let mut code = (*compile("x = 1\n", "t.py", Mode::Exec).unwrap()).clone();
    // A conditional jump that skips a push: the two paths meet at pc 3 with depths 0 and 1.
    code.code = vec![
        Instr::LoadConst(0),
        Instr::PopJumpIfFalse(3),
        Instr::LoadConst(0),
        Instr::LoadConst(0),
        Instr::Return,
    ];
    code.lines = vec![1; 5];
    code.spans = vec![(0, 0); 5];
    let err = entry_depths(&code).unwrap_err();
    assert!(err.contains("<module> (t.py:1) pc 3"), "{err}");
    code.code[1] = Instr::Pop;
    code.code[2] = Instr::Pop;
    code.code[3] = Instr::Jump(0);
    let err = entry_depths(&code).unwrap_err();
    assert!(err.contains("needs 1 stack slots, has 0"), "{err}");
}

#[test]
fn roles_need_the_instruction_they_wait_in() {
    let code =
        compile("def g():\n    x = yield 1\n    return x\nprint(len('ab'))\n", "t.py", Mode::Exec)
            .unwrap();
    let depths = entry_depths(&code).unwrap();
    let call = code.code.iter().position(|i| matches!(i, Instr::Call(1))).unwrap();
    let after = call + 1;
    // `len('ab')` waits with `print` under it.
    assert_eq!(min_depth(&code, &depths, after, FrameRole::Caller(Awaits::Result)), Some(1));
    assert_eq!(min_depth(&code, &depths, after, FrameRole::AwaitingHost), Some(1));
    assert_eq!(min_depth(&code, &depths, after, FrameRole::Running), Some(2));
    assert_eq!(min_depth(&code, &depths, after, FrameRole::Caller(Awaits::NextItem)), None);
    assert_eq!(min_depth(&code, &depths, after, FrameRole::Caller(Awaits::ModuleInit)), None);
    assert_eq!(min_depth(&code, &depths, 0, FrameRole::Caller(Awaits::Result)), None);
    assert_eq!(min_depth(&code, &depths, code.code.len(), FrameRole::Running), None);
    assert_eq!(min_depth(&code, &depths, 0, FrameRole::GeneratorCreated), None);
    let Constant::Code(g) = code.consts.iter().find(|c| matches!(c, Constant::Code(_))).unwrap()
    else {
        unreachable!()
    };
    let gd = entry_depths(g).unwrap();
    assert_eq!(min_depth(g, &gd, 0, FrameRole::GeneratorCreated), Some(0));
    let resume = g.code.iter().position(|i| *i == Instr::YieldValue).unwrap() + 1;
    assert_eq!(min_depth(g, &gd, resume, FrameRole::GeneratorSuspended), Some(0));
    assert_eq!(min_depth(g, &gd, resume + 1, FrameRole::GeneratorSuspended), None);
}

/// Depths of every code object met so far, by identity (the `Arc` keeps the address taken).
type Analysed = HashMap<*const CodeObject, (Arc<CodeObject>, Vec<Option<u32>>)>;

/// The role of a frame below the top, from the instruction it paused after: each of these
/// instructions only ever waits for one kind of callee (calls wait for a result or for a
/// protocol they started, which leave the same depth).
fn caller_role(code: &CodeObject, pc: usize) -> FrameRole {
    let awaits = match pc.checked_sub(1).and_then(|i| code.code.get(i)) {
        Some(Instr::ForIter(_)) => Awaits::NextItem,
        Some(Instr::YieldFrom) => Awaits::Delegate,
        Some(Instr::ImportName(_)) => Awaits::ModuleInit,
        Some(&i) if delivery(i).is_some() => Awaits::Continuation,
        _ => Awaits::Result,
    };
    FrameRole::Caller(awaits)
}

/// Every how many pauses the frames are checked.
const SAMPLE: u64 = 3;

/// Runs `program` one instruction at a time, checking every frame at every `SAMPLE`th pause
/// for fuel; returns the number of pauses.
fn check_program(name: &str, program: Program) -> Result<u64, String> {
    let Ok(mut session) = Session::new(program, Config::default(), Box::new(Unattended::silent()))
    else {
        return Ok(0);
    };
    let mut analysed = Analysed::new();
    let mut pauses = 0;
    loop {
        let top_role = match session.run(1) {
            Status::Suspended(Pause::Budget) => FrameRole::Running,
            Status::Suspended(pause) => {
                if matches!(pause, Pause::Input { .. }) {
                    session.provide_input(None);
                }
                FrameRole::AwaitingHost
            }
            Status::Finished { .. } | Status::Failed { .. } => return Ok(pauses),
        };
        pauses += 1;
        // Every pause would take minutes over the corpus in a debug build; a prime stride
        // still lands on every instruction of loops whose length it does not divide. The
        // host's (rare) pauses are all checked.
        if top_role == FrameRole::Running && pauses % SAMPLE != 0 {
            continue;
        }
        let frames = session.debug_frames();
        for (i, (code, pc, len)) in frames.iter().enumerate() {
            let (_, depths) = match analysed.entry(Arc::as_ptr(code)) {
                std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::hash_map::Entry::Vacant(e) => {
                    let depths = entry_depths(code)?;
                    e.insert((code.clone(), depths))
                }
            };
            let role = if i + 1 == frames.len() { top_role } else { caller_role(code, *pc) };
            let expected = min_depth(code, depths, *pc, role);
            if expected != Some(*len as u32) {
                return Err(format!(
                    "{name}, pause {pauses}, frame {i} of {} ({} pc {pc}, {:?}, {role:?}): stack {len}, analysis {expected:?}",
                    frames.len(),
                    code.qualname,
                    code.code.get(*pc),
                ));
            }
        }
    }
}

/// What the corpus reaches rarely or never: program modules, the host's pauses, generator
/// methods, `async` code driven by hand.
fn extra_programs() -> Vec<(&'static str, Program)> {
    let package = Program {
        files: BTreeMap::from([
            (
                "main.py".to_owned(),
                "for i in range(2):\n    from pkg import helper\nimport pkg.util as u\nprint(helper.VALUE, u.double(2))\n"
                    .to_owned(),
            ),
            ("pkg/__init__.py".to_owned(), "NAME = 'pkg'\n".to_owned()),
            (
                "pkg/helper.py".to_owned(),
                "from . import util\nVALUE = [util.double(x) for x in (1, 2)]\n".to_owned(),
            ),
            ("pkg/util.py".to_owned(), "def double(x):\n    return 2 * x\n".to_owned()),
        ]),
        main: "main.py".to_owned(),
    };
    let pauses = Program::single(
        "pauses.py",
        "import time, sleepy\nx = [1, time.sleep(0.5), sleepy.checkpoint()]\ntry:\n    print(input('? '))\nexcept EOFError:\n    print('eof')\n",
    );
    let generators = Program::single(
        "gens.py",
        r#"
def inner():
    got = yield 1
    try:
        yield got
    finally:
        print('inner closed')
    return 5

def outer():
    r = yield from inner()
    yield r

g = outer()
print(next(g), g.send(10))
print(g.throw(ValueError) if False else g.close())
g = outer()
print(list(g))

class Squares:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i * self.i

print(sum(x for x in Squares(4)), [x for x in Squares(3)])

class Ctx:
    def __enter__(self):
        return 'in'
    def __exit__(self, *exc):
        return True

with Ctx() as c:
    raise KeyError(c)

async def leaf(x):
    return x + 1

async def agen():
    for i in range(2):
        yield await leaf(i)

async def main():
    out = [await leaf(1)]
    async for v in agen():
        out.append(v)
    return out

co = main()
try:
    co.send(None)
except StopIteration as e:
    print(e.value)
"#,
    );
    vec![("package", package), ("pauses", pauses), ("generators", generators)]
}

#[test]
fn every_paused_frame_has_the_predicted_stack() {
    let mut programs: Vec<(String, Program)> = corpus()
        .into_iter()
        .map(|path| {
            let source = std::fs::read_to_string(&path).expect("read program");
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let program = Program::single(&name, &source);
            (name, program)
        })
        .collect();
    programs.extend(extra_programs().into_iter().map(|(n, p)| (n.to_owned(), p)));
    // Two threads (the machine's cores), with room for the corpus's deep native recursion.
    let half = programs.len().div_ceil(2);
    let mut chunks = Vec::new();
    while !programs.is_empty() {
        let rest = programs.split_off(half.min(programs.len()));
        chunks.push(std::mem::replace(&mut programs, rest));
    }
    let results: Vec<(u64, Vec<String>)> = chunks
        .into_iter()
        .map(|chunk| {
            std::thread::Builder::new()
                .stack_size(1 << 30)
                .spawn(move || {
                    let mut pauses = 0;
                    let mut failures = Vec::new();
                    for (name, program) in chunk {
                        match check_program(&name, program) {
                            Ok(n) => pauses += n,
                            Err(e) => failures.push(e),
                        }
                    }
                    (pauses, failures)
                })
                .unwrap()
        })
        .collect::<Vec<_>>()
        .into_iter()
        .map(|h| h.join().expect("checking thread"))
        .collect();
    let pauses: u64 = results.iter().map(|r| r.0).sum();
    let failures: Vec<&String> = results.iter().flat_map(|r| &r.1).collect();
    eprintln!("{pauses} pauses, every frame checked at one in {SAMPLE}");
    assert!(
        failures.is_empty(),
        "{} programs:\n{}",
        failures.len(),
        failures.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n")
    );
}
