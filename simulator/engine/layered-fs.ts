/**
 * Copy-on-write filesystems over shared, read-only layers, as overlayfs gives containers.
 * An image's layers are built once and shared by every container of that image; each
 * container only owns its (usually empty) writable upper layer.
 */
import type { BufferEncoding, CpOptions, FileContent, FsStat, IFileSystem, MkdirOptions, RmOptions } from "just-bash";

type ReadFileOptions = Exclude<Parameters<IFileSystem["readFile"]>[1], BufferEncoding | undefined>;
type WriteFileOptions = Exclude<Parameters<IFileSystem["writeFile"]>[2], BufferEncoding | undefined>;
type DirentEntry = Awaited<ReturnType<NonNullable<IFileSystem["readdirWithFileTypes"]>>>[number];

type FileNode = { type: "file"; content: Uint8Array | string; mode: number; mtime: Date };
type DirNode = { type: "dir"; mode: number; mtime: Date };
type LinkNode = { type: "symlink"; target: string; mode: number; mtime: Date };
type Whiteout = { type: "whiteout" };
export type LayerNode = FileNode | DirNode | LinkNode | Whiteout;
type Live = FileNode | DirNode | LinkNode;

const ROOT: DirNode = { type: "dir", mode: 0o755, mtime: new Date(0) };
const MAX_SYMLINKS = 40;

/** Errors shaped like Node's, which just-bash's commands recognise by their code. */
function fsError(code: string, text: string, op: string, path: string): Error {
  return Object.assign(new Error(`${code}: ${text}, ${op} '${path}'`), { code });
}
const enoent = (op: string, path: string) => fsError("ENOENT", "no such file or directory", op, path);

export function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return `/${parts.join("/")}`;
}
export const parentOf = (path: string) => (path === "/" ? "/" : path.slice(0, path.lastIndexOf("/")) || "/");
export const baseName = (path: string) => path.slice(path.lastIndexOf("/") + 1);
const join = (dir: string, name: string) => (dir === "/" ? `/${name}` : `${dir}/${name}`);

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const byteLength = (content: Uint8Array | string) => (typeof content === "string" ? encoder.encode(content).length : content.length);

/** One layer: a set of paths, with an index of each directory's entries. */
export class Layer {
  readonly nodes = new Map<string, LayerNode>();
  readonly #children = new Map<string, Set<string>>();

  /** A read-only layer from `path -> content`; parent directories are implied. */
  static fromFiles(files: Record<string, string>, mtime = new Date(0), modes: Record<string, number> = {}): Layer {
    const layer = new Layer();
    for (const [path, content] of Object.entries(files)) {
      const p = normalizePath(path);
      if (p.endsWith("/") || content === undefined) continue;
      layer.ensureDirs(parentOf(p), mtime);
      layer.set(p, { type: "file", content, mode: modes[p] ?? 0o644, mtime });
    }
    return layer;
  }

  ensureDirs(path: string, mtime: Date): void {
    if (path === "/" || this.nodes.get(path)?.type === "dir") return;
    this.ensureDirs(parentOf(path), mtime);
    this.set(path, { type: "dir", mode: 0o755, mtime });
  }

  set(path: string, node: LayerNode): void {
    this.nodes.set(path, node);
    if (path === "/") return;
    const parent = parentOf(path);
    let names = this.#children.get(parent);
    if (!names) this.#children.set(parent, (names = new Set()));
    names.add(baseName(path));
  }

  delete(path: string): void {
    this.nodes.delete(path);
    this.#children.get(parentOf(path))?.delete(baseName(path));
  }

  childNames(path: string): Iterable<string> {
    return this.#children.get(path) ?? [];
  }

  /** Bytes of file content in this layer. */
  size(): number {
    let total = 0;
    for (const node of this.nodes.values()) if (node.type === "file") total += byteLength(node.content);
    return total;
  }
}

/** What changed in a container's layer, as `docker diff` reports it. */
export interface Change {
  kind: "A" | "C" | "D";
  path: string;
}

export class LayeredFs implements IFileSystem {
  readonly upper: Layer;
  /** Lower layers, top-most first. */
  readonly #lowers: Layer[];

  /** `lowers` bottom-most first, as an image lists its layers. */
  constructor(lowers: Layer[], upper = new Layer()) {
    this.#lowers = lowers.slice().reverse();
    this.upper = upper;
  }

  #layers(): Layer[] {
    return [this.upper, ...this.#lowers];
  }

