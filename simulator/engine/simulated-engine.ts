/** The simulated Docker daemon: images, containers and a registry, all in memory. */
import { createActor, fromPromise, type ActorRefFrom } from "xstate";
import type {
  ContainerConfig, ContainerInspect, ContainerStatus, ContainerSummary, Engine, ImageInspect, ImageSummary,
  OutputChunk, PullOptions, PullResult, SystemInfo, VersionInfo,
} from "../backend/engine.ts";
import { EngineError, conflict, invalidParameter, notFound } from "../backend/errors.ts";
import { containerMachine } from "./container.machine.ts";
import { randomIds, type IdSource } from "./digest.ts";
import { EventBus, type DockerEvent, type TraceEvent } from "./events.ts";
import { ImageStore, imageContentSize, imageSize, type LocalImage } from "./image-store.ts";
import { generateName } from "./names.ts";
import { prepareProcess, StartError } from "./process-runner.ts";
import { familiarName, familiarString, parseReference, withDefaultTag } from "./reference.ts";
import { repositoryExists, resolve } from "./registry.ts";
import type { Clock } from "./clock.ts";
import { humanDuration } from "../cli/format/units.ts";
import { ENGINE_VERSION, API_VERSION, MIN_API_VERSION } from "./versions.ts";

interface ContainerRecord {
  id: string;
  name: string;
  created: number;
  /** Creation order, to list same-millisecond containers newest first. */
  seq: number;
  image: LocalImage;
  /** The image as the user named it (`hello-world`), shown by `docker ps`. */
  imageRef: string;
  config: ContainerInspect["Config"];
  hostConfig: NonNullable<ContainerConfig["HostConfig"]>;
  path: string;
  args: string[];
  actor: ActorRefFrom<typeof containerMachine>;
  logs: OutputChunk[];
  attached: Set<(chunk: OutputChunk | null) => void>;
  /** The next run of the main process, prepared by `start`. */
  pending?: (chunk: { stdout(t: string): void; stderr(t: string): void; signal: AbortSignal }) => Promise<number>;
}

export interface SimulatedEngineOptions {
  clock: Clock;
  traces?: EventBus<TraceEvent>;
  ids?: IdSource;
}

export class SimulatedEngine implements Engine {
  readonly #clock: Clock;
  readonly #traces: EventBus<TraceEvent>;
  readonly #events = new EventBus<DockerEvent>();
  readonly #ids: IdSource;
  readonly #images = new ImageStore();
  readonly #containers = new Map<string, ContainerRecord>();
  #seq = 0;

