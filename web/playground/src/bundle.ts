// A program to hand to someone else: its files and, if it was loaded, its snapshot, in one
// compressed blob. A share link carries it base64url-encoded in the URL fragment (never sent
// to a server); Download saves the same bytes as a `.sleepy` file.
//
// Layout before compression: "SLPG", a format version byte, the header's length (u32, little
// endian), the header (JSON: files, main file, shown file, state), then the snapshot's bytes
// (none if the program was not loaded).

import type { Files } from "../../src/index.ts";
import type { SavedState } from "./store.ts";

const MAGIC = "SLPG";
const VERSION = 1;
/** Longest link fragment browsers handle well; bigger programs use Download. */
export const MAX_LINK_CHARS = 1_500_000;
const HASH_KEY = "program=";

export interface Bundle {
  files: Files;
  main: string;
  active: string;
  state: SavedState;
  snapshot?: Uint8Array;
}

export class BundleError extends Error {
  override name = "BundleError";
}

export async function encodeBundle(bundle: Bundle): Promise<Uint8Array> {
  const header = new TextEncoder().encode(
    JSON.stringify({ files: bundle.files, main: bundle.main, active: bundle.active, state: bundle.state }),
  );
  const snapshot = bundle.snapshot ?? new Uint8Array();
  const raw = new Uint8Array(9 + header.length + snapshot.length);
  raw.set(new TextEncoder().encode(MAGIC), 0);
  raw[4] = VERSION;
  new DataView(raw.buffer).setUint32(5, header.length, true);
  raw.set(header, 9);
  raw.set(snapshot, 9 + header.length);
  return transform(raw, new CompressionStream("deflate-raw"));
}

export async function decodeBundle(compressed: Uint8Array): Promise<Bundle> {
  let raw: Uint8Array;
  try {
    raw = await transform(compressed, new DecompressionStream("deflate-raw"));
  } catch {
    throw new BundleError("it is damaged (it does not decompress)");
  }
  if (raw.length < 9 || new TextDecoder().decode(raw.subarray(0, 4)) !== MAGIC) {
    throw new BundleError("it is not a Sleepy playground program");
  }
  if (raw[4] !== VERSION) {
    throw new BundleError(`it was made by another playground version (format ${raw[4]}, this one reads ${VERSION})`);
  }
  const length = new DataView(raw.buffer, raw.byteOffset).getUint32(5, true);
  if (9 + length > raw.length) throw new BundleError("it is damaged (cut short)");
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(raw.subarray(9, 9 + length)));
  } catch {
    throw new BundleError("it is damaged (its header is not readable)");
  }
  const h = header as Partial<Bundle> | null;
  const files = h?.files;
  if (
    typeof files !== "object" || files === null ||
    !Object.values(files).every((t) => typeof t === "string") ||
    typeof h?.main !== "string" || !(h.main in files)
  ) {
    throw new BundleError("it is damaged (its files are missing)");
  }
  const snapshot = raw.slice(9 + length);
  const bundle: Bundle = {
    files,
    main: h.main,
    active: typeof h.active === "string" && h.active in files ? h.active : h.main,
    state: typeof h.state === "string" ? h.state : "idle",
  };
  if (snapshot.length > 0) bundle.snapshot = snapshot;
  return bundle;
}

/** The URL fragment that carries `bundle`. */
export async function linkFragment(bundle: Bundle): Promise<string> {
  return `#${HASH_KEY}${toBase64Url(await encodeBundle(bundle))}`;
}

/** The compressed bundle a location's fragment carries, if it carries one. */
export function fragmentBytes(hash: string): Uint8Array | undefined {
  if (!hash.startsWith(`#${HASH_KEY}`)) return undefined;
  const text = hash.slice(HASH_KEY.length + 1);
  try {
    return fromBase64Url(text);
  } catch {
    throw new BundleError("it is damaged (it is not base64url text)");
  }
}

async function transform(bytes: Uint8Array, stream: CompressionStream | DecompressionStream) {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error("not base64url");
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
