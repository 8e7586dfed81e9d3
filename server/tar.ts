/** A minimal ustar writer for build contexts (POST /build takes the context as a tar). */
import { isUtf8 } from "node:buffer";
import { EngineError } from "../simulator/backend/errors.ts";

function header(name: string, size: number, type: "0" | "5" | "2", mode?: number, link = ""): Buffer {
  const h = Buffer.alloc(512, 0);
  let path = name;
  let prefix = "";
  if (Buffer.byteLength(path) > 100) {
    const cut = path.lastIndexOf("/", path.length - 1 - Math.max(0, Buffer.byteLength(path) - 100));
    if (cut <= 0 || cut > 155) throw new Error(`path too long for a build context: ${name}`);
    prefix = path.slice(0, cut);
    path = path.slice(cut + 1);
  }
  h.write(path, 0, 100, "utf8");
  h.write(`${(mode ?? (type === "5" ? 0o755 : 0o644)).toString(8).padStart(7, "0")}\0`, 100, 8, "ascii");
  h.write("0000000\0", 108, 8, "ascii");
  h.write("0000000\0", 116, 8, "ascii");
  h.write(`${size.toString(8).padStart(11, "0")}\0`, 124, 12, "ascii");
  h.write(`${Math.floor(Date.now() / 1000).toString(8).padStart(11, "0")}\0`, 136, 12, "ascii");
  h.write("        ", 148, 8, "ascii");
  h.write(type, 156, 1, "ascii");
  h.write(link, 157, 100, "utf8");
  h.write("ustar\0", 257, 6, "ascii");
  h.write("00", 263, 2, "ascii");
  h.write(prefix, 345, 155, "utf8");
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, 8, "ascii");
  return h;
}

/** Files and folders (relative paths) as one tar archive; a file's `bytes`, when given, are written as they are (else its text as UTF-8). */
export function tarArchive(entries: { path: string; type: "file" | "dir" | "symlink"; content?: string; bytes?: Uint8Array; mode?: number; linkTarget?: string }[]): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    const clean = entry.path.replace(/^\.?\/+/, "").replace(/\/+$/, "");
    if (clean === "" || clean.split("/").includes("..")) continue;
    if (entry.type === "dir") {
      parts.push(header(`${clean}/`, 0, "5", entry.mode));
      continue;
    }
    if (entry.type === "symlink") {
      parts.push(header(clean, 0, "2", entry.mode ?? 0o777, entry.linkTarget ?? ""));
      continue;
    }
    const body = entry.bytes ? Buffer.from(entry.bytes.buffer, entry.bytes.byteOffset, entry.bytes.byteLength) : Buffer.from(entry.content ?? "", "utf8");
    parts.push(header(clean, body.length, "0", entry.mode), body, Buffer.alloc((512 - (body.length % 512)) % 512, 0));
  }
  parts.push(Buffer.alloc(1024, 0));
  return Buffer.concat(parts);
}

/** An entry of a tar read back: a file's text when it is UTF-8, else its bytes. */
export type TarEntry = { path: string; type: "file" | "dir" | "symlink"; content?: string; bytes?: Buffer; mode: number; linkTarget?: string };

/** Read a tar (GNU long names and pax paths included) into entries, as docker cp gets them. */
export function readTar(data: Buffer): TarEntry[] {
  const out: TarEntry[] = [];
  let offset = 0;
  let longName: string | undefined;
  const field = (h: Buffer, start: number, len: number) => h.subarray(start, start + len).toString("utf8").replace(/\0.*$/s, "");
  while (offset + 512 <= data.length) {
    const h = data.subarray(offset, offset + 512);
    if (h.every((b) => b === 0)) break;
    const size = parseInt(field(h, 124, 12).trim() || "0", 8);
    const type = String.fromCharCode(h[156] ?? 48);
    const body = data.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === "L") {
      longName = body.toString("utf8").replace(/\0.*$/s, "");
      continue;
    }
    if (type === "x" || type === "g") {
      const m = /\d+ path=([^\n]*)\n/.exec(body.toString("utf8"));
      if (m && type === "x") longName = m[1];
      continue;
    }
    const prefix = field(h, 345, 155);
    const name = longName ?? (prefix ? `${prefix}/${field(h, 0, 100)}` : field(h, 0, 100));
    longName = undefined;
    const path = name.replace(/\/+$/, "");
    const mode = parseInt(field(h, 100, 8).trim() || "0", 8) & 0o7777;
    if (type === "5") out.push({ path, type: "dir", mode });
    else if (type === "2") out.push({ path, type: "symlink", mode, linkTarget: field(h, 157, 100) });
    else if (type === "0" || type === "\0" || type === "7") out.push(isUtf8(body) ? { path, type: "file", mode, content: body.toString("utf8") } : { path, type: "file", mode, bytes: Buffer.from(body) });
  }
  return out;
}