  constructor(options: SimulatedEngineOptions) {
    this.#clock = options.clock;
    this.#traces = options.traces ?? new EventBus<TraceEvent>();
    this.#ids = options.ids ?? randomIds;
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

  subscribe(listener: (event: DockerEvent) => void): () => void {
    return this.#events.subscribe(listener);
  }

  async version(): Promise<VersionInfo> {
    this.#api("GET", "/version");
    return {
      Platform: { Name: "Docker Engine - Community" },
      Components: [
        { Name: "Engine", Version: ENGINE_VERSION, Details: { ApiVersion: API_VERSION, MinAPIVersion: MIN_API_VERSION, GitCommit: "9c2a9d1", GoVersion: "go1.25.4", Os: "linux", Arch: "amd64", KernelVersion: "6.8.0-dockyard", Experimental: "false", BuildTime: "2026-10-28T16:27:02.000000000+00:00" } },
        { Name: "containerd", Version: "v2.2.1", Details: { GitCommit: "dea7da592f5d1d2b7755e3a161be07f43fad8f75" } },
        { Name: "runc", Version: "1.3.4", Details: { GitCommit: "v1.3.4-0-gd6d73eb8" } },
        { Name: "docker-init", Version: "0.19.0", Details: { GitCommit: "de40ad0" } },
      ],
      Version: ENGINE_VERSION,
      ApiVersion: API_VERSION,
      MinAPIVersion: MIN_API_VERSION,
      GitCommit: "9c2a9d1",
      GoVersion: "go1.25.4",
      Os: "linux",
      Arch: "amd64",
      KernelVersion: "6.8.0-dockyard",
      BuildTime: "2026-10-28T16:27:02.000000000+00:00",
    };
  }

  async info(): Promise<SystemInfo> {
    this.#api("GET", "/info");
    const states = [...this.#containers.values()].map((c) => this.#status(c));
    return {
      ID: "c0ffee00-d0c6-4a2d-9a1e-d0cky4rd0001",
      Containers: states.length,
      ContainersRunning: states.filter((s) => s === "running").length,
      ContainersPaused: states.filter((s) => s === "paused").length,
      ContainersStopped: states.filter((s) => s !== "running" && s !== "paused").length,
      Images: this.#images.list().length,
      Driver: "overlayfs",
      ServerVersion: ENGINE_VERSION,
      KernelVersion: "6.8.0-dockyard",
      OperatingSystem: "Dockyard (simulated)",
      OSType: "linux",
      Architecture: "x86_64",
      NCPU: 2,
      MemTotal: 4_102_201_344,
      Name: "dockyard",
      DockerRootDir: "/var/lib/docker",
    };
  }

  async imagePull(refText: string, options: PullOptions = {}): Promise<PullResult> {
    const ref = withDefaultTag(parseReference(refText));
    const name = familiarName(ref);
    this.#api("POST", `/images/create?fromImage=${encodeURIComponent(name)}&tag=${encodeURIComponent(ref.tag ?? ref.digest ?? "")}`);
    const shown = familiarString(ref);
    this.#traces.emit({ kind: "registry", from: "daemon", to: "registry", action: "resolve", ref: shown, status: "resolving" });
    const remote = resolve(ref);
    if (!remote) {
      if (!repositoryExists(ref)) {
        throw new EngineError(404, `pull access denied for ${name}, repository does not exist or may require 'docker login'`);
      }
      throw new EngineError(404, `manifest for ${shown} not found: manifest unknown: manifest unknown`);
    }
    const progress = options.onProgress ?? (() => {});
    progress({ status: `Pulling from ${ref.path}`, id: ref.tag ?? ref.digest ?? "latest" });
    const existing = this.#images.lookup(shown);
    if (existing && existing.id === remote.id) {
      progress({ status: `Digest: ${remote.digest}` });
      progress({ status: `Status: Image is up to date for ${shown}` });
      return { reference: `${ref.domain}/${ref.path}:${ref.tag ?? ""}`, digest: remote.digest, status: `Image is up to date for ${shown}` };
    }
    for (const layer of remote.layers) {
      const short = layer.digest.slice(7, 19);
      if (this.#images.hasLayer(layer.digest)) {
        progress({ id: short, status: "Already exists" });
        continue;
      }
      options.signal?.throwIfAborted();
      progress({ id: short, status: "Pulling fs layer" });
      this.#traces.emit({ kind: "registry", from: "daemon", to: "registry", action: "layer", ref: shown, layer: layer.digest, status: "downloading" });
      progress({ id: short, status: "Downloading", progressDetail: { current: layer.compressed, total: layer.compressed } });
      progress({ id: short, status: "Verifying Checksum" });
      progress({ id: short, status: "Download complete" });
      progress({ id: short, status: "Extracting", progressDetail: { current: layer.compressed, total: layer.compressed } });
      progress({ id: short, status: "Pull complete" });
    }
    this.#images.add(remote);
    progress({ status: `Digest: ${remote.digest}` });
    const status = `Downloaded newer image for ${shown}`;
    progress({ status: `Status: ${status}` });
    this.#emit("image", "pull", `${name}:${remote.tag}`, { name: `${name}` });
    return { reference: `${ref.domain}/${ref.path}:${ref.tag ?? ""}`, digest: remote.digest, status };
  }

  async imageList(): Promise<ImageSummary[]> {
    this.#api("GET", "/images/json");
    const containers = [...this.#containers.values()];
    return this.#images.list().map((image) => ({
      Id: image.id,
      ParentId: "",
      RepoTags: image.repoTags.slice(),
      RepoDigests: image.repoDigests.slice(),
      Created: Math.floor(Date.parse(image.created) / 1000),
      Size: imageSize(image),
      ContentSize: imageContentSize(image),
      Containers: containers.filter((c) => c.image.id === image.id).length,
      Labels: image.config.Labels ?? {},
    }));
  }

