/** Mounts: volumes and host directories placed into a container's filesystem. */
import type { CpOptions, FileContent, FsStat, IFileSystem, MkdirOptions, RmOptions } from "just-bash";
import type { HostConfig, HostMount } from "../backend/engine.ts";
import { invalidParameter } from "../backend/errors.ts";
import { normalizePath } from "./layered-fs.ts";
import { VOLUME_NAME, type Volume, type VolumeService } from "./volume-service.ts";

/** A mount as the daemon resolves it (what `docker inspect` shows under Mounts). */
export interface MountPoint {
  Type: "volume" | "bind";
  /** The volume's name (volumes only). */
  Name?: string;
  Source: string;
  Destination: string;
  Driver?: "local";
  Mode: string;
  RW: boolean;
  Propagation: string;
}

/** `-v` strings and `--mount` objects, as HostConfig.Binds and HostConfig.Mounts carry them. */
export function parseMounts(binds: string[], mounts: HostMount[]): MountPoint[] {
  const result: MountPoint[] = [];
  for (const bind of binds) {
    const parts = bind.split(":");
    if (parts.length === 1) {
      result.push(volumeMount("", parts[0]!, true, "")); // anonymous: the daemon names it
      continue;
    }
    if (parts.length > 3 || parts.some((p) => p === "")) throw invalidParameter(`invalid volume specification: '${bind}'`);
    const [source, destination, mode = ""] = parts as [string, string, string?];
    const options = mode.split(",").filter(Boolean);
    for (const option of options) if (!["ro", "rw", "z", "Z", "nocopy", "rprivate", "private", "rshared", "shared", "rslave", "slave"].includes(option)) throw invalidParameter(`invalid mode: ${option}`);
    const rw = !options.includes("ro");
    if (!destination.startsWith("/")) throw invalidParameter(`invalid volume specification: '${bind}': invalid mount config for type "${source.startsWith("/") ? "bind" : "volume"}": invalid mount path: '${destination}' mount path must be absolute`);
    if (source.startsWith("/")) result.push({ Type: "bind", Source: normalizePath(source), Destination: normalizePath(destination), Mode: mode, RW: rw, Propagation: "rprivate" });
    else result.push(volumeMount(source, destination, rw, mode || "z"));
  }
  for (const mount of mounts) {
    const target = mount.Target ?? "";
    if (!target.startsWith("/")) throw invalidParameter(`invalid mount config for type "${mount.Type}": invalid mount path: '${target}' mount path must be absolute`);
    if (mount.Type === "bind") {
      if (!mount.Source) throw invalidParameter(`invalid mount config for type "bind": field Source must not be empty`);
      result.push({ Type: "bind", Source: normalizePath(mount.Source), Destination: normalizePath(target), Mode: "", RW: !mount.ReadOnly, Propagation: "rprivate" });
    } else if (mount.Type === "volume") {
      result.push(volumeMount(mount.Source ?? "", target, !mount.ReadOnly, "z"));
    } else {
      throw invalidParameter(`mount type unknown: ${mount.Type}`);
    }
  }
  const seen = new Set<string>();
  for (const m of result) {
    if (seen.has(m.Destination)) throw invalidParameter(`Duplicate mount point: ${m.Destination}`);
    seen.add(m.Destination);
  }
  return result;
}

function volumeMount(name: string, destination: string, rw: boolean, mode: string): MountPoint {
  if (name !== "" && !VOLUME_NAME.test(name)) {
    throw invalidParameter(`create ${name}: "${name}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`);
  }
  return { Type: "volume", Name: name, Source: "", Destination: normalizePath(destination), Driver: "local", Mode: mode, RW: rw, Propagation: "" };
}

/** A view of `fs` (mounted at `at`) that refuses every write, as a `:ro` mount does. */
export function readOnly(fs: IFileSystem, at = ""): IFileSystem {
  const erofs = (path: string) => Object.assign(new Error(`can't create ${at}${path === "/" ? "" : path}: Read-only file system`), { code: "EROFS" });
  const writes = new Set(["writeFile", "appendFile", "mkdir", "rm", "cp", "mv", "chmod", "symlink", "link", "utimes"]);
  return new Proxy(fs, {
    get(target, property, receiver) {
      const original = Reflect.get(target, property, receiver) as unknown;
      if (typeof original !== "function") return original;
      if (writes.has(String(property))) return async (path: string) => { throw erofs(path); };
      return original.bind(target);
    },
  });
}

/** The part of `fs` below `root`, as its own filesystem (a bind mount of a host directory). */
export class SubtreeFs implements IFileSystem {
  constructor(readonly fs: IFileSystem, readonly root: string) {}

