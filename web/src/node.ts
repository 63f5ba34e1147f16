// Node-only pieces, reached without a static import so that bundlers building for browsers
// leave them alone.

export const isNode = typeof process !== "undefined" && typeof process.versions?.node === "string";

export const nodeFs = () => load<typeof import("node:fs/promises")>("node:fs/promises");

export const nodeWorkerThreads = () =>
  load<typeof import("node:worker_threads")>("node:worker_threads");

function load<T>(name: string): Promise<T> {
  return import(/* @vite-ignore */ name) as Promise<T>;
}
