// The messages between `SleepyWorker` (the page) and the worker entry.

import type { RunnerStatus } from "./runner.js";
import type { Files, OutputChunk, StartOptions, TaskletView } from "./types.js";

export type Request =
  | { op: "init"; wasm?: string; sliceMs?: number }
  | { op: "start"; program: string | Files; options: StartOptions; run: boolean }
  | { op: "restore"; bytes: Uint8Array; run: boolean }
  | { op: "pause" }
  | { op: "resume" }
  | { op: "step" }
  | { op: "stop" }
  | { op: "snapshot" }
  | { op: "callStack"; maxFrames?: number }
  | { op: "transcript" }
  | { op: "provideInput"; line: string | null }
  | { op: "setSliceMs"; ms: number };

/** What each request answers with. */
export interface Replies {
  init: string;
  start: RunnerStatus;
  restore: RunnerStatus;
  pause: RunnerStatus;
  resume: RunnerStatus;
  step: RunnerStatus;
  stop: RunnerStatus;
  snapshot: Uint8Array;
  callStack: TaskletView[];
  transcript: OutputChunk[];
  provideInput: RunnerStatus;
  setSliceMs: RunnerStatus;
}

export type RequestMessage = { id: number } & Request;

export type ReplyMessage =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { name: string; message: string } };

export type EventMessage =
  | { event: "output"; chunks: OutputChunk[] }
  | { event: "status"; status: RunnerStatus }
  | { event: "checkpoint" };

export type WorkerMessage = ReplyMessage | EventMessage;
