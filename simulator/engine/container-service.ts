/** The daemon's container side: create, start, stop, exec, logs and the rest of /containers. */
import type {
  ArchiveEntry, CommitOptions, ContainerStats, ContainerConfig, ContainerConsole, ContainerInspect, ContainerSummary, ExecConfig, LogsOptions, OutputChunk, PathStat,
} from "../backend/engine.ts";
import { EngineError, conflict, invalidParameter, notFound } from "../backend/errors.ts";
import { Container } from "./container.ts";
import type { Daemon } from "./daemon.ts";
import { generateName } from "./names.ts";
import { StartError } from "./runtime.ts";
import { containerFilter } from "./filters.ts";
import { checkResources } from "./resources.ts";
import { containerStatsOf } from "./container-stats.ts";
import { containerPathArchive, containerPathStat, extractIntoContainer } from "./container-archive.ts";
import { execConsole, mergeEnv, runExec, type ExecOptions } from "./container-exec.ts";
import { populate, resolveMounts } from "./mounts.ts";
import type { HttpRequest, HttpResponse } from "./http.ts";
import { containerNet, hostRequest } from "./container-net.ts";
import { inspectContainer, processTable } from "./container-inspect.ts";
import { containerSummaries } from "./container-list.ts";
import { follow } from "./container.ts";
import { watchHealth } from "./container-health.ts";
import { containerLogLines } from "./container-logs.ts";
import { parseSignal, signalNumberOf } from "./signals.ts";

export class ContainerService {
  constructor(protected readonly d: Daemon) {}

