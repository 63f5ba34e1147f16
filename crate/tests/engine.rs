//! What hosts rely on from `Session`: suspension for fuel, input, sleep and checkpoints,
//! exact resumption, exit codes, syntax errors, deep recursion.

use std::cell::RefCell;
use std::rc::Rc;

use sleepy::host::{Host, Stream};
use sleepy::{Config, Pause, Program, Session, Status};

#[derive(Default)]
struct Output {
    stdout: String,
    stderr: String,
}

struct TestHost {
    output: Rc<RefCell<Output>>,
    clock: Rc<RefCell<f64>>,
}

impl Host for TestHost {
    fn write(&mut self, stream: Stream, text: &str) {
        let mut o = self.output.borrow_mut();
        match stream {
            Stream::Stdout => o.stdout.push_str(text),
            Stream::Stderr => o.stderr.push_str(text),
        }
    }

    fn now(&self) -> f64 {
        *self.clock.borrow()
    }
}

struct Run {
    session: Session,
    output: Rc<RefCell<Output>>,
    clock: Rc<RefCell<f64>>,
}

fn start_with(source: &str, config: Config) -> Run {
    let output = Rc::new(RefCell::new(Output::default()));
    let clock = Rc::new(RefCell::new(1000.0));
    let host = TestHost { output: output.clone(), clock: clock.clone() };
    let session =
        Session::new(Program::single("main.py", source), config, Box::new(host)).expect("compiles");
    Run { session, output, clock }
}

fn start(source: &str) -> Run {
    start_with(source, Config::default())
}

/// Runs on a thread with a large stack, as hosts of deep programs should.
fn on_big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new().stack_size(1 << 30).spawn(f).unwrap().join().unwrap()
}

#[test]
fn an_endless_loop_yields_every_slice_and_resumes_where_it_stopped() {
    let mut run =
        start("n = 0\nwhile True:\n    n += 1\n    if n % 1000 == 0:\n        print(n)\n");
    for slice in 1..=20 {
        assert_eq!(run.session.run(997), Status::Suspended(Pause::Budget));
        assert_eq!(run.session.ticks(), 997 * slice);
    }
    let printed: Vec<String> = run.output.borrow().stdout.lines().map(str::to_owned).collect();
    assert!(!printed.is_empty());
    for (i, line) in printed.iter().enumerate() {
        assert_eq!(line, &((i + 1) * 1000).to_string());
    }
}

#[test]
fn input_suspends_with_its_prompt_and_takes_the_line_from_the_host() {
    let mut run = start("name = input('Name? ')\nprint('hello', name)\ntry:\n    input()\nexcept EOFError:\n    print('eof')\n");
    assert_eq!(
        run.session.run(u64::MAX),
        Status::Suspended(Pause::Input { prompt: "Name? ".into() })
    );
    assert_eq!(run.output.borrow().stdout, "Name? ");
    run.session.provide_input(Some("Ada".into()));
    assert_eq!(
        run.session.run(u64::MAX),
        Status::Suspended(Pause::Input { prompt: String::new() })
    );
    run.session.provide_input(None);
    assert_eq!(run.session.run(u64::MAX), Status::Finished { exit_code: 0 });
    assert_eq!(run.output.borrow().stdout, "Name? hello Ada\neof\n");
}

#[test]
fn sleep_suspends_until_the_host_clock_passes_the_deadline() {
    let mut run = start("import time\nprint('a')\ntime.sleep(2.5)\nprint('b')\n");
    assert_eq!(run.session.run(u64::MAX), Status::Suspended(Pause::Sleep { until: 1002.5 }));
    // Too early: nothing runs.
    assert_eq!(run.session.run(u64::MAX), Status::Suspended(Pause::Sleep { until: 1002.5 }));
    assert_eq!(run.output.borrow().stdout, "a\n");
    *run.clock.borrow_mut() = 1003.0;
    assert_eq!(run.session.run(u64::MAX), Status::Finished { exit_code: 0 });
    assert_eq!(run.output.borrow().stdout, "a\nb\n");
}

#[test]
fn a_program_can_ask_for_a_checkpoint() {
    let mut run =
        start("import sleepy\nfor i in range(3):\n    sleepy.checkpoint()\n    print(i)\n");
    for i in 0..3 {
        assert_eq!(run.session.run(u64::MAX), Status::Suspended(Pause::Checkpoint));
        assert_eq!(run.output.borrow().stdout.lines().count(), i);
    }
    assert_eq!(run.session.run(u64::MAX), Status::Finished { exit_code: 0 });
}

#[test]
fn generators_suspended_mid_iteration_resume_exactly() {
    let source = "def gen():\n    for i in range(5):\n        try:\n            yield i\n        finally:\n            print('after', i)\nprint(sum(x * x for x in gen()))\nprint([x for x in gen() if x % 2])\n";
    let mut whole = start(source);
    assert_eq!(whole.session.run(u64::MAX), Status::Finished { exit_code: 0 });
    let mut sliced = start(source);
    while sliced.session.run(1) != (Status::Finished { exit_code: 0 }) {}
    assert_eq!(sliced.output.borrow().stdout, whole.output.borrow().stdout);
}

#[test]
fn uncaught_exceptions_print_a_traceback_and_fail() {
    let mut run = start("def f():\n    raise ValueError('bad')\nf()\n");
    let status = run.session.run(u64::MAX);
    let expected = "Traceback (most recent call last):\n  File \"main.py\", line 3, in <module>\n    f()\n    ~^^\n  File \"main.py\", line 2, in f\n    raise ValueError('bad')\nValueError: bad\n";
    assert_eq!(status, Status::Failed { traceback: expected.into() });
    assert_eq!(run.output.borrow().stderr, expected);
}

