/** Writing a package's files into a container's filesystem, as dpkg and apk unpack them. */
import type { IFileSystem } from "just-bash";
import { payload, programFile } from "./files.ts";

export interface PackageFiles {
  executables?: Record<string, string | null>;
  symlinks?: Record<string, string>;
  files?: Record<string, string>;
  /** Directory for the package's bulk, and its size in bytes. */
  payload?: { dir: string; bytes: number };
}

const PLAIN_EXECUTABLE = "\x7fELF (simulated executable)\n";
const parent = (path: string) => path.slice(0, path.lastIndexOf("/")) || "/";

/** Unpack a package's files; returns the paths written (dpkg's .list). */
export async function unpack(fs: IFileSystem, name: string, contents: PackageFiles): Promise<string[]> {
  const written: string[] = [];
  const ensure = async (dir: string) => {
    await fs.mkdir(dir, { recursive: true }).catch(() => undefined);
  };
  for (const [path, model] of Object.entries(contents.executables ?? {})) {
    await ensure(parent(path));
    await fs.writeFile(path, model ? programFile(model) : PLAIN_EXECUTABLE);
    await fs.chmod(path, 0o755);
    written.push(path);
  }
  for (const [path, content] of Object.entries(contents.files ?? {})) {
    await ensure(parent(path));
    await fs.writeFile(path, content);
    written.push(path);
  }
  for (const [path, target] of Object.entries(contents.symlinks ?? {})) {
    await ensure(parent(path));
    await fs.rm(path, { force: true }).catch(() => undefined);
    await fs.symlink(target, path);
    written.push(path);
  }
  if (contents.payload && contents.payload.bytes > 0) {
    const base = contents.payload.dir.slice(contents.payload.dir.lastIndexOf("/") + 1);
    const isFile = /\.(a|so[.\d]*|so)$/.test(base) || base === "cc1" || base === "modules";
    const dir = isFile ? parent(contents.payload.dir) : contents.payload.dir;
    const fileName = isFile ? base : `${name}.data`;
    await ensure(dir);
    for (const [path, bytes] of Object.entries(payload(dir, fileName, contents.payload.bytes))) {
      await fs.writeFile(path, bytes);
      written.push(path);
    }
  }
  return written;
}
