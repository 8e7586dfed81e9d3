/**
 * `GET`, `HEAD` and `PUT /containers/{id}/archive`: a container's files as an archive, the way
 * `docker cp` reads and writes them. The API carries a tar; here it is a list of entries whose
 * first path component is the copied path's base name, as in the tar dockerd sends.
 */
import type { IFileSystem } from "just-bash";
import type { ArchiveEntry, PathStat } from "../backend/api-types.ts";

/** Go's os.FileMode bits that the path stat header carries. */
const MODE_DIR = 0x80000000;
const MODE_SYMLINK = 0x08000000;

/** An absolute, clean container path: relative paths are relative to `/`, as docker cp takes them. */
export function containerPath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return `/${parts.join("/")}`;
}

const baseName = (path: string) => (path === "/" ? "/" : path.slice(path.lastIndexOf("/") + 1));

/** The stat header of a path (lstat: a symlink is reported as one), or undefined when it does not exist. */
export async function statPath(fs: IFileSystem, path: string): Promise<PathStat | undefined> {
  const abs = containerPath(path);
  let stat;
  try {
    stat = await fs.lstat(abs);
  } catch {
    return undefined;
  }
  const linkTarget = stat.isSymbolicLink ? await fs.readlink(abs).catch(() => "") : "";
  const kind = stat.isDirectory ? MODE_DIR : stat.isSymbolicLink ? MODE_SYMLINK : 0;
  return { name: baseName(abs), size: stat.isDirectory ? 4096 : stat.size, mode: (kind | (stat.mode & 0o7777)) >>> 0, mtime: stat.mtime.toISOString(), linkTarget };
}

export const isDirMode = (mode: number) => (mode & MODE_DIR) !== 0;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** A file's body as an archive entry carries it: its text when it is UTF-8, else its bytes (and a lossy text). */
function fileBody(bytes: Uint8Array): Pick<ArchiveEntry, "content" | "bytes"> {
  try {
    return { content: utf8.decode(bytes) };
  } catch {
    return { content: new TextDecoder().decode(bytes), bytes };
  }
}

/** Every entry under `path`, named from its base name down (a file gives one entry). */
export async function readArchive(fs: IFileSystem, path: string): Promise<ArchiveEntry[]> {
  const abs = containerPath(path);
  const entries: ArchiveEntry[] = [];
  const walk = async (full: string, name: string) => {
    const stat = await fs.lstat(full);
    const mode = stat.mode & 0o7777;
    if (stat.isSymbolicLink) entries.push({ path: name, type: "symlink", linkTarget: await fs.readlink(full), mode });
    else if (stat.isDirectory) {
      entries.push({ path: name, type: "dir", mode });
      for (const child of (await fs.readdir(full)).sort()) await walk(`${full === "/" ? "" : full}/${child}`, `${name}/${child}`);
    } else entries.push({ path: name, type: "file", ...fileBody(await fs.readFileBuffer(full)), mode });
  };
  await walk(abs, abs === "/" ? "." : baseName(abs));
  return entries;
}

/** Unpack entries into the directory `dir`; a file may not replace a directory, nor a directory a file. */
export async function extractArchive(fs: IFileSystem, dir: string, entries: ArchiveEntry[]): Promise<void> {
  const root = containerPath(dir);
  for (const entry of entries) {
    const target = containerPath(`${root}/${entry.path}`);
    const existing = await fs.lstat(target).catch(() => undefined);
    if (entry.type === "dir") {
      if (existing && !existing.isDirectory) throw new Error(`cannot overwrite non-directory "${target}" with directory "${entry.path}"`);
      if (!existing) await fs.mkdir(target, { recursive: true });
    } else {
      if (existing?.isDirectory) throw new Error(`cannot overwrite directory "${target}" with non-directory "${entry.path}"`);
      const parent = target.slice(0, target.lastIndexOf("/")) || "/";
      await fs.mkdir(parent, { recursive: true });
      if (existing) await fs.rm(target);
      if (entry.type === "symlink") await fs.symlink(entry.linkTarget ?? "", target);
      else await fs.writeFile(target, entry.bytes ?? entry.content ?? "");
    }
    if (entry.mode !== undefined && entry.type !== "symlink") await fs.chmod(target, entry.mode).catch(() => undefined);
  }
}
