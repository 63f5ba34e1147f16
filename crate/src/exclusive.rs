//! One thread at a time inside RustPython.
//!
//! RustPython built without its `threading` feature (as Sleepy builds it, for speed and for
//! wasm) keeps every object on the thread that made it, yet its method cache (`TYPE_CACHE`
//! in `builtins/type.rs`) is one table for the whole process, read without locks and holding
//! borrowed pointers. A lookup on one thread can load the pointer another thread's
//! interpreter is just replacing, and take and drop a reference to that other thread's
//! object: its destructor then runs on the wrong thread, or the object is already freed.
//! Sessions on two threads at once corrupted the heap that way (seen once in CI, in the
//! snapshot tests, which run on two threads). So every entry into an interpreter holds this
//! process-wide lock; a thread that holds it may take it again (a session's method calling
//! another's, a session dropped while another runs).

use std::cell::{Cell, RefCell};
use std::sync::{Mutex, MutexGuard};

static INSIDE: Mutex<()> = Mutex::new(());

thread_local! {
    static DEPTH: Cell<usize> = const { Cell::new(0) };
    static GUARD: RefCell<Option<MutexGuard<'static, ()>>> = const { RefCell::new(None) };
}

/// While this lives, no other thread runs RustPython code through Sleepy.
#[must_use]
pub struct Hold(());

pub fn hold() -> Hold {
    if DEPTH.get() == 0 {
        // A panic in another thread's session poisons nothing here: that session's objects
        // are its own, and the cache is consistent between lookups.
        let guard = INSIDE.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        GUARD.with(|g| *g.borrow_mut() = Some(guard));
    }
    DEPTH.set(DEPTH.get() + 1);
    Hold(())
}

impl Drop for Hold {
    fn drop(&mut self) {
        let depth = DEPTH.get() - 1;
        DEPTH.set(depth);
        if depth == 0 {
            GUARD.with(|g| g.borrow_mut().take());
        }
    }
}
