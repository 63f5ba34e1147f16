// Runs a session in time slices on the thread it lives on, yielding between slices so
// that messages (pause, snapshot, a stack request) and timers get their turn. The worker
// entry hosts one; embedders can use one on the main thread too.

import type { Session } from "./core.js";
import type { OutputChunk, RunStatus, SyntaxErrorInfo } from "./types.js";

/** What a hosted program is doing. */
export type RunnerState =
  | "idle"
  | "running"
  | "paused"
  | "input"
  | "sleeping"
  | "finished"
  | "failed";

export interface RunnerStatus {
  state: RunnerState;
  ticks: number;
  /** Instructions per slice, calibrated to the slice time target. */
  sliceFuel: number;
  prompt?: string;
  wakeAt?: number;
  traceback?: string;
  exitCode?: number;
  syntaxError?: SyntaxErrorInfo;
}

export interface RunnerEvents {
  output(chunks: OutputChunk[]): void;
  /** On every change of state, and every 50 ms while running. */
  status(status: RunnerStatus): void;
  /** The program called `sleepy.checkpoint()`. */
  checkpoint(): void;
}

export interface RunnerOptions {
  /** Wall time one slice aims at, in milliseconds (default 8). */
  sliceMs?: number;
}

const FIRST_SLICE_FUEL = 10_000;
const MIN_FUEL = 100;
const MAX_FUEL = 50_000_000;
const PROGRESS_MS = 50;
/** A step that has not reached another line after this many instructions stops anyway. */
const STEP_LIMIT = 1_000_000;

/** Runs a task after the messages and timers already due. `setTimeout` is clamped to 4 ms
 * once nested, so browsers get a message round trip on a channel; Node drains a channel's
 * messages before anything else, so there `setImmediate`, which runs after pending I/O. */
function yieldingScheduler(): (task: () => void) => void {
  if (typeof setImmediate === "function") return (task) => setImmediate(task);
  const channel = new MessageChannel();
  let pending: (() => void) | undefined;
  channel.port1.onmessage = () => {
    const task = pending;
    pending = undefined;
    task?.();
  };
  return (task) => {
    pending = task;
    channel.port2.postMessage(0);
  };
}

export class Runner {
  #session: Session | undefined;
  #state: RunnerState = "idle";
  #last: RunStatus | undefined;
  #sliceMs: number;
  #fuel = FIRST_SLICE_FUEL;
  #scheduled = false;
  #lastReport = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #schedule = yieldingScheduler();
  readonly #events: RunnerEvents;

  constructor(events: RunnerEvents, options: RunnerOptions = {}) {
    this.#events = events;
    this.#sliceMs = options.sliceMs ?? 8;
  }

  get session(): Session | undefined {
    return this.#session;
  }

  get status(): RunnerStatus {
    const last = this.#last;
    const status: RunnerStatus = {
      state: this.#state,
      ticks: this.#session?.ticks ?? last?.ticks ?? 0,
      sliceFuel: this.#fuel,
    };
    // The details of the last run's outcome, while the program is still in that state.
    if (!last || last.state !== (this.#state === "paused" ? "suspended" : this.#state)) return status;
    if (last.prompt !== undefined) status.prompt = last.prompt;
    if (last.wakeAt !== undefined) status.wakeAt = last.wakeAt;
    if (last.traceback !== undefined) status.traceback = last.traceback;
    if (last.exitCode !== undefined) status.exitCode = last.exitCode;
    if (last.syntaxError !== undefined) status.syntaxError = last.syntaxError;
    return status;
  }

  set sliceMs(ms: number) {
    this.#sliceMs = Math.max(1, ms);
  }

  /** Hosts `session` (disposing the previous one), paused or running. */
  load(session: Session, run: boolean): void {
    this.#cancelTimer();
    this.#session?.dispose();
    this.#session = session;
    this.#last = undefined;
    this.#setState(run ? "running" : "paused");
    if (run) this.#kick();
  }

  pause(): void {
    if (this.#state === "running" || this.#state === "sleeping") {
      this.#cancelTimer();
      this.#setState("paused");
    }
  }

  resume(): void {
    if (this.#state === "paused") {
      this.#setState("running");
      this.#kick();
    }
  }

  /** Runs until the program reaches another line (or another frame), then pauses. */
  step(): void {
    const session = this.#session;
    if (!session || this.#state !== "paused") return;
    const start = session.position();
    let status: RunStatus | undefined;
    for (let i = 0; i < STEP_LIMIT; i++) {
      status = session.run(1);
      if (status.state !== "suspended") break;
      const now = session.position();
      if (!now || !start || now.line !== start.line || now.depth !== start.depth) break;
    }
    this.#flush();
    if (status && status.state !== "suspended") this.#conclude(status);
    else this.#setState("paused");
  }

  provideInput(line: string | null): void {
    if (this.#state !== "input" || !this.#session) return;
    this.#session.provideInput(line);
    this.#setState("running");
    this.#kick();
  }

  /** Drops the program. */
  stop(): void {
    this.#cancelTimer();
    this.#session?.dispose();
    this.#session = undefined;
    this.#last = undefined;
    this.#setState("idle");
  }

  #setState(state: RunnerState): void {
    this.#state = state;
    this.#events.status(this.status);
  }

  #kick(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    this.#schedule(() => {
      this.#scheduled = false;
      this.#slice();
    });
  }

  #cancelTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #flush(): void {
    const chunks = this.#session?.takeOutput() ?? [];
    if (chunks.length > 0) this.#events.output(chunks);
  }

  #slice(): void {
    const session = this.#session;
    if (!session || this.#state !== "running") return;
    const before = session.ticks;
    const started = performance.now();
    const status = session.run(this.#fuel);
    const elapsed = performance.now() - started;
    this.#flush();
    if (status.state === "suspended") {
      this.#calibrate(status.ticks - before, elapsed);
      if (status.checkpoint) this.#events.checkpoint();
      this.#progress(started);
      this.#kick();
      return;
    }
    this.#conclude(status);
  }

  /** While running, the status (with its tick count) goes out every PROGRESS_MS too. */
  #progress(now: number): void {
    if (now - this.#lastReport >= PROGRESS_MS) {
      this.#lastReport = now;
      this.#events.status(this.status);
    }
  }

  /** Sizes the next slice from the speed of this one (smoothed: one slow slice, e.g. a
   * garbage collection, should not halve the next). */
  #calibrate(ticks: number, elapsedMs: number): void {
    if (ticks < MIN_FUEL || elapsedMs < 0.5) {
      if (elapsedMs < 0.5) this.#fuel = Math.min(MAX_FUEL, this.#fuel * 2);
      return;
    }
    const target = (ticks / elapsedMs) * this.#sliceMs;
    const next = 0.7 * this.#fuel + 0.3 * target;
    this.#fuel = Math.round(Math.min(MAX_FUEL, Math.max(MIN_FUEL, next)));
  }

  #conclude(status: RunStatus): void {
    this.#last = status;
    switch (status.state) {
      case "input":
        this.#setState("input");
        return;
      case "sleeping": {
        this.#setState("sleeping");
        const wait = Math.max(0, (status.wakeAt ?? 0) - Date.now());
        this.#timer = setTimeout(() => {
          this.#timer = undefined;
          if (this.#state === "sleeping") {
            this.#setState("running");
            this.#slice();
          }
        }, wait);
        return;
      }
      case "finished":
      case "failed":
        this.#setState(status.state);
        return;
      case "suspended":
        this.#setState("paused");
    }
  }
}
