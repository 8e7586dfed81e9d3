/**
 * The learner's working folder as the editor sees it: list, read, write, rename and remove
 * files under the host's home directory. Framework-free; the shell sees the same files.
 */
import type { IFileSystem } from "just-bash";

/** One file or folder, its path relative to the working folder (`app/Dockerfile`). */
export interface HostEntry {
  path: string;
  type: "file" | "dir";
}

export type HostFileErrorCode = "ENOENT" | "EEXIST" | "EISDIR" | "ENOTDIR" | "EINVAL";

const reasons: Record<HostFileErrorCode, string> = {
  ENOENT: "No such file or directory",
  EEXIST: "File exists",
  EISDIR: "Is a directory",
  ENOTDIR: "Not a directory",
  EINVAL: "Invalid argument",
};

/** A refused file operation, worded as coreutils words it (`'x': No such file or directory`). */
export class HostFileError extends Error {
  constructor(
    readonly code: HostFileErrorCode,
    readonly path: string,
    detail?: string,
  ) {
    super(`'${path}': ${detail ?? reasons[code]}`);
    this.name = "HostFileError";
  }
}

/** Files under one folder of the host (the learner's home). Paths are relative to it. */
export interface HostFiles {
  /** The folder's absolute path, e.g. `/home/learner`. */
  readonly root: string;
  /** Every file and folder under the root, depth first, names sorted; symlinks left out. */
  list(): Promise<HostEntry[]>;
  read(path: string): Promise<string>;
  /** Create or replace a file, making its parent folders. */
  write(path: string, text: string): Promise<void>;
  mkdir(path: string): Promise<void>;
  /** Move a file or folder; the target must not exist. */
  rename(from: string, to: string): Promise<void>;
  /** Remove a file, or a folder with everything in it. */
  remove(path: string): Promise<void>;
}

/** Files and folders under `root`, relative to it (symlinks left out). */
export async function listTree(fs: IFileSystem, root: string): Promise<HostEntry[]> {
  if (!(await fs.stat(root)).isDirectory) throw new Error(`not a directory: ${root}`);
  const out: HostEntry[] = [];
  const walk = async (dir: string, rel: string) => {
    for (const name of (await fs.readdir(dir)).sort()) {
      const path = `${dir === "/" ? "" : dir}/${name}`;
      const stat = await fs.lstat(path);
      const relative = rel ? `${rel}/${name}` : name;
      if (stat.isDirectory) {
        out.push({ path: relative, type: "dir" });
        await walk(path, relative);
      } else if (stat.isFile) out.push({ path: relative, type: "file" });
    }
  };
  await walk(root, "");
  return out;
}

/** `a/./b//c` → `a/b/c`; refuses empty names, `..`, absolute paths and NUL. */
export function cleanPath(path: string): string {
  const parts = path.split("/").filter((part) => part !== "" && part !== ".");
  if (path.startsWith("/") || path.includes("\0") || parts.length === 0 || parts.includes("..")) {
    throw new HostFileError("EINVAL", path, "Not a path inside the working folder");
  }
  return parts.join("/");
}

export function hostFiles(fs: IFileSystem, root: string): HostFiles {
  const abs = (rel: string) => `${root}/${rel}`;
  const kind = async (rel: string): Promise<"file" | "dir" | "other" | undefined> => {
    if (!(await fs.exists(abs(rel)))) return undefined;
    const stat = await fs.lstat(abs(rel));
    return stat.isDirectory ? "dir" : stat.isFile ? "file" : "other";
  };
  /** Every parent of `rel` must be a folder or not exist yet. */
  const checkParents = async (rel: string, shown: string) => {
    const parts = rel.split("/");
    for (let i = 1; i < parts.length; i++) {
      const parent = parts.slice(0, i).join("/");
      const type = await kind(parent);
      if (type === undefined) return;
      if (type !== "dir") throw new HostFileError("ENOTDIR", shown);
    }
  };

  return {
    root,
    list: () => listTree(fs, root),
    async read(path) {
      const rel = cleanPath(path);
      const type = await kind(rel);
      if (type === undefined) throw new HostFileError("ENOENT", path);
      if (type === "dir") throw new HostFileError("EISDIR", path);
      return fs.readFile(abs(rel));
    },
    async write(path, text) {
      const rel = cleanPath(path);
      await checkParents(rel, path);
      if ((await kind(rel)) === "dir") throw new HostFileError("EISDIR", path);
      await fs.writeFile(abs(rel), text);
    },
    async mkdir(path) {
      const rel = cleanPath(path);
      await checkParents(rel, path);
      const type = await kind(rel);
      if (type !== undefined) throw new HostFileError("EEXIST", path);
      await fs.mkdir(abs(rel), { recursive: true });
    },
    async rename(from, to) {
      const source = cleanPath(from);
      const target = cleanPath(to);
      if ((await kind(source)) === undefined) throw new HostFileError("ENOENT", from);
      if (source === target) return;
      if (target.startsWith(`${source}/`)) throw new HostFileError("EINVAL", to, `cannot move '${from}' into itself`);
      await checkParents(target, to);
      if ((await kind(target)) !== undefined) throw new HostFileError("EEXIST", to);
      await fs.mv(abs(source), abs(target));
    },
    async remove(path) {
      const rel = cleanPath(path);
      if ((await kind(rel)) === undefined) throw new HostFileError("ENOENT", path);
      await fs.rm(abs(rel), { recursive: true, force: false });
    },
  };
}