  #in(path: string): string {
    return normalizePath(`${this.root}/${normalizePath(path)}`);
  }

  #out(path: string): string {
    return path === this.root ? "/" : path.startsWith(`${this.root}/`) ? path.slice(this.root.length) : path;
  }

  readFile(path: string, options?: Parameters<IFileSystem["readFile"]>[1]) { return this.fs.readFile(this.#in(path), options); }
  readFileBuffer(path: string) { return this.fs.readFileBuffer(this.#in(path)); }
  writeFile(path: string, content: FileContent, options?: Parameters<IFileSystem["writeFile"]>[2]) { return this.fs.writeFile(this.#in(path), content, options); }
  appendFile(path: string, content: FileContent, options?: Parameters<IFileSystem["appendFile"]>[2]) { return this.fs.appendFile(this.#in(path), content, options); }
  exists(path: string) { return this.fs.exists(this.#in(path)); }
  stat(path: string): Promise<FsStat> { return this.fs.stat(this.#in(path)); }
  lstat(path: string): Promise<FsStat> { return this.fs.lstat(this.#in(path)); }
  mkdir(path: string, options?: MkdirOptions) { return this.fs.mkdir(this.#in(path), options); }
  readdir(path: string) { return this.fs.readdir(this.#in(path)); }
  rm(path: string, options?: RmOptions) { return this.fs.rm(this.#in(path), options); }
  cp(src: string, dest: string, options?: CpOptions) { return this.fs.cp(this.#in(src), this.#in(dest), options); }
  mv(src: string, dest: string) { return this.fs.mv(this.#in(src), this.#in(dest)); }
  resolvePath(base: string, path: string) { return normalizePath(path.startsWith("/") ? path : `${base}/${path}`); }
  getAllPaths() { return this.fs.getAllPaths().filter((p) => p === this.root || p.startsWith(`${this.root}/`)).map((p) => this.#out(p)); }
  chmod(path: string, mode: number) { return this.fs.chmod(this.#in(path), mode); }
  symlink(target: string, linkPath: string) { return this.fs.symlink(target, this.#in(linkPath)); }
  link(existingPath: string, newPath: string) { return this.fs.link(this.#in(existingPath), this.#in(newPath)); }
  readlink(path: string) { return this.fs.readlink(this.#in(path)); }
  async realpath(path: string) { return this.#out(await this.fs.realpath(this.#in(path))); }
  utimes(path: string, atime: Date, mtime: Date) { return this.fs.utimes(this.#in(path), atime, mtime); }
}

/** Copy what the image has at a mount point into a fresh volume, as Docker fills an empty volume. */
export async function populate(from: IFileSystem, dir: string, into: IFileSystem): Promise<void> {
  try {
    if (!(await from.stat(dir)).isDirectory) return;
  } catch {
    return;
  }
  await copyTree(from, dir, into, "");
}

async function copyTree(from: IFileSystem, source: string, into: IFileSystem, target: string): Promise<void> {
  for (const name of await from.readdir(source)) {
    const child = `${source === "/" ? "" : source}/${name}`;
    const dest = `${target}/${name}`;
    const stat = await from.lstat(child);
    if (stat.isDirectory) {
      await into.mkdir(dest, { recursive: true });
      await copyTree(from, child, into, dest);
    } else if (stat.isSymbolicLink) {
      await into.symlink(await from.readlink(child), dest).catch(() => {});
    } else {
      await into.writeFile(dest, await from.readFileBuffer(child));
    }
  }
}

/** What a container's mounts need from the daemon. */
export interface MountSources {
  volumes: VolumeService;
  /** The daemon host's filesystem, where bind mounts come from. */
  hostFs: IFileSystem;
}

/**
 * Resolve `-v`/`--mount` and the image's VOLUMEs into filesystems: named volumes are created on
 * first use, anonymous ones get a random name, `-v` host paths are created as Docker does.
 * Returns the volumes made here, which the image's files then fill.
 */
export async function resolveMounts(hostConfig: HostConfig, imageVolumes: string[], sources: MountSources): Promise<{ mounts: { point: MountPoint; fs: IFileSystem }[]; fresh: Volume[] }> {
  const points = parseMounts(hostConfig.Binds ?? [], hostConfig.Mounts ?? []);
  for (const path of imageVolumes) {
    if (!points.some((p) => p.Destination === normalizePath(path))) points.push({ Type: "volume", Name: "", Source: "", Destination: normalizePath(path), Driver: "local", Mode: "", RW: true, Propagation: "" });
  }
  const mounts: { point: MountPoint; fs: IFileSystem }[] = [];
  const fresh: Volume[] = [];
  for (const point of points) {
    if (point.Type === "bind") {
      const fromMountFlag = (hostConfig.Mounts ?? []).some((m) => m.Type === "bind" && normalizePath(m.Source ?? "") === point.Source);
      if (!(await sources.hostFs.exists(point.Source))) {
        if (fromMountFlag) throw invalidParameter(`invalid mount config for type "bind": bind source path does not exist: ${point.Source}`);
        await sources.hostFs.mkdir(point.Source, { recursive: true });
      }
      mounts.push({ point, fs: new SubtreeFs(sources.hostFs, point.Source) });
      continue;
    }
    const existing = point.Name ? sources.volumes.find(point.Name) : undefined;
    const volume = existing ?? sources.volumes.create(point.Name || undefined, { anonymous: !point.Name });
    if (!existing) fresh.push(volume);
    mounts.push({ point: { ...point, Name: volume.name, Source: `/var/lib/docker/volumes/${volume.name}/_data` }, fs: volume.fs });
  }
  return { mounts, fresh };
}
