// The playground: `npm run playground` builds and serves it, `npm run dev` runs Vite's dev server.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root: here,
  // Relative asset URLs: the page works from any path (a Netlify deploy, a sub-directory).
  base: "./",
  // The worker entry awaits the interpreter at its top level.
  worker: { format: "es" },
  build: {
    outDir: fileURLToPath(new URL("../../dist-playground", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    // The interpreter is one 23 MB module; Vite's size warning is about JavaScript chunks.
    chunkSizeWarningLimit: 2048,
  },
  server: { port: 5173 },
  preview: { port: 4173 },
});
