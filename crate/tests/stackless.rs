//! Tasklets through the host API: a pickled tasklet resumes in a fresh interpreter running
//! another program; a session snapshotted while tasklets wait on channels finishes the same
//! after a restore; the call stack lists every tasklet; blocking where no switch is possible
//! is a clear error. (The corpus runs `tests/programs/stackless` at every fuel.)

use sleepy::host::BufferedHost;
use sleepy::{Config, Pause, Program, Session, Status};

fn session(source: &str) -> Session {
    Session::new(
        Program::single("main.py", source),
        Config::default(),
        Box::new(BufferedHost::default()),
    )
    .expect("compiles")
}

/// Runs to the end (or the next checkpoint when `stop_at_checkpoint`); returns the output.
fn run(s: &mut Session, stop_at_checkpoint: bool) -> (String, Status) {
    let mut out = String::new();
    loop {
        let status = s.run(u64::MAX);
        out.push_str(&s.take_output());
        match &status {
            Status::Suspended(Pause::Checkpoint) if stop_at_checkpoint => return (out, status),
            Status::Suspended(_) => continue,
            _ => return (out, status),
        }
    }
}

const WORKER: &str = r#"
import pickle
import stackless

def worker(n):
    total = 0
    for i in range(n):
        total += i
        if i == 2:
            stackless.schedule_remove()
        stackless.schedule()
    print("worker total", total, "of", n)
"#;

#[test]
fn pickled_tasklet_resumes_in_a_fresh_interpreter() {
    let a = format!(
        "{WORKER}
t = stackless.tasklet(worker)(5)
t.name = 'w'
stackless.run()
data = pickle.dumps(t)
print('paused', t.paused)
copy = pickle.loads(data)
print('copy', copy.alive, copy.scheduled, copy.paused, copy.name, copy is t)
copy.insert()
stackless.run()
print('original still paused', t.paused)
print(data.hex())
"
    );
    let mut s = session(&a);
    let (out, status) = run(&mut s, false);
    assert_eq!(status, Status::Finished { exit_code: 0 }, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        &lines[..4],
        &[
            "paused True",
            "copy True False True w False",
            "worker total 10 of 5",
            "original still paused True"
        ],
        "{out}"
    );
    let hex = lines[4];

    // Another program, in another interpreter: the tasklet's frames, locals and code come
    // from the image; its globals are this program's `__main__`.
    let b = format!(
        "import pickle, stackless
t = pickle.loads(bytes.fromhex('{hex}'))
print(t.alive, t.scheduled, t.paused, t.name)
t.insert()
stackless.run()
print('done', t.alive)
"
    );
    let mut s = session(&b);
    let (out, status) = run(&mut s, false);
    assert_eq!(status, Status::Finished { exit_code: 0 }, "{out}");
    assert_eq!(out, "True False True w\nworker total 10 of 5\ndone False\n");

    // And it survives a snapshot of that session while it is paused in the middle.
    let c = format!(
        "import pickle, stackless, sleepy
t = pickle.loads(bytes.fromhex('{hex}'))
t.insert()
sleepy.checkpoint()
stackless.run()
"
    );
    let mut s = session(&c);
    let (first, _) = run(&mut s, true);
    let bytes = s.snapshot().expect("snapshot");
    let mut s = Session::restore(&bytes, Box::new(BufferedHost::default())).expect("restore");
    let (rest, status) = run(&mut s, false);
    assert_eq!(status, Status::Finished { exit_code: 0 });
    assert_eq!(first + &rest, "worker total 10 of 5\n");
}

const BLOCKED: &str = r#"
import sleepy
import stackless

requests = stackless.channel()
quit = stackless.channel()
log = stackless.channel()

def server():
    try:
        while True:
            ch, case, value = stackless.select([requests.receiveCase(), quit.receiveCase()])
            if ch is quit:
                print("server quits")
                return
            i, reply = value
            reply.send(i * 10)
    finally:
        print("server finally")

def client(name, n):
    mine = stackless.channel()
    got = []
    for i in range(n):
        requests.send((i, mine))
        got.append(mine.receive())
    log.send("%s %s" % (name, got))

def reader():
    for line in log:
        print("log:", line)

stackless.tasklet(server)().name = "server"
stackless.tasklet(client)("c1", 2).name = "c1"
r = stackless.tasklet(reader)()
r.name = "reader"
stackless.run()
stackless.tasklet(client)("c2", 3)
sleepy.checkpoint()
stackless.run()
quit.send(None)
log.close()
r.kill()
print("balances", requests.balance, quit.balance, log.balance)
print("runcount", stackless.getruncount(), "reader alive", r.alive)
"#;

