// The console: the program's stdout and stderr (told apart), an inline line for `input()`, and
// the playground's own notes. Output is appended once per animation frame and the oldest text
// is dropped past a limit, so a program printing in a tight loop cannot stall the page.

import type { OutputChunk } from "../../src/index.ts";
import type { Location } from "./editor.ts";

/** Characters kept; older output is dropped (and said to be). */
const KEEP_CHARS = 200_000;

/** `File "main.py", line 3` in a traceback. */
const TRACEBACK_LOCATION = /File "([^"]+)", line (\d+)/g;

export interface ConsoleEvents {
  /** A traceback's file and line was clicked. */
  jump(location: Location): void;
  /** A line was entered at an `input()` prompt. */
  submit(line: string): void;
}

export class Console {
  readonly #root: HTMLElement;
  readonly #events: ConsoleEvents;
  #queue: OutputChunk[] = [];
  #frame = 0;
  #chars = 0;
  #input: HTMLInputElement | undefined;
  #trimmed = false;

  constructor(root: HTMLElement, events: ConsoleEvents) {
    this.#root = root;
    this.#events = events;
    root.addEventListener("click", (e) => {
      const link = (e.target as HTMLElement).closest<HTMLElement>("[data-file]");
      if (!link) return;
      e.preventDefault();
      this.#events.jump({ file: link.dataset.file!, line: Number(link.dataset.line) });
    });
  }

  append(chunks: OutputChunk[]): void {
    this.#queue.push(...chunks);
    if (this.#frame === 0) this.#frame = requestAnimationFrame(() => this.flush());
  }

  /** Writes what is queued now (also before a prompt or a note, to keep the order). */
  flush(): void {
    if (this.#frame !== 0) cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    const chunks = this.#queue;
    this.#queue = [];
    if (chunks.length === 0) return;
    const stick = this.#atBottom();
    for (const chunk of chunks) this.#write(chunk);
    this.#trim();
    if (stick) this.#scroll();
  }

  clear(): void {
    this.#queue = [];
    this.#root.replaceChildren();
    this.#chars = 0;
    this.#trimmed = false;
    this.#input = undefined;
  }

  /** A line from the playground itself (not the program). */
  note(text: string, kind: "info" | "error" = "info"): void {
    this.flush();
    const line = document.createElement("div");
    line.className = `note note-${kind}`;
    line.textContent = text;
    this.#root.append(line);
    this.#scroll();
  }

  /** Shows an input line after the prompt the program printed. */
  ask(): void {
    this.flush();
    if (this.#input) return;
    const input = document.createElement("input");
    input.className = "console-input";
    input.dataset.testid = "console-input";
    input.setAttribute("aria-label", "Input for the program");
    input.autocomplete = "off";
    input.spellcheck = false;
    input.addEventListener("keydown", (e) => {
      if (e.key !== "Enter") return;
      e.preventDefault();
      const line = input.value;
      this.#closeInput();
      this.#write({ stream: "stdout", text: `${line}\n` }, "echo");
      this.#events.submit(line);
    });
    this.#root.append(input);
    this.#input = input;
    this.#scroll();
    input.focus({ preventScroll: true });
  }

  /** Removes the input line (the program stopped waiting). */
  cancelAsk(): void {
    this.#closeInput();
  }

  #closeInput(): void {
    this.#input?.remove();
    this.#input = undefined;
  }

  #write(chunk: OutputChunk, extra?: string): void {
    const last = this.#lastSpan();
    const className = extra ? `${chunk.stream} ${extra}` : chunk.stream;
    // Plain stdout joins the previous span; stderr is linkified chunk by chunk (a traceback
    // is written in one piece).
    if (chunk.stream === "stdout" && !extra && last?.className === "stdout") {
      (last.lastChild as Text).appendData(chunk.text);
    } else {
      const span = document.createElement("span");
      span.className = className;
      if (chunk.stream === "stderr") appendLinkified(span, chunk.text);
      else span.append(document.createTextNode(chunk.text));
      this.#insert(span);
    }
    this.#chars += chunk.text.length;
  }

  /** Before the input line, if one is showing. */
  #insert(node: Node): void {
    if (this.#input) this.#root.insertBefore(node, this.#input);
    else this.#root.append(node);
  }

  #lastSpan(): HTMLElement | undefined {
    const last = this.#input ? this.#input.previousElementSibling : this.#root.lastElementChild;
    return last instanceof HTMLSpanElement ? last : undefined;
  }

  #trim(): void {
    while (this.#chars > KEEP_CHARS) {
      const first = this.#root.querySelector<HTMLElement>("span.stdout, span.stderr");
      if (!first) break;
      const length = first.textContent?.length ?? 0;
      const excess = this.#chars - KEEP_CHARS;
      if (length > excess && first.childNodes.length === 1 && first.firstChild instanceof Text) {
        first.firstChild.deleteData(0, excess);
        this.#chars -= excess;
      } else {
        first.remove();
        this.#chars -= length;
      }
      if (!this.#trimmed) {
        this.#trimmed = true;
        const note = document.createElement("div");
        note.className = "note note-info";
        note.textContent = "(older output dropped)";
        this.#root.prepend(note);
      }
    }
  }

  #atBottom(): boolean {
    const r = this.#root;
    return r.scrollHeight - r.scrollTop - r.clientHeight < 24;
  }

  #scroll(): void {
    this.#root.scrollTop = this.#root.scrollHeight;
  }
}

/** `text` into `parent`, with traceback locations as links to the editor. */
function appendLinkified(parent: HTMLElement, text: string): void {
  let at = 0;
  for (const match of text.matchAll(TRACEBACK_LOCATION)) {
    const index = match.index ?? 0;
    parent.append(document.createTextNode(text.slice(at, index)));
    const link = document.createElement("a");
    link.href = "#";
    link.className = "location";
    link.dataset.file = match[1]!;
    link.dataset.line = match[2]!;
    link.textContent = match[0];
    parent.append(link);
    at = index + match[0].length;
  }
  parent.append(document.createTextNode(text.slice(at)));
}
