/**
 * `RUN --mount`: what a RUN sees besides its layers. A cache mount is a directory kept by the
 * builder across builds (never part of the image); a bind mount shows files of the context (or
 * of a stage or image) read-only; tmpfs is an empty scratch directory. Secrets and SSH agents are
 * never given to Dockyard's builder, so those mounts are left out, as BuildKit leaves out one the
 * client did not provide, unless `required=true`.
 */
import { normalizePath, type LayeredFs, type LayerNode } from "../engine/layered-fs.ts";
import { sha256Hex } from "../engine/digest.ts";
import type { RunMount } from "../dockerfile/index.ts";
import type { Tree } from "./copy.ts";
import { BUILD_MTIME } from "./copy.ts";

/** Cache mounts by id: their files, by path relative to the mount point. */
export type MountCaches = Map<string, Map<string, LayerNode>>;

export interface MountSources {
  caches: MountCaches;
  /** The build context (sent on first use). */
  context(): Tree;
  /** A stage's or image's files (`from=`). */
  from(name: string, sources: string[]): Promise<Tree>;
  expand(word: string): string;
}

/** What a RUN's mounts do around it; `key` covers what bind mounts show, for the step's cache key. */
export interface MountPlan {
  key: string;
  prepare(fs: LayeredFs): Promise<void>;
  finish(fs: LayeredFs): Promise<void>;
}

export class MountFailure extends Error {}

const under = (path: string, dir: string) => dir === "/" || path === dir || path.startsWith(`${dir}/`);
const relative = (path: string, dir: string) => (path === dir ? "" : path.slice(dir === "/" ? 1 : dir.length + 1));

interface Planned {
  type: RunMount["type"];
  target: string;
  /** Files to show at the target, by relative path ("" is the target itself). */
  files: Map<string, LayerNode>;
  cacheId?: string;
}

function treeUnder(tree: Tree, source: string): Map<string, LayerNode> {
  const root = normalizePath(source);
  const out = new Map<string, LayerNode>();
  for (const [path, node] of tree) {
    if (!under(path, root)) continue;
    const rel = relative(path, root);
    out.set(rel, node.type === "file" ? { type: "file", content: node.content, mode: node.mode, mtime: BUILD_MTIME } : node.type === "dir" ? { type: "dir", mode: node.mode, mtime: BUILD_MTIME } : { type: "symlink", target: node.target, mode: 0o777, mtime: BUILD_MTIME });
  }
  return out;
}

/** Plan a RUN's mounts; throws MountFailure with BuildKit's text for one that cannot be made. */
export async function planMounts(mounts: RunMount[], workdir: string, src: MountSources): Promise<MountPlan | undefined> {
  if (mounts.length === 0) return undefined;
  const planned: Planned[] = [];
  const keys: string[] = [];
  for (const m of mounts) {
    const rawTarget = m.target !== undefined ? src.expand(m.target) : undefined;
    if (m.type === "secret" || m.type === "ssh") {
      const id = m.id !== undefined ? src.expand(m.id) : m.type === "ssh" ? "default" : (rawTarget?.split("/").pop() ?? "");
      if (m.required) throw new MountFailure(m.type === "ssh" ? `no SSH key "${id}" forwarded from the client` : `secret ${id}: not found`);
      continue;
    }
    if (rawTarget === undefined || rawTarget === "") throw new MountFailure("mount target is required");
    const target = normalizePath(rawTarget.startsWith("/") ? rawTarget : `${workdir}/${rawTarget}`);
    if (m.type === "cache") {
      const id = m.id !== undefined ? src.expand(m.id) : target;
      planned.push({ type: "cache", target, files: new Map(src.caches.get(id) ?? []), cacheId: id });
    } else if (m.type === "tmpfs") {
      planned.push({ type: "tmpfs", target, files: new Map() });
    } else {
      const source = normalizePath(m.source !== undefined ? src.expand(m.source) : "/");
      const from = m.from !== undefined ? src.expand(m.from) : undefined;
      const tree = from !== undefined ? await src.from(from, [source]) : src.context();
      if (![...tree.keys()].some((p) => under(p, source))) throw new MountFailure(`failed to compute cache key: "${source}": not found`);
      const files = treeUnder(tree, source);
      keys.push(`${target}:${from ?? ""}:${sha256Hex([...files].map(([p, n]) => `${p}\0${n.type === "file" ? (typeof n.content === "string" ? sha256Hex(n.content) : sha256Hex(n.content)) : n.type}`).sort().join("\n"))}`);
      planned.push({ type: "bind", target, files });
    }
  }
  return {
    key: keys.join(";"),
    async prepare(fs) {
      for (const p of planned) {
        const existed = fs.statIfExists(p.target)?.isDirectory ?? false;
        if (!existed) fs.upper.ensureDirs(p.target, BUILD_MTIME);
        for (const [rel, node] of [...p.files].sort(([a], [b]) => a.localeCompare(b))) {
          if (rel === "") continue;
          const path = `${p.target === "/" ? "" : p.target}/${rel}`;
          fs.upper.ensureDirs(path.slice(0, path.lastIndexOf("/")) || "/", BUILD_MTIME);
          fs.upper.set(path, node);
        }
      }
    },
    async finish(fs) {
      for (const p of planned) {
        const inside = [...fs.upper.nodes.keys()].filter((path) => path !== p.target && under(path, p.target));
        if (p.type === "cache") {
          const kept = new Map<string, LayerNode>();
          for (const path of inside) {
            const node = fs.upper.nodes.get(path)!;
            if (node.type !== "whiteout") kept.set(relative(path, p.target), node);
          }
          src.caches.set(p.cacheId!, kept);
        }
        // What the RUN wrote there stays in the mount, not in the image's layer.
        for (const path of inside.sort((a, b) => b.length - a.length)) fs.upper.delete(path);
      }
    },
  };
}