#[test]
fn system_exit_sets_the_exit_code() {
    let mut run = start("import sys\nprint('bye')\nsys.exit(3)\n");
    assert_eq!(run.session.run(u64::MAX), Status::Finished { exit_code: 3 });
    let mut run = start("raise SystemExit('message')\n");
    assert_eq!(run.session.run(u64::MAX), Status::Finished { exit_code: 1 });
    assert_eq!(run.output.borrow().stderr, "message\n");
}

#[test]
fn syntax_errors_are_reported_with_file_line_and_column() {
    let host = TestHost { output: Rc::default(), clock: Rc::default() };
    let error = match Session::new(
        Program::single("bad.py", "x = 1\ny = (2 +\n"),
        Config::default(),
        Box::new(host),
    ) {
        Err(e) => e,
        Ok(_) => panic!("should not compile"),
    };
    assert_eq!(error.filename, "bad.py");
    assert_eq!(error.line, 2);
    assert!(error.to_string().contains("SyntaxError"));
}

#[test]
fn deep_recursion_works_when_the_limit_is_raised() {
    let out = on_big_stack(|| {
        let source = "def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nprint(f(100000))\n";
        let mut run = start_with(source, Config { recursion_limit: 200_000, ..Config::default() });
        assert_eq!(run.session.run(u64::MAX), Status::Finished { exit_code: 0 });
        let mut limited = start(source);
        let status = limited.session.run(u64::MAX);
        assert!(
            matches!(status, Status::Failed { ref traceback } if traceback.ends_with("RecursionError: maximum recursion depth exceeded\n")),
            "{status:?}"
        );
        let out = run.output.borrow().stdout.clone();
        out
    });
    assert_eq!(out, "100000\n");
}

#[test]
fn runaway_recursion_through_builtins_is_a_recursion_error_not_a_crash() {
    let status = on_big_stack(|| {
        let mut run =
            start("class A:\n    def __repr__(self):\n        return repr(A())\nrepr(A())\n");
        run.session.run(u64::MAX)
    });
    assert!(
        matches!(status, Status::Failed { ref traceback } if traceback.contains("RecursionError")),
        "{status:?}"
    );
}

#[test]
fn calls_from_builtins_into_python_are_counted() {
    // `str % args` is RustPython's: it calls each `__str__` in a nested run.
    let source =
        "class A:\n    def __str__(self):\n        return 'a'\nprint('%s%s' % (A(), A()))\n";
    let mut run = start(source);
    assert_eq!(run.session.run(u64::MAX), Status::Finished { exit_code: 0 });
    assert_eq!(run.output.borrow().stdout, "aa\n");
    let (entries, deepest) = run.session.nested_stats();
    assert_eq!((entries, deepest), (2, 1));
    let callees = run.session.nested_callees();
    assert_eq!(callees.len(), 1, "{callees:?}");
    assert!(callees[0].0.starts_with("A.__str__ ("), "{callees:?}");
    assert_eq!(callees[0].1, 2);
}

#[test]
fn key_functions_run_as_continuations_not_nested() {
    let mut run = start("print(sorted([3, 1, 2], key=lambda x: -x))\n");
    assert_eq!(run.session.run(u64::MAX), Status::Finished { exit_code: 0 });
    assert_eq!(run.output.borrow().stdout, "[3, 2, 1]\n");
    assert_eq!(run.session.nested_stats(), (0, 0));
}

#[test]
fn program_modules_import_from_the_hosts_files() {
    let files = [
        ("main.py", "from pkg import helper\nimport pkg.util as u\nfrom . import nothing\n"),
        ("pkg/__init__.py", "NAME = 'pkg'\n"),
        ("pkg/helper.py", "from . import util\nVALUE = util.double(21)\n"),
        ("pkg/util.py", "def double(x):\n    return 2 * x\n"),
    ];
    let program = Program {
        files: files.iter().map(|(p, s)| (p.to_string(), s.to_string())).collect(),
        main: "main.py".into(),
    };
    let output = Rc::new(RefCell::new(Output::default()));
    let host = TestHost { output: output.clone(), clock: Rc::default() };
    let mut session = Session::new(program, Config::default(), Box::new(host)).unwrap();
    let status = session.run(u64::MAX);
    // `from . import` in __main__ has no package, as in CPython.
    assert!(
        matches!(status, Status::Failed { ref traceback } if traceback.ends_with("ImportError: attempted relative import with no known parent package\n")),
        "{status:?}"
    );
    let program = Program {
        files: [
            ("main.py".to_string(), "from pkg import helper\nimport pkg.util as u\nprint(helper.VALUE, u.double(2), helper.util is u)\n".to_string()),
            ("pkg/__init__.py".to_string(), "NAME = 'pkg'\n".to_string()),
            ("pkg/helper.py".to_string(), "from . import util\nVALUE = util.double(21)\n".to_string()),
            ("pkg/util.py".to_string(), "def double(x):\n    return 2 * x\n".to_string()),
        ]
        .into_iter()
        .collect(),
        main: "main.py".into(),
    };
    let output = Rc::new(RefCell::new(Output::default()));
    let host = TestHost { output: output.clone(), clock: Rc::default() };
    let mut session = Session::new(program, Config::default(), Box::new(host)).unwrap();
    assert_eq!(session.run(3), Status::Suspended(Pause::Budget));
    while session.run(3) == Status::Suspended(Pause::Budget) {}
    assert_eq!(output.borrow().stdout, "42 4 True\n");
}
