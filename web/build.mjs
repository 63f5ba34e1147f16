// `npm run build`: the interpreter to WebAssembly (cargo + wasm-bindgen), then the
// TypeScript package, then the playground (type-checked, bundled by Vite into
// dist-playground/). `--ts-only` reuses the last WebAssembly build. `--wasm-opt` also runs
// Binaryen's `wasm-opt -O2` over the module (the `wasm-opt` on PATH, Binaryen 116 or later:
// older ones break wasm-bindgen's externref table); it takes minutes, so it is for releases.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const glue = join(root, "web/src/wasm");
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: "inherit" });

if (!process.argv.includes("--ts-only")) {
  // A cdylib only for this build: as a crate type in Cargo.toml it would make every native
  // build link one too.
  run("cargo", [
    "rustc", "-p", "sleepy", "--lib", "--profile", "wasm",
    "--target", "wasm32-unknown-unknown", "--crate-type", "cdylib",
  ]);
  rmSync(glue, { recursive: true, force: true });
  run("wasm-bindgen", [
    join(root, "target/wasm32-unknown-unknown/wasm/sleepy.wasm"),
    "--target", "web", "--out-dir", glue, "--out-name", "sleepy",
  ]);
  if (process.argv.includes("--wasm-opt")) {
    const module = join(glue, "sleepy_bg.wasm");
    run("wasm-opt", [
      "-O2", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
      "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue",
      module, "-o", module,
    ]);
  }
}
if (!existsSync(join(glue, "sleepy_bg.wasm"))) {
  throw new Error("no WebAssembly build yet: run `npm run build` without --ts-only first");
}
rmSync(join(root, "dist"), { recursive: true, force: true });
run(join(root, "node_modules/.bin/tsc"), ["-p", "tsconfig.json"]);
mkdirSync(join(root, "dist/wasm"), { recursive: true });
cpSync(glue, join(root, "dist/wasm"), { recursive: true });
run(join(root, "node_modules/.bin/tsc"), ["-p", "web/playground/tsconfig.json"]);
run(join(root, "node_modules/.bin/vite"), ["build", "--config", "web/playground/vite.config.ts", "--logLevel", "warn"]);
