// SleepyWorker: the interpreter in a real worker thread, driven through its async API.
import assert from "node:assert/strict";
import { test } from "node:test";

import { SleepyWorker } from "../../dist/index.js";
import { cpython, text } from "./helpers.mjs";

/** Resolves when the worker reports a status `accept` likes. */
function waitFor(worker, accept) {
  return new Promise((resolve) => {
    if (accept(worker.status)) return resolve(worker.status);
    const off = worker.on("status", (s) => {
      if (accept(s)) {
        off();
        resolve(s);
      }
    });
  });
}

function collect(worker) {
  const chunks = [];
  worker.on("output", (c) => chunks.push(...c));
  return chunks;
}

const COUNTER = [
  "i = 0",
  "while i < 200000:",
  "    i += 1",
  "    if i % 20000 == 0:",
  "        print('count', i)",
  "print('done')",
].join("\n");

test("pause, snapshot, restore into a new worker: the program continues identically", async () => {
  const expected = cpython(COUNTER);
  const first = await SleepyWorker.create();
  const firstOut = collect(first);
  await first.start(COUNTER);
  await waitFor(first, (s) => s.ticks > 50_000);
  const paused = await first.pause();
  assert.equal(paused.state, "paused");
  const ticks = paused.ticks;
  const bytes = await first.snapshot();
  const [main] = await first.callStack();
  const i = Number(main.frames[0].locals.find((l) => l.name === "i").repr);
  assert.ok(i > 0 && i < 200000, `i = ${i}`);
  // Paused means paused: no ticks pass.
  await new Promise((r) => setTimeout(r, 30));
  assert.equal((await first.pause()).ticks, ticks);
  const before = text(firstOut);
  first.terminate();

  const second = await SleepyWorker.create();
  const secondOut = collect(second);
  const restored = await second.restore(bytes);
  assert.equal(restored.state, "paused");
  assert.equal(restored.ticks, ticks);
  assert.equal(text(await second.transcript()), before);
  await second.resume();
  const end = await waitFor(second, (s) => s.state === "finished");
  assert.equal(end.exitCode, 0);
  assert.equal(before + text(secondOut), expected);
  second.terminate();
});

test("slices are calibrated to the time target and the worker answers while it runs", async () => {
  const worker = await SleepyWorker.create({ sliceMs: 4 });
  await worker.start("while True:\n    pass\n");
  await waitFor(worker, (s) => s.ticks > 200_000);
  const started = performance.now();
  const stack = await worker.callStack();
  const answered = performance.now() - started;
  assert.equal(stack[0].frames[0].function, "<module>");
  assert.ok(answered < 1000, `a request waited ${answered} ms`);
  assert.ok(worker.status.sliceFuel > 1000, `slice fuel ${worker.status.sliceFuel}`);
  await worker.stop();
  worker.terminate();
});

test("input() through the worker: an event with the prompt, then provideInput", async () => {
  const source = "a = int(input('a? '))\nb = int(input('b? '))\nprint(a + b)\n";
  const worker = await SleepyWorker.create();
  const out = collect(worker);
  const prompts = [];
  worker.on("input", (p) => prompts.push(p));
  await worker.start(source);
  await waitFor(worker, (s) => s.state === "input");
  await worker.provideInput("40");
  await waitFor(worker, (s) => s.state === "input" && s.prompt === "b? ");
  await worker.provideInput("2");
  await waitFor(worker, (s) => s.state === "finished");
  assert.deepEqual(prompts, ["a? ", "b? "]);
  assert.equal(text(out), "a? b? 42\n");
  worker.terminate();
});

test("step runs one line at a time", async () => {
  const source = "a = 1\nb = a + 1\nc = b * 10\nprint(a, b, c)\n";
  const worker = await SleepyWorker.create();
  const out = collect(worker);
  await worker.start(source, { run: false });
  const lines = [];
  for (let k = 0; k < 3; k++) {
    const s = await worker.step();
    assert.equal(s.state, "paused");
    const [main] = await worker.callStack();
    lines.push(main.frames[0].line);
  }
  assert.deepEqual(lines, [2, 3, 4]);
  const [main] = await worker.callStack();
  assert.deepEqual(
    main.frames[0].locals.map((l) => [l.name, l.repr]),
    [["a", "1"], ["b", "2"], ["c", "20"]],
  );
  assert.equal((await worker.step()).state, "finished");
  assert.equal(text(out), "1 2 20\n");
  worker.terminate();
});

test("a corrupt snapshot is rejected by the worker with a SnapshotError", async () => {
  const worker = await SleepyWorker.create();
  await assert.rejects(worker.restore(new Uint8Array([1, 2, 3])), { name: "SnapshotError" });
  // The worker still works afterwards.
  await worker.start("print('still here')\n");
  await waitFor(worker, (s) => s.state === "finished");
  worker.terminate();
});
