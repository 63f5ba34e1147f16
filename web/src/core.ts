// The synchronous core: load the interpreter once, then start, run, snapshot and restore
// programs. Usable on any thread; `SleepyWorker` hosts it in a worker for pages.

import init, { WasmSession, buildInfo, inspect as inspectBytes, lastPanic } from "./wasm/sleepy.js";
import { isNode, nodeFs } from "./node.js";
import type {
  Files,
  OutputChunk,
  Position,
  RunStatus,
  StartOptions,
  TaskletView,
} from "./types.js";

/** A snapshot that could not be written or read; `message` says why. */
export class SnapshotError extends Error {
  override name = "SnapshotError";
}

/** The interpreter itself failed (a bug in Sleepy); its instance cannot be used again. */
export class SleepyCrash extends Error {
  override name = "SleepyCrash";
}

export type WasmSource = string | URL | Response | BufferSource | WebAssembly.Module;

export interface LoadOptions {
  /** Where the `.wasm` is, or its bytes or compiled module. Default: next to this file. */
  wasm?: WasmSource;
}

let loaded: Promise<void> | undefined;

async function defaultWasm(): Promise<WasmSource> {
  const url = new URL("./wasm/sleepy_bg.wasm", import.meta.url);
  if (!isNode) return url;
  // Node's fetch does not read file: URLs.
  return (await nodeFs()).readFile(url);
}

/** Calls into the interpreter, turning a trap into an error that says what happened. */
function guard<T>(call: () => T, wrap?: (message: string) => Error): T {
  try {
    return call();
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) {
      throw new SleepyCrash(`the interpreter crashed: ${lastPanic() ?? e.message}`);
    }
    if (wrap && e instanceof Error) throw wrap(e.message);
    throw e;
  }
}

const snapshotError = (message: string) => new SnapshotError(message);

function mainFile(files: Files, main: string | undefined): string {
  if (main !== undefined) return main;
  const names = Object.keys(files);
  if (names.includes("main.py") || names.length !== 1) return "main.py";
  return names[0] as string;
}

export class Sleepy {
  private constructor() {}

  /** Loads and instantiates the interpreter (once per JavaScript realm). */
  static async load(options: LoadOptions = {}): Promise<Sleepy> {
    loaded ??= (async () => {
      const source = options.wasm ?? (await defaultWasm());
      await init({ module_or_path: source });
    })();
    try {
      await loaded;
    } catch (e) {
      loaded = undefined;
      throw e;
    }
    return new Sleepy();
  }

  /** The interpreter build; snapshots only restore into the same build. */
  get build(): string {
    return buildInfo();
  }

  /** Prepares a program (one source text, or files by name); nothing runs until `run`. */
  start(program: string | Files, options: StartOptions = {}): Session {
    const files = typeof program === "string" ? { "main.py": program } : program;
    const main = mainFile(files, options.main);
    const wasm = guard(() =>
      WasmSession.start(files, main, options.recursionLimit ?? 1000, options.hashSeed ?? 0),
    );
    return new Session(wasm);
  }

  /** A snapshot brought back, paused where it was taken; throws `SnapshotError` on bad bytes. */
  restore(bytes: Uint8Array): Session {
    return new Session(guard(() => WasmSession.restore(bytes), snapshotError));
  }

  /** A snapshot's call stack, without running it. */
  inspect(bytes: Uint8Array): TaskletView[] {
    return guard(() => inspectBytes(bytes) as TaskletView[], snapshotError);
  }
}

/** One program. Call `run` repeatedly; between calls it is paused and can be snapshotted. */
export class Session {
  #wasm: WasmSession | undefined;

  /** @internal */
  constructor(wasm: WasmSession) {
    this.#wasm = wasm;
  }

  get #session(): WasmSession {
    if (!this.#wasm) throw new Error("this session was disposed");
    return this.#wasm;
  }

  /** Runs at most `fuel` instructions. */
  run(fuel: number): RunStatus {
    return guard(() => this.#session.run(fuel) as RunStatus);
  }

  /** Output written since the last call. */
  takeOutput(): OutputChunk[] {
    return guard(() => this.#session.takeOutput() as OutputChunk[]);
  }

  /** The line a waiting `input()` returns; `null` ends the input (EOFError). */
  provideInput(line: string | null): void {
    guard(() => this.#session.provideInput(line ?? undefined));
  }

  /** The paused program as bytes; throws `SnapshotError` naming what cannot be captured. */
  snapshot(): Uint8Array {
    return guard(() => this.#session.snapshot(), snapshotError);
  }

  /** Every tasklet's frames with their locals. */
  callStack(): TaskletView[] {
    return guard(() => this.#session.callStack() as TaskletView[]);
  }

  /** The console so far (its newest 256 KB), including what was written before a restore. */
  transcript(): OutputChunk[] {
    return guard(() => this.#session.transcript() as OutputChunk[]);
  }

  /** The top frame's depth and line, or `null` once the program ended. */
  position(): Position | null {
    return guard(() => this.#session.position() as Position | null);
  }

  /** Instructions executed so far. */
  get ticks(): number {
    return guard(() => this.#session.ticks());
  }

  /** Frees the interpreter now rather than when the garbage collector gets to it. */
  dispose(): void {
    this.#wasm?.free();
    this.#wasm = undefined;
  }

  [Symbol.dispose](): void {
    this.dispose();
  }
}
