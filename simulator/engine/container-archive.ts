/** docker cp on a container's files (mounts included): HEAD, GET and PUT /containers/{id}/archive. */
import type { ArchiveEntry, PathStat } from "../backend/engine.ts";
import { invalidParameter, notFound } from "../backend/errors.ts";
import { extractArchive, isDirMode, readArchive, statPath } from "./archive.ts";
import type { Container } from "./container.ts";

/** HEAD: what is at a path in the container. */
export async function containerPathStat(c: Container, path: string): Promise<PathStat> {
  const stat = await statPath(c.fs, path);
  if (!stat) throw notFound(`Could not find the file ${path} in container ${c.name}`);
  return stat;
}

/** GET: a path in the container, as archive entries with its stat. */
export async function containerPathArchive(c: Container, path: string): Promise<{ stat: PathStat; entries: ArchiveEntry[] }> {
  const stat = await statPath(c.fs, path);
  if (!stat) throw notFound(`Could not find the file ${path} in container ${c.name}`);
  return { stat, entries: await readArchive(c.fs, path) };
}

/** PUT: archive entries extracted into a directory of the container. */
export async function extractIntoContainer(c: Container, dir: string, entries: ArchiveEntry[]): Promise<void> {
  const stat = await statPath(c.fs, dir);
  if (!stat) throw notFound(`Could not find the file ${dir} in container ${c.name}`);
  if (!isDirMode(stat.mode)) throw invalidParameter(`extraction point is not a directory`);
  try {
    await extractArchive(c.fs, dir, entries);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw /EROFS|read-only/i.test(message) ? invalidParameter("mounted volume is marked read-only") : invalidParameter(message);
  }
}
