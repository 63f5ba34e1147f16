// The snapshot history: the current session's recent snapshots, newest first; clicking one
// restores it, paused (going back in time).

import type { SnapshotSummary } from "./store.ts";

export interface HistoryEvents {
  restore(id: number): void;
}

const STATE_WORD: Record<string, string> = {
  running: "running",
  paused: "paused",
  input: "at input()",
  sleeping: "sleeping",
  finished: "finished",
  failed: "failed",
};

export class History {
  readonly #root: HTMLElement;
  readonly #events: HistoryEvents;

  constructor(root: HTMLElement, events: HistoryEvents) {
    this.#root = root;
    this.#events = events;
    this.show([]);
  }

  show(snapshots: SnapshotSummary[]): void {
    if (snapshots.length === 0) {
      const empty = document.createElement("li");
      empty.className = "empty";
      empty.textContent = "Snapshots are saved as the program runs.";
      this.#root.replaceChildren(empty);
      return;
    }
    this.#root.replaceChildren(...snapshots.map((s) => this.#item(s)));
  }

  #item(snapshot: SnapshotSummary): HTMLElement {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.dataset.testid = "snapshot-entry";
    button.dataset.ticks = String(snapshot.ticks);
    button.title = "Restore this snapshot, paused";
    const time = new Date(snapshot.takenAt).toLocaleTimeString();
    const size = `${Math.max(1, Math.round(snapshot.size / 1024))} KB`;
    button.textContent = `${time} · ${snapshot.ticks.toLocaleString("en-US")} ticks · ${
      STATE_WORD[snapshot.state] ?? snapshot.state
    } · ${size}`;
    button.addEventListener("click", () => this.#events.restore(snapshot.id));
    item.append(button);
    return item;
  }
}
