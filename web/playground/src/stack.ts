// The call-stack panel: every tasklet with its frames (innermost first, as debuggers list
// them), and the locals of the selected frame with their types and reprs; long or nested
// values fold open.

import type { FrameView, LocalView, TaskletView } from "../../src/index.ts";
import type { Location } from "./editor.ts";

/** Reprs longer than this show folded, their start visible. */
const FOLD_AT = 60;

export interface StackEvents {
  /** A frame was selected: show its line. */
  select(location: Location): void;
}

export class StackPanel {
  readonly #root: HTMLElement;
  readonly #events: StackEvents;
  #tasklets: TaskletView[] = [];
  /** Which frame is selected: tasklet index and frame index (as the API orders them). */
  #selected: [number, number] | undefined;

  constructor(root: HTMLElement, events: StackEvents) {
    this.#root = root;
    this.#events = events;
    this.clear("Not running.");
  }

  clear(message: string): void {
    this.#tasklets = [];
    this.#selected = undefined;
    const empty = document.createElement("p");
    empty.className = "empty";
    empty.textContent = message;
    this.#root.replaceChildren(empty);
  }

  /** Shows `tasklets`; the innermost frame of the running one is selected unless the same
   * frame (same tasklet, same depth) was selected before. */
  show(tasklets: TaskletView[]): void {
    const previous = this.#selected;
    this.#tasklets = tasklets;
    const first = runningFirst(tasklets);
    if (first < 0) {
      this.clear("No frames.");
      return;
    }
    const keep =
      previous !== undefined &&
      tasklets[previous[0]] !== undefined &&
      previous[1] < tasklets[previous[0]]!.frames.length;
    this.#selected = keep ? previous : [first, tasklets[first]!.frames.length - 1];
    this.#render();
  }

  /** The frame that runs next: the innermost of the running tasklet. */
  current(): Location | undefined {
    const tasklet = this.#tasklets[runningFirst(this.#tasklets)];
    const frame = tasklet?.frames[tasklet.frames.length - 1];
    return frame && { file: frame.file, line: frame.line };
  }

  #render(): void {
    const nodes: HTMLElement[] = [];
    this.#tasklets.forEach((tasklet, t) => {
      const section = document.createElement("section");
      section.className = "tasklet";
      const title = document.createElement("h3");
      section.dataset.testid = "tasklet";
      // Unnamed tasklets are already labelled "tasklet <id>".
      title.textContent = tasklet.tasklet.startsWith("tasklet ") ? tasklet.tasklet : `tasklet ${tasklet.tasklet}`;
      if (this.#tasklets.length > 1) {
        const state = document.createElement("span");
        state.className = "tasklet-state";
        state.textContent = tasklet.isCurrent ? "running" : tasklet.blocked ? "blocked on a channel" : "waiting";
        title.append(" ", state);
      }
      const list = document.createElement("ol");
      list.className = "frames";
      for (let f = tasklet.frames.length - 1; f >= 0; f--) {
        list.append(this.#frameItem(tasklet.frames[f]!, t, f));
      }
      if (tasklet.omittedFrames) {
        const more = document.createElement("li");
        more.className = "omitted";
        more.textContent = `… ${tasklet.omittedFrames.toLocaleString("en-US")} outer frames`;
        list.append(more);
      }
      section.append(title, list);
      nodes.push(section);
    });
    const selected = this.#selectedFrame();
    if (selected) nodes.push(localsTable(selected));
    this.#root.replaceChildren(...nodes);
  }

  #frameItem(frame: FrameView, t: number, f: number): HTMLElement {
    const item = document.createElement("li");
    item.className = "frame";
    item.dataset.testid = "stack-frame";
    item.tabIndex = 0;
    const [st, sf] = this.#selected ?? [-1, -1];
    if (st === t && sf === f) item.classList.add("selected");
    const name = document.createElement("span");
    name.className = "function";
    name.textContent = frame.function;
    const where = document.createElement("span");
    where.className = "where";
    where.textContent = `${frame.file}:${frame.line}`;
    const source = document.createElement("code");
    source.className = "source";
    source.textContent = frame.sourceLine;
    item.append(name, where, source);
    const choose = () => {
      this.#selected = [t, f];
      this.#render();
      this.#events.select({ file: frame.file, line: frame.line });
    };
    item.addEventListener("click", choose);
    item.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        choose();
      }
    });
    return item;
  }

  #selectedFrame(): FrameView | undefined {
    if (!this.#selected) return undefined;
    const [t, f] = this.#selected;
    return this.#tasklets[t]?.frames[f];
  }
}

function localsTable(frame: FrameView): HTMLElement {
  const section = document.createElement("section");
  section.className = "locals";
  section.dataset.testid = "locals";
  const title = document.createElement("h3");
  title.textContent = `locals of ${frame.function}`;
  section.append(title);
  if (frame.locals.length === 0) {
    const none = document.createElement("p");
    none.className = "empty";
    none.textContent = "none";
    section.append(none);
    return section;
  }
  const list = document.createElement("ul");
  list.className = "values";
  for (const local of frame.locals) list.append(valueItem(local));
  section.append(list);
  return section;
}

/** One value: name, type and repr; a value with parts (or a long repr) folds open. */
function valueItem(value: LocalView): HTMLElement {
  const item = document.createElement("li");
  item.className = "value";
  item.dataset.testid = "local";
  item.dataset.name = value.name;
  const head = document.createElement("span");
  head.className = "value-head";
  const name = document.createElement("span");
  name.className = "name";
  name.textContent = value.name;
  const type = document.createElement("span");
  type.className = "type";
  type.textContent = value.type;
  const repr = document.createElement("span");
  repr.className = "repr";
  repr.textContent = value.repr;
  head.append(name, type, repr);
  const children = value.children ?? [];
  if (children.length === 0 && value.repr.length <= FOLD_AT) {
    item.append(head);
    return item;
  }
  const details = document.createElement("details");
  const summary = document.createElement("summary");
  summary.append(head);
  details.append(summary);
  if (children.length > 0) {
    const list = document.createElement("ul");
    list.className = "values";
    for (const child of children) list.append(valueItem(child));
    details.append(list);
  } else {
    const full = document.createElement("pre");
    full.className = "repr-full";
    full.textContent = value.repr;
    details.append(full);
  }
  item.append(details);
  return item;
}

/** The index of the running tasklet, or of the first with frames (-1 if none has any). */
function runningFirst(tasklets: TaskletView[]): number {
  const running = tasklets.findIndex((t) => t.isCurrent && t.frames.length > 0);
  return running >= 0 ? running : tasklets.findIndex((t) => t.frames.length > 0);
}
