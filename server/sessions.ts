/**
 * Sessions: one per browser connection (resumable by its id). Every object a session makes carries
 * `dockyard.session=<id>` and `dockyard.gateway=<scope>`; names are mapped so that two sessions can
 * both have a container called `web` (see server/README.md, "Names").
 */
import { randomBytes } from "node:crypto";
import { EngineError } from "../simulator/backend/errors.ts";
import { DockerApiError, type DockerClient } from "./docker-client.ts";

export const sessionLabel = "dockyard.session";
export const gatewayLabel = "dockyard.gateway";

export interface Quotas {
  containers: number;
  volumes: number;
  networks: number;
  /** Images the session makes (tag, commit, build); pulls of allowlisted images are shared. */
  images: number;
}

export const defaultQuotas: Quotas = { containers: 16, volumes: 16, networks: 8, images: 16 };

/** A learner's sandbox on the real engine. */
export class Session {
  /** Docker names of this session's containers, volumes and networks start with it. */
  readonly prefix: string;
  /** Repository namespace of the images this session makes. */
  readonly imageNamespace: string;
  lastSeen: number;
  connections = 0;
  /** Full IDs of containers this session created (a fast ownership check). */
  readonly containers = new Set<string>();
  /** Image references (in the session's namespace) this session made. */
  readonly images = new Set<string>();
  /** Results of waits armed before start, for `--rm` containers gone before `docker wait` asks. */
  readonly exits = new Map<string, Promise<number>>();

  constructor(readonly id: string, readonly scope: string, now: number) {
    this.prefix = `dy${id}_`;
    this.imageNamespace = `dockyard-${scope}-${id}`;
    this.lastSeen = now;
  }

  /** The labels every object of the session carries. */
  get labels(): Record<string, string> {
    return { [sessionLabel]: this.id, [gatewayLabel]: this.scope };
  }

  /** The label filter that selects this session's objects. */
  get filter(): string {
    return JSON.stringify({ label: [`${sessionLabel}=${this.id}`] });
  }

  /** `web` -> `dy<id>_web` (what dockerd stores). */
  dockerName(name: string): string {
    return `${this.prefix}${name}`;
  }

  /** `dy<id>_web` -> `web`; a name Docker generated is shown as it is. */
  userName(name: string): string {
    return name.startsWith(this.prefix) ? name.slice(this.prefix.length) : name;
  }
}

export interface SessionRegistryOptions {
  /** Labels objects of this gateway instance: the start-up sweep only removes its own scope. */
  scope?: string;
  /** A session with no connection for this long is reaped with its objects. */
  idleMs?: number;
  quotas?: Partial<Quotas>;
  now?: () => number;
}

/** Every live session of one gateway, the quotas, the reaper and the start-up sweep. */
export class SessionRegistry {
  readonly scope: string;
  readonly idleMs: number;
  readonly quotas: Quotas;
  readonly #sessions = new Map<string, Session>();
  readonly #now: () => number;
  #timer: NodeJS.Timeout | undefined;

  constructor(readonly docker: DockerClient, options: SessionRegistryOptions = {}) {
    this.scope = options.scope ?? "default";
    if (!/^[a-z0-9]{1,32}$/.test(this.scope)) throw new Error(`gateway scope must be 1-32 lowercase letters and digits, not ${JSON.stringify(this.scope)}`);
    this.idleMs = options.idleMs ?? 30 * 60_000;
    this.quotas = { ...defaultQuotas, ...options.quotas };
    this.#now = options.now ?? Date.now;
  }

  get size(): number {
    return this.#sessions.size;
  }

  get(id: string): Session | undefined {
    return this.#sessions.get(id);
  }

