/** Volumes, networks, events and system information for one session on the real engine. */
import { EngineError } from "../simulator/backend/errors.ts";
import type { DiskUsage, NetworkInspect, SystemInfo, VolumeInfo } from "../simulator/backend/api-types.ts";
import type { DockerEvent } from "../simulator/engine/events.ts";
import { DockerApiError, jsonLines, type DockerClient } from "./docker-client.ts";
import { networkCreateBody, PolicyError, volumeCreateBody } from "./policy.ts";
import type { ContainerService } from "./session-engine.ts";
import type { ImageService } from "./session-images.ts";
import { sessionLabel, type Session, type SessionRegistry } from "./sessions.ts";
import { bridgeLabel, sessionBridge, sessionBridgeName } from "./session-bridge.ts";

const unmapTags = (tags: string[] | null, ns: string) => (tags ?? []).filter((t) => !t.startsWith("dockyard-") || t.startsWith(`${ns}/`));
const isRecord = (v: unknown): v is Record<string, string[]> => typeof v === "object" && v !== null && !Array.isArray(v);
const resourceNamePattern = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
/** Labels as the session set them: the gateway's own (`dockyard.*`) are not shown. */
const ownLabels = (labels: Record<string, string> | null | undefined): Record<string, string> => Object.fromEntries(Object.entries(labels ?? {}).filter(([k]) => !k.startsWith("dockyard.")));
const predefinedNetworks = new Set(["bridge", "host", "none"]);
/** dockerd's own networks a session sees; its `bridge` is the session's (session-bridge.ts). */
const sharedNetworks = new Set(["host", "none"]);

export class ResourceService {
  constructor(readonly docker: DockerClient, readonly session: Session, readonly registry: SessionRegistry, readonly containers: ContainerService, readonly images: ImageService) {}

  // --- volumes ---

