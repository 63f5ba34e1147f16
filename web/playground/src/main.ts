// The playground page: wires the editor, console, stack panel and snapshot history to one
// interpreter in a worker, and keeps the program in IndexedDB so a reload carries on.

import "./style.css";
import { SleepyWorker, type RunnerState, type RunnerStatus } from "../../src/index.ts";
import { BundleError, MAX_LINK_CHARS, decodeBundle, encodeBundle, fragmentBytes, linkFragment, type Bundle } from "./bundle.ts";
import { Console } from "./console.ts";
import { Editor, type Location } from "./editor.ts";
import { DEFAULT_EXAMPLE, EXAMPLES } from "./examples.ts";
import { History } from "./history.ts";
import { StackPanel } from "./stack.ts";
import { Store, StoreError, type SavedState, type SessionRecord } from "./store.ts";

const MAIN = "main.py";
/** How often a loaded program is saved while it changes. */
const AUTOSAVE_MS = 2000;
/** How often the stack panel follows a running program. */
const LIVE_STACK_MS = 500;
/** Frames per tasklet the stack panel shows (the innermost). */
const SHOWN_FRAMES = 60;

const STATE_TEXT: Record<RunnerState, string> = {
  idle: "ready",
  running: "running",
  paused: "paused",
  input: "waiting for input",
  sleeping: "sleeping",
  finished: "finished",
  failed: "failed",
};

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page has no #${id}`);
  return element as T;
}

const ui = {
  run: byId<HTMLButtonElement>("run"),
  pause: byId<HTMLButtonElement>("pause"),
  resume: byId<HTMLButtonElement>("resume"),
  step: byId<HTMLButtonElement>("step"),
  stop: byId<HTMLButtonElement>("stop"),
  reset: byId<HTMLButtonElement>("reset"),
  share: byId<HTMLButtonElement>("share"),
  download: byId<HTMLButtonElement>("download"),
  upload: byId<HTMLInputElement>("upload"),
  examples: byId<HTMLSelectElement>("examples"),
  speed: byId<HTMLInputElement>("speed"),
  speedValue: byId<HTMLOutputElement>("speed-value"),
  tabs: byId<HTMLElement>("tabs"),
  status: byId<HTMLElement>("status"),
  ticks: byId<HTMLElement>("ticks"),
  snapshotSize: byId<HTMLElement>("snapshot-size"),
  notice: byId<HTMLElement>("notice"),
};

function newSessionId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

function kilobytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0)} KB`;
}

/** The last `File "…", line N` of a traceback: where the program failed. */
function failureLocation(traceback: string): Location | undefined {
  const all = [...traceback.matchAll(/File "([^"]+)", line (\d+)/g)];
  const last = all[all.length - 1];
  return last && { file: last[1]!, line: Number(last[2]) };
}

class Playground {
  readonly #worker: SleepyWorker;
  readonly #store: Store | undefined;
  readonly #editor: Editor;
  readonly #console: Console;
  readonly #stack: StackPanel;
  readonly #history: History;
  #status: RunnerStatus = { state: "idle", ticks: 0, sliceFuel: 0 };
  #sessionId = newSessionId();
  /** What the saved copy holds, to skip saves that would change nothing. */
  #saved = { ticks: -1, state: "" as string };
  #saving: Promise<void> = Promise.resolve();
  #autosaveOff = false;
  /** Set while a snapshot is being loaded: its passing states are not worth saving. */
  #loading = false;
  #liveStack: ReturnType<typeof setInterval> | undefined;
  #filesDirty: ReturnType<typeof setTimeout> | undefined;

  constructor(worker: SleepyWorker, store: Store | undefined) {
    this.#worker = worker;
    this.#store = store;
    this.#editor = new Editor(byId("editor"), {
      change: () => this.#filesChanged(),
      run: () => void this.run(),
      tabs: () => this.#renderTabs(),
    });
    this.#console = new Console(byId("console"), {
      jump: (location) => this.#editor.reveal(location, "error"),
      submit: (line) => void this.#worker.provideInput(line),
    });
    this.#stack = new StackPanel(byId("stack"), {
      select: (location) => this.#editor.reveal(location),
    });
    this.#history = new History(byId("history"), {
      restore: (id) => void this.#restoreFromHistory(id),
    });
    worker.on("output", (chunks) => this.#console.append(chunks));
    worker.on("status", (status) => this.#onStatus(status));
    this.#wireControls();
    setInterval(() => void this.#autosave(), AUTOSAVE_MS);
    // A page being hidden or closed may not come back: save what there is now.
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "hidden") void this.#autosave();
    });
    addEventListener("pagehide", () => void this.#autosave());
  }

  /** Opens what the page was asked for: a shared program, else the last session. */
  async open(): Promise<void> {
    let shared: Uint8Array | undefined;
    try {
      shared = fragmentBytes(location.hash);
    } catch (e) {
      this.#brokenLink(e);
    }
    if (shared) {
      history.replaceState(null, "", location.pathname + location.search);
      try {
        await this.#openBundle(await decodeBundle(shared), "link");
        return;
      } catch (e) {
        this.#brokenLink(e);
      }
    }
    if (await this.#resumeSaved()) return;
    this.#editor.load(DEFAULT_EXAMPLE.files, MAIN);
    ui.examples.value = DEFAULT_EXAMPLE.id;
    this.#onStatus(this.#status);
  }

  /** Runs the editor's files from the start, as a new session. */
  async run(): Promise<void> {
    await this.#begin(true);
  }

  async #begin(run: boolean): Promise<void> {
    this.#sessionId = newSessionId();
    this.#saved = { ticks: -1, state: "" };
    this.#console.clear();
    this.#stack.clear("Starting…");
    this.#editor.mark(undefined);
    this.#history.show([]);
    await this.#worker.start(this.#editor.files(), { main: MAIN, run });
  }

  #wireControls(): void {
    ui.run.addEventListener("click", () => void this.run());
    ui.pause.addEventListener("click", () => void this.#worker.pause());
    ui.resume.addEventListener("click", () => void this.#worker.resume());
    ui.step.addEventListener("click", () => void this.#step());
    ui.stop.addEventListener("click", () => void this.#stop());
    ui.reset.addEventListener("click", () => void this.#reset());
    ui.share.addEventListener("click", () => void this.#share());
    ui.download.addEventListener("click", () => void this.#download());
    ui.upload.addEventListener("change", () => void this.#upload());
    for (const example of EXAMPLES) ui.examples.add(new Option(example.title, example.id));
    ui.examples.addEventListener("change", () => void this.#loadExample(ui.examples.value));
    ui.speed.addEventListener("input", () => {
      const ms = Number(ui.speed.value);
      ui.speedValue.value = `${ms} ms`;
      void this.#worker.setSliceMs(ms);
    });
    addEventListener("keydown", (e) => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void this.run();
      }
    });
  }

  async #step(): Promise<void> {
    const state = this.#status.state;
    if (state === "idle" || state === "finished" || state === "failed") {
      // Stepping a program that is not loaded starts it, paused before its first line.
      await this.#begin(false);
      return;
    }
    await this.#worker.step();
    await this.#showStack(true);
  }

  async #stop(): Promise<void> {
    await this.#autosave();
    await this.#worker.stop();
    this.#console.cancelAsk();
    this.#console.note("Stopped.");
  }

  async #reset(): Promise<void> {
    await this.#worker.stop();
    this.#console.clear();
    this.#stack.clear("Not running.");
    this.#editor.mark(undefined);
    this.#history.show([]);
    this.#sessionId = newSessionId();
    this.#saveFiles();
  }

  async #loadExample(id: string): Promise<void> {
    const example = EXAMPLES.find((e) => e.id === id);
    if (!example) return;
    await this.#reset();
    this.#editor.load(example.files, MAIN);
    this.#saveFiles();
  }

  #onStatus(status: RunnerStatus): void {
    const previous = this.#status.state;
    this.#status = status;
    const state = status.state;
    ui.status.textContent = STATE_TEXT[state];
    ui.status.dataset.state = state;
    ui.ticks.textContent = status.ticks > 0 ? `${status.ticks.toLocaleString("en-US")} ticks` : "";
    const loaded = state !== "idle";
    ui.pause.disabled = state !== "running" && state !== "sleeping";
    ui.resume.disabled = state !== "paused";
    ui.step.disabled = state !== "paused" && state !== "idle" && state !== "finished" && state !== "failed";
    ui.stop.disabled = !loaded || state === "finished" || state === "failed";
    this.#followStack(state === "running" || state === "sleeping" || state === "input");
    if (state === previous) return;
    if (previous === "input") this.#console.cancelAsk();
    switch (state) {
      case "paused":
        void this.#showStack(true);
        break;
      case "input":
        this.#console.ask();
        void this.#showStack(false);
        break;
      case "running":
        this.#editor.mark(undefined);
        break;
      case "finished":
        this.#console.flush();
        this.#console.note(status.exitCode ? `Finished with exit code ${status.exitCode}.` : "Finished.");
        this.#stack.clear("Finished.");
        this.#editor.mark(undefined);
        break;
      case "failed":
        this.#failed(status);
        break;
      case "idle":
        // Stopped: a reload must not bring the program back.
        this.#saveFiles();
        break;
      case "sleeping":
        break;
    }
    void this.#autosave();
  }

  #failed(status: RunnerStatus): void {
    this.#console.flush();
    this.#stack.clear("The program failed.");
    const error = status.syntaxError;
    if (error) {
      this.#editor.reveal({ file: error.file, line: error.line }, "error");
      return;
    }
    const where = failureLocation(status.traceback ?? "");
    if (where) this.#editor.mark(where, "error");
  }

  /** While the program runs, the stack panel refreshes itself. */
  #followStack(on: boolean): void {
    if (on && this.#liveStack === undefined) {
      this.#liveStack = setInterval(() => void this.#showStack(false), LIVE_STACK_MS);
    } else if (!on && this.#liveStack !== undefined) {
      clearInterval(this.#liveStack);
      this.#liveStack = undefined;
    }
  }

  async #showStack(markLine: boolean): Promise<void> {
    try {
      const tasklets = await this.#worker.callStack({ maxFrames: SHOWN_FRAMES });
      const state = this.#status.state;
      if (state === "idle" || state === "finished" || state === "failed") return;
      this.#stack.show(tasklets);
      if (markLine) this.#editor.mark(this.#stack.current());
    } catch {
      // The program ended between the request and the answer: nothing to show.
    }
  }

  /** Saves the session, with a snapshot if the program is loaded and moved since the last. */
  #autosave(): Promise<void> {
    this.#saving = this.#saving.then(() => this.#saveNow()).catch(() => undefined);
    return this.#saving;
  }

  async #saveNow(): Promise<void> {
    const store = this.#store;
    if (!store || this.#autosaveOff || this.#loading) return;
    if (this.#status.state === "idle") return;
    if (this.#status.ticks === this.#saved.ticks && this.#status.state === this.#saved.state) return;
    let bytes: Uint8Array;
    try {
      bytes = await this.#worker.snapshot();
    } catch (e) {
      const { state, ticks } = this.#status;
      // A program that did not compile has nothing to snapshot; one holding an object that
      // cannot be captured says which. The files and the state are still worth keeping.
      if (state !== "failed") this.#notice(`No snapshot: ${e instanceof Error ? e.message : String(e)}`, "error");
      this.#saved = { ticks, state };
      await store.save(this.#record(state));
      return;
    }
    // The status that came with the snapshot says where it was taken.
    const { state, ticks } = this.#status;
    ui.snapshotSize.textContent = `snapshot ${kilobytes(bytes.byteLength)}`;
    const snapshot = { bytes, ticks, state, takenAt: Date.now() };
    try {
      await store.save(this.#record(state), snapshot);
    } catch (e) {
      if (!(e instanceof StoreError && e.quota)) throw this.#storageFailed(e);
      // Out of room: keep only the newest snapshots and try once more.
      try {
        await store.prune();
        await store.save(this.#record(state), snapshot);
        this.#notice(`Storage was full: older snapshots were dropped to keep this one.`);
      } catch (again) {
        this.#autosaveOff = true;
        throw this.#storageFailed(again);
      }
    }
    this.#saved = { ticks, state };
    this.#history.show(await store.history(this.#sessionId));
  }

  #storageFailed(e: unknown): unknown {
    const reason = e instanceof Error ? e.message : String(e);
    const off = this.#autosaveOff ? " Autosave is off until the page is reloaded." : "";
    this.#notice(`Could not save the program: ${reason}.${off}`, "error");
    this.#console.note(`Could not save the program: ${reason}.${off}`, "error");
    return e;
  }

  #record(state: SavedState): SessionRecord {
    return {
      id: this.#sessionId,
      files: this.#editor.files(),
      main: MAIN,
      active: this.#editor.active,
      state,
      updatedAt: Date.now(),
    };
  }

  #filesChanged(): void {
    clearTimeout(this.#filesDirty);
    this.#filesDirty = setTimeout(() => this.#saveFiles(), 500);
  }

  /** Saves the editor's files (keeping the program's last snapshot as it is). */
  #saveFiles(): void {
    const store = this.#store;
    if (!store || this.#loading) return;
    const state = this.#status.state;
    this.#saving = this.#saving
      .then(() => store.save(this.#record(state)))
      .catch((e: unknown) => void this.#storageFailed(e));
  }

  /** Brings back the session the page showed before it was reloaded. */
  async #resumeSaved(): Promise<boolean> {
    const store = this.#store;
    if (!store) return false;
    let record: SessionRecord | undefined;
    try {
      record = await store.currentSession();
    } catch (e) {
      this.#storageFailed(e);
      return false;
    }
    if (!record) return false;
    this.#sessionId = record.id;
    this.#editor.load(record.files, record.active);
    let summaries;
    try {
      summaries = await store.history(record.id);
    } catch (e) {
      this.#storageFailed(e);
      return true;
    }
    this.#history.show(summaries);
    const newest = summaries[0];
    if (record.state === "idle" || !newest) return true;
    try {
      await this.#load(await store.bytes(newest.id), record.state, newest.ticks);
    } catch (e) {
      this.#couldNotRestore(e, "the saved program");
    }
    return true;
  }

  async #restoreFromHistory(id: number): Promise<void> {
    const store = this.#store;
    if (!store) return;
    try {
      await this.#load(await store.bytes(id), "paused", undefined);
      this.#notice(`Restored snapshot ${id}, paused.`);
    } catch (e) {
      this.#couldNotRestore(e, `snapshot ${id}`);
    }
  }

  /** Loads a snapshot: running on if it was running, else paused; the console shows what
   * the program printed before. */
  async #load(bytes: Uint8Array, state: SavedState, ticks: number | undefined): Promise<void> {
    const run = state === "running" || state === "sleeping" || state === "input";
    this.#console.clear();
    this.#stack.clear("Restoring…");
    this.#editor.mark(undefined);
    this.#saved = { ticks: ticks ?? -1, state };
    this.#loading = true;
    try {
      await this.#worker.restore(bytes, { run: false });
      ui.snapshotSize.textContent = `snapshot ${kilobytes(bytes.byteLength)}`;
      this.#console.append(await this.#worker.transcript());
      this.#console.flush();
      if (state === "finished" || state === "failed") {
        // Nothing left to run: show what it printed, and leave it ended.
        await this.#worker.stop();
        this.#console.note(state === "failed" ? "(The program had failed.)" : "(The program had finished.)");
      } else if (run) {
        await this.#worker.resume();
      }
    } finally {
      this.#loading = false;
    }
  }

  #couldNotRestore(e: unknown, what: string): void {
    const reason = e instanceof Error ? e.message : String(e);
    this.#console.note(`Could not restore ${what}: ${reason}. The code is loaded; Run starts it again.`, "error");
    this.#notice(`Could not restore ${what}.`, "error");
    this.#stack.clear("Not running.");
  }

  #brokenLink(e: unknown): void {
    const reason = e instanceof BundleError ? e.message : `it could not be read (${String(e)})`;
    const text = `This share link could not be opened: ${reason}.`;
    this.#console.note(text, "error");
    this.#notice(text, "error");
  }

  /** A shared or uploaded program: its files, and its snapshot restored paused. */
  async #openBundle(bundle: Bundle, source: string): Promise<void> {
    await this.#worker.stop();
    this.#sessionId = newSessionId();
    this.#editor.load(bundle.files, bundle.active);
    this.#history.show([]);
    if (!bundle.snapshot) {
      this.#console.clear();
      this.#console.note(`Opened a program from a ${source}.`);
      this.#saveFiles();
      return;
    }
    try {
      await this.#load(bundle.snapshot, "paused", undefined);
      this.#console.note(`Opened a running program from a ${source}, paused. Resume continues it.`);
    } catch (e) {
      this.#couldNotRestore(e, `the program in the ${source}`);
    }
  }

  async #bundle(): Promise<Bundle> {
    const state = this.#status.state;
    const bundle: Bundle = {
      files: this.#editor.files(),
      main: MAIN,
      active: this.#editor.active,
      state,
    };
    if (state !== "idle") bundle.snapshot = await this.#worker.snapshot();
    return bundle;
  }

  async #share(): Promise<void> {
    const fragment = await linkFragment(await this.#bundle());
    if (fragment.length > MAX_LINK_CHARS) {
      this.#notice(`This program is too big for a link (${kilobytes(fragment.length)}): use Download.`, "error");
      return;
    }
    const url = `${location.origin}${location.pathname}${location.search}${fragment}`;
    ui.share.dataset.link = url;
    try {
      await navigator.clipboard.writeText(url);
      this.#notice(`Link copied (${kilobytes(fragment.length)}).`);
    } catch {
      this.#notice(`The link is ready (${kilobytes(fragment.length)}) but the clipboard refused it.`);
      this.#console.note(url);
    }
  }

  async #download(): Promise<void> {
    const bytes = await encodeBundle(await this.#bundle());
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([bytes as BlobPart], { type: "application/octet-stream" }));
    link.download = `program-${new Date().toISOString().slice(0, 19).replaceAll(":", "-")}.sleepy`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }

  async #upload(): Promise<void> {
    const file = ui.upload.files?.[0];
    ui.upload.value = "";
    if (!file) return;
    try {
      await this.#openBundle(await decodeBundle(new Uint8Array(await file.arrayBuffer())), "file");
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      this.#console.note(`Could not open ${file.name}: ${reason}.`, "error");
    }
  }

  #renderTabs(): void {
    const tabs: HTMLElement[] = this.#editor.names.map((name) => {
      const tab = document.createElement("span");
      tab.className = name === this.#editor.active ? "tab active" : "tab";
      tab.dataset.testid = "tab";
      const label = document.createElement("button");
      label.textContent = name;
      label.addEventListener("click", () => this.#editor.show(name));
      tab.append(label);
      if (name !== MAIN) {
        const close = document.createElement("button");
        close.className = "close";
        close.textContent = "×";
        close.title = `Remove ${name}`;
        close.addEventListener("click", () => {
          this.#editor.removeFile(name);
          this.#saveFiles();
        });
        tab.append(close);
      }
      return tab;
    });
    const add = document.createElement("button");
    add.className = "add-file";
    add.textContent = "+";
    add.title = "Add a module";
    add.addEventListener("click", () => this.#askFileName(add));
    ui.tabs.replaceChildren(...tabs, add);
  }

  /** An inline field for the new module's name, in place of the + button. */
  #askFileName(add: HTMLElement): void {
    const input = document.createElement("input");
    input.className = "file-name";
    input.placeholder = "module.py";
    input.setAttribute("aria-label", "New file name");
    const finish = (create: boolean) => {
      let name = input.value.trim();
      if (create && name) {
        if (!name.endsWith(".py")) name += ".py";
        if (!/^[A-Za-z_][\w/]*\.py$/.test(name) || this.#editor.names.includes(name)) {
          this.#notice(`"${name}" is not a new module name.`, "error");
        } else {
          this.#editor.addFile(name);
          this.#saveFiles();
          return;
        }
      }
      this.#renderTabs();
    };
    input.addEventListener("keydown", (e) => {
      if (e.key === "Enter") finish(true);
      if (e.key === "Escape") finish(false);
    });
    input.addEventListener("blur", () => finish(true));
    add.replaceWith(input);
    input.focus();
  }

  #notice(text: string, kind: "info" | "error" = "info"): void {
    ui.notice.textContent = text;
    ui.notice.dataset.kind = kind;
  }
}

async function main(): Promise<void> {
  ui.status.textContent = "loading the interpreter…";
  const worker = await SleepyWorker.create({
    createWorker: () => new Worker(new URL("../../src/worker-entry.ts", import.meta.url), { type: "module" }),
  });
  let store: Store | undefined;
  let storeProblem: string | undefined;
  try {
    store = await Store.open();
  } catch (e) {
    storeProblem = e instanceof Error ? e.message : String(e);
  }
  const playground = new Playground(worker, store);
  if (storeProblem) {
    ui.notice.textContent = `Programs will not survive a reload: ${storeProblem}.`;
    ui.notice.dataset.kind = "error";
  }
  await playground.open();
  // For tests and tools: the page has opened its program.
  document.body.dataset.ready = "true";
}

main().catch((e: unknown) => {
  ui.status.textContent = "failed to start";
  ui.status.dataset.state = "failed";
  ui.notice.textContent = `The interpreter did not start: ${e instanceof Error ? e.message : String(e)}`;
  ui.notice.dataset.kind = "error";
});
