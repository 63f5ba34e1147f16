// The invariant of the native corpus test, on a sample of the corpus in WebAssembly: run in
// slices, restoring every snapshot into a new session, the output is CPython's.
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import { Sleepy } from "../../dist/index.js";
import { corpusProgram, programs, text } from "./helpers.mjs";

const sleepy = await Sleepy.load();

/** Names in one of the corpus's lists (programs not snapshot-able everywhere yet, or whose
 * output is RustPython's rather than CPython's). */
const listed = (file) =>
  readFileSync(join(programs, file), "utf8")
    .split("\n")
    .filter((l) => l && !l.startsWith("#"))
    .map((l) => l.split(/\s/)[0]);
const excluded = new Set([...listed("SNAPSHOT_LIMITS.txt"), ...listed("KNOWN_DIFFERENCES.txt")]);
const all = readdirSync(programs)
  .filter((f) => f.endsWith(".py"))
  .map((f) => f.slice(0, -3))
  .filter((name) => !excluded.has(name));
/** Programs whose output depends on the machine word: ssize_t is 32 bits on wasm32, as on a
 * 32-bit CPython. */
const WASM32 = {
  "158_time_sys": "sys.maxsize is 2 ** 31 - 1 where ssize_t has 32 bits",
  "184_itertools_edge_cases": "product(repeat=2 ** 62) raises OverflowError where ssize_t has 32 bits",
};

// Every seventh program: a spread over the whole corpus that keeps this test short.
const sample = all.filter((_, i) => i % 7 === 0);

for (const name of sample) {
  test(`${name} with a restore at every pause (fuel 1000)`, { skip: WASM32[name] ?? false }, async () => {
    const { source, expected, expectedErr } = corpusProgram(name);
    let session = sleepy.start({ [`${name}.py`]: source });
    const out = [];
    for (;;) {
      const status = session.run(1000);
      out.push(...session.takeOutput());
      if (status.state === "finished" || status.state === "failed") break;
      if (status.state === "input") session.provideInput(null);
      if (status.state === "sleeping") await new Promise((r) => setTimeout(r, status.wakeAt - Date.now()));
      const next = sleepy.restore(session.snapshot());
      session.dispose();
      session = next;
    }
    assert.equal(text(out, "stdout"), expected);
    assert.equal(text(out, "stderr"), expectedErr);
  });
}
