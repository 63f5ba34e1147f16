//! The clocks of `time` for WebAssembly. RustPython reads `time.time()` from JavaScript's
//! `Date` there, but its other clocks (`monotonic`, `perf_counter`, `time_ns`,
//! `process_time`, `thread_time`) call Rust's `std::time`, which panics on
//! `wasm32-unknown-unknown`. These read `Date.now()` instead: the monotonic ones never go
//! back, and the CPU-time ones count wall time (a page has no CPU clock). RustPython's
//! `localtime` there is UTC, so the time-zone attributes say so (`_strptime` reads them).

use std::cell::Cell;

use rustpython_vm::{PyObjectRef, PyResult, VirtualMachine};

thread_local! {
    /// The latest monotonic reading, in seconds.
    static LAST: Cell<f64> = const { Cell::new(0.0) };
}

fn wall_seconds() -> f64 {
    js_sys::Date::now() / 1000.0
}

fn monotonic_seconds() -> f64 {
    LAST.with(|last| {
        let now = wall_seconds().max(last.get());
        last.set(now);
        now
    })
}

fn nanoseconds(seconds: f64, vm: &VirtualMachine) -> PyObjectRef {
    vm.ctx.new_int((seconds * 1e9) as u128).into()
}

/// Puts the clocks in the `time` module.
pub fn install(vm: &VirtualMachine) -> PyResult<()> {
    let time = vm.import("time", 0)?;
    for name in ["monotonic", "perf_counter", "process_time", "thread_time"] {
        let f = vm.new_function(name, |vm: &VirtualMachine| vm.ctx.new_float(monotonic_seconds()));
        time.set_attr(name, f, vm)?;
        let ns = vm.new_function(name, |vm: &VirtualMachine| nanoseconds(monotonic_seconds(), vm));
        time.set_attr(vm.ctx.intern_str(format!("{name}_ns")), ns, vm)?;
    }
    let time_ns = vm.new_function("time_ns", |vm: &VirtualMachine| nanoseconds(wall_seconds(), vm));
    time.set_attr("time_ns", time_ns, vm)?;
    let utc: PyObjectRef = vm.ctx.new_str("UTC").into();
    time.set_attr("tzname", vm.ctx.new_tuple(vec![utc.clone(), utc]), vm)?;
    for name in ["timezone", "altzone", "daylight"] {
        time.set_attr(name, vm.ctx.new_int(0), vm)?;
    }
    time.set_attr("tzset", vm.new_function("tzset", |vm: &VirtualMachine| vm.ctx.none()), vm)?;
    Ok(())
}
