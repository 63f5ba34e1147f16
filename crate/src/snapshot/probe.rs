//! What the fuzz target and the replay test do with untrusted bytes: restore them, and when
//! that works, run the session for a bounded number of instructions. Bad bytes must end in a
//! `SnapshotError` (or a Python exception while running), never a panic.

use super::format;
use crate::host::{Host, Stream};
use crate::session::{Pause, Session, Status};
use crate::SnapshotError;

/// Instructions a restored session may run; enough to leave the frames the snapshot made.
pub const FUEL: u64 = 20_000;

/// A host that forgets output, has no input and lets every sleep end at once.
struct Silent;

impl Host for Silent {
    fn write(&mut self, _stream: Stream, _text: &str) {}

    fn read_line_blocking(&mut self, _prompt: &str) -> Option<Option<String>> {
        Some(None)
    }

    fn sleep_blocking(&mut self, _seconds: f64) -> bool {
        true
    }

    fn now(&self) -> f64 {
        f64::MAX / 2.0
    }
}

/// Restores `input` and runs it for at most [`FUEL`] instructions; the status it ended with.
///
/// An input that starts with the snapshot magic is a whole image (container: version,
/// checksum, compression). Anything else is taken as an image's *body* and sealed first, so
/// that a fuzzer's mutations get past the checksum and reach the decoder.
pub fn restore_and_run(input: &[u8]) -> Result<Status, SnapshotError> {
    let sealed;
    let image = if input.starts_with(format::MAGIC) {
        input
    } else {
        sealed = format::seal(input);
        &sealed
    };
    let mut session = Session::restore(image, Box::new(Silent))?;
    let end = session.ticks().saturating_add(FUEL);
    // Pauses for the host cost no instructions: count them too, so the loop is bounded.
    for _ in 0..FUEL {
        let left = end.saturating_sub(session.ticks());
        if left == 0 {
            break;
        }
        match session.run(left) {
            Status::Suspended(Pause::Input { .. }) => session.provide_input(None),
            Status::Suspended(_) => {}
            done => return Ok(done),
        }
    }
    Ok(Status::Suspended(Pause::Budget))
}