  #containerEvent(action: string, c: Container, extra: Record<string, string> = {}): void {
    this.d.emit("container", action, c.id, { image: c.imageRef, name: c.name, ...c.config.Labels, ...extra });
  }

  protected find(idOrName: string): Container {
    const key = idOrName.replace(/^\//, "");
    const exact = this.d.containers.get(key) ?? [...this.d.containers.values()].find((c) => c.name === key);
    if (exact) return exact;
    const matches = key === "" ? [] : [...this.d.containers.values()].filter((c) => c.id.startsWith(key));
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) throw invalidParameter(`multiple IDs found with provided prefix: ${key}`);
    throw notFound(`No such container: ${idOrName}`);
  }

  #checkName(name: string, self?: Container): void {
    if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(name)) throw invalidParameter(`Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    const holder = [...this.d.containers.values()].find((c) => c.name === name && c !== self);
    if (holder) throw conflict(`Conflict. The container name "/${name}" is already in use by container "${holder.id}". You have to remove (or rename) that container to be able to reuse that name.`);
  }

  async containerCreate(config: ContainerConfig, options: { name?: string } = {}): Promise<{ Id: string; Warnings: string[] }> {
    this.d.api("POST", `/containers/create${options.name ? `?name=${encodeURIComponent(options.name)}` : ""}`);
    const name = options.name?.replace(/^\//, "");
    if (name !== undefined) this.#checkName(name);
    const image = this.d.images.get(config.Image);
    const policy = config.HostConfig?.RestartPolicy;
    if (policy && policy.Name !== "on-failure" && (policy.MaximumRetryCount ?? 0) > 0) {
      throw invalidParameter(`invalid restart policy: maximum retry count can only be used with 'on-failure'`);
    }
    if (policy && policy.Name !== "no" && policy.Name !== "" && config.HostConfig?.AutoRemove) {
      throw invalidParameter("conflicting options: cannot specify both --restart and --rm");
    }
    checkResources(config.HostConfig ?? {});
    const id = this.d.ids();
    const entrypoint = config.Entrypoint ?? image.config.Entrypoint;
    const cmd = config.Cmd ?? (config.Entrypoint ? null : image.config.Cmd);
    if ((entrypoint ?? []).length + (cmd ?? []).length === 0) throw invalidParameter("no command specified");
    const { HostConfig: hostConfig, ...containerConfig } = config;
    const exposed = { ...(image.config.ExposedPorts ?? {}), ...(config.ExposedPorts ?? {}) };
    for (const port of Object.keys(hostConfig?.PortBindings ?? {})) exposed[port.includes("/") ? port : `${port}/tcp`] = {};
    const networkMode = !hostConfig?.NetworkMode || hostConfig.NetworkMode === "default" ? "bridge" : hostConfig.NetworkMode;
    const network = this.d.networks.get(networkMode);
    const { mounts, fresh } = await resolveMounts(hostConfig ?? {}, Object.keys(image.config.Volumes ?? {}), { volumes: this.d.volumes, hostFs: this.d.hostFs });
    const container = new Container({
      id,
      name: name ?? generateName((n) => [...this.d.containers.values()].some((c) => c.name === n)),
      created: this.d.clock.now(),
      seq: this.d.seq++,
      image,
      imageRef: config.Image,
      config: {
        ...containerConfig,
        Image: config.Image,
        Hostname: config.Hostname || id.slice(0, 12),
        Env: mergeEnv(image.config.Env, config.Env ?? []),
        Cmd: cmd,
        Entrypoint: entrypoint && entrypoint.length > 0 ? entrypoint : null,
        WorkingDir: config.WorkingDir || image.config.WorkingDir,
        User: config.User ?? image.config.User,
        Labels: { ...(image.config.Labels ?? {}), ...(config.Labels ?? {}) },
        ...(config.Healthcheck ?? image.config.Healthcheck ? { Healthcheck: { ...image.config.Healthcheck, ...config.Healthcheck } } : {}),
        ...(Object.keys(exposed).length > 0 ? { ExposedPorts: exposed } : {}),
        ...(image.config.Volumes ? { Volumes: { ...image.config.Volumes } } : {}),
      },
      hostConfig: { RestartPolicy: { Name: "no", MaximumRetryCount: 0 }, ...(hostConfig ?? {}) },
      mounts,
      net: (c) => containerNet(this.d, c),
      clock: this.d.clock,
      onExit: (c) => this.#onExit(c),
    });
    // A volume used for the first time starts with what the image has at its mount point.
    for (const volume of fresh) {
      const at = mounts.find((m) => m.point.Name === volume.name)!.point.Destination;
      await populate(container.rootfs, at, volume.fs);
    }
    const endpoint = this.d.networks.connect(network.id, container, {
      ...(config.NetworkingConfig?.Aliases ? { aliases: config.NetworkingConfig.Aliases } : {}),
      ...(config.NetworkingConfig?.IPAddress ? { ip: config.NetworkingConfig.IPAddress } : {}),
    });
    container.writeHosts(endpoint.ip);
    this.d.containers.set(id, container);
    this.#containerEvent("create", container);
    return { Id: id, Warnings: [] };
  }

  /** Publish the container's ports (-p, -P) on the host: all of them or, on a conflict, none. */
  #bindPorts(c: Container): void {
    const bindings = { ...(c.hostConfig.PortBindings ?? {}) };
    if (c.hostConfig.PublishAllPorts) {
      for (const port of Object.keys(c.config.ExposedPorts ?? {})) bindings[port] ??= [{ HostIp: "", HostPort: "" }];
    }
    c.ports = this.d.ports.allocate(c.id, `${c.name} (${c.id})`, bindings);
  }

  #releasePorts(c: Container): void {
    this.d.ports.release(c.id);
    c.ports = [];
  }

  #onExit(container: Container): void {
    container.health?.stop();
    if (container.status === "exited") this.#releasePorts(container);
    const { context } = container.actor.getSnapshot();
    this.#containerEvent("die", container, { exitCode: String(context.exitCode) });
    if (container.status === "exited" && container.hostConfig.AutoRemove) this.#remove(container);
  }

  async containerStart(idOrName: string): Promise<void> {
    const c = this.find(idOrName);
    this.d.api("POST", `/containers/${c.id.slice(0, 12)}/start`);
    if (c.running) return;
    this.#bindPorts(c);
    try {
      await c.start();
    } catch (error) {
      if (error instanceof StartError) {
        this.#releasePorts(c);
        if (c.hostConfig.AutoRemove) this.#remove(c);
        throw new EngineError(400, error.message);
      }
      throw error;
    }
    this.#containerEvent("start", c);
    watchHealth(this.d, c, (status) => this.#containerEvent(`health_status: ${status}`, c));
  }

  async containerStop(idOrName: string, options: { timeout?: number; signal?: string } = {}): Promise<void> {
    const c = this.find(idOrName);
    this.d.api("POST", `/containers/${c.id.slice(0, 12)}/stop${options.timeout !== undefined ? `?t=${options.timeout}` : ""}`);
    if (!c.running && c.status !== "restarting") return;
    const signal = parseSignal(options.signal ?? c.config.StopSignal ?? c.image.config.StopSignal ?? "SIGTERM") ?? "SIGTERM";
    this.#containerEvent("kill", c, { signal: String(signalNumberOf(signal)) });
    if (signal === "SIGKILL") c.kill("SIGKILL");
    else await c.stop(options.timeout ?? c.config.StopTimeout ?? 10, signal);
    await c.settled();
    this.#containerEvent("stop", c);
  }

  async containerRestart(idOrName: string, options: { timeout?: number; signal?: string } = {}): Promise<void> {
    const c = this.find(idOrName);
    await this.containerStop(c.id, options);
    this.d.api("POST", `/containers/${c.id.slice(0, 12)}/restart`);
    await this.containerStart(c.id);
    this.#containerEvent("restart", c);
  }

  async containerKill(idOrName: string, signalText = "SIGKILL"): Promise<void> {
    let c: Container;
    try {
      c = this.find(idOrName);
    } catch (error) {
      if (error instanceof EngineError) throw new EngineError(error.statusCode, `cannot kill container: ${idOrName}: ${error.message}`);
      throw error;
    }
    this.d.api("POST", `/containers/${c.id.slice(0, 12)}/kill?signal=${signalText}`);
    const signal = parseSignal(signalText);
    if (!signal) throw invalidParameter(`Invalid signal: ${signalText}`);
    if (!c.running) throw conflict(`cannot kill container: ${idOrName}: container ${c.id} is not running`);
    this.#containerEvent("kill", c, { signal: String(signalNumberOf(signal)) });
    c.kill(signal);
    if (signal === "SIGKILL") await c.settled();
  }

  async containerPause(idOrName: string): Promise<void> {
    const c = this.find(idOrName);
    this.d.api("POST", `/containers/${c.id.slice(0, 12)}/pause`);
    if (c.status === "paused") throw conflict(`container ${c.id} is already paused`);
    if (c.status !== "running") throw conflict(`container ${c.id} is not running`);
    c.actor.send({ type: "PAUSE" });
    this.#containerEvent("pause", c);
  }

  async containerUnpause(idOrName: string): Promise<void> {
    const c = this.find(idOrName);
    this.d.api("POST", `/containers/${c.id.slice(0, 12)}/unpause`);
    if (c.status !== "paused") throw conflict(`container ${c.id} is not paused`);
    c.actor.send({ type: "UNPAUSE" });
    this.#containerEvent("unpause", c);
  }

  async containerRename(idOrName: string, newName: string): Promise<void> {
    const c = this.find(idOrName);
    this.d.api("POST", `/containers/${c.id.slice(0, 12)}/rename?name=${encodeURIComponent(newName)}`);
    const name = newName.replace(/^\//, "");
    if (name === c.name) throw invalidParameter("Renaming a container with the same name as its current name");
    this.#checkName(name, c);
    const oldName = c.name;
    c.name = name;
    this.#containerEvent("rename", c, { oldName: `/${oldName}` });
  }

  async containerTop(idOrName: string, psArgs = "-ef"): Promise<{ Titles: string[]; Processes: string[][] }> {
    const c = this.find(idOrName);
    this.d.api("GET", `/containers/${c.id.slice(0, 12)}/top?ps_args=${encodeURIComponent(psArgs)}`);
    if (!c.running) throw conflict(`container ${c.id} is not running`);
    return processTable(c, psArgs);
  }

  async containerChanges(idOrName: string): Promise<{ Kind: 0 | 1 | 2; Path: string }[]> {
    const c = this.find(idOrName);
    this.d.api("GET", `/containers/${c.id.slice(0, 12)}/changes`);
    return c.rootfs.changes((path) => path === "/etc/hostname" || path === "/etc/hosts" || path === "/etc/resolv.conf").map((ch) => ({ Kind: ch.kind === "C" ? 0 : ch.kind === "A" ? 1 : 2, Path: ch.path }));
  }

  async containerExec(idOrName: string, config: ExecConfig, options: ExecOptions = {}): Promise<{ ExitCode: number }> {
    const c = this.find(idOrName);
    this.d.api("POST", `/containers/${c.id.slice(0, 12)}/exec`);
    if (c.status === "paused") throw conflict(`container ${c.id} is paused, unpause the container before exec`);
    if (!c.running) throw conflict(`container ${c.id} is not running`);
    this.#containerEvent("exec_create", c, { execID: this.d.ids() });
    return runExec(this.d, c, config, options);
  }

  async containerConsole(idOrName: string): Promise<ContainerConsole> {
    const c = this.find(idOrName);
    this.d.api("POST", `/containers/${c.id.slice(0, 12)}/attach?stream=1&stdin=1&stdout=1&stderr=1`);
    if (!c.running) throw conflict("You cannot attach to a stopped container, start it first");
    if (c.status === "paused") throw conflict("You cannot attach to a paused container, unpause it first");
    // An entrypoint hands over to the shell (`exec "$@"`) once it has run: give it that moment.
    const console = c.console ?? (await new Promise((resolve) => setTimeout(resolve, 0)), c.console);
    if (!console || console.ended) throw conflict(`container ${c.id} has no interactive shell on its TTY`);
    return console;
  }

  async containerExecConsole(idOrName: string, config: ExecConfig): Promise<ContainerConsole> {
    const c = this.find(idOrName);
    this.d.api("POST", `/containers/${c.id.slice(0, 12)}/exec`);
    if (c.status === "paused") throw conflict(`container ${c.id} is paused, unpause the container before exec`);
    if (!c.running) throw conflict(`container ${c.id} is not running`);
    return execConsole(this.d, c, config);
  }

  async *containerAttach(idOrName: string, options: { signal?: AbortSignal; stdin?: string } = {}): AsyncIterable<OutputChunk> {
    const c = this.find(idOrName);
    if (options.stdin !== undefined) c.stdin = options.stdin;
    this.d.api("POST", `/containers/${c.id.slice(0, 12)}/attach?stream=1&stdout=1&stderr=1`);
    this.#containerEvent("attach", c);
    yield* follow(c, [], options.signal);
  }

  async containerWait(idOrName: string, options: { signal?: AbortSignal } = {}): Promise<{ StatusCode: number }> {
    const c = this.find(idOrName);
    this.d.api("POST", `/containers/${c.id.slice(0, 12)}/wait`);
    return { StatusCode: await c.waitExit(options.signal) };
  }

  protected summaries(all: boolean, size = false): ContainerSummary[] {
    return containerSummaries(this.d, all, size);
  }

  async containerList(options: { all?: boolean; size?: boolean; limit?: number; filters?: Record<string, string[]> } = {}): Promise<ContainerSummary[]> {
    this.d.api("GET", `/containers/json${options.all ? "?all=1" : ""}`);
    const filters = options.filters ?? {};
    const matches = containerFilter(filters, (ref) => this.d.images.store.lookup(ref)?.id);
    const all = options.all || options.limit !== undefined || (filters["status"]?.length ?? 0) > 0 || (filters["exited"]?.length ?? 0) > 0;
    let list = this.summaries(all, options.size ?? false).filter((summary) => matches(summary, this.d.containers.get(summary.Id)!));
    if (options.limit !== undefined && options.limit > 0) list = list.slice(0, options.limit);
    return list;
  }

  async containerInspect(idOrName: string): Promise<ContainerInspect> {
    const c = this.find(idOrName);
    this.d.api("GET", `/containers/${c.id.slice(0, 12)}/json`);
    return inspectContainer(this.d, c);
  }

  /**
   * A connection from the host to a published port, as docker-proxy forwards it: refused when
   * nothing publishes the port, reset when the container has no server listening there.
   */
  hostRequest(hostPort: number, request: Omit<HttpRequest, "remoteAddress">): Promise<HttpResponse | "refused" | "reset"> {
    return hostRequest(this.d, hostPort, request);
  }

  async containerRemove(idOrName: string, options: { force?: boolean; volumes?: boolean } = {}): Promise<void> {
    const c = this.find(idOrName);
    this.d.api("DELETE", `/containers/${c.id.slice(0, 12)}${options.force ? "?force=1" : ""}`);
    if ((c.running || c.status === "restarting") && !options.force) {
      const verb = c.status === "paused" ? "paused" : c.status === "restarting" ? "restarting" : "running";
      throw conflict(`cannot remove container "/${c.name}": container is ${verb}: stop the container before removing or force remove`);
    }
    if (c.running) {
      c.kill("SIGKILL");
      await c.settled();
    }
    this.#remove(c, options.volumes ?? false);
  }

  #remove(c: Container, anonymousVolumes = c.hostConfig.AutoRemove ?? false): void {
    if (!this.d.containers.has(c.id)) return;
    this.d.containers.delete(c.id);
    c.health?.stop();
    this.#releasePorts(c);
    this.d.networks.leaveAll(c.id);
    c.dispose();
    this.#containerEvent("destroy", c);
    if (anonymousVolumes) {
      for (const mount of c.mounts) {
        const volume = mount.Name ? this.d.volumes.find(mount.Name) : undefined;
        if (volume?.anonymous && this.d.volumeUsers(volume.name).length === 0) this.d.volumes.remove(volume.name);
      }
    }
  }

  async containerStats(idOrName: string): Promise<ContainerStats> {
    const c = this.find(idOrName);
    this.d.api("GET", `/containers/${c.id.slice(0, 12)}/stats?stream=false`);
    return containerStatsOf(this.d, c);
  }

  async containerStatPath(idOrName: string, path: string): Promise<PathStat> {
    const c = this.find(idOrName);
    this.d.api("HEAD", `/containers/${c.id.slice(0, 12)}/archive?path=${encodeURIComponent(path)}`);
    return containerPathStat(c, path);
  }

  async containerArchive(idOrName: string, path: string): Promise<{ stat: PathStat; entries: ArchiveEntry[] }> {
    const c = this.find(idOrName);
    this.d.api("GET", `/containers/${c.id.slice(0, 12)}/archive?path=${encodeURIComponent(path)}`);
    return containerPathArchive(c, path);
  }

  async containerExtract(idOrName: string, dir: string, entries: ArchiveEntry[]): Promise<void> {
    const c = this.find(idOrName);
    this.d.api("PUT", `/containers/${c.id.slice(0, 12)}/archive?path=${encodeURIComponent(dir)}`);
    return extractIntoContainer(c, dir, entries);
  }

  async containerCommit(idOrName: string, options: CommitOptions = {}): Promise<{ Id: string }> {
    const c = this.find(idOrName);
    this.d.api("POST", `/commit?container=${c.id.slice(0, 12)}${options.reference ? `&repo=${encodeURIComponent(options.reference)}` : ""}`);
    return { Id: this.d.images.commit(c, options).id };
  }

  async containerPrune(): Promise<{ ContainersDeleted: string[]; SpaceReclaimed: number }> {
    this.d.api("POST", "/containers/prune");
    const deleted: string[] = [];
    let reclaimed = 0;
    for (const c of [...this.d.containers.values()]) {
      if (c.running || c.status === "restarting") continue;
      reclaimed += c.sizeRw();
      this.#remove(c);
      deleted.push(c.id);
    }
    return { ContainersDeleted: deleted, SpaceReclaimed: reclaimed };
  }

  async *containerLogs(idOrName: string, options: LogsOptions = {}): AsyncIterable<OutputChunk> {
    const c = this.find(idOrName);
    this.d.api("GET", `/containers/${c.id.slice(0, 12)}/logs${options.follow ? "?follow=1" : ""}`);
    yield* containerLogLines(c, options);
  }
}

