// sleepy-python: a Python interpreter whose running programs pause after any instruction,
// turn into bytes and resume later, in this process or another.

export { Sleepy, Session, SnapshotError, SleepyCrash } from "./core.js";
export type { LoadOptions, WasmSource } from "./core.js";
export { Runner } from "./runner.js";
export type { RunnerEvents, RunnerOptions, RunnerState, RunnerStatus } from "./runner.js";
export { SleepyWorker } from "./worker.js";
export type { SleepyWorkerEvents, SleepyWorkerOptions, WorkerLike } from "./worker.js";
export type * from "./types.js";