/** The most a build context's files may hold in all: what a 16 MiB WebSocket message (gateway.ts) carries as base64. */
export const maxContextBytes = 12 * 1024 * 1024;
// One character class and a length check (a pattern of repeated groups overflows the stack on megabytes).
const isBase64 = (s: string) => s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s);

type ContextFile = { path: string; type: "file" | "dir"; content?: string; bytes?: Uint8Array };

/** A build context as the page sent it (untrusted JSON): checked, binary files (`bytesBase64`) decoded to bytes. */
export function decodeBuildContext(raw: unknown): ContextFile[] {
  if (raw === undefined || raw === null) return [];
  const refuse = (why: string) => new EngineError(400, `invalid build context: ${why}`);
  if (!Array.isArray(raw)) throw refuse("expected a list of files");
  const budget = { used: 0 };
  return raw.map((item: unknown, i) => {
    const e = (typeof item === "object" && item !== null ? item : {}) as Record<string, unknown>;
    if (typeof e["path"] !== "string" || e["path"] === "") throw refuse(`entry ${i} has no path`);
    const path = e["path"];
    if (e["type"] !== "file" && e["type"] !== "dir") throw refuse(`"${path}" is neither a file nor a folder`);
    if (e["type"] === "dir") return { path, type: "dir" };
    return { path, type: "file", ...fileContent(e, path, refuse, budget) };
  });
}

/** A file entry's content from untrusted JSON, text or `bytesBase64` decoded, counted against the gateway's size limit. */
function fileContent(e: Record<string, unknown>, path: string, refuse: (why: string) => EngineError, budget: { used: number }): { content?: string; bytes?: Buffer } {
  const content = e["content"];
  const encoded = e["bytesBase64"];
  if (content !== undefined && typeof content !== "string") throw refuse(`the content of "${path}" is not text`);
  if (encoded !== undefined && (typeof encoded !== "string" || !isBase64(encoded))) throw refuse(`the bytes of "${path}" are not valid base64`);
  budget.used += typeof encoded === "string" ? (encoded.length / 4) * 3 : Buffer.byteLength(content ?? "", "utf8");
  if (budget.used > maxContextBytes) throw refuse(`its files hold more than ${maxContextBytes / 1024 / 1024} MiB, the gateway's limit`);
  if (typeof encoded === "string") return { bytes: Buffer.from(encoded, "base64") };
  return content !== undefined ? { content } : {};
}

type ExtractEntry = { path: string; type: "file" | "dir" | "symlink"; content?: string; bytes?: Uint8Array; mode?: number; linkTarget?: string };

/** Files for `docker cp` into a container as the page sent them (untrusted JSON): checked, `bytesBase64` decoded. */
export function decodeExtractEntries(raw: unknown): ExtractEntry[] {
  const refuse = (why: string) => new EngineError(400, `invalid copy: ${why}`);
  if (!Array.isArray(raw)) throw refuse("expected a list of files");
  const budget = { used: 0 };
  return raw.map((item: unknown, i): ExtractEntry => {
    const e = (typeof item === "object" && item !== null ? item : {}) as Record<string, unknown>;
    if (typeof e["path"] !== "string" || e["path"] === "") throw refuse(`entry ${i} has no path`);
    const path = e["path"];
    const type = e["type"];
    if (type !== "file" && type !== "dir" && type !== "symlink") throw refuse(`"${path}" is not a file, a folder or a link`);
    const mode = typeof e["mode"] === "number" && Number.isInteger(e["mode"]) ? e["mode"] & 0o777 : undefined;
    const base: ExtractEntry = { path, type, ...(mode !== undefined ? { mode } : {}) };
    if (type === "dir") return base;
    if (type === "symlink") {
      if (typeof e["linkTarget"] !== "string") throw refuse(`the link "${path}" has no target`);
      return { ...base, linkTarget: e["linkTarget"] };
    }
    return { ...base, ...fileContent(e, path, refuse, budget) };
  });
}
