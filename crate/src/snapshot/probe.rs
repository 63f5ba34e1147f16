//! What the fuzz target and the replay test do with untrusted bytes: restore them, and when
//! that works, run the session for a bounded number of instructions. Bad bytes must end in a
//! `SnapshotError` (or a Python exception while running), never a panic.

use super::format;
use crate::host::Unattended;
use crate::session::{Pause, Session, Status};
use crate::SnapshotError;

/// Instructions a restored session may run; enough to leave the frames the snapshot made.
pub const FUEL: u64 = 20_000;

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
    let mut session = Session::restore(image, Box::new(Unattended::silent()))?;
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
