// What the playground keeps in IndexedDB: sessions (a program's files and how it was doing)
// and, per session, its recent snapshots. Every failure (quota, a blocked or corrupt database)
// comes back as a `StoreError` with a reason to show; none is fatal to the page.

import type { Files } from "../../src/index.ts";

const DB_NAME = "sleepy-playground";
const DB_VERSION = 1;
/** Snapshots kept per session (the oldest go first). */
export const HISTORY_LENGTH = 20;

/** How the program stood when it was saved; decides what a reload does with it. */
export type SavedState = "idle" | "running" | "paused" | "input" | "sleeping" | "finished" | "failed";

export interface SessionRecord {
  id: string;
  files: Files;
  main: string;
  /** The file shown in the editor. */
  active: string;
  state: SavedState;
  updatedAt: number;
}

/** A snapshot's description; its bytes live apart, so listing the history reads none. */
export interface SnapshotSummary {
  id: number;
  sessionId: string;
  ticks: number;
  state: SavedState;
  takenAt: number;
  size: number;
}

export interface NewSnapshot {
  bytes: Uint8Array;
  ticks: number;
  state: SavedState;
  takenAt: number;
}

export class StoreError extends Error {
  override name = "StoreError";
  /** The browser refused to store more. */
  readonly quota: boolean;
  constructor(message: string, quota = false) {
    super(message);
    this.quota = quota;
  }
}

function describe(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const e = error as DOMException | null;
  if (e?.name === "QuotaExceededError") {
    return new StoreError("the browser's storage for this site is full", true);
  }
  return new StoreError(e?.message || String(error));
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(describe(req.error));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(describe(tx.error));
    tx.onabort = () => reject(describe(tx.error ?? new Error("the transaction was aborted")));
  });
}

export class Store {
  readonly #db: IDBDatabase;

  private constructor(db: IDBDatabase) {
    this.#db = db;
  }

  static async open(): Promise<Store> {
    if (typeof indexedDB === "undefined") throw new StoreError("this browser has no IndexedDB");
    const open = indexedDB.open(DB_NAME, DB_VERSION);
    open.onupgradeneeded = () => {
      const db = open.result;
      db.createObjectStore("sessions", { keyPath: "id" });
      const snapshots = db.createObjectStore("snapshots", { keyPath: "id", autoIncrement: true });
      snapshots.createIndex("bySession", "sessionId");
      db.createObjectStore("snapshotBytes");
      db.createObjectStore("meta");
    };
    const blocked = new Promise<never>((_, reject) => {
      open.onblocked = () => reject(new StoreError("another tab holds an older version of the database"));
    });
    return new Store(await Promise.race([request(open), blocked]));
  }

  /** The session the page showed last. */
  async currentSession(): Promise<SessionRecord | undefined> {
    const tx = this.#db.transaction(["meta", "sessions"], "readonly");
    const id = await request(tx.objectStore("meta").get("current"));
    if (typeof id !== "string") return undefined;
    const record: unknown = await request(tx.objectStore("sessions").get(id));
    if (!isSessionRecord(record)) {
      if (record !== undefined) throw new StoreError("the saved session is damaged");
      return undefined;
    }
    return record;
  }

  /** Saves `session` as the current one, with a new snapshot if there is one. Old snapshots
   * past the history length are dropped in the same transaction. */
  async save(session: SessionRecord, snapshot?: NewSnapshot): Promise<void> {
    const tx = this.#db.transaction(["meta", "sessions", "snapshots", "snapshotBytes"], "readwrite");
    const finished = done(tx);
    tx.objectStore("meta").put(session.id, "current");
    tx.objectStore("sessions").put(session);
    if (snapshot) {
      const { bytes, ...summary } = snapshot;
      const snapshots = tx.objectStore("snapshots");
      const id = await request(
        snapshots.add({ ...summary, sessionId: session.id, size: bytes.byteLength }),
      );
      tx.objectStore("snapshotBytes").put(bytes, id);
      const keys = await request(snapshots.index("bySession").getAllKeys(session.id));
      for (const key of keys.slice(0, Math.max(0, keys.length - HISTORY_LENGTH))) {
        snapshots.delete(key);
        tx.objectStore("snapshotBytes").delete(key);
      }
    }
    await finished;
  }

  /** Makes room after a quota error: keeps only each session's newest snapshot. */
  async prune(): Promise<void> {
    const tx = this.#db.transaction(["snapshots", "snapshotBytes"], "readwrite");
    const finished = done(tx);
    const summaries = (await request(tx.objectStore("snapshots").getAll())) as SnapshotSummary[];
    const newest = new Map<string, number>();
    for (const s of summaries) newest.set(s.sessionId, Math.max(newest.get(s.sessionId) ?? 0, s.id));
    for (const s of summaries) {
      if (s.id === newest.get(s.sessionId)) continue;
      tx.objectStore("snapshots").delete(s.id);
      tx.objectStore("snapshotBytes").delete(s.id);
    }
    await finished;
  }

  /** The session's snapshots, newest first. */
  async history(sessionId: string): Promise<SnapshotSummary[]> {
    const tx = this.#db.transaction("snapshots", "readonly");
    const all = await request(tx.objectStore("snapshots").index("bySession").getAll(sessionId));
    return (all as unknown[]).filter(isSnapshotSummary).reverse();
  }

  /** A snapshot's bytes. */
  async bytes(id: number): Promise<Uint8Array> {
    const tx = this.#db.transaction("snapshotBytes", "readonly");
    const bytes: unknown = await request(tx.objectStore("snapshotBytes").get(id));
    if (!(bytes instanceof Uint8Array)) throw new StoreError(`snapshot ${id} is missing or damaged`);
    return bytes;
  }
}

function isSessionRecord(value: unknown): value is SessionRecord {
  const r = value as SessionRecord | null;
  return (
    typeof r === "object" && r !== null &&
    typeof r.id === "string" && typeof r.main === "string" && typeof r.active === "string" &&
    typeof r.state === "string" && typeof r.files === "object" && r.files !== null &&
    Object.values(r.files).every((text) => typeof text === "string")
  );
}

function isSnapshotSummary(value: unknown): value is SnapshotSummary {
  const r = value as SnapshotSummary | null;
  return (
    typeof r === "object" && r !== null && typeof r.id === "number" &&
    typeof r.ticks === "number" && typeof r.size === "number" && typeof r.state === "string"
  );
}
