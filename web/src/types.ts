// The plain data the interpreter hands out. The Rust side (crate/src/wasm.rs,
// crate/src/stack_view.rs) serializes exactly these shapes.

/** Where a program is after `Session.run`. */
export type RunState = "suspended" | "input" | "sleeping" | "finished" | "failed";

export interface SyntaxErrorInfo {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, in characters. */
  column: number;
  message: string;
}

export interface RunStatus {
  state: RunState;
  /** Instructions executed since the program started (across snapshots). */
  ticks: number;
  /** `state === "input"`: the prompt `input()` printed. */
  prompt?: string;
  /** `state === "sleeping"`: when `time.sleep` ends, in milliseconds since the epoch. */
  wakeAt?: number;
  /** `state === "failed"`: the traceback, as CPython prints it. */
  traceback?: string;
  /** `state === "finished"`: the exit code (`sys.exit(n)`). */
  exitCode?: number;
  /** `state === "failed"` because the program did not compile. */
  syntaxError?: SyntaxErrorInfo;
  /** The program called `sleepy.checkpoint()`: a good moment to take a snapshot. */
  checkpoint?: true;
}

export type Stream = "stdout" | "stderr";

export interface OutputChunk {
  stream: Stream;
  text: string;
}

export interface LocalView {
  name: string;
  type: string;
  repr: string;
  /** The parts of a container (items, keys) or an object's attributes, a few levels deep and
   * the first ones only; absent for values without parts. */
  children?: LocalView[];
}

export interface FrameView {
  function: string;
  file: string;
  line: number;
  /** The source text of `line`, stripped. */
  sourceLine: string;
  locals: LocalView[];
}

export interface TaskletView {
  /** Its name: "main", the `name` the program gave it, or "tasklet <id>". */
  tasklet: string;
  /** Stackless's tasklet id (0 for the main tasklet). */
  id: number;
  isMain: boolean;
  /** The tasklet that runs; the others wait in the run queue, on a channel, or are paused. */
  isCurrent: boolean;
  /** Waiting on a channel. */
  blocked: boolean;
  /** Outermost frame first, as pdb's `where` prints them. */
  frames: FrameView[];
  /** Outermost frames left out by a `maxFrames` limit (they come before `frames[0]`). */
  omittedFrames?: number;
}

/** Where the next instruction is: cheap, for stepping line by line. */
export interface Position {
  depth: number;
  line: number;
}

/** A program's files, by name; one of them runs as `__main__`. */
export type Files = Record<string, string>;

export interface StartOptions {
  /** The file that runs as `__main__`: default `main.py`, or the only file. */
  main?: string;
  /** Frames a program may nest before `RecursionError` (default 1000, like CPython). */
  recursionLimit?: number;
  /** Seed of `hash()` for str and bytes; fixed per session so snapshots restore set order. */
  hashSeed?: number;
}
