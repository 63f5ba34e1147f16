// The worker side of `SleepyWorker`: one interpreter, one hosted program, answering the
// page's requests between slices. Runs as a browser module worker or a Node worker thread.

import { Sleepy } from "./core.js";
import { isNode, nodeWorkerThreads } from "./node.js";
import type { EventMessage, ReplyMessage, Request, RequestMessage } from "./protocol.js";
import { Runner } from "./runner.js";
import type { TaskletView } from "./types.js";

interface Port {
  post(message: ReplyMessage | EventMessage, transfer?: Transferable[]): void;
  listen(handler: (message: RequestMessage) => void): void;
}

async function parentPort(): Promise<Port> {
  if (isNode) {
    const port = (await nodeWorkerThreads()).parentPort;
    if (!port) throw new Error("sleepy's worker entry must run in a worker thread");
    return {
      post: (message, transfer) => port.postMessage(message, transfer as never),
      listen: (handler) => port.on("message", handler),
    };
  }
  // A dedicated worker's global scope (the DOM library types `globalThis` as a window).
  const scope = globalThis as unknown as {
    postMessage(message: unknown, transfer: Transferable[]): void;
    onmessage: ((e: MessageEvent<RequestMessage>) => void) | null;
  };
  return {
    post: (message, transfer) => scope.postMessage(message, transfer ?? []),
    listen: (handler) => {
      scope.onmessage = (e) => handler(e.data);
    },
  };
}

const port = await parentPort();
let sleepy: Sleepy | undefined;
const runner = new Runner({
  output: (chunks) => port.post({ event: "output", chunks }),
  status: (status) => port.post({ event: "status", status }),
  checkpoint: () => port.post({ event: "checkpoint" }),
});

function interpreter(): Sleepy {
  if (!sleepy) throw new Error("the worker was not initialised");
  return sleepy;
}

function session() {
  const s = runner.session;
  if (!s) throw new Error("no program is loaded");
  return s;
}

async function handle(request: Request): Promise<unknown> {
  switch (request.op) {
    case "init":
      sleepy = await Sleepy.load(request.wasm === undefined ? {} : { wasm: request.wasm });
      if (request.sliceMs !== undefined) runner.sliceMs = request.sliceMs;
      return sleepy.build;
    case "start":
      runner.load(interpreter().start(request.program, request.options), request.run);
      return runner.status;
    case "restore":
      runner.load(interpreter().restore(request.bytes), request.run);
      return runner.status;
    case "pause":
      runner.pause();
      return runner.status;
    case "resume":
      runner.resume();
      return runner.status;
    case "step":
      runner.step();
      return runner.status;
    case "stop":
      runner.stop();
      return runner.status;
    case "snapshot": {
      const bytes = session().snapshot();
      // The status goes first, so the page knows the tick count the snapshot holds.
      port.post({ event: "status", status: runner.status });
      return bytes;
    }
    case "callStack":
      return innermost(session().callStack(), request.maxFrames);
    case "transcript":
      return session().transcript();
    case "provideInput":
      runner.provideInput(request.line);
      return runner.status;
    case "setSliceMs":
      runner.sliceMs = request.ms;
      return runner.status;
  }
}

/** Each tasklet's innermost `maxFrames` frames, counting those left out. */
function innermost(tasklets: TaskletView[], maxFrames: number | undefined): TaskletView[] {
  if (maxFrames === undefined) return tasklets;
  return tasklets.map((t) => {
    const omitted = Math.max(0, t.frames.length - Math.max(0, maxFrames));
    if (omitted === 0) return t;
    return { ...t, frames: t.frames.slice(omitted), omittedFrames: omitted };
  });
}

port.listen((message) => {
  const { id } = message;
  handle(message).then(
    (value) => {
      const transfer = value instanceof Uint8Array ? [value.buffer as ArrayBuffer] : [];
      port.post({ id, ok: true, value }, transfer);
    },
    (e: unknown) => {
      const error = e instanceof Error ? e : new Error(String(e));
      port.post({ id, ok: false, error: { name: error.name, message: error.message } });
    },
  );
});
