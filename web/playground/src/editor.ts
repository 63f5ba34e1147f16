// The code editor: CodeMirror with Python, one editor state per file (each tab keeps its own
// undo history), and a highlighted line for where the program is paused or failed.

import { indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import { EditorState, StateEffect, StateField, type Extension } from "@codemirror/state";
import { Decoration, type DecorationSet, EditorView, keymap } from "@codemirror/view";
import { basicSetup } from "codemirror";
import type { Files } from "../../src/index.ts";

/** Why a line is marked: the next line to run, or where the program failed. */
export type Mark = "current" | "error";

export interface Location {
  file: string;
  line: number;
}

const setMark = StateEffect.define<{ line: number; kind: Mark } | null>();

const markField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    marks = marks.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(setMark)) continue;
      const mark = effect.value;
      if (!mark || mark.line < 1 || mark.line > tr.state.doc.lines) {
        marks = Decoration.none;
        continue;
      }
      const at = tr.state.doc.line(mark.line).from;
      marks = Decoration.set([Decoration.line({ class: `cm-mark-${mark.kind}` }).range(at)]);
    }
    return marks;
  },
  provide: (field) => EditorView.decorations.from(field),
});

export interface EditorEvents {
  /** The text of a file changed. */
  change(): void;
  /** Ctrl/Cmd+Enter. */
  run(): void;
  /** The tabs changed (a file was added, removed or selected). */
  tabs(): void;
}

export class Editor {
  readonly #view: EditorView;
  readonly #states = new Map<string, EditorState>();
  readonly #extensions: Extension[];
  readonly #events: EditorEvents;
  #active = "";
  #mark: (Location & { kind: Mark }) | undefined;

  constructor(parent: HTMLElement, events: EditorEvents) {
    this.#extensions = [
      basicSetup,
      python(),
      markField,
      keymap.of([
        { key: "Mod-Enter", run: () => (events.run(), true), preventDefault: true },
        indentWithTab,
      ]),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) events.change();
      }),
      EditorView.contentAttributes.of({ "aria-label": "Python source" }),
    ];
    this.#view = new EditorView({ parent, state: EditorState.create({ extensions: this.#extensions }) });
    this.#events = events;
  }

  /** Replaces every file; `active` is shown. */
  load(files: Files, active: string): void {
    this.#states.clear();
    for (const [name, text] of Object.entries(files)) {
      this.#states.set(name, EditorState.create({ doc: text, extensions: this.#extensions }));
    }
    this.#active = "";
    this.#mark = undefined;
    this.show(this.#states.has(active) ? active : (this.names[0] ?? ""));
  }

  get names(): string[] {
    return [...this.#states.keys()];
  }

  get active(): string {
    return this.#active;
  }

  /** Every file's current text. */
  files(): Files {
    this.#keepActive();
    const files: Files = {};
    for (const [name, state] of this.#states) files[name] = state.doc.toString();
    return files;
  }

  show(name: string): void {
    if (!this.#states.has(name)) return;
    if (name !== this.#active) {
      this.#keepActive();
      this.#active = name;
      this.#view.setState(this.#states.get(name)!);
    }
    this.#applyMark();
    this.#events.tabs();
  }

  addFile(name: string, text = ""): void {
    this.#states.set(name, EditorState.create({ doc: text, extensions: this.#extensions }));
    this.show(name);
  }

  removeFile(name: string): void {
    if (!this.#states.has(name) || this.#states.size === 1) return;
    this.#states.delete(name);
    if (this.#active === name) {
      this.#active = "";
      this.show(this.names[0]!);
    } else {
      this.#events.tabs();
    }
  }

  /** Marks `location`'s line (showing its file), or clears the mark. */
  mark(location: Location | undefined, kind: Mark = "current"): void {
    this.#mark = location && { ...location, kind };
    if (location && location.file !== this.#active && this.#states.has(location.file)) {
      this.show(location.file);
      return;
    }
    this.#applyMark();
  }

  /** Shows `location` and puts the cursor on its line. */
  reveal(location: Location, kind: Mark = "current"): void {
    this.mark(location, kind);
    const doc = this.#view.state.doc;
    if (location.file !== this.#active || location.line < 1 || location.line > doc.lines) return;
    const line = doc.line(location.line);
    this.#view.dispatch({
      selection: { anchor: line.from },
      effects: EditorView.scrollIntoView(line.from, { y: "center" }),
    });
    this.#view.focus();
  }

  focus(): void {
    this.#view.focus();
  }

  #applyMark(): void {
    const mark = this.#mark;
    const value = mark && mark.file === this.#active ? { line: mark.line, kind: mark.kind } : null;
    this.#view.dispatch({
      effects: [
        setMark.of(value),
        ...(value && value.line <= this.#view.state.doc.lines
          ? [EditorView.scrollIntoView(this.#view.state.doc.line(value.line).from, { y: "nearest" })]
          : []),
      ],
    });
  }

  #keepActive(): void {
    if (this.#active) this.#states.set(this.#active, this.#view.state);
  }
}
