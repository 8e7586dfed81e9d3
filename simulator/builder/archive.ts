/**
 * ADD's local archives: a tar file (plain or gzip-compressed) is unpacked into the destination,
 * as BuildKit does; anything else is copied as it is. BuildKit knows an archive by its content,
 * not its name, and so does this: gzip's magic bytes, then tar's `ustar` header (or a header whose
 * checksum adds up, for old v7 tars).
 */
import type { Tree, TreeNode } from "./copy.ts";

const BLOCK = 512;
const decoder = new TextDecoder();

const bytesOf = (content: string | Uint8Array) => (typeof content === "string" ? new TextEncoder().encode(content) : content);

const isGzip = (b: Uint8Array) => b.length > 2 && b[0] === 0x1f && b[1] === 0x8b;

async function gunzip(bytes: Uint8Array): Promise<Uint8Array | undefined> {
  try {
    const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    return undefined;
  }
}

function text(b: Uint8Array, start: number, length: number): string {
  const field = b.subarray(start, start + length);
  const end = field.indexOf(0);
  return decoder.decode(end < 0 ? field : field.subarray(0, end));
}

const octal = (b: Uint8Array, start: number, length: number) => parseInt(text(b, start, length).trim() || "0", 8);

/** Whether a 512-byte block is a tar header: its checksum (the header with the checksum field as spaces) adds up. */
function isHeader(b: Uint8Array, at: number): boolean {
  if (b.length < at + BLOCK) return false;
  const stored = octal(b, at + 148, 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : b[at + i]!;
  return sum === stored && sum !== 256;
}

/** The files of a tar archive, by absolute path inside it; undefined when `bytes` is not one. */
export function readTar(bytes: Uint8Array): Tree | undefined {
  if (!isHeader(bytes, 0)) return undefined;
  const tree: Tree = new Map([["/", { type: "dir", mode: 0o755 }]]);
  let longName: string | undefined;
  let paxPath: string | undefined;
  for (let at = 0; at + BLOCK <= bytes.length; ) {
    const header = at;
    if (bytes.subarray(header, header + BLOCK).every((x) => x === 0)) break;
    if (!isHeader(bytes, header)) return undefined;
    const size = octal(bytes, header + 124, 12);
    const type = String.fromCharCode(bytes[header + 156]!);
    const body = bytes.subarray(header + BLOCK, header + BLOCK + size);
    at = header + BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (type === "L") {
      longName = text(body, 0, body.length);
      continue;
    }
    if (type === "x") {
      for (const record of decoder.decode(body).split("\n")) {
        const m = /^\d+ path=(.*)$/.exec(record);
        if (m) paxPath = m[1];
      }
      continue;
    }
    if (type === "g") continue;
    const prefix = text(bytes, header + 345, 155);
    const rawName = paxPath ?? longName ?? (prefix ? `${prefix}/` : "") + text(bytes, header, 100);
    longName = paxPath = undefined;
    const path = `/${rawName.split("/").filter((p) => p && p !== ".").join("/")}`;
    if (path === "/" || rawName.split("/").includes("..")) continue;
    const mode = octal(bytes, header + 100, 8) & 0o7777;
    let node: TreeNode | undefined;
    if (type === "0" || type === "\0" || type === "7") node = { type: "file", content: body.slice(), mode: mode || 0o644 };
    else if (type === "5") node = { type: "dir", mode: mode || 0o755 };
    else if (type === "2") node = { type: "symlink", target: text(bytes, header + 157, 100), mode: 0o777 };
    if (!node) continue; // hard links, devices and fifos are left out
    for (let dir = path.slice(0, path.lastIndexOf("/")) || "/"; !tree.has(dir); dir = dir.slice(0, dir.lastIndexOf("/")) || "/") tree.set(dir, { type: "dir", mode: 0o755 });
    tree.set(path, node);
  }
  return tree;
}

/** A context file's archive contents (gzip unpacked first), or undefined when it is not a tar archive. */
export async function archiveTree(content: string | Uint8Array): Promise<Tree | undefined> {
  let bytes = bytesOf(content);
  if (isGzip(bytes)) {
    const inflated = await gunzip(bytes);
    if (!inflated) return undefined;
    bytes = inflated;
  }
  return readTar(bytes);
}