#[test]
fn snapshot_while_tasklets_are_blocked_finishes_identically() {
    let mut plain = session(BLOCKED);
    let (expected, status) = run(&mut plain, false);
    assert_eq!(status, Status::Finished { exit_code: 0 }, "{expected}");
    assert!(expected.contains("log: c2 [0, 10, 20]"), "{expected}");

    let mut s = session(BLOCKED);
    let (first, status) = run(&mut s, true);
    assert_eq!(status, Status::Suspended(Pause::Checkpoint));
    let bytes = s.snapshot().expect("snapshot with blocked tasklets");
    drop(s);
    let mut s = Session::restore(&bytes, Box::new(BufferedHost::default())).expect("restore");
    let (rest, status) = run(&mut s, false);
    assert_eq!(status, Status::Finished { exit_code: 0 });
    assert_eq!(first + &rest, expected);

    // Every fuel budget, restored at every pause.
    for fuel in [1, 13] {
        let mut s = session(BLOCKED);
        let mut out = String::new();
        loop {
            let status = s.run(fuel);
            out.push_str(&s.take_output());
            match status {
                Status::Suspended(_) => {
                    let bytes = s.snapshot().expect("snapshot");
                    s = Session::restore(&bytes, Box::new(BufferedHost::default()))
                        .expect("restore");
                }
                Status::Finished { .. } => break,
                Status::Failed { traceback } => panic!("{traceback}"),
            }
        }
        assert_eq!(out, expected, "fuel {fuel}");
    }
}

#[test]
fn call_stack_lists_every_tasklet() {
    let mut s = session(BLOCKED);
    run(&mut s, true);
    let check = |views: Vec<sleepy::stack_view::TaskletView>| {
        let names: Vec<&str> = views.iter().map(|t| t.name.as_str()).collect();
        assert!(names.len() >= 3, "{names:?}");
        assert_eq!(names[0], "main");
        let main = &views[0];
        assert!(main.is_main && main.is_current && !main.blocked);
        assert_eq!(main.frames.last().unwrap().function, "<module>");
        let server = views.iter().find(|t| t.name == "server").expect("server listed");
        assert!(server.blocked && !server.is_current);
        assert_eq!(server.frames.first().unwrap().function, "server");
        assert!(server.frames[0].locals.iter().any(|l| l.name == "ch"), "{:?}", server.frames);
        let reader = views.iter().find(|t| t.name == "reader").expect("reader listed");
        assert!(reader.blocked && reader.frames[0].function == "reader");
        // c2 has not started: no frames of its own yet.
        let c2 = views.iter().find(|t| t.name.starts_with("tasklet ")).expect("c2 listed");
        assert!(c2.frames.is_empty() && !c2.blocked && !c2.is_current);
        let text: String = views.iter().map(|t| t.to_string()).collect();
        assert!(text.contains("tasklet main (current):"), "{text}");
        assert!(text.contains("(blocked)"), "{text}");
    };
    check(s.call_stack());
    let bytes = s.snapshot().expect("snapshot");
    check(Session::inspect(&bytes).expect("inspect"));
}

#[test]
fn blocking_where_no_switch_is_possible_is_a_clear_error() {
    let src = r#"
import stackless
ch = stackless.channel()
stackless.tasklet(lambda: ch.send(1))()
class Received:
    def __str__(self):
        return str(ch.receive())
try:
    "%s" % Received()
except RuntimeError as e:
    print("error:", e)
print(ch.receive())
try:
    import pickle
    pickle.dumps(stackless.current)
except RuntimeError as e:
    print("error:", e)
"#;
    let mut s = session(src);
    let (out, status) = run(&mut s, false);
    assert_eq!(status, Status::Finished { exit_code: 0 }, "{out}");
    assert_eq!(
        out,
        "error: stackless: receive() cannot switch tasklets here: it was called from a \
         builtin or from code a builtin called (a nested evaluation), which cannot be \
         suspended\n1\nerror: the running tasklet cannot be pickled\n"
    );
}

#[test]
fn damaged_snapshots_with_tasklets_restore_or_fail_cleanly() {
    let mut s = session(BLOCKED);
    run(&mut s, true);
    let image = s.snapshot().expect("snapshot");
    let body = sleepy::snapshot::format::open(&image).expect("opens");
    let (mut restored, mut rejected) = (0, 0);
    let bits = body.len() * 8;
    for i in 0..400 {
        let bit = i * bits / 400;
        let mut flipped = body.clone();
        flipped[bit / 8] ^= 1 << (bit % 8);
        let outcome =
            std::panic::catch_unwind(|| sleepy::snapshot::probe::restore_and_run(&flipped).is_ok());
        match outcome {
            Ok(true) => restored += 1,
            Ok(false) => rejected += 1,
            Err(_) => panic!("bit {bit} flipped: the restore panicked"),
        }
    }
    assert!(restored > 0 && rejected > 0, "restored {restored}, rejected {rejected}");
}

#[test]
fn functions_that_map_and_filter_call_can_block_on_channels() {
    // `map`, `filter` and itertools run the program's functions as continuations, so a
    // channel operation inside them switches tasklets like anywhere else.
    let src = r#"
import itertools, stackless
ch = stackless.channel()
def producer():
    for i in range(6):
        ch.send(i)
stackless.tasklet(producer)()
got = list(map(lambda _: ch.receive(), range(2)))
got += list(filter(lambda _: ch.receive() % 2 == 0, range(2)))
got += list(itertools.islice((ch.receive() for _ in itertools.count()), 2))
print(got)
"#;
    let mut s = session(src);
    let (out, status) = run(&mut s, false);
    assert_eq!(status, Status::Finished { exit_code: 0 }, "{out}");
    assert_eq!(out, "[0, 1, 0, 4, 5]\n");
}
