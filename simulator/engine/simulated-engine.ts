/** The simulated Docker daemon: images, containers and a registry, all in memory. */
import type {
  CommitOptions, ContainerConfig, ContainerConsole, NetworkCreateOptions, NetworkInspect, PortBinding, VolumeInfo, ContainerInspect, ContainerSummary, DiskUsage, Engine, ExecConfig, HistoryItem, ImageDeleteItem,
  ImageInspect, ImageSummary, LogsOptions, OutputChunk, PullOptions, PullResult, SearchResult, SystemInfo, VersionInfo,
} from "../backend/engine.ts";
import { EngineError, conflict, invalidParameter, notFound } from "../backend/errors.ts";
import type { Clock } from "./clock.ts";
import { Container } from "./container.ts";
import { randomIds, type IdSource } from "./digest.ts";
import { EventBus, type DockerEvent, type TraceEvent } from "./events.ts";
import { imageSize } from "./image-store.ts";
import { ImageService } from "./image-service.ts";
import { findRegistryContainer } from "./registries.ts";
import type { AuthConfig, AuthResponse, PushOptions, PushResult } from "../backend/engine.ts";
import { generateName } from "./names.ts";
import type { SignalName } from "./process.ts";
import { shellQuote, startProcess, StartError } from "./runtime.ts";
import { containerFilter } from "./filters.ts";
import { InMemoryFs, type IFileSystem } from "just-bash";
import { populate, resolveMounts } from "./mounts.ts";
import { apiPorts, PortAllocator } from "./ports.ts";
import { VolumeService } from "./volume-service.ts";
import { endpointSettings, inspectNetwork, NetworkService, type Network } from "./network-service.ts";
import type { HttpRequest, HttpResponse } from "./http.ts";
import type { ContainerNet } from "./container-net.ts";
import { ENGINE_VERSION, versionInfo } from "./versions.ts";

export interface SimulatedEngineOptions {
  clock: Clock;
  /** The daemon host's filesystem (the learner's host): bind mounts come from it. */
  hostFs?: IFileSystem;
  /** Simulated registry bandwidth, for pulls a person can watch; undefined pulls instantly. */
  pullBytesPerSecond?: number | undefined;
  traces?: EventBus<TraceEvent>;
  ids?: IdSource;
}

const SIGNALS = new Set(["SIGTERM", "SIGINT", "SIGQUIT", "SIGHUP", "SIGUSR1", "SIGUSR2", "SIGWINCH", "SIGKILL"]);
const SIGNAL_BY_NUMBER: Record<string, string> = { "1": "SIGHUP", "2": "SIGINT", "3": "SIGQUIT", "9": "SIGKILL", "10": "SIGUSR1", "12": "SIGUSR2", "15": "SIGTERM", "28": "SIGWINCH" };

/** `TERM`, `SIGTERM`, `15` -> `SIGTERM`; undefined for what Docker rejects. */
export function parseSignal(text: string): (SignalName | "SIGKILL") | undefined {
  const upper = text.toUpperCase();
  const name = SIGNAL_BY_NUMBER[upper] ?? (upper.startsWith("SIG") ? upper : `SIG${upper}`);
  return SIGNALS.has(name) ? (name as SignalName | "SIGKILL") : undefined;
}

export class SimulatedEngine implements Engine {
  readonly #clock: Clock;
  readonly #traces: EventBus<TraceEvent>;
  readonly #events = new EventBus<DockerEvent>();
  readonly #ids: IdSource;
  readonly #images: ImageService;
  readonly #containers = new Map<string, Container>();
  readonly #volumes: VolumeService;
  readonly #networks: NetworkService;
  readonly #ports = new PortAllocator();
  /** The host the daemon runs on: where bind mounts come from. */
  readonly #hostFs: IFileSystem;
  #seq = 0;

