// Benchmarks (not tests): WebAssembly vs native Sleepy on tests/bench, load and start-up
// time, and the size of the .wasm raw and compressed. `npm run bench` after `npm run build`
// and `cargo build --release`.
//
// Both engines are timed end to end (compile + run, the program's output collected) minus
// the same for an empty program, best of RUNS, taking turns.
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

import { root } from "./helpers.mjs";

const RUNS = 3;
const filter = process.argv[2] ?? "";
const native = join(root, "target/release/sleepy");
const wasmPath = join(root, "dist/wasm/sleepy_bg.wasm");

const loadStart = performance.now();
const { Sleepy } = await import("../../dist/index.js");
const sleepy = await Sleepy.load();
const loadMs = performance.now() - loadStart;
const initStart = performance.now();
sleepy.start("pass").run(1);
const firstSessionMs = performance.now() - initStart;

function wasmRun(source) {
  const started = performance.now();
  const session = sleepy.start(source);
  let status;
  do status = session.run(10_000);
  while (status.state === "suspended");
  const out = session.takeOutput().map((c) => c.text).join("");
  session.dispose();
  if (status.state !== "finished") throw new Error(status.traceback);
  return [performance.now() - started, out];
}

function nativeRun(...program) {
  const started = performance.now();
  const out = execFileSync(native, ["run", ...program, "--fuel", "10000"], { encoding: "utf8" });
  return [performance.now() - started, out];
}

const best = (f) => {
  let result = [Infinity, ""];
  for (let i = 0; i < RUNS; i++) {
    const r = f();
    if (r[0] < result[0]) result = r;
  }
  return result;
};

const wasmBase = best(() => wasmRun("pass"))[0];
const nativeBase = best(() => nativeRun("-c", "pass"))[0];

console.log("| program | native | wasm | wasm / native |");
console.log("|---|---|---|---|");
let logRatio = 0;
let count = 0;
const benchDir = join(root, "tests/bench");
for (const name of readdirSync(benchDir).filter((f) => f.endsWith(".py") && f.includes(filter)).sort()) {
  const file = join(benchDir, name);
  const source = readFileSync(file, "utf8");
  const [n, nOut] = best(() => nativeRun(file));
  const [w, wOut] = best(() => wasmRun(source));
  if (nOut !== wOut) console.error(`warning: ${name}: wasm printed ${JSON.stringify(wOut)}, native ${JSON.stringify(nOut)}`);
  const ratio = (w - wasmBase) / (n - nativeBase);
  logRatio += Math.log(ratio);
  count++;
  console.log(`| ${name} | ${(n - nativeBase).toFixed(0)} ms | ${(w - wasmBase).toFixed(0)} ms | ${ratio.toFixed(2)}x |`);
}
console.log(`\ngeometric mean: wasm takes ${Math.exp(logRatio / count).toFixed(2)}x the time of native`);

const wasm = readFileSync(wasmPath);
const mb = (n) => `${(n / 1e6).toFixed(2)} MB`;
const brotli = brotliCompressSync(wasm, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
console.log(`\n.wasm: ${mb(wasm.length)} raw, ${mb(gzipSync(wasm, { level: 9 }).length)} gzip -9, ${mb(brotli.length)} brotli -11`);
console.log(`load (import + compile + instantiate): ${loadMs.toFixed(0)} ms; first session (interpreter + stdlib init): ${firstSessionMs.toFixed(0)} ms`);
