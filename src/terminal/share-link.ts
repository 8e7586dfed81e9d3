/**
 * A playground setup (files and command lines) in a URL: `#setup=` + base64url of deflated JSON.
 * Uses the platform's CompressionStream, so it works in the browser and in Node alike.
 */
import type { SharedSetup } from "./session.ts";

/** Past this many characters a link is refused: chat apps and address bars cut longer ones. */
export const MAX_LINK_CHARS = 16_000;
/** What a link may expand to, so a crafted one cannot fill the memory. */
const MAX_JSON_BYTES = 512 * 1024;
const MAX_COMMANDS = 200;

/** A link that cannot be read: `message` says why, in words for the learner. */
export class ShareLinkError extends Error {}

/** The `#setup=` fragment for a setup; throws ShareLinkError when it would be too long. */
export async function encodeSetup(setup: SharedSetup): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify({ v: 1, commands: setup.commands, files: setup.files }));
  const packed = await pipe(json, new CompressionStream("deflate-raw"));
  const text = toBase64Url(packed);
  if (text.length > MAX_LINK_CHARS) throw new ShareLinkError(`too big: ${Math.ceil(text.length / 1024)} KB of ${MAX_LINK_CHARS / 1000} KB`);
  return `setup=${text}`;
}

/** The setup in a URL's fragment, undefined when it has none; throws ShareLinkError for a broken one. */
export async function decodeSetup(hash: string): Promise<SharedSetup | undefined> {
  const match = /(?:^#?|&)setup=([^&]*)/.exec(hash);
  if (!match) return undefined;
  const text = match[1] ?? "";
  if (text === "") throw new ShareLinkError("the link has no setup in it.");
  if (text.length > MAX_LINK_CHARS * 2) throw new ShareLinkError("the link is too long.");
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw new ShareLinkError("the link was cut or changed (it has characters a setup never has).");
  let json: string;
  try {
    const bytes = await pipe(fromBase64Url(text), new DecompressionStream("deflate-raw"), MAX_JSON_BYTES);
    json = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (error) {
    if (error instanceof ShareLinkError) throw error;
    throw new ShareLinkError("the link was cut or changed (its data does not unpack).");
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new ShareLinkError("the link's data is not a setup.");
  }
  return validate(value);
}

function validate(value: unknown): SharedSetup {
  if (!value || typeof value !== "object") throw new ShareLinkError("the link's data is not a setup.");
  const { v, commands, files } = value as Record<string, unknown>;
  if (v !== 1) throw new ShareLinkError(`the link was made by another version of Dockyard (format ${String(v)}).`);
  if (!Array.isArray(commands) || !commands.every((c) => typeof c === "string")) throw new ShareLinkError("its commands are not a list of lines.");
  if (commands.length > MAX_COMMANDS) throw new ShareLinkError(`it has more than ${MAX_COMMANDS} commands.`);
  if (!files || typeof files !== "object" || Array.isArray(files)) throw new ShareLinkError("its files are not a list of paths and contents.");
  const entries = Object.entries(files as Record<string, unknown>);
  for (const [path, text] of entries) {
    if (typeof text !== "string") throw new ShareLinkError(`the file ${path} has no text.`);
    if (path === "" || path.startsWith("/") || path.split("/").includes("..")) throw new ShareLinkError(`the file path ${path} leaves the home folder.`);
  }
  return { commands: commands as string[], files: Object.fromEntries(entries) as Record<string, string> };
}

/** Run bytes through a (de)compression stream, refusing output past `limit` bytes. */
async function pipe(input: Uint8Array, transform: CompressionStream | DecompressionStream, limit = Infinity): Promise<Uint8Array> {
  const writer = transform.writable.getWriter();
  void writer.write(input as Uint8Array<ArrayBuffer>).catch(() => undefined);
  void writer.close().catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = transform.readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      void reader.cancel();
      throw new ShareLinkError("the setup in the link is too big.");
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
