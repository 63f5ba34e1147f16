// Shared by the Node tests: the built package, the corpus, and CPython as the oracle.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
export const programs = join(root, "tests/programs");

/** What real CPython prints for `source`. */
export function cpython(source, stdin = "") {
  return execFileSync("python3", ["-c", source], { input: stdin, encoding: "utf8" });
}

/** A corpus program with what CPython printed for it (its `.out`, and `.err` if any). */
export function corpusProgram(name) {
  const read = (ext) => {
    const path = join(programs, `${name}.${ext}`);
    return existsSync(path) ? readFileSync(path, "utf8") : "";
  };
  return { source: read("py"), expected: read("out"), expectedErr: read("err") };
}

export const text = (chunks, stream) =>
  chunks.filter((c) => stream === undefined || c.stream === stream).map((c) => c.text).join("");

/** Lets queued tasks and timers run, like a host between slices. */
export const turn = () => new Promise((resolve) => setImmediate(resolve));