  async imageInspect(ref: string): Promise<ImageInspect> {
    this.#api("GET", `/images/${ref}/json`);
    const image = this.#images.lookup(ref);
    if (!image) throw notFound(`No such image: ${ref}`);
    return {
      Id: image.id,
      RepoTags: image.repoTags.slice(),
      RepoDigests: image.repoDigests.map((d) => (d.includes("/") ? d : `${d}`)),
      Comment: "buildkit.dockerfile.v0",
      Created: image.created,
      Author: "",
      Config: structuredClone(image.config),
      Architecture: "amd64",
      Os: "linux",
      Size: imageSize(image),
      RootFS: { Type: "layers", Layers: image.layers.map((l) => l.diffId) },
      Metadata: { LastTagTime: "0001-01-01T00:00:00Z" },
    };
  }

  async containerCreate(config: ContainerConfig, options: { name?: string } = {}): Promise<{ Id: string; Warnings: string[] }> {
    this.#api("POST", `/containers/create${options.name ? `?name=${encodeURIComponent(options.name)}` : ""}`);
    const name = options.name?.replace(/^\//, "");
    if (name !== undefined && !/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(name)) {
      throw invalidParameter(`Invalid container name (${options.name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    }
    if (name !== undefined) {
      const holder = [...this.#containers.values()].find((c) => c.name === name);
      if (holder) throw conflict(`Conflict. The container name "/${name}" is already in use by container "${holder.id}". You have to remove (or rename) that container to be able to reuse that name.`);
    }
    let image: LocalImage | undefined;
    try {
      image = this.#images.lookup(config.Image);
    } catch {
      image = undefined;
    }
    if (!image) {
      const ref = parseReference(config.Image);
      throw notFound(`No such image: ${familiarString(withDefaultTag(ref))}`);
    }
    const id = this.#ids();
    const entrypoint = config.Entrypoint ?? image.config.Entrypoint;
    const cmd = config.Cmd ?? (config.Entrypoint ? null : image.config.Cmd);
    const argv = [...(entrypoint ?? []), ...(cmd ?? [])];
    if (argv.length === 0) throw invalidParameter("no command specified");
    const hostname = config.Hostname || id.slice(0, 12);
    const record: ContainerRecord = {
      id,
      name: name ?? generateName((n) => [...this.#containers.values()].some((c) => c.name === n)),
      created: this.#clock.now(),
      seq: this.#seq++,
      image,
      imageRef: config.Image,
      config: {
        ...config,
        Image: config.Image,
        Hostname: hostname,
        Env: [...image.config.Env, ...(config.Env ?? [])],
        Cmd: cmd,
        Entrypoint: entrypoint,
        WorkingDir: config.WorkingDir || image.config.WorkingDir,
        Labels: { ...(image.config.Labels ?? {}), ...(config.Labels ?? {}) },
      },
      hostConfig: config.HostConfig ?? {},
      path: argv[0]!,
      args: argv.slice(1),
      actor: undefined as unknown as ActorRefFrom<typeof containerMachine>,
      logs: [],
      attached: new Set(),
    };
    record.actor = createActor(
      containerMachine.provide({
        actors: {
          runProcess: fromPromise<number, Record<string, never>>(({ signal }) => this.#runMain(record, signal)),
        },
      }),
      { input: { now: () => this.#clock.now() }, clock: this.#clock },
    );
    record.actor.subscribe((snapshot) => {
      if (snapshot.matches("exited")) this.#onExit(record);
    });
    record.actor.start();
    this.#containers.set(id, record);
    this.#emit("container", "create", id, { image: config.Image, name: record.name });
    return { Id: id, Warnings: [] };
  }

  async #runMain(record: ContainerRecord, signal: AbortSignal): Promise<number> {
    const run = record.pending;
    record.pending = undefined;
    if (!run) return 0;
    const write = (stream: OutputChunk["stream"]) => (text: string) => {
      const chunk: OutputChunk = { stream, text, time: this.#clock.now() };
      record.logs.push(chunk);
      for (const listener of record.attached) listener(chunk);
    };
    return run({ stdout: write("stdout"), stderr: write("stderr"), signal });
  }

  #lastExit = new WeakMap<ContainerRecord, number>();

  #onExit(record: ContainerRecord): void {
    const snapshot = record.actor.getSnapshot();
    if (this.#lastExit.get(record) === snapshot.context.finishedAt) return;
    this.#lastExit.set(record, snapshot.context.finishedAt);
    for (const listener of record.attached) listener(null);
    this.#emit("container", "die", record.id, { exitCode: String(snapshot.context.exitCode), image: record.imageRef, name: record.name });
    if (record.hostConfig.AutoRemove) this.#remove(record);
  }

  #find(idOrName: string): ContainerRecord {
    const key = idOrName.replace(/^\//, "");
    const exact = this.#containers.get(key) ?? [...this.#containers.values()].find((c) => c.name === key);
    if (exact) return exact;
    const matches = key === "" ? [] : [...this.#containers.values()].filter((c) => c.id.startsWith(key));
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) throw new EngineError(400, `multiple IDs found with provided prefix: ${key}`);
    throw notFound(`No such container: ${idOrName}`);
  }

  #status(record: ContainerRecord): ContainerStatus {
    const snapshot = record.actor.getSnapshot();
    if (snapshot.matches({ up: "paused" })) return "paused";
    if (snapshot.matches("up")) return "running";
    if (snapshot.matches("exited")) return "exited";
    if (snapshot.matches("removing")) return "removing";
    return "created";
  }

  async containerStart(idOrName: string): Promise<void> {
    const record = this.#find(idOrName);
    this.#api("POST", `/containers/${record.id.slice(0, 12)}/start`);
    const status = this.#status(record);
    if (status === "running" || status === "paused") return;
    const spec = { path: record.path, args: record.args, env: record.config.Env, workingDir: record.config.WorkingDir, hostname: record.config.Hostname };
    try {
      record.pending = await prepareProcess(record.image, spec, this.#clock);
    } catch (error) {
      if (error instanceof StartError) {
        record.actor.send({ type: "START", now: this.#clock.now() });
        record.actor.send({ type: "KILL", exitCode: error.exitCode, now: this.#clock.now() });
        throw new EngineError(400, error.message);
      }
      throw error;
    }
    record.actor.send({ type: "START", now: this.#clock.now() });
    this.#emit("container", "start", record.id, { image: record.imageRef, name: record.name });
  }

  async *containerAttach(idOrName: string, options: { signal?: AbortSignal } = {}): AsyncIterable<OutputChunk> {
    const record = this.#find(idOrName);
    this.#api("POST", `/containers/${record.id.slice(0, 12)}/attach?stream=1&stdout=1&stderr=1`);
    const queue: (OutputChunk | null)[] = [];
    let wake: (() => void) | undefined;
    const listener = (chunk: OutputChunk | null) => {
      queue.push(chunk);
      wake?.();
    };
    record.attached.add(listener);
    const onAbort = () => listener(null);
    options.signal?.addEventListener("abort", onAbort, { once: true });
    try {
      for (;;) {
        while (queue.length === 0) await new Promise<void>((r) => (wake = r));
        const chunk = queue.shift()!;
        if (chunk === null) return;
        yield chunk;
      }
    } finally {
      record.attached.delete(listener);
      options.signal?.removeEventListener("abort", onAbort);
    }
  }

  async containerWait(idOrName: string, options: { signal?: AbortSignal } = {}): Promise<{ StatusCode: number }> {
    const record = this.#find(idOrName);
    this.#api("POST", `/containers/${record.id.slice(0, 12)}/wait`);
    const done = () => {
      const s = record.actor.getSnapshot();
      return s.matches("exited") || s.matches("removing") ? s.context.exitCode : undefined;
    };
    const now = done();
    if (now !== undefined) return { StatusCode: now };
    return new Promise((resolvePromise, reject) => {
      const sub = record.actor.subscribe(() => {
        const code = done();
        if (code !== undefined) {
          sub.unsubscribe();
          resolvePromise({ StatusCode: code });
        }
      });
      options.signal?.addEventListener("abort", () => {
        sub.unsubscribe();
        reject(options.signal?.reason);
      }, { once: true });
    });
  }

  #statusText(record: ContainerRecord): string {
    const snapshot = record.actor.getSnapshot();
    const now = this.#clock.now();
    switch (this.#status(record)) {
      case "running": return `Up ${humanDuration(now - snapshot.context.startedAt)}`;
      case "paused": return `Up ${humanDuration(now - snapshot.context.startedAt)} (Paused)`;
      case "exited": return `Exited (${snapshot.context.exitCode}) ${humanDuration(now - snapshot.context.finishedAt)} ago`;
      case "removing": return "Removal In Progress";
      default: return "Created";
    }
  }

  async containerList(options: { all?: boolean } = {}): Promise<ContainerSummary[]> {
    this.#api("GET", `/containers/json${options.all ? "?all=1" : ""}`);
    return [...this.#containers.values()]
      .filter((c) => options.all || ["running", "paused", "restarting"].includes(this.#status(c)))
      .sort((a, b) => b.created - a.created || b.seq - a.seq)
      .map((c) => ({
        Id: c.id,
        Names: [`/${c.name}`],
        Image: c.imageRef,
        ImageID: c.image.id,
        Command: [c.path, ...c.args].join(" "),
        Created: Math.floor(c.created / 1000),
        State: this.#status(c),
        Status: this.#statusText(c),
        Ports: [],
        Labels: { ...c.config.Labels },
      }));
  }

  async containerInspect(idOrName: string): Promise<ContainerInspect> {
    const record = this.#find(idOrName);
    this.#api("GET", `/containers/${record.id.slice(0, 12)}/json`);
    const snapshot = record.actor.getSnapshot();
    const status = this.#status(record);
    const iso = (ms: number) => (ms ? new Date(ms).toISOString() : "0001-01-01T00:00:00Z");
    return {
      Id: record.id,
      Created: new Date(record.created).toISOString(),
      Path: record.path,
      Args: record.args.slice(),
      State: {
        Status: status,
        Running: status === "running" || status === "paused",
        Paused: status === "paused",
        Restarting: false,
        OOMKilled: false,
        Dead: false,
        Pid: status === "running" || status === "paused" ? 1000 + (parseInt(record.id.slice(0, 4), 16) % 30000) : 0,
        ExitCode: snapshot.context.exitCode,
        Error: snapshot.context.error,
        StartedAt: iso(snapshot.context.startedAt),
        FinishedAt: iso(snapshot.context.finishedAt),
      },
      Image: record.image.id,
      Name: `/${record.name}`,
      RestartCount: 0,
      Config: structuredClone(record.config),
      HostConfig: structuredClone(record.hostConfig),
    };
  }

  async containerRemove(idOrName: string, options: { force?: boolean; volumes?: boolean } = {}): Promise<void> {
    const record = this.#find(idOrName);
    this.#api("DELETE", `/containers/${record.id.slice(0, 12)}${options.force ? "?force=1" : ""}`);
    const status = this.#status(record);
    if ((status === "running" || status === "paused") && !options.force) {
      const verb = status === "paused" ? "paused" : "running";
      throw conflict(`cannot remove container "${record.name}": container is ${verb}: stop the container before removing or force remove`);
    }
    if (status === "running" || status === "paused") {
      record.actor.send({ type: "KILL", exitCode: 137, now: this.#clock.now() });
    }
    this.#remove(record);
  }

  #remove(record: ContainerRecord): void {
    if (!this.#containers.has(record.id)) return;
    record.actor.send({ type: "REMOVE" });
    record.actor.stop();
    this.#containers.delete(record.id);
    this.#emit("container", "destroy", record.id, { image: record.imageRef, name: record.name });
  }

  async containerLogs(idOrName: string, options: { stdout?: boolean; stderr?: boolean } = {}): Promise<OutputChunk[]> {
    const record = this.#find(idOrName);
    this.#api("GET", `/containers/${record.id.slice(0, 12)}/logs`);
    const wantOut = options.stdout ?? true;
    const wantErr = options.stderr ?? true;
    return record.logs.filter((c) => (c.stream === "stdout" ? wantOut : wantErr));
  }
}
