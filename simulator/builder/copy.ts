/** COPY and ADD: which files a step takes (from the context or another stage) and the layer they make. */
import type { BuildContextEntry } from "../backend/engine.ts";
import { baseName, Layer, normalizePath, parentOf, type LayeredFs, type LayerNode } from "../engine/layered-fs.ts";
import { sha256Hex } from "../engine/digest.ts";
import { globToRegex } from "./dockerignore.ts";

export type TreeNode = { type: "file"; content: string | Uint8Array; mode: number } | { type: "dir"; mode: number } | { type: "symlink"; target: string; mode: number };
/** Absolute paths (`/a/b`, the root `/`) to what is there. */
export type Tree = Map<string, TreeNode>;

export const BUILD_MTIME = new Date("2026-01-01T00:00:00Z");
const GLOB = /[*?[]/;

const join = (dir: string, name: string) => normalizePath(`${dir}/${name}`);

export function contextTree(entries: BuildContextEntry[]): Tree {
  const tree: Tree = new Map([["/", { type: "dir", mode: 0o755 }]]);
  for (const entry of entries) {
    const path = normalizePath(entry.path);
    for (let dir = parentOf(path); !tree.has(dir); dir = parentOf(dir)) tree.set(dir, { type: "dir", mode: 0o755 });
    tree.set(path, entry.type === "dir" ? { type: "dir", mode: 0o755 } : { type: "file", content: entry.bytes ?? entry.content ?? "", mode: 0o644 });
  }
  return tree;
}

/** The parts of a stage's filesystem that `sources` can name. */
export async function stageTree(fs: LayeredFs, sources: string[]): Promise<Tree> {
  const prefixes = sources.map((s) => {
    const parts = normalizePath(s).split("/");
    const cut = parts.findIndex((p) => GLOB.test(p));
    return cut < 0 ? normalizePath(s) : normalizePath(parts.slice(0, cut).join("/"));
  });
  const tree: Tree = new Map([["/", { type: "dir", mode: 0o755 }]]);
  for (const path of fs.getAllPaths()) {
    if (path === "/" || !prefixes.some((p) => p === "/" || path === p || path.startsWith(`${p}/`))) continue;
    const stat = await fs.lstat(path);
    if (stat.isDirectory) tree.set(path, { type: "dir", mode: stat.mode & 0o7777 });
    else if (stat.isSymbolicLink) tree.set(path, { type: "symlink", target: await fs.readlink(path), mode: 0o777 });
    else tree.set(path, { type: "file", content: await fs.readFileBuffer(path), mode: stat.mode & 0o7777 });
  }
  return tree;
}

export interface CopyPlan {
  /** Destination path -> node. */
  files: Map<string, TreeNode>;
  /** A digest of what was copied, for the cache key. */
  checksum: string;
  /** Source path (in the context or stage, no leading slash) -> a sum of its content, to say which files changed. */
  sums: Map<string, string>;
}

/**
 * Plan a copy of `sources` (from `tree`) to `dest` (absolute). Returns the first source that
 * matches nothing as `missing`, BuildKit's "not found".
 */
export function planCopy(tree: Tree, sources: string[], dest: string, destIsDir: (path: string) => boolean, chmod?: number): CopyPlan | { missing: string } {
  const files = new Map<string, TreeNode>();
  const origin = new Map<string, string>();
  const anyGlob = sources.some((s) => GLOB.test(s));
  const intoDir = dest.endsWith("/") || sources.length > 1 || anyGlob || destIsDir(normalizePath(dest));
  const target = normalizePath(dest);
  for (const source of sources) {
    const clean = normalizePath(source);
    let matches: string[];
    if (GLOB.test(source)) {
      const regex = globToRegex(clean.slice(1));
      matches = [...tree.keys()].filter((p) => p !== "/" && regex.test(p.slice(1))).sort();
    } else matches = tree.has(clean) ? [clean] : [];
    if (matches.length === 0) return { missing: clean };
    for (const match of matches) {
      const node = tree.get(match)!;
      if (node.type === "dir") {
        const base = match === "/" || !GLOB.test(source) ? target : join(target, baseName(match));
        files.set(base, node);
        for (const [path, child] of tree) {
          if (!(match === "/" ? path !== "/" : path.startsWith(`${match}/`))) continue;
          const to = join(base, path.slice(match === "/" ? 1 : match.length + 1));
          files.set(to, child);
          origin.set(to, path);
        }
      } else {
        const to = intoDir ? join(target, baseName(match)) : target;
        files.set(to, node);
        origin.set(to, match);
      }
    }
  }
  if (chmod !== undefined) for (const [path, node] of files) if (node.type === "file") files.set(path, { ...node, mode: chmod });
  const parts: string[] = [];
  const sums = new Map<string, string>();
  for (const [path, node] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const body = node.type === "file" ? (typeof node.content === "string" ? node.content : sha256Hex(node.content)) : node.type === "symlink" ? node.target : "";
    const sum = sha256Hex(body);
    parts.push(`${path}\0${node.type}\0${node.mode}\0${sum}`);
    if (node.type !== "dir") sums.set((origin.get(path) ?? path).replace(/^\//, ""), `${node.mode}:${sum}`);
  }
  return { files, checksum: sha256Hex(parts.join("\n")), sums };
}

/** The layer a copy makes. */
export function copyLayer(files: Map<string, TreeNode>): Layer {
  const layer = new Layer();
  for (const [path, node] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    if (path === "/") continue;
    layer.ensureDirs(parentOf(path), BUILD_MTIME);
    const out: LayerNode = node.type === "file" ? { type: "file", content: node.content, mode: node.mode, mtime: BUILD_MTIME } : node.type === "dir" ? { type: "dir", mode: node.mode, mtime: BUILD_MTIME } : { type: "symlink", target: node.target, mode: 0o777, mtime: BUILD_MTIME };
    layer.set(path, out);
  }
  return layer;
}