  /** Resume a known session by id, or open a new one. */
  open(resumeId?: string): Session {
    const known = resumeId ? this.#sessions.get(resumeId) : undefined;
    const session = known ?? new Session(randomBytes(6).toString("hex"), this.scope, this.#now());
    this.#sessions.set(session.id, session);
    session.connections += 1;
    session.lastSeen = this.#now();
    return session;
  }

  touch(session: Session): void {
    session.lastSeen = this.#now();
  }

  /** A connection ended; the session lives on until the reaper finds it idle. */
  release(session: Session): void {
    session.connections = Math.max(0, session.connections - 1);
    session.lastSeen = this.#now();
  }

  /** Remove sessions idle for longer than idleMs, with their objects; returns their ids. */
  async reap(): Promise<string[]> {
    const now = this.#now();
    const idle = [...this.#sessions.values()].filter((s) => s.connections === 0 && now - s.lastSeen >= this.idleMs);
    for (const session of idle) {
      this.#sessions.delete(session.id);
      await this.removeObjects({ label: [`${sessionLabel}=${session.id}`] }, session.imageNamespace);
    }
    return idle.map((s) => s.id);
  }

  /** Reap every `intervalMs` until stop(). */
  startReaper(intervalMs = 60_000): void {
    this.stopReaper();
    this.#timer = setInterval(() => void this.reap().catch(() => {}), intervalMs);
    this.#timer.unref();
  }

  stopReaper(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** At start-up: objects of this gateway scope left by an earlier run (a crash, a kill) are removed. */
  async sweep(): Promise<{ containers: number; volumes: number; networks: number; images: number }> {
    return this.removeObjects({ label: [`${gatewayLabel}=${this.scope}`] }, `dockyard-${this.scope}-`);
  }

  /** Check a quota before creating one more object of a kind. */
  async checkQuota(session: Session, kind: keyof Quotas): Promise<void> {
    const limit = this.quotas[kind];
    const count = await this.#count(session, kind);
    if (count >= limit) {
      throw new EngineError(403, `refused by the Dockyard gateway's policy: this session already has ${count} ${kind} (the limit is ${limit}); remove some first`, "forbidden");
    }
  }

  async #count(session: Session, kind: keyof Quotas): Promise<number> {
    const filters = session.filter;
    switch (kind) {
      case "containers":
        return (await this.docker.json<unknown[]>("GET", "/containers/json", { query: { all: 1, filters } })).length;
      case "volumes":
        return ((await this.docker.json<{ Volumes: unknown[] | null }>("GET", "/volumes", { query: { filters } })).Volumes ?? []).length;
      case "networks":
        // The session's default network (session-bridge.ts) is not one it made.
        return (await this.docker.json<{ Name: string }[]>("GET", "/networks", { query: { filters } })).filter((n) => n.Name !== session.dockerName("bridge")).length;
      case "images":
        return (await this.docker.json<{ RepoTags: string[] | null }[]>("GET", "/images/json")).filter((i) => (i.RepoTags ?? []).some((t) => t.startsWith(`${session.imageNamespace}/`))).length;
    }
  }

  /** Remove containers (with anonymous volumes), networks, volumes and images matching a label filter. */
  async removeObjects(filter: { label: string[] }, imagePrefix: string): Promise<{ containers: number; volumes: number; networks: number; images: number }> {
    const filters = JSON.stringify(filter);
    const ignoreGone = (e: unknown) => {
      if (e instanceof DockerApiError && (e.statusCode === 404 || e.statusCode === 409)) return;
      throw e;
    };
    const containers = await this.docker.json<{ Id: string }[]>("GET", "/containers/json", { query: { all: 1, filters } });
    await Promise.all(containers.map((c) => this.docker.json("DELETE", `/containers/${c.Id}`, { query: { force: 1, v: 1 } }).catch(ignoreGone)));
    const networks = await this.docker.json<{ Id: string }[]>("GET", "/networks", { query: { filters } });
    for (const n of networks) await this.docker.json("DELETE", `/networks/${n.Id}`).catch(ignoreGone);
    const volumes = (await this.docker.json<{ Volumes: { Name: string }[] | null }>("GET", "/volumes", { query: { filters } })).Volumes ?? [];
    for (const v of volumes) await this.docker.json("DELETE", `/volumes/${encodeURIComponent(v.Name)}`, { query: { force: 1 } }).catch(ignoreGone);
    const images = (await this.docker.json<{ Id: string; RepoTags: string[] | null }[]>("GET", "/images/json")).filter((i) => (i.RepoTags ?? []).some((t) => t.startsWith(imagePrefix)));
    let removedImages = 0;
    for (const image of images) {
      for (const tag of (image.RepoTags ?? []).filter((t) => t.startsWith(imagePrefix))) {
        await this.docker.json("DELETE", `/images/${encodeURIComponent(tag)}`, { query: { force: 1 } }).catch(ignoreGone);
      }
      removedImages += 1;
    }
    return { containers: containers.length, volumes: volumes.length, networks: networks.length, images: removedImages };
  }
}
