/** Volumes: named and anonymous filesystems that outlive the containers that mount them. */
import { InMemoryFs, type IFileSystem } from "just-bash";
import type { VolumeInfo } from "../backend/api-types.ts";
import { conflict, invalidParameter, notFound } from "../backend/errors.ts";
import type { Clock } from "./clock.ts";
import type { DockerEvent } from "./events.ts";

export interface Volume {
  name: string;
  created: number;
  /** Null for volumes the daemon made for a container; `docker volume create` always sets a map. */
  labels: Record<string, string> | null;
  /** Made for a container (an image VOLUME or `-v /path`): `docker rm -v` and `--rm` remove it. */
  anonymous: boolean;
  fs: InMemoryFs;
}

export const VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export interface VolumeDaemon {
  clock: Clock;
  ids: () => string;
  api(method: string, path: string): void;
  emit(type: DockerEvent["Type"], action: string, id: string, attributes: Record<string, string>): void;
  /** IDs of the containers that mount a volume, running or not. */
  usersOf(name: string): string[];
}

export class VolumeService {
  readonly #d: VolumeDaemon;
  readonly #volumes = new Map<string, Volume>();

  constructor(daemon: VolumeDaemon) {
    this.#d = daemon;
  }

  /** Create (or return, as Docker does for an existing name) a volume. */
  create(name?: string, options: { labels?: Record<string, string> | null; anonymous?: boolean } = {}): Volume {
    const volumeName = name ?? this.#d.ids();
    if (!VOLUME_NAME.test(volumeName)) {
      throw invalidParameter(`create ${volumeName}: "${volumeName}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`);
    }
    const existing = this.#volumes.get(volumeName);
    if (existing) return existing;
    const volume: Volume = { name: volumeName, created: this.#d.clock.now(), labels: options.labels ?? null, anonymous: options.anonymous ?? name === undefined, fs: new InMemoryFs() };
    this.#volumes.set(volumeName, volume);
    this.#d.emit("volume", "create", volumeName, { driver: "local" });
    return volume;
  }

  get(name: string): Volume {
    const volume = this.#volumes.get(name);
    if (!volume) throw notFound(`get ${name}: no such volume`);
    return volume;
  }

  find(name: string): Volume | undefined {
    return this.#volumes.get(name);
  }

  list(): Volume[] {
    return [...this.#volumes.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  inspect(volume: Volume): VolumeInfo {
    return {
      CreatedAt: new Date(volume.created).toISOString().replace(/\.\d{3}Z$/, "Z"),
      Driver: "local",
      Labels: volume.labels === null ? null : { ...volume.labels },
      Mountpoint: `/var/lib/docker/volumes/${volume.name}/_data`,
      Name: volume.name,
      Options: null,
      Scope: "local",
    };
  }

  remove(name: string, force = false): void {
    const volume = this.#volumes.get(name);
    if (!volume) {
      if (force) return;
      throw notFound(`get ${name}: no such volume`);
    }
    const users = this.#d.usersOf(name);
    if (users.length > 0) throw conflict(`remove ${name}: volume is in use - [${users.join(", ")}]`);
    this.#volumes.delete(name);
    this.#d.emit("volume", "destroy", name, { driver: "local" });
  }

  /** Remove unused volumes: anonymous ones, or every unused one with `all`. Returns names and bytes. */
  async prune(all: boolean): Promise<{ VolumesDeleted: string[]; SpaceReclaimed: number }> {
    const deleted: string[] = [];
    let reclaimed = 0;
    for (const volume of this.list()) {
      if ((!all && !volume.anonymous) || this.#d.usersOf(volume.name).length > 0) continue;
      reclaimed += await sizeOf(volume.fs);
      this.#volumes.delete(volume.name);
      deleted.push(volume.name);
      this.#d.emit("volume", "destroy", volume.name, { driver: "local" });
    }
    return { VolumesDeleted: deleted, SpaceReclaimed: reclaimed };
  }
}

/** Bytes of file content under a filesystem's root. */
export async function sizeOf(fs: IFileSystem): Promise<number> {
  let total = 0;
  for (const path of fs.getAllPaths()) {
    try {
      const stat = await fs.stat(path);
      if (stat.isFile) total += stat.size;
    } catch {
      // A dangling link: no bytes.
    }
  }
  return total;
}