  constructor(options: SimulatedEngineOptions) {
    this.#clock = options.clock;
    this.#traces = options.traces ?? new EventBus<TraceEvent>();
    this.#ids = options.ids ?? randomIds;
    this.#hostFs = options.hostFs ?? new InMemoryFs();
    this.#networks = new NetworkService({
      clock: this.#clock,
      ids: this.#ids,
      emit: (type, action, id, attributes) => this.#emit(type, action, id, attributes),
      member: (id) => this.#containers.get(id),
    });
    this.#volumes = new VolumeService({
      clock: this.#clock,
      ids: this.#ids,
      api: (method, path) => this.#api(method, path),
      emit: (type, action, id, attributes) => this.#emit(type, action, id, attributes),
      usersOf: (name) => this.#volumeUsers(name),
    });
    this.#images = new ImageService({
      clock: this.#clock,
      pullBytesPerSecond: options.pullBytesPerSecond,
      traces: this.#traces,
      api: (method, path) => this.#api(method, path),
      emit: (type, action, id, attributes) => this.#emit(type, action, id, attributes),
      containers: () => [...this.#containers.values()],
      registryAt: (host) => findRegistryContainer(host, [...this.#containers.values()]),
    });
  }

  #api(method: string, path: string): void {
    this.#traces.emit({ kind: "api", from: "client", to: "daemon", method, path });
  }

  #emit(type: DockerEvent["Type"], action: string, id: string, attributes: Record<string, string>): void {
    const now = this.#clock.now();
    const event: DockerEvent = { Type: type, Action: action, Actor: { ID: id, Attributes: attributes }, scope: "local", time: Math.floor(now / 1000), timeNano: now * 1_000_000 };
    this.#events.emit(event);
    this.#traces.emit({ kind: "engine", event });
  }

  #containerEvent(action: string, c: Container, extra: Record<string, string> = {}): void {
    this.#emit("container", action, c.id, { image: c.imageRef, name: c.name, ...c.config.Labels, ...extra });
  }

  subscribe(listener: (event: DockerEvent) => void): () => void {
    return this.#events.subscribe(listener);
  }

  // ---- system ----

  async version(): Promise<VersionInfo> {
    this.#api("GET", "/version");
    return versionInfo();
  }

  async info(): Promise<SystemInfo> {
    this.#api("GET", "/info");
    const all = [...this.#containers.values()];
    return {
      ID: "5b0d1c7e-3f4a-4d8e-9c2b-d0c4ya7d0001",
      Containers: all.length,
      ContainersRunning: all.filter((c) => c.status === "running" || c.status === "restarting").length,
      ContainersPaused: all.filter((c) => c.status === "paused").length,
      ContainersStopped: all.filter((c) => !c.running && c.status !== "restarting").length,
      Images: this.#images.store.list().length,
      Driver: "overlayfs",
      ServerVersion: ENGINE_VERSION,
      KernelVersion: "6.8.0-dockyard",
      OperatingSystem: "Dockyard (simulated Linux)",
      OSType: "linux",
      Architecture: "x86_64",
      NCPU: 2,
      MemTotal: 4_102_201_344,
      Name: "dockyard",
      DockerRootDir: "/var/lib/docker",
    };
  }

  async systemDf(): Promise<DiskUsage> {
    this.#api("GET", "/system/df");
    const images = this.#images.summaries();
    const counts = new Map<string, number>();
    for (const image of this.#images.store.list()) for (const layer of image.layers) counts.set(layer.digest, (counts.get(layer.digest) ?? 0) + 1);
    return {
      LayersSize: this.#images.store.layersSize(),
      Images: images.map((summary) => {
        const image = this.#images.store.lookup(summary.Id)!;
        return { ...summary, SharedSize: image.layers.filter((l) => (counts.get(l.digest) ?? 0) > 1).reduce((s, l) => s + l.size, 0) };
      }),
      Containers: this.#summaries(true, true),
      Volumes: [],
      BuildCache: [],
    };
  }

  // ---- images ----

  async imagePull(ref: string, options: PullOptions = {}): Promise<PullResult> {
    return this.#images.pull(ref, options);
  }

  async imageList(): Promise<ImageSummary[]> {
    return this.#images.list();
  }

  async imageInspect(ref: string): Promise<ImageInspect> {
    return this.#images.inspect(ref);
  }

  async imageTag(source: string, target: string): Promise<void> {
    return this.#images.tag(source, target);
  }

  async imageRemove(ref: string, options: { force?: boolean } = {}): Promise<ImageDeleteItem[]> {
    return this.#images.remove(ref, options);
  }

  async imageHistory(ref: string): Promise<HistoryItem[]> {
    return this.#images.history(ref);
  }

  async imageSearch(term: string, options: { limit?: number } = {}): Promise<SearchResult[]> {
    return this.#images.search(term, options);
  }

  async imagePush(ref: string, options: PushOptions = {}): Promise<PushResult> {
    return this.#images.push(ref, options);
  }

  async systemAuth(auth: AuthConfig): Promise<AuthResponse> {
    return this.#images.login(auth);
  }

  async imagePrune(options: { all?: boolean } = {}): Promise<{ ImagesDeleted: ImageDeleteItem[]; SpaceReclaimed: number }> {
    return this.#images.prune(options);
  }

  // ---- containers ----

  #find(idOrName: string): Container {
    const key = idOrName.replace(/^\//, "");
    const exact = this.#containers.get(key) ?? [...this.#containers.values()].find((c) => c.name === key);
    if (exact) return exact;
    const matches = key === "" ? [] : [...this.#containers.values()].filter((c) => c.id.startsWith(key));
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) throw invalidParameter(`multiple IDs found with provided prefix: ${key}`);
    throw notFound(`No such container: ${idOrName}`);
  }

  #checkName(name: string, self?: Container): void {
    if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(name)) throw invalidParameter(`Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    const holder = [...this.#containers.values()].find((c) => c.name === name && c !== self);
    if (holder) throw conflict(`Conflict. The container name "/${name}" is already in use by container "${holder.id}". You have to remove (or rename) that container to be able to reuse that name.`);
  }

  async containerCreate(config: ContainerConfig, options: { name?: string } = {}): Promise<{ Id: string; Warnings: string[] }> {
    this.#api("POST", `/containers/create${options.name ? `?name=${encodeURIComponent(options.name)}` : ""}`);
    const name = options.name?.replace(/^\//, "");
    if (name !== undefined) this.#checkName(name);
    const image = this.#images.get(config.Image);
    const policy = config.HostConfig?.RestartPolicy;
    if (policy && policy.Name !== "on-failure" && (policy.MaximumRetryCount ?? 0) > 0) {
      throw invalidParameter(`invalid restart policy: maximum retry count can only be used with 'on-failure'`);
    }
    if (policy && policy.Name !== "no" && policy.Name !== "" && config.HostConfig?.AutoRemove) {
      throw invalidParameter("conflicting options: cannot specify both --restart and --rm");
    }
    const id = this.#ids();
    const entrypoint = config.Entrypoint ?? image.config.Entrypoint;
    const cmd = config.Cmd ?? (config.Entrypoint ? null : image.config.Cmd);
    if ((entrypoint ?? []).length + (cmd ?? []).length === 0) throw invalidParameter("no command specified");
    const { HostConfig: hostConfig, ...containerConfig } = config;
    const exposed = { ...(image.config.ExposedPorts ?? {}), ...(config.ExposedPorts ?? {}) };
    for (const port of Object.keys(hostConfig?.PortBindings ?? {})) exposed[port.includes("/") ? port : `${port}/tcp`] = {};
    const networkMode = !hostConfig?.NetworkMode || hostConfig.NetworkMode === "default" ? "bridge" : hostConfig.NetworkMode;
    const network = this.#networks.get(networkMode);
    const { mounts, fresh } = await resolveMounts(hostConfig ?? {}, Object.keys(image.config.Volumes ?? {}), { volumes: this.#volumes, hostFs: this.#hostFs });
    const container = new Container({
      id,
      name: name ?? generateName((n) => [...this.#containers.values()].some((c) => c.name === n)),
      created: this.#clock.now(),
      seq: this.#seq++,
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
        ...(Object.keys(exposed).length > 0 ? { ExposedPorts: exposed } : {}),
        ...(image.config.Volumes ? { Volumes: { ...image.config.Volumes } } : {}),
      },
      hostConfig: { RestartPolicy: { Name: "no", MaximumRetryCount: 0 }, ...(hostConfig ?? {}) },
      mounts,
      net: (c) => this.#netFor(c),
      clock: this.#clock,
      onExit: (c) => this.#onExit(c),
    });
    // A volume used for the first time starts with what the image has at its mount point.
    for (const volume of fresh) {
      const at = mounts.find((m) => m.point.Name === volume.name)!.point.Destination;
      await populate(container.rootfs, at, volume.fs);
    }
    const endpoint = this.#networks.connect(network.id, container, {
      ...(config.NetworkingConfig?.Aliases ? { aliases: config.NetworkingConfig.Aliases } : {}),
      ...(config.NetworkingConfig?.IPAddress ? { ip: config.NetworkingConfig.IPAddress } : {}),
    });
    container.writeHosts(endpoint.ip);
    this.#containers.set(id, container);
    this.#containerEvent("create", container);
    return { Id: id, Warnings: [] };
  }

  /** Publish the container's ports (-p, -P) on the host: all of them or, on a conflict, none. */
  #bindPorts(c: Container): void {
    const bindings = { ...(c.hostConfig.PortBindings ?? {}) };
    if (c.hostConfig.PublishAllPorts) {
      for (const port of Object.keys(c.config.ExposedPorts ?? {})) bindings[port] ??= [{ HostIp: "", HostPort: "" }];
    }
    c.ports = this.#ports.allocate(c.id, `${c.name} (${c.id})`, bindings);
  }

  #releasePorts(c: Container): void {
    this.#ports.release(c.id);
    c.ports = [];
  }

  #onExit(container: Container): void {
    if (container.status === "exited") this.#releasePorts(container);
    const { context } = container.actor.getSnapshot();
    this.#containerEvent("die", container, { exitCode: String(context.exitCode) });
    if (container.status === "exited" && container.hostConfig.AutoRemove) this.#remove(container);
  }

  async containerStart(idOrName: string): Promise<void> {
    const c = this.#find(idOrName);
    this.#api("POST", `/containers/${c.id.slice(0, 12)}/start`);
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
  }

  async containerStop(idOrName: string, options: { timeout?: number; signal?: string } = {}): Promise<void> {
    const c = this.#find(idOrName);
    this.#api("POST", `/containers/${c.id.slice(0, 12)}/stop${options.timeout !== undefined ? `?t=${options.timeout}` : ""}`);
    if (!c.running && c.status !== "restarting") return;
    const signal = parseSignal(options.signal ?? c.image.config.StopSignal ?? "SIGTERM") ?? "SIGTERM";
    this.#containerEvent("kill", c, { signal: String(signalNumberOf(signal)) });
    if (signal === "SIGKILL") c.kill("SIGKILL");
    else await c.stop(options.timeout ?? 10, signal);
    await c.settled();
    this.#containerEvent("stop", c);
  }

  async containerRestart(idOrName: string, options: { timeout?: number; signal?: string } = {}): Promise<void> {
    const c = this.#find(idOrName);
    await this.containerStop(c.id, options);
    this.#api("POST", `/containers/${c.id.slice(0, 12)}/restart`);
    await this.containerStart(c.id);
    this.#containerEvent("restart", c);
  }

  async containerKill(idOrName: string, signalText = "SIGKILL"): Promise<void> {
    let c: Container;
    try {
      c = this.#find(idOrName);
    } catch (error) {
      if (error instanceof EngineError) throw new EngineError(error.statusCode, `cannot kill container: ${idOrName}: ${error.message}`);
      throw error;
    }
    this.#api("POST", `/containers/${c.id.slice(0, 12)}/kill?signal=${signalText}`);
    const signal = parseSignal(signalText);
    if (!signal) throw invalidParameter(`Invalid signal: ${signalText}`);
    if (!c.running) throw conflict(`cannot kill container: ${idOrName}: container ${c.id} is not running`);
    this.#containerEvent("kill", c, { signal: String(signalNumberOf(signal)) });
    c.kill(signal);
    if (signal === "SIGKILL") await c.settled();
  }

  async containerPause(idOrName: string): Promise<void> {
    const c = this.#find(idOrName);
    this.#api("POST", `/containers/${c.id.slice(0, 12)}/pause`);
    if (c.status === "paused") throw conflict(`container ${c.id} is already paused`);
    if (c.status !== "running") throw conflict(`container ${c.id} is not running`);
    c.actor.send({ type: "PAUSE" });
    this.#containerEvent("pause", c);
  }

  async containerUnpause(idOrName: string): Promise<void> {
    const c = this.#find(idOrName);
    this.#api("POST", `/containers/${c.id.slice(0, 12)}/unpause`);
    if (c.status !== "paused") throw conflict(`container ${c.id} is not paused`);
    c.actor.send({ type: "UNPAUSE" });
    this.#containerEvent("unpause", c);
  }

  async containerRename(idOrName: string, newName: string): Promise<void> {
    const c = this.#find(idOrName);
    this.#api("POST", `/containers/${c.id.slice(0, 12)}/rename?name=${encodeURIComponent(newName)}`);
    const name = newName.replace(/^\//, "");
    if (name === c.name) throw invalidParameter("Renaming a container with the same name as its current name");
    this.#checkName(name, c);
    const oldName = c.name;
    c.name = name;
    this.#containerEvent("rename", c, { oldName: `/${oldName}` });
  }

  async containerTop(idOrName: string, psArgs = "-ef"): Promise<{ Titles: string[]; Processes: string[][] }> {
    const c = this.#find(idOrName);
    this.#api("GET", `/containers/${c.id.slice(0, 12)}/top?ps_args=${encodeURIComponent(psArgs)}`);
    if (!c.running) throw conflict(`container ${c.id} is not running`);
    const { context } = c.actor.getSnapshot();
    const pid = pidOf(c);
    const values: Record<string, string> = {
      UID: c.config.User || "root",
      USER: c.config.User || "root",
      PID: String(pid),
      PPID: String(pid - 21),
      C: "0",
      STIME: new Date(context.startedAt).toISOString().slice(11, 16),
      TTY: "?",
      TIME: "00:00:00",
      CMD: [c.path, ...c.args].join(" "),
      COMMAND: c.path.slice(c.path.lastIndexOf("/") + 1),
    };
    const fields = /-o\s*(\S+)/.exec(psArgs)?.[1];
    if (!fields) return { Titles: ["UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"], Processes: [["UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"].map((k) => values[k]!)] };
    const names: Record<string, string> = { pid: "PID", ppid: "PPID", user: "USER", uid: "UID", comm: "COMMAND", args: "COMMAND", cmd: "CMD", time: "TIME", stime: "STIME", tty: "TT", c: "C" };
    const titles = fields.split(",").map((f) => names[f] ?? f.toUpperCase());
    if (!titles.includes("PID")) throw invalidParameter("Couldn't find PID field in ps output");
    const columns = fields.split(",").map((f) => (f === "args" || f === "cmd" ? values["CMD"]! : f === "tty" ? "?" : values[names[f] ?? f.toUpperCase()] ?? "-"));
    return { Titles: titles, Processes: [columns] };
  }

  async containerChanges(idOrName: string): Promise<{ Kind: 0 | 1 | 2; Path: string }[]> {
    const c = this.#find(idOrName);
    this.#api("GET", `/containers/${c.id.slice(0, 12)}/changes`);
    return c.rootfs.changes((path) => path === "/etc/hostname" || path === "/etc/hosts" || path === "/etc/resolv.conf").map((ch) => ({ Kind: ch.kind === "C" ? 0 : ch.kind === "A" ? 1 : 2, Path: ch.path }));
  }

  async containerExec(idOrName: string, config: ExecConfig, options: { onOutput?: (chunk: OutputChunk) => void; signal?: AbortSignal; stdin?: string } = {}): Promise<{ ExitCode: number }> {
    const c = this.#find(idOrName);
    this.#api("POST", `/containers/${c.id.slice(0, 12)}/exec`);
    if (c.status === "paused") throw conflict(`container ${c.id} is paused, unpause the container before exec`);
    if (!c.running) throw conflict(`container ${c.id} is not running`);
    this.#containerEvent("exec_create", c, { execID: this.#ids() });
    const write = (stream: OutputChunk["stream"]) => (text: string) => options.onOutput?.({ stream, text, time: this.#clock.now() });
    let proc;
    try {
      proc = await this.#startExec(c, config, write, false, options.stdin);
    } catch (error) {
      if (error instanceof StartError) throw new EngineError(400, execError(error.message));
      throw error;
    }
    const stop = () => proc.kill("SIGKILL");
    options.signal?.addEventListener("abort", stop, { once: true });
    const stopOnExit = c.listen((chunk) => chunk === null && stop());
    try {
      return { ExitCode: await proc.exit };
    } finally {
      stopOnExit();
      options.signal?.removeEventListener("abort", stop);
    }
  }

  async containerConsole(idOrName: string): Promise<ContainerConsole> {
    const c = this.#find(idOrName);
    this.#api("POST", `/containers/${c.id.slice(0, 12)}/attach?stream=1&stdin=1&stdout=1&stderr=1`);
    if (!c.running) throw conflict("You cannot attach to a stopped container, start it first");
    if (c.status === "paused") throw conflict("You cannot attach to a paused container, unpause it first");
    // An entrypoint hands over to the shell (`exec "$@"`) once it has run: give it that moment.
    const console = c.console ?? (await new Promise((resolve) => setTimeout(resolve, 0)), c.console);
    if (!console || console.ended) throw conflict(`container ${c.id} has no interactive shell on its TTY`);
    return console;
  }

  async containerExecConsole(idOrName: string, config: ExecConfig): Promise<ContainerConsole> {
    const c = this.#find(idOrName);
    this.#api("POST", `/containers/${c.id.slice(0, 12)}/exec`);
    if (c.status === "paused") throw conflict(`container ${c.id} is paused, unpause the container before exec`);
    if (!c.running) throw conflict(`container ${c.id} is not running`);
    const proc = await this.#startExec(c, config, () => () => {}, true).catch((error: unknown) => {
      throw error instanceof StartError ? new EngineError(400, execError(error.message)) : error;
    });
    if (!proc.console) throw invalidParameter("not an interactive shell");
    const stopOnExit = c.listen((chunk) => chunk === null && proc.kill("SIGKILL"));
    void proc.exit.then(stopOnExit);
    return proc.console;
  }

  #startExec(c: Container, config: ExecConfig, write: (stream: OutputChunk["stream"]) => (text: string) => void, interactive = false, stdin?: string) {
    return startProcess(
      {
        argv: config.Cmd,
        env: { HOSTNAME: c.config.Hostname, HOME: "/root", ...Object.fromEntries(mergeEnv(c.config.Env, config.Env ?? []).map(splitEnv)) },
        workingDir: config.WorkingDir || c.config.WorkingDir || "/",
        hostname: c.config.Hostname,
        user: config.User ?? c.config.User ?? "",
        fs: c.fs,
        rootfs: c.rootfs,
        programs: c.image.programs,
        processes: () => c.processes(),
        ...(c.net ? { net: c.net } : {}),
        interactive,
        ...(stdin !== undefined ? { stdin } : {}),
      },
      { stdout: write("stdout"), stderr: write("stderr") },
      this.#clock,
    );
  }

  async *containerAttach(idOrName: string, options: { signal?: AbortSignal; stdin?: string } = {}): AsyncIterable<OutputChunk> {
    const c = this.#find(idOrName);
    if (options.stdin !== undefined) c.stdin = options.stdin;
    this.#api("POST", `/containers/${c.id.slice(0, 12)}/attach?stream=1&stdout=1&stderr=1`);
    yield* stream(c, [], options.signal);
  }

  async containerWait(idOrName: string, options: { signal?: AbortSignal } = {}): Promise<{ StatusCode: number }> {
    const c = this.#find(idOrName);
    this.#api("POST", `/containers/${c.id.slice(0, 12)}/wait`);
    return { StatusCode: await c.waitExit(options.signal) };
  }

  #summaries(all: boolean, size = false): ContainerSummary[] {
    const now = this.#clock.now();
    return [...this.#containers.values()]
      .filter((c) => all || c.running || c.status === "restarting")
      .sort((a, b) => b.created - a.created || b.seq - a.seq)
      .map((c) => ({
        Id: c.id,
        Names: [`/${c.name}`],
        Image: c.imageRef,
        ImageID: c.image.id,
        Command: [c.path, shellQuote(c.args)].filter(Boolean).join(" "),
        Created: Math.floor(c.created / 1000),
        State: c.status,
        Status: c.statusText(now),
        Ports: apiPorts(c.ports, Object.keys(c.config.ExposedPorts ?? {})),
        Labels: { ...c.config.Labels },
        ...(size ? { SizeRw: c.sizeRw(), SizeRootFs: c.sizeRw() + imageSize(c.image) } : {}),
      }));
  }

  async containerList(options: { all?: boolean; size?: boolean; limit?: number; filters?: Record<string, string[]> } = {}): Promise<ContainerSummary[]> {
    this.#api("GET", `/containers/json${options.all ? "?all=1" : ""}`);
    const filters = options.filters ?? {};
    const matches = containerFilter(filters, (ref) => this.#images.store.lookup(ref)?.id);
    const all = options.all || options.limit !== undefined || (filters["status"]?.length ?? 0) > 0 || (filters["exited"]?.length ?? 0) > 0;
    let list = this.#summaries(all, options.size ?? false).filter((summary) => matches(summary, this.#containers.get(summary.Id)!));
    if (options.limit !== undefined && options.limit > 0) list = list.slice(0, options.limit);
    return list;
  }

  async containerInspect(idOrName: string): Promise<ContainerInspect> {
    const c = this.#find(idOrName);
    this.#api("GET", `/containers/${c.id.slice(0, 12)}/json`);
    const { context } = c.actor.getSnapshot();
    const status = c.status;
    const iso = (ms: number) => (ms ? new Date(ms).toISOString().replace("Z", "000000Z").replace(/\.(\d{3})000000Z$/, ".$1000000Z") : "0001-01-01T00:00:00Z");
    return {
      Id: c.id,
      Created: iso(c.created),
      Path: c.path,
      Args: c.args.slice(),
      State: {
        Status: status,
        Running: c.running || status === "restarting",
        Paused: status === "paused",
        Restarting: status === "restarting",
        OOMKilled: false,
        Dead: false,
        Pid: c.running ? pidOf(c) : 0,
        ExitCode: context.exitCode,
        Error: context.error,
        StartedAt: iso(context.startedAt),
        FinishedAt: iso(context.finishedAt),
      },
      Image: c.image.id,
      Name: `/${c.name}`,
      RestartCount: context.restartCount,
      Mounts: c.mounts.map((m) => ({ ...m })),
      NetworkSettings: this.#networkSettings(c),
      Config: structuredClone(c.config),
      HostConfig: structuredClone(c.hostConfig),
    };
  }

  async containerRemove(idOrName: string, options: { force?: boolean; volumes?: boolean } = {}): Promise<void> {
    const c = this.#find(idOrName);
    this.#api("DELETE", `/containers/${c.id.slice(0, 12)}${options.force ? "?force=1" : ""}`);
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
    if (!this.#containers.has(c.id)) return;
    this.#containers.delete(c.id);
    this.#releasePorts(c);
    this.#networks.leaveAll(c.id);
    c.dispose();
    this.#containerEvent("destroy", c);
    if (anonymousVolumes) {
      for (const mount of c.mounts) {
        const volume = mount.Name ? this.#volumes.find(mount.Name) : undefined;
        if (volume?.anonymous && this.#volumeUsers(volume.name).length === 0) this.#volumes.remove(volume.name);
      }
    }
  }

  #volumeUsers(name: string): string[] {
    return [...this.#containers.values()].filter((c) => c.mounts.some((m) => m.Name === name)).map((c) => c.id);
  }

  async containerCommit(idOrName: string, options: CommitOptions = {}): Promise<{ Id: string }> {
    const c = this.#find(idOrName);
    this.#api("POST", `/commit?container=${c.id.slice(0, 12)}${options.reference ? `&repo=${encodeURIComponent(options.reference)}` : ""}`);
    return { Id: this.#images.commit(c, options).id };
  }

  /**
   * A connection from the host to a published port, as docker-proxy forwards it: refused when
   * nothing publishes the port, reset when the container has no server listening there.
   */
  async hostRequest(hostPort: number, request: Omit<HttpRequest, "remoteAddress">): Promise<HttpResponse | "refused" | "reset"> {
    const owner = this.#ports.ownerOf(hostPort);
    const c = owner ? this.#containers.get(owner) : undefined;
    const binding = c?.ports.find((p) => p.hostPort === hostPort);
    if (!c || !binding) return "refused";
    const handler = c.status === "running" ? c.listeners.get(binding.containerPort) : undefined;
    if (!handler) return "reset";
    const response = await handler({ ...request, remoteAddress: "172.17.0.1" });
    this.#traces.emit({ kind: "traffic", from: "host", to: c.name, hostPort, containerPort: binding.containerPort, request: `${request.method} ${request.path}`, status: response.status });
    return response;
  }

  /** A container's view of its networks: its addresses, the embedded DNS, and the servers it can reach. */
  #netFor(c: Container): ContainerNet {
    const own = () => (c.running ? this.#networks.networksOf(c.id).filter(({ endpoint }) => endpoint.ip) : []);
    const resolve = (name: string): string | undefined => {
      if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return name;
      if (name === "localhost") return "127.0.0.1";
      if (name === c.config.Hostname) return own()[0]?.endpoint.ip ?? "127.0.0.1";
      const found = this.#networks.resolve(c.id, name);
      return found && this.#containers.get(found.containerId)?.running ? found.ip : undefined;
    };
    const target = (ip: string): Container | undefined => {
      if (ip.startsWith("127.") || own().some(({ endpoint }) => endpoint.ip === ip)) return c;
      const id = this.#networks.byAddress(c.id, ip);
      const found = id ? this.#containers.get(id) : undefined;
      return found?.running ? found : undefined;
    };
    return {
      addresses: () => own().map(({ network, endpoint }) => ({ ip: endpoint.ip, prefix: Number(network.subnet.split("/")[1]), mac: endpoint.mac })),
      resolve,
      reachable: (ip) => target(ip) !== undefined,
      connect: async (host, port, request) => {
        const ip = resolve(host);
        if (!ip) return "unresolved";
        const server = target(ip);
        const handler = server?.status === "running" ? server.listeners.get(port) : undefined;
        if (!server || !handler) return "refused";
        const response = await handler({ ...request, remoteAddress: own()[0]?.endpoint.ip ?? "127.0.0.1" });
        this.#traces.emit({ kind: "traffic", from: "host", to: server.name, hostPort: port, containerPort: port, request: `${request.method} ${request.path}`, status: response.status });
        return response;
      },
    };
  }

  #networkSettings(c: Container): ContainerInspect["NetworkSettings"] {
    const networks = endpointSettings(this.#networks.networksOf(c.id), c, c.running);
    const bridge = networks["bridge"];
    return { Ports: inspectPorts(c), IPAddress: bridge?.IPAddress ?? "", Gateway: bridge?.Gateway ?? "", MacAddress: bridge?.MacAddress ?? "", Networks: networks };
  }

  async networkCreate(name: string, options: NetworkCreateOptions = {}): Promise<{ Id: string; Warning: string }> {
    this.#api("POST", "/networks/create");
    return this.#networks.create(name, {
      ...(options.Driver !== undefined ? { driver: options.Driver } : {}),
      ...(options.Subnet !== undefined ? { subnet: options.Subnet } : {}),
      ...(options.Gateway !== undefined ? { gateway: options.Gateway } : {}),
      ...(options.Labels !== undefined ? { labels: options.Labels } : {}),
      ...(options.Internal !== undefined ? { internal: options.Internal } : {}),
      ...(options.Attachable !== undefined ? { attachable: options.Attachable } : {}),
    });
  }

  #inspectNetwork(network: Network): NetworkInspect {
    return inspectNetwork(network, (id) => this.#containers.get(id), (id) => this.#containers.get(id)?.running ?? false);
  }

  async networkList(): Promise<NetworkInspect[]> {
    this.#api("GET", "/networks");
    return this.#networks.list().map((n) => this.#inspectNetwork(n));
  }

  async networkInspect(idOrName: string): Promise<NetworkInspect> {
    this.#api("GET", `/networks/${idOrName}`);
    return this.#inspectNetwork(this.#networks.get(idOrName));
  }

  async networkRemove(idOrName: string): Promise<void> {
    this.#api("DELETE", `/networks/${idOrName}`);
    this.#networks.remove(idOrName);
  }

  async networkConnect(network: string, container: string, options: { Aliases?: string[]; IPAddress?: string } = {}): Promise<void> {
    const c = this.#find(container);
    this.#api("POST", `/networks/${network}/connect`);
    this.#networks.connect(network, c, { ...(options.Aliases ? { aliases: options.Aliases } : {}), ...(options.IPAddress ? { ip: options.IPAddress } : {}) });
  }

  async networkDisconnect(network: string, container: string): Promise<void> {
    const c = this.#find(container);
    this.#api("POST", `/networks/${network}/disconnect`);
    this.#networks.disconnect(network, c);
  }

  async networkPrune(): Promise<{ NetworksDeleted: string[] }> {
    this.#api("POST", "/networks/prune");
    return { NetworksDeleted: this.#networks.prune() };
  }

  async volumeCreate(options: { Name?: string; Labels?: Record<string, string> } = {}): Promise<VolumeInfo> {
    this.#api("POST", "/volumes/create");
    return this.#volumes.inspect(this.#volumes.create(options.Name, { anonymous: false, labels: options.Labels ?? {} }));
  }

  async volumeList(): Promise<VolumeInfo[]> {
    this.#api("GET", "/volumes");
    return this.#volumes.list().map((v) => this.#volumes.inspect(v));
  }

  async volumeInspect(name: string): Promise<VolumeInfo> {
    this.#api("GET", `/volumes/${name}`);
    return this.#volumes.inspect(this.#volumes.get(name));
  }

  async volumeRemove(name: string, options: { force?: boolean } = {}): Promise<void> {
    this.#api("DELETE", `/volumes/${name}`);
    this.#volumes.remove(name, options.force ?? false);
  }

  async volumePrune(options: { all?: boolean } = {}): Promise<{ VolumesDeleted: string[]; SpaceReclaimed: number }> {
    this.#api("POST", "/volumes/prune");
    return this.#volumes.prune(options.all ?? false);
  }

  async containerPrune(): Promise<{ ContainersDeleted: string[]; SpaceReclaimed: number }> {
    this.#api("POST", "/containers/prune");
    const deleted: string[] = [];
    let reclaimed = 0;
    for (const c of [...this.#containers.values()]) {
      if (c.running || c.status === "restarting") continue;
      reclaimed += c.sizeRw();
      this.#remove(c);
      deleted.push(c.id);
    }
    return { ContainersDeleted: deleted, SpaceReclaimed: reclaimed };
  }

  async *containerLogs(idOrName: string, options: LogsOptions = {}): AsyncIterable<OutputChunk> {
    const c = this.#find(idOrName);
    this.#api("GET", `/containers/${c.id.slice(0, 12)}/logs${options.follow ? "?follow=1" : ""}`);
    const wanted = (chunk: OutputChunk) =>
      (chunk.stream === "stdout" ? options.stdout ?? true : options.stderr ?? true) &&
      (options.since === undefined || chunk.time >= options.since) &&
      (options.until === undefined || chunk.time < options.until);
    let past = splitLines(c.logs).filter(wanted);
    if (options.tail !== undefined) past = options.tail <= 0 ? [] : past.slice(-options.tail);
    if (!options.follow || !(c.running || c.status === "restarting")) {
      yield* past;
      return;
    }
    for await (const chunk of stream(c, past, options.signal)) if (wanted(chunk)) yield chunk;
  }
}

/** runc's exec failure text, from its create failure text. */
const execError = (message: string) =>
  message.replace(/^failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: /, "OCI runtime exec failed: exec failed: unable to start container process: ");

/** Image env first, then the container's, a later KEY replacing an earlier one. */
function mergeEnv(base: string[], extra: string[]): string[] {
  const merged = new Map(base.map((e) => [e.split("=")[0]!, e]));
  for (const e of extra) merged.set(e.split("=")[0]!, e);
  return [...merged.values()];
}

const splitEnv = (e: string): [string, string] => {
  const i = e.indexOf("=");
  return i < 0 ? [e, ""] : [e.slice(0, i), e.slice(i + 1)];
};

/** Log entries line by line, as the json-file driver stores them. */
function splitLines(chunks: OutputChunk[]): OutputChunk[] {
  return chunks.flatMap((chunk) => (chunk.text.match(/[^\n]*\n|[^\n]+$/g) ?? []).map((text) => ({ ...chunk, text })));
}

/** `past`, then the container's output as it comes, until it stops or `signal` aborts. */
async function* stream(c: Container, past: OutputChunk[], signal?: AbortSignal): AsyncIterable<OutputChunk> {
  const queue: (OutputChunk | null)[] = [...past];
  let wake: (() => void) | undefined;
  const push = (chunk: OutputChunk | null) => {
    queue.push(chunk);
    wake?.();
  };
  const unlisten = c.listen(push);
  const onAbort = () => push(null);
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    for (;;) {
      while (queue.length === 0) await new Promise<void>((r) => (wake = r));
      const chunk = queue.shift()!;
      if (chunk === null) return;
      yield chunk;
    }
  } finally {
    unlisten();
    signal?.removeEventListener("abort", onAbort);
  }
}

/** NetworkSettings.Ports: every exposed port, with its host bindings while it runs. */
function inspectPorts(c: Container): Record<string, PortBinding[] | null> {
  const ports: Record<string, PortBinding[] | null> = {};
  for (const spec of Object.keys(c.config.ExposedPorts ?? {})) ports[spec] = null;
  for (const b of c.ports) {
    const key = `${b.containerPort}/${b.proto}`;
    const list = (ports[key] ??= []);
    if (b.hostIp === "") list.push({ HostIp: "0.0.0.0", HostPort: String(b.hostPort) }, { HostIp: "::", HostPort: String(b.hostPort) });
    else list.push({ HostIp: b.hostIp, HostPort: String(b.hostPort) });
  }
  return ports;
}

const pidOf = (c: Container) => 1000 + (parseInt(c.id.slice(0, 4), 16) % 30000);
const signalNumberOf = (signal: string) => ({ SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGUSR1: 10, SIGUSR2: 12, SIGTERM: 15, SIGWINCH: 28 })[signal] ?? 15;