  /** Labelled volumes of the session, and anonymous ones its containers mount. */
  async #volumes(): Promise<VolumeInfo[]> {
    const labelled = (await this.docker.json<{ Volumes: VolumeInfo[] | null }>("GET", "/volumes", { query: { filters: this.session.filter } })).Volumes ?? [];
    const names = new Set(labelled.map((v) => v.Name));
    const anonymous = new Set<string>();
    for (const c of (await this.containers.own()) as unknown as { Mounts?: { Type: string; Name?: string }[] }[]) {
      for (const m of c.Mounts ?? []) if (m.Type === "volume" && m.Name && !names.has(m.Name)) anonymous.add(m.Name);
    }
    const extra = await Promise.all([...anonymous].map((n) => this.docker.json<VolumeInfo>("GET", `/volumes/${encodeURIComponent(n)}`).catch(() => undefined)));
    return [...labelled, ...extra.filter((v): v is VolumeInfo => v !== undefined)].map((v) => ({ ...v, Labels: ownLabels(v.Labels) }));
  }

  async #volume(name: string): Promise<VolumeInfo> {
    if (typeof name !== "string" || name === "") throw new EngineError(404, `get ${String(name)}: no such volume`);
    const list = await this.#volumes();
    const found = list.find((v) => v.Name === this.session.dockerName(name)) ?? list.find((v) => v.Name === name);
    if (!found) throw new EngineError(404, `get ${name}: no such volume`);
    return found;
  }

  async volumeCreate(options: { Name?: string; Labels?: Record<string, string> } = {}): Promise<VolumeInfo> {
    const name = options?.Name;
    if (name !== undefined && name !== "" && (typeof name !== "string" || !resourceNamePattern.test(name))) {
      throw new EngineError(400, `create ${String(name)}: "${String(name)}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`);
    }
    const body = volumeCreateBody(options, name ? this.session.dockerName(name) : undefined, this.session.labels);
    if (name) {
      const existing = await this.docker.json<VolumeInfo>("GET", `/volumes/${encodeURIComponent(this.session.dockerName(name))}`).catch(() => undefined);
      if (existing) return existing;
    }
    await this.registry.checkQuota(this.session, "volumes");
    return this.docker.json<VolumeInfo>("POST", "/volumes/create", { body });
  }

  async volumeList(): Promise<VolumeInfo[]> {
    return this.#volumes();
  }

  async volumeInspect(name: string): Promise<VolumeInfo> {
    return this.#volume(name);
  }

  async volumeRemove(name: string, options: { force?: boolean } = {}): Promise<void> {
    const volume = await this.#volume(name).catch((error: unknown) => {
      if (error instanceof EngineError && error.statusCode === 404) throw new EngineError(404, `get ${name}: no such volume`);
      throw error;
    });
    await this.docker.json("DELETE", `/volumes/${encodeURIComponent(volume.Name)}`, { query: { force: options?.force ? 1 : undefined } });
  }

  async volumePrune(options: { all?: boolean } = {}): Promise<{ VolumesDeleted: string[]; SpaceReclaimed: number }> {
    const filters: Record<string, string[]> = { label: [`${sessionLabel}=${this.session.id}`] };
    if (options?.all && this.#apiAtLeast("1.42")) filters["all"] = ["true"];
    const r = await this.docker.json<{ VolumesDeleted: string[] | null; SpaceReclaimed: number }>("POST", "/volumes/prune", { query: { filters: JSON.stringify(filters) } });
    return { VolumesDeleted: r.VolumesDeleted ?? [], SpaceReclaimed: r.SpaceReclaimed };
  }

  #apiAtLeast(v: string): boolean {
    const [a = 0, b = 0] = (this.docker.apiVersion ?? "1.24").split(".").map(Number);
    const [c = 0, d = 0] = v.split(".").map(Number);
    return a > c || (a === c && b >= d);
  }

  // --- networks ---

  /** The network a session means: its own (by name or ID prefix, `bridge` its default one) or host/none. */
  async #network(ref: string): Promise<NetworkInspect> {
    if (typeof ref !== "string" || ref === "") throw new EngineError(404, `network ${String(ref)} not found`);
    if (ref === "bridge") await sessionBridge(this.docker, this.session);
    const all = await this.docker.json<NetworkInspect[]>("GET", "/networks");
    const own = all.filter((n) => n.Labels?.[sessionLabel] === this.session.id);
    const found =
      own.find((n) => n.Id === ref || n.Name === this.session.dockerName(ref)) ??
      all.find((n) => sharedNetworks.has(n.Name) && (n.Name === ref || n.Id === ref)) ??
      (own.filter((n) => n.Id.startsWith(ref)).length === 1 ? own.find((n) => n.Id.startsWith(ref)) : undefined);
    if (!found) throw new EngineError(404, `network ${ref} not found`);
    return found;
  }

  /** Only this session's containers appear in a network's member list. */
  async #members(network: NetworkInspect): Promise<NetworkInspect> {
    const detail = await this.docker.json<NetworkInspect>("GET", `/networks/${network.Id}`);
    const mine = new Set((await this.containers.own()).map((c) => c.Id));
    const containers = Object.fromEntries(Object.entries(detail.Containers ?? {}).filter(([id]) => mine.has(id)));
    return { ...detail, Containers: containers, Labels: this.#labels(detail), Options: detail.Options ?? {} };
  }

  /** A network's labels; the session's default network shows none, like Docker's `bridge`. */
  #labels(network: NetworkInspect): Record<string, string> {
    return network.Name === sessionBridgeName(this.session) ? {} : ownLabels(network.Labels);
  }

  async networkCreate(name: string, options: unknown): Promise<{ Id: string; Warning: string }> {
    if (typeof name !== "string" || !resourceNamePattern.test(name)) throw new EngineError(400, `invalid network name ${JSON.stringify(String(name))}`);
    if (predefinedNetworks.has(name) || name === "default") throw new EngineError(403, `operation is not permitted on predefined ${name} network `);
    const body = networkCreateBody(this.session.dockerName(name), options, this.session.labels);
    await this.registry.checkQuota(this.session, "networks");
    try {
      const r = await this.docker.json<{ Id: string; Warning?: string }>("POST", "/networks/create", { body });
      return { Id: r.Id, Warning: r.Warning ?? "" };
    } catch (error) {
      if (error instanceof DockerApiError && error.statusCode === 409) throw new EngineError(409, `network with name ${name} already exists`);
      throw error;
    }
  }

  async networkList(): Promise<NetworkInspect[]> {
    await sessionBridge(this.docker, this.session);
    const all = await this.docker.json<NetworkInspect[]>("GET", "/networks");
    return all.filter((n) => sharedNetworks.has(n.Name) || n.Labels?.[sessionLabel] === this.session.id).map((n) => ({ ...n, Containers: {}, Labels: this.#labels(n), Options: n.Options ?? {} }));
  }

  async networkInspect(ref: string): Promise<NetworkInspect> {
    return this.#members(await this.#network(ref));
  }

  async networkRemove(ref: string): Promise<void> {
    const network = await this.#network(ref);
    const name = this.session.userName(network.Name);
    if (predefinedNetworks.has(name)) throw new EngineError(403, `${name} is a pre-defined network and cannot be removed`);
    await this.docker.json("DELETE", `/networks/${network.Id}`);
  }

  async networkConnect(ref: string, container: string, options: { Aliases?: string[]; IPAddress?: string } = {}): Promise<void> {
    const network = await this.#network(ref);
    if (network.Name === "host") throw new PolicyError("the host's network namespace (--network host)");
    const id = await this.containers.resolve(container);
    const aliases = Array.isArray(options?.Aliases) ? options.Aliases.filter((a) => typeof a === "string") : [];
    const ip = typeof options?.IPAddress === "string" ? options.IPAddress : undefined;
    if (network.Name === sessionBridgeName(this.session)) {
      // As on Docker's default bridge.
      if (aliases.length) throw new EngineError(400, "network-scoped alias is supported only for containers in user defined networks");
      if (ip) throw new EngineError(400, "user specified IP address is supported on user defined networks only");
    } else if (!sharedNetworks.has(network.Name)) {
      // The name the learner gave answers in DNS on a user-defined network, as on Docker (session-engine.ts nameAsAlias).
      const { Name } = await this.docker.json<{ Name: string }>("GET", `/containers/${id}/json`);
      const typed = Name.replace(/^\//, "");
      if (typed.startsWith(this.session.prefix) && !aliases.includes(this.session.userName(typed))) aliases.push(this.session.userName(typed));
    }
    await this.docker.json("POST", `/networks/${network.Id}/connect`, { body: { Container: id, EndpointConfig: { ...(aliases.length ? { Aliases: aliases } : {}), ...(ip ? { IPAMConfig: { IPv4Address: ip } } : {}) } } });
  }

  async networkDisconnect(ref: string, container: string): Promise<void> {
    const network = await this.#network(ref);
    const id = await this.containers.resolve(container);
    await this.docker.json("POST", `/networks/${network.Id}/disconnect`, { body: { Container: id } });
  }

  async networkPrune(): Promise<{ NetworksDeleted: string[] }> {
    // The session's default network stays, as `bridge` does on Docker.
    const filters = JSON.stringify({ label: [`${sessionLabel}=${this.session.id}`], "label!": [bridgeLabel] });
    const r = await this.docker.json<{ NetworksDeleted: string[] | null }>("POST", "/networks/prune", { query: { filters } });
    return { NetworksDeleted: r.NetworksDeleted ?? [] };
  }

  // --- system ---

  async info(): Promise<SystemInfo> {
    const info = await this.docker.json<SystemInfo>("GET", "/info");
    const mine = await this.containers.own();
    const images = await this.images.list();
    return {
      ...info,
      Containers: mine.length,
      ContainersRunning: mine.filter((c) => c.State === "running").length,
      ContainersPaused: mine.filter((c) => c.State === "paused").length,
      ContainersStopped: mine.filter((c) => c.State !== "running" && c.State !== "paused").length,
      Images: images.length,
    };
  }

  async systemDf(): Promise<DiskUsage> {
    const df = await this.docker.json<DiskUsage>("GET", "/system/df");
    const images = new Set((await this.images.list()).map((i) => i.Id));
    const volumes = new Set((await this.#volumes()).map((v) => v.Name));
    return {
      LayersSize: df.LayersSize,
      Images: (df.Images ?? []).filter((i) => images.has(i.Id)).map((i) => ({ ...i, ContentSize: i.ContentSize ?? i.Size, RepoTags: unmapTags(i.RepoTags, this.session.imageNamespace) })),
      Containers: (df.Containers ?? []).filter((c) => c.Labels?.[sessionLabel] === this.session.id),
      Volumes: (df.Volumes ?? []).filter((v) => volumes.has(v.Name)),
      BuildCache: [],
    };
  }

  /** GET /events for this session's objects, until the signal aborts (or `until` passes). */
  async events(signal: AbortSignal, emit: (event: DockerEvent) => void, options: { since?: number; until?: number; filters?: Record<string, string[]> } = {}): Promise<void> {
    const own = isRecord(options?.filters) ? { ...options.filters } : {};
    // `--filter container=web` names the container as the session knows it.
    if (Array.isArray(own["container"])) own["container"] = own["container"].map((c) => (typeof c === "string" && !/^[0-9a-f]{12,64}$/.test(c) ? this.session.dockerName(c) : c));
    const filters = { ...own, label: [...(Array.isArray(own["label"]) ? own["label"] : []), `${sessionLabel}=${this.session.id}`] };
    const seconds = (ms: unknown) => (typeof ms === "number" ? (ms / 1000).toFixed(3) : undefined);
    const res = await this.docker.stream("GET", "/events", { query: { filters: JSON.stringify(filters), since: seconds(options?.since), until: seconds(options?.until) }, signal });
    try {
      for await (const message of jsonLines(res)) {
        const m = message as unknown as DockerEvent;
        if (!m.Type || !m.Action) continue;
        emit({ Type: m.Type, Action: m.Action, Actor: { ID: m.Actor?.ID ?? "", Attributes: m.Actor?.Attributes ?? {} }, scope: "local", time: m.time, timeNano: m.timeNano });
      }
    } catch (error) {
      if (!signal.aborted) throw error;
    }
  }
}
