//! The `sleepy` command line.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use sleepy::host::{Host, Stream};
use sleepy::{Config, Pause, Program, Session, Status};

#[derive(Parser)]
#[command(name = "sleepy", version, about = "A Python interpreter you can pause, save and resume")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run a program.
    Run {
        /// The program file.
        file: Option<PathBuf>,
        /// Program passed as a string.
        #[arg(short = 'c', conflicts_with = "file")]
        code: Option<String>,
        /// Maximum depth of Python calls.
        #[arg(long, default_value_t = 1000)]
        recursion_limit: usize,
        #[command(flatten)]
        drive: Drive,
    },
    /// Continue a program from a snapshot written by `--checkpoint`.
    Resume {
        snapshot: PathBuf,
        #[command(flatten)]
        drive: Drive,
    },
    /// Print a snapshot's call stack and locals, without running it.
    Inspect { snapshot: PathBuf },
    /// Show the bytecode Sleepy compiles a file to.
    Dis { file: PathBuf },
}

/// How a running program is driven.
#[derive(clap::Args)]
struct Drive {
    /// Run in slices of this many instructions, resuming after each.
    #[arg(long)]
    fuel: Option<u64>,
    /// Print instruction and nesting counts to stderr at the end.
    #[arg(long)]
    stats: bool,
    /// At every suspension, write the program to bytes, drop the interpreter and continue
    /// in a new one restored from them (the output must not change).
    #[arg(long)]
    roundtrip: bool,
    /// Write a snapshot to this file while running (see --every), whenever the program calls
    /// `sleepy.checkpoint()`, and on Ctrl-C. The file keeps the last one written.
    #[arg(long)]
    checkpoint: Option<PathBuf>,
    /// Seconds between snapshots with --checkpoint.
    #[arg(long, default_value_t = 5.0, requires = "checkpoint")]
    every: f64,
}

/// Instructions between looks at the clock and at Ctrl-C when checkpointing.
const CHECKPOINT_SLICE: u64 = 100_000;

/// The terminal: output goes straight to stdout/stderr, input comes from stdin.
struct Terminal;

impl Host for Terminal {
    fn write(&mut self, stream: Stream, text: &str) {
        match stream {
            Stream::Stdout => {
                let mut out = std::io::stdout().lock();
                let _ = out.write_all(text.as_bytes());
                let _ = out.flush();
            }
            Stream::Stderr => {
                let _ = std::io::stderr().lock().write_all(text.as_bytes());
            }
        }
    }

    fn read_line_blocking(&mut self, _prompt: &str) -> Option<Option<String>> {
        Some(read_stdin_line())
    }

    fn sleep_blocking(&mut self, seconds: f64) -> bool {
        std::thread::sleep(std::time::Duration::from_secs_f64(seconds));
        true
    }

    fn now(&self) -> f64 {
        sleepy::host::now_seconds()
    }
}

fn read_stdin_line() -> Option<String> {
    let mut line = String::new();
    match std::io::stdin().lock().read_line(&mut line) {
        Ok(0) | Err(_) => None,
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Some(line)
        }
    }
}

/// The program: the script, plus the `.py` files of its directory tree, importable as the
/// program's own modules (as CPython puts the script's directory first on `sys.path`).
fn with_sibling_modules(path: &Path, source: String) -> Program {
    let mut program = Program::single(&path.display().to_string(), &source);
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut pending = vec![(dir.to_path_buf(), String::new(), 0)];
    while let Some((dir, prefix, depth)) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || name == "__pycache__" {
                continue;
            }
            let entry_path = entry.path();
            if entry_path.is_dir() && depth < 4 {
                pending.push((entry_path, format!("{prefix}{name}/"), depth + 1));
            } else if name.ends_with(".py") && program.files.len() < 2000 {
                if let Ok(text) = std::fs::read_to_string(&entry_path) {
                    program.files.insert(format!("{prefix}{name}"), text);
                }
            }
        }
    }
    program
}

fn run(
    file: Option<PathBuf>,
    code: Option<String>,
    recursion_limit: usize,
    drive: Drive,
) -> ExitCode {
    let program = match (file, code) {
        (_, Some(code)) => Program::single("<string>", &code),
        (Some(path), None) => match std::fs::read_to_string(&path) {
            Ok(source) => with_sibling_modules(&path, source),
            Err(e) => {
                eprintln!("sleepy: can't open file '{}': {e}", path.display());
                return ExitCode::from(2);
            }
        },
        (None, None) => {
            eprintln!("sleepy run: give a FILE or -c CODE");
            return ExitCode::from(2);
        }
    };
    let config = Config { recursion_limit, ..Config::default() };
    match Session::new(program, config, Box::new(Terminal)) {
        Ok(session) => drive_session(session, &drive),
        Err(e) => {
            eprint!("{e}");
            ExitCode::from(1)
        }
    }
}

fn read_snapshot(path: &Path) -> Result<Vec<u8>, ExitCode> {
    std::fs::read(path).map_err(|e| {
        eprintln!("sleepy: can't read snapshot '{}': {e}", path.display());
        ExitCode::from(2)
    })
}

