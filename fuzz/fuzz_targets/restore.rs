//! Untrusted snapshot bytes: `Session::restore` either rejects them with a `SnapshotError` or
//! gives a session that then runs a bounded number of instructions without panicking. Inputs
//! are snapshot bodies (sealed before restoring) or whole images: see `probe::restore_and_run`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = sleepy::snapshot::probe::restore_and_run(data);
});