  /** The node at a normalised path, without following a final symlink. */
  #lookup(path: string): Live | undefined {
    if (path === "/") return ROOT;
    for (const layer of this.#layers()) {
      const node = layer.nodes.get(path);
      if (node) return node.type === "whiteout" ? undefined : node;
    }
    return undefined;
  }

  #inLower(path: string): boolean {
    for (const layer of this.#lowers) {
      const node = layer.nodes.get(path);
      if (node) return node.type !== "whiteout";
    }
    return false;
  }

  /** Resolve symlinks in every component (and the last one when `followLast`). */
  #resolve(path: string, followLast: boolean, op: string): string {
    let pending = normalizePath(path).split("/").filter(Boolean);
    let current = "/";
    let hops = 0;
    while (pending.length > 0) {
      const name = pending.shift()!;
      const next = join(current, name);
      const node = this.#lookup(next);
      if (node?.type === "symlink" && (pending.length > 0 || followLast)) {
        if (++hops > MAX_SYMLINKS) throw fsError("ELOOP", "too many symbolic links encountered", op, path);
        const target = node.target.startsWith("/") ? node.target : join(current, node.target);
        pending = [...normalizePath(target).split("/").filter(Boolean), ...pending];
        current = "/";
        continue;
      }
      if (pending.length > 0 && node && node.type !== "dir") throw fsError("ENOTDIR", "not a directory", op, path);
      current = next;
    }
    return current;
  }

  #existing(path: string, op: string, followLast = true): { path: string; node: Live } {
    const resolved = this.#resolve(path, followLast, op);
    const node = this.#lookup(resolved);
    if (!node) throw enoent(op, path);
    return { path: resolved, node };
  }

  #requireParentDir(path: string, op: string, original: string): void {
    const parent = this.#lookup(parentOf(path));
    if (!parent) throw enoent(op, original);
    if (parent.type !== "dir") throw fsError("ENOTDIR", "not a directory", op, original);
  }

  async readFile(path: string, options?: ReadFileOptions | BufferEncoding): Promise<string> {
    const buffer = await this.readFileBuffer(path);
    const encoding = typeof options === "string" ? options : options?.encoding;
    if (encoding === "base64") return btoa(String.fromCharCode(...buffer));
    if (encoding === "latin1" || encoding === "binary") return String.fromCharCode(...buffer);
    if (encoding === "hex") return Array.from(buffer, (b) => b.toString(16).padStart(2, "0")).join("");
    return decoder.decode(buffer);
  }

  async readFileBuffer(path: string): Promise<Uint8Array> {
    const { node } = this.#existing(path, "open");
    if (node.type === "dir") throw fsError("EISDIR", "illegal operation on a directory", "read", path);
    if (node.type !== "file") throw enoent("open", path);
    return typeof node.content === "string" ? encoder.encode(node.content) : node.content;
  }

  async writeFile(path: string, content: FileContent, options?: WriteFileOptions | BufferEncoding): Promise<void> {
    const resolved = this.#resolve(path, true, "open");
    const existing = this.#lookup(resolved);
    if (existing?.type === "dir") throw fsError("EISDIR", "illegal operation on a directory", "open", path);
    this.#requireParentDir(resolved, "open", path);
    const encoding = typeof options === "string" ? options : options?.encoding;
    let data: Uint8Array | string = content;
    if (typeof content === "string" && (encoding === "base64" || encoding === "hex" || encoding === "latin1" || encoding === "binary")) {
      data = decodeString(content, encoding);
    }
    this.upper.set(resolved, { type: "file", content: data, mode: existing?.type === "file" ? existing.mode : 0o644, mtime: new Date() });
  }

  async appendFile(path: string, content: FileContent, options?: WriteFileOptions | BufferEncoding): Promise<void> {
    const resolved = this.#resolve(path, true, "open");
    const existing = this.#lookup(resolved);
    if (existing?.type !== "file") return this.writeFile(path, content, options);
    const before = typeof existing.content === "string" ? encoder.encode(existing.content) : existing.content;
    const added = typeof content === "string" ? encoder.encode(content) : content;
    const merged = new Uint8Array(before.length + added.length);
    merged.set(before);
    merged.set(added, before.length);
    this.upper.set(resolved, { type: "file", content: merged, mode: existing.mode, mtime: new Date() });
  }

  async exists(path: string): Promise<boolean> {
    try {
      return this.#lookup(this.#resolve(path, true, "access")) !== undefined;
    } catch {
      return false;
    }
  }

  #stat(node: Live): FsStat {
    return {
      isFile: node.type === "file",
      isDirectory: node.type === "dir",
      isSymbolicLink: node.type === "symlink",
      mode: node.mode | (node.type === "dir" ? 0o040000 : node.type === "symlink" ? 0o120000 : 0o100000),
      size: node.type === "file" ? byteLength(node.content) : node.type === "symlink" ? node.target.length : 4096,
      mtime: node.mtime,
    };
  }

  /** stat without an error for a missing path (PATH lookups try many). */
  statIfExists(path: string): FsStat | undefined {
    try {
      const node = this.#lookup(this.#resolve(path, true, "stat"));
      return node ? this.#stat(node) : undefined;
    } catch {
      return undefined;
    }
  }

  async stat(path: string): Promise<FsStat> {
    return this.#stat(this.#existing(path, "stat").node);
  }

  async lstat(path: string): Promise<FsStat> {
    return this.#stat(this.#existing(path, "lstat", false).node);
  }

  async mkdir(path: string, options?: MkdirOptions): Promise<void> {
    const resolved = this.#resolve(path, true, "mkdir");
    const existing = this.#lookup(resolved);
    if (existing) {
      if (options?.recursive && existing.type === "dir") return;
      throw fsError("EEXIST", "file already exists", "mkdir", path);
    }
    if (options?.recursive) {
      const parts = resolved.split("/").filter(Boolean);
      let current = "/";
      for (const part of parts) {
        current = join(current, part);
        const node = this.#lookup(current);
        if (!node) this.upper.set(current, { type: "dir", mode: 0o755, mtime: new Date() });
        else if (node.type !== "dir") throw fsError("ENOTDIR", "not a directory", "mkdir", path);
      }
      return;
    }
    this.#requireParentDir(resolved, "mkdir", path);
    this.upper.set(resolved, { type: "dir", mode: 0o755, mtime: new Date() });
  }

  async readdir(path: string): Promise<string[]> {
    return (await this.readdirWithFileTypes(path)).map((d) => d.name);
  }

  async readdirWithFileTypes(path: string): Promise<DirentEntry[]> {
    const { path: dir, node } = this.#existing(path, "scandir");
    if (node.type !== "dir") throw fsError("ENOTDIR", "not a directory", "scandir", path);
    const names = new Set<string>();
    for (const layer of this.#layers()) for (const name of layer.childNames(dir)) names.add(name);
    const entries: DirentEntry[] = [];
    for (const name of [...names].sort()) {
      const child = this.#lookup(join(dir, name));
      if (child) entries.push({ name, isFile: child.type === "file", isDirectory: child.type === "dir", isSymbolicLink: child.type === "symlink" });
    }
    return entries;
  }

  /** Every live path under `dir` (depth first), for recursive removal and copies. */
  #walk(dir: string): string[] {
    const out: string[] = [];
    const names = new Set<string>();
    for (const layer of this.#layers()) for (const name of layer.childNames(dir)) names.add(name);
    for (const name of names) {
      const child = join(dir, name);
      const node = this.#lookup(child);
      if (!node) continue;
      if (node.type === "dir") out.push(...this.#walk(child));
      out.push(child);
    }
    return out;
  }

  #remove(path: string): void {
    if (this.#inLower(path)) this.upper.set(path, { type: "whiteout" });
    else this.upper.delete(path);
  }

  async rm(path: string, options?: RmOptions): Promise<void> {
    let resolved: string;
    try {
      resolved = this.#resolve(path, false, "rm");
    } catch (error) {
      if (options?.force) return;
      throw error;
    }
    const node = this.#lookup(resolved);
    if (!node) {
      if (options?.force) return;
      throw enoent("rm", path);
    }
    if (resolved === "/") throw fsError("EPERM", "operation not permitted", "rm", path);
    if (node.type === "dir") {
      const inside = this.#walk(resolved);
      if (inside.length > 0 && !options?.recursive) throw fsError("ENOTEMPTY", "directory not empty", "rm", path);
      for (const child of inside) this.#remove(child);
    }
    this.#remove(resolved);
  }

  async cp(src: string, dest: string, options?: CpOptions): Promise<void> {
    const { path: from, node } = this.#existing(src, "cp");
    const to = this.#resolve(dest, true, "cp");
    if (node.type === "dir") {
      if (!options?.recursive) throw fsError("EISDIR", "illegal operation on a directory", "cp", src);
      await this.mkdir(to, { recursive: true });
      for (const child of this.#walk(from).reverse()) {
        const target = to + child.slice(from.length);
        const childNode = this.#lookup(child)!;
        if (childNode.type === "dir") this.upper.set(target, { ...childNode, mtime: new Date() });
        else this.upper.set(target, { ...childNode });
      }
      return;
    }
    this.#requireParentDir(to, "cp", dest);
    this.upper.set(to, { ...node });
  }

  async mv(src: string, dest: string): Promise<void> {
    const { path: from, node } = this.#existing(src, "mv", false);
    const to = this.#resolve(dest, false, "mv");
    this.#requireParentDir(to, "mv", dest);
    if (node.type === "dir") {
      const children = this.#walk(from).reverse();
      this.upper.set(to, { ...node });
      for (const child of children) this.upper.set(to + child.slice(from.length), { ...this.#lookup(child)! });
      for (const child of children.reverse()) this.#remove(child);
    } else {
      this.upper.set(to, { ...node });
    }
    this.#remove(from);
  }

  resolvePath(base: string, path: string): string {
    return normalizePath(path.startsWith("/") ? path : `${base}/${path}`);
  }

  getAllPaths(): string[] {
    return ["/", ...this.#walk("/")];
  }

  async chmod(path: string, mode: number): Promise<void> {
    const { path: resolved, node } = this.#existing(path, "chmod");
    this.upper.set(resolved, { ...node, mode: mode & 0o7777 });
  }

  async symlink(target: string, linkPath: string): Promise<void> {
    const resolved = this.#resolve(linkPath, false, "symlink");
    if (this.#lookup(resolved)) throw fsError("EEXIST", "file already exists", "symlink", linkPath);
    this.#requireParentDir(resolved, "symlink", linkPath);
    this.upper.set(resolved, { type: "symlink", target, mode: 0o777, mtime: new Date() });
  }

  async link(existingPath: string, newPath: string): Promise<void> {
    const { node } = this.#existing(existingPath, "link");
    if (node.type !== "file") throw fsError("EPERM", "operation not permitted", "link", existingPath);
    const resolved = this.#resolve(newPath, false, "link");
    if (this.#lookup(resolved)) throw fsError("EEXIST", "file already exists", "link", newPath);
    this.#requireParentDir(resolved, "link", newPath);
    this.upper.set(resolved, { ...node });
  }

  async readlink(path: string): Promise<string> {
    const { node } = this.#existing(path, "readlink", false);
    if (node.type !== "symlink") throw fsError("EINVAL", "invalid argument", "readlink", path);
    return node.target;
  }

  async realpath(path: string): Promise<string> {
    return this.#existing(path, "realpath").path;
  }

  async utimes(path: string, _atime: Date, mtime: Date): Promise<void> {
    const { path: resolved, node } = this.#existing(path, "utimes");
    this.upper.set(resolved, { ...node, mtime });
  }

  /** Changes in the writable layer, sorted by path, as `docker diff` lists them. */
  changes(ignore: (path: string) => boolean = () => false): Change[] {
    const changed = new Map<string, Change["kind"]>();
    for (const [path, node] of this.upper.nodes) {
      if (ignore(path) || (node.type === "dir" && [...this.upper.childNames(path)].every((name) => ignore(join(path, name))) && this.#inLower(path))) continue;
      changed.set(path, node.type === "whiteout" ? "D" : this.#inLower(path) ? "C" : "A");
      // A change inside a directory of the image shows that directory as changed.
      for (let dir = parentOf(path); dir !== "/"; dir = parentOf(dir)) {
        if (!changed.has(dir) && this.#inLower(dir)) changed.set(dir, "C");
      }
    }
    return [...changed]
      .filter(([path, kind]) => !(kind === "D" && changed.get(parentOf(path)) === "D"))
      .map(([path, kind]) => ({ kind, path }))
      .sort((a, b) => a.path.localeCompare(b.path));
  }
}

function decodeString(content: string, encoding: BufferEncoding): Uint8Array {
  if (encoding === "base64") return Uint8Array.from(atob(content), (c) => c.charCodeAt(0));
  if (encoding === "hex") return Uint8Array.from(content.match(/../g) ?? [], (h) => parseInt(h, 16));
  return Uint8Array.from(content, (c) => c.charCodeAt(0) & 0xff);
}
