// `SleepyWorker`: the interpreter in a worker, so the page never blocks whatever the
// program does. Every method is async and answered between slices.

import { SleepyCrash, SnapshotError } from "./core.js";
import { isNode, nodeWorkerThreads } from "./node.js";
import type { EventMessage, Replies, Request, WorkerMessage } from "./protocol.js";
import type { RunnerStatus } from "./runner.js";
import type { Files, OutputChunk, StartOptions } from "./types.js";

/** The part of a worker this needs: browsers' `Worker` and Node's worker threads fit. */
export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  terminate(): unknown;
}

export interface SleepyWorkerOptions {
  /** Makes the worker; default: a module worker (or a Node worker thread) running
   * `worker-entry.js` from next to this file. Bundlers want their own `new Worker(new URL(…))`. */
  createWorker?: () => WorkerLike | Promise<WorkerLike>;
  /** The `.wasm` URL, if it is not next to the worker entry. */
  wasm?: string;
  /** Wall time of one slice, in milliseconds (default 8). */
  sliceMs?: number;
}

export interface SleepyWorkerEvents {
  output: (chunks: OutputChunk[]) => void;
  status: (status: RunnerStatus) => void;
  /** The program waits for `input()`; answer with `provideInput`. */
  input: (prompt: string) => void;
  /** The program called `sleepy.checkpoint()`. */
  checkpoint: () => void;
}

type Listeners = { [E in keyof SleepyWorkerEvents]: Set<SleepyWorkerEvents[E]> };

async function defaultWorker(): Promise<WorkerLike> {
  const entry = new URL("./worker-entry.js", import.meta.url);
  if (!isNode) return new Worker(entry, { type: "module" });
  const threads = await nodeWorkerThreads();
  return new threads.Worker(entry) as unknown as WorkerLike;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

function rebuildError(error: { name: string; message: string }): Error {
  if (error.name === "SnapshotError") return new SnapshotError(error.message);
  if (error.name === "SleepyCrash") return new SleepyCrash(error.message);
  return new Error(error.message);
}

export class SleepyWorker {
  #worker!: WorkerLike;
  #nextId = 1;
  #pending = new Map<number, Pending>();
  #listeners: Listeners = {
    output: new Set(),
    status: new Set(),
    input: new Set(),
    checkpoint: new Set(),
  };
  #status: RunnerStatus = { state: "idle", ticks: 0, sliceFuel: 0 };
  #build = "";

  private constructor() {}

  /** Starts a worker and loads the interpreter in it. */
  static async create(options: SleepyWorkerOptions = {}): Promise<SleepyWorker> {
    const self = new SleepyWorker();
    self.#worker = await (options.createWorker ?? defaultWorker)();
    attach(
      self.#worker,
      (m) => self.#receive(m),
      (e) => self.#fail(e),
    );
    const init: Request = { op: "init" };
    if (options.wasm !== undefined) init.wasm = options.wasm;
    if (options.sliceMs !== undefined) init.sliceMs = options.sliceMs;
    self.#build = (await self.#call(init)) as string;
    return self;
  }

  /** The interpreter build (snapshots restore only into the same one). */
  get build(): string {
    return this.#build;
  }

  /** The latest status the worker reported. */
  get status(): RunnerStatus {
    return this.#status;
  }

  on<E extends keyof SleepyWorkerEvents>(event: E, listener: SleepyWorkerEvents[E]): () => void {
    this.#listeners[event].add(listener);
    return () => this.#listeners[event].delete(listener);
  }

  /** Loads a program and (unless `run: false`) runs it. */
  start(program: string | Files, options: StartOptions & { run?: boolean } = {}) {
    const { run = true, ...start } = options;
    return this.#call({ op: "start", program, options: start, run });
  }

  /** Loads a snapshot, paused (or running with `run: true`). The bytes are copied. */
  restore(bytes: Uint8Array, options: { run?: boolean } = {}) {
    return this.#call({ op: "restore", bytes: bytes.slice(), run: options.run ?? false });
  }

  pause() {
    return this.#call({ op: "pause" });
  }

  resume() {
    return this.#call({ op: "resume" });
  }

  /** Runs to the next line (or into or out of a call) and pauses there. */
  step() {
    return this.#call({ op: "step" });
  }

  stop() {
    return this.#call({ op: "stop" });
  }

  /** The program as bytes, taken between slices; it keeps running. The `status` event that
   * comes just before the answer has the tick count the snapshot holds. */
  snapshot() {
    return this.#call({ op: "snapshot" });
  }

  /** Every tasklet's frames; with `maxFrames`, only each tasklet's innermost ones (a deep
   * recursion has more frames than a page wants to show). */
  callStack(options: { maxFrames?: number } = {}) {
    const request: Request = { op: "callStack" };
    if (options.maxFrames !== undefined) request.maxFrames = options.maxFrames;
    return this.#call(request);
  }

  transcript() {
    return this.#call({ op: "transcript" });
  }

  provideInput(line: string | null) {
    return this.#call({ op: "provideInput", line });
  }

  setSliceMs(ms: number) {
    return this.#call({ op: "setSliceMs", ms });
  }

  /** Ends the worker; pending requests fail. */
  terminate(): void {
    this.#worker.terminate();
    this.#fail(new Error("the worker was terminated"));
  }

  #call<R extends Request>(request: R): Promise<Replies[R["op"]]> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      const transfer = request.op === "restore" ? [request.bytes.buffer as ArrayBuffer] : [];
      this.#worker.postMessage({ id, ...request }, transfer);
    });
  }

  #receive(message: WorkerMessage): void {
    if ("event" in message) {
      this.#dispatch(message);
      return;
    }
    const pending = this.#pending.get(message.id);
    if (!pending) return;
    this.#pending.delete(message.id);
    if (message.ok) pending.resolve(message.value);
    else pending.reject(rebuildError(message.error));
  }

  #dispatch(message: EventMessage): void {
    switch (message.event) {
      case "output":
        for (const l of this.#listeners.output) l(message.chunks);
        return;
      case "status":
        this.#status = message.status;
        for (const l of this.#listeners.status) l(message.status);
        if (message.status.state === "input") {
          for (const l of this.#listeners.input) l(message.status.prompt ?? "");
        }
        return;
      case "checkpoint":
        for (const l of this.#listeners.checkpoint) l();
    }
  }

  #fail(error: Error): void {
    for (const p of this.#pending.values()) p.reject(error);
    this.#pending.clear();
  }
}

/** Hooks message and error handlers onto a browser worker or a Node worker thread. */
function attach(worker: WorkerLike, onMessage: (m: WorkerMessage) => void, onError: (e: Error) => void) {
  const node = worker as unknown as { on?: (event: string, f: (arg: never) => void) => void };
  if (typeof node.on === "function") {
    node.on("message", onMessage);
    node.on("error", onError);
    return;
  }
  const web = worker as unknown as Worker;
  web.onmessage = (e: MessageEvent<WorkerMessage>) => onMessage(e.data);
  web.onerror = (e) => onError(new Error(e.message));
}