fn resume(path: &Path, drive: Drive) -> ExitCode {
    let bytes = match read_snapshot(path) {
        Ok(b) => b,
        Err(code) => return code,
    };
    match Session::restore(&bytes, Box::new(Terminal)) {
        Ok(session) => drive_session(session, &drive),
        Err(e) => {
            eprintln!("sleepy: {}: {e}", path.display());
            ExitCode::from(1)
        }
    }
}

fn inspect(path: &Path) -> ExitCode {
    let bytes = match read_snapshot(path) {
        Ok(b) => b,
        Err(code) => return code,
    };
    match Session::inspect(&bytes) {
        Ok(tasklets) => {
            for t in tasklets {
                print!("{t}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("sleepy: {}: {e}", path.display());
            ExitCode::from(1)
        }
    }
}

/// Writes `bytes` to `path` through a temporary file, so a crash never leaves half a snapshot.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = path.with_extension("partial");
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
}

fn save(session: &Session, path: &Path) -> bool {
    match session.snapshot().map_err(|e| e.to_string()).and_then(|bytes| {
        write_atomically(path, &bytes).map_err(|e| format!("can't write '{}': {e}", path.display()))
    }) {
        Ok(()) => true,
        Err(e) => {
            eprintln!("sleepy: snapshot not written: {e}");
            false
        }
    }
}

fn drive_session(mut session: Session, drive: &Drive) -> ExitCode {
    let interrupted = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    if drive.checkpoint.is_some() {
        let flag = interrupted.clone();
        if let Err(e) =
            ctrlc::set_handler(move || flag.store(true, std::sync::atomic::Ordering::SeqCst))
        {
            eprintln!("sleepy: Ctrl-C will not write a snapshot: {e}");
        }
    }
    let slice = match (drive.fuel, &drive.checkpoint) {
        (Some(f), _) => f,
        (None, Some(_)) => CHECKPOINT_SLICE,
        (None, None) => u64::MAX,
    };
    let mut last_save = std::time::Instant::now();
    let code = loop {
        let status = session.run(slice);
        if let (Some(path), Status::Suspended(_)) = (&drive.checkpoint, &status) {
            if interrupted.load(std::sync::atomic::Ordering::SeqCst) {
                let saved = save(&session, path);
                if saved {
                    eprintln!(
                        "\nsleepy: interrupted; resume with: sleepy resume {}",
                        path.display()
                    );
                }
                std::mem::forget(session);
                return ExitCode::from(130);
            }
            let asked = matches!(status, Status::Suspended(Pause::Checkpoint));
            if asked || last_save.elapsed().as_secs_f64() >= drive.every {
                save(&session, path);
                last_save = std::time::Instant::now();
            }
        }
        if drive.roundtrip && matches!(status, Status::Suspended(_)) {
            let restored =
                session.snapshot().and_then(|bytes| Session::restore(&bytes, Box::new(Terminal)));
            session = match restored {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("sleepy: {e}");
                    return ExitCode::from(1);
                }
            };
        }
        match status {
            Status::Suspended(Pause::Budget) | Status::Suspended(Pause::Checkpoint) => {}
            Status::Suspended(Pause::Input { .. }) => session.provide_input(read_stdin_line()),
            Status::Suspended(Pause::Sleep { until }) => {
                let wait = until - sleepy::host::now_seconds();
                if wait > 0.0 {
                    std::thread::sleep(std::time::Duration::from_secs_f64(wait));
                }
            }
            Status::Finished { exit_code } => break exit_code,
            Status::Failed { .. } => break 1,
        }
    };
    if drive.stats {
        let (entries, deepest) = session.nested_stats();
        eprintln!(
            "instructions: {}\nnested entries: {entries}\ndeepest nesting: {deepest}",
            session.ticks()
        );
        let callees = session.nested_callees();
        for (callee, entries) in callees.iter().take(NESTED_CALLEES_SHOWN) {
            eprintln!("  {entries:>8}  {callee}");
        }
        if callees.len() > NESTED_CALLEES_SHOWN {
            eprintln!("  ... and {} more", callees.len() - NESTED_CALLEES_SHOWN);
        }
    }
    // The interpreter is torn down with the process: dropping it at exit is not needed.
    std::mem::forget(session);
    ExitCode::from(code.clamp(0, 255) as u8)
}

/// How many of the most entered callees `--stats` lists.
const NESTED_CALLEES_SHOWN: usize = 12;

fn dis(path: &std::path::Path) -> ExitCode {
    let source = match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("sleepy: can't open file '{}': {e}", path.display());
            return ExitCode::from(2);
        }
    };
    match sleepy::compiler::compile(
        &source,
        &path.display().to_string(),
        sleepy::compiler::Mode::Exec,
    ) {
        Ok(code) => {
            print!("{}", code.disassemble());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprint!("{e}");
            ExitCode::from(1)
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Deep recursion through native calls uses the Rust stack: give the interpreter room.
    let child = std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(move || match cli.command {
            Command::Run { file, code, recursion_limit, drive } => {
                run(file, code, recursion_limit, drive)
            }
            Command::Resume { snapshot, drive } => resume(&snapshot, drive),
            Command::Inspect { snapshot } => inspect(&snapshot),
            Command::Dis { file } => dis(&file),
        })
        .expect("spawn interpreter thread");
    child.join().unwrap_or(ExitCode::from(70))
}
