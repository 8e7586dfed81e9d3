/** One container: its config, copy-on-write filesystem, logs, main process and lifecycle actor. */
import { createActor, fromPromise, type ActorRefFrom } from "xstate";
import type { ContainerConfig, ContainerInspect, ContainerStatus, HostConfig, OutputChunk } from "../backend/engine.ts";
import { humanDuration } from "../cli/format/units.ts";
import { sleep, type Clock } from "./clock.ts";
import { containerMachine, type RestartPolicyName } from "./container.machine.ts";
import type { LocalImage } from "./image-store.ts";
import { LayeredFs, Layer } from "./layered-fs.ts";
import { MountableFs, type IFileSystem } from "just-bash";
import { readOnly, type MountPoint } from "./mounts.ts";
import type { BoundPort } from "./ports.ts";
import type { HttpHandler } from "./http.ts";
import type { ContainerNet } from "./container-net.ts";
import type { SignalName } from "./process.ts";
import { startProcess, StartError, type RunningProcess } from "./runtime.ts";
import { healthSuffix, type HealthMonitor } from "./health.ts";

/** Files the runtime manages for every container (bind-mounted by Docker, so `docker diff` skips them). */
export const RUNTIME_FILES = new Set(["/etc/hostname", "/etc/hosts", "/etc/resolv.conf"]);

export interface ContainerInit {
  id: string;
  name: string;
  created: number;
  seq: number;
  image: LocalImage;
  imageRef: string;
  config: ContainerInspect["Config"];
  hostConfig: HostConfig;
  /** Volumes and host directories, with the filesystem each one mounts. */
  mounts?: { point: MountPoint; fs: IFileSystem }[];
  /** Its view of the networks, given by the daemon. */
  net?: (container: Container) => ContainerNet;
  clock: Clock;
  onExit: (container: Container) => void;
}

const envRecord = (env: string[]): Record<string, string> =>
  Object.fromEntries(env.map((e) => { const i = e.indexOf("="); return i < 0 ? [e, ""] : [e.slice(0, i), e.slice(i + 1)]; }));

export class Container {
  readonly id: string;
  name: string;
  readonly created: number;
  readonly seq: number;
  readonly image: LocalImage;
  readonly imageRef: string;
  readonly config: ContainerInspect["Config"];
  readonly hostConfig: HostConfig;
  readonly path: string;
  readonly args: string[];
  /** The copy-on-write root: the image's layers and this container's own layer. */
  readonly rootfs: LayeredFs;
  /** What processes see: the root with volumes and bind mounts in place. */
  readonly fs: IFileSystem;
  readonly mounts: MountPoint[];
  /** Host ports bound while it runs. */
  ports: BoundPort[] = [];
  /** What its processes see of the networks it is on. */
  readonly net: ContainerNet | undefined;
  /** Servers answering inside it, by container port; they go with the process. */
  readonly listeners = new Map<number, HttpHandler>();
  readonly logs: OutputChunk[] = [];
  readonly #listeners = new Set<(chunk: OutputChunk | null) => void>();
  readonly actor: ActorRefFrom<typeof containerMachine>;
  readonly #clock: Clock;
  #process: RunningProcess | undefined;
  /** The HEALTHCHECK monitor of the latest start, when the container has one (set by the daemon). */
  health: HealthMonitor | undefined;
  /** Piped input for the next start of the main process (`docker run -i`). */
  stdin: string | undefined;
  #pending: RunningProcess | undefined;
  /** Whether the actor was last seen out of `up` (exited or restarting): each exit is reported once. */
  #left = false;

  constructor(init: ContainerInit) {
    this.id = init.id;
    this.name = init.name;
    this.created = init.created;
    this.seq = init.seq;
    this.image = init.image;
    this.imageRef = init.imageRef;
    this.config = init.config;
    this.hostConfig = init.hostConfig;
    this.#clock = init.clock;
    const argv = [...(init.config.Entrypoint ?? []), ...(init.config.Cmd ?? [])];
    this.path = argv[0] ?? "";
    this.args = argv.slice(1);
    this.rootfs = new LayeredFs(init.image.layers.map((l) => l.fs), new Layer());
    const mounts = init.mounts ?? [];
    this.mounts = mounts.map((m) => m.point);
    for (const { point } of mounts) this.rootfs.upper.ensureDirs(point.Destination, new Date(init.created));
    // --read-only: the root filesystem refuses writes; volumes and binds keep their own mode.
    const base = init.hostConfig.ReadonlyRootfs ? readOnly(this.rootfs) : this.rootfs;
    this.fs = mounts.length === 0 ? base : new MountableFs({ base, mounts: mounts.map((m) => ({ mountPoint: m.point.Destination, filesystem: m.point.RW ? m.fs : readOnly(m.fs, m.point.Destination) })) });
    const upper = this.rootfs.upper;
    upper.ensureDirs("/etc", new Date(init.created));
    upper.set("/etc/hostname", { type: "file", content: `${init.config.Hostname}\n`, mode: 0o644, mtime: new Date(init.created) });
    upper.set("/etc/hosts", { type: "file", content: hostsFile(`172.17.0.2\t${init.config.Hostname}\n`, init.hostConfig.ExtraHosts), mode: 0o644, mtime: new Date(init.created) });
    upper.set("/etc/resolv.conf", { type: "file", content: (init.hostConfig.Dns?.length ? init.hostConfig.Dns : ["8.8.8.8", "8.8.4.4"]).map((ip) => `nameserver ${ip}\n`).join(""), mode: 0o644, mtime: new Date(init.created) });
    this.net = init.net?.(this);
    const policy = init.hostConfig.RestartPolicy;
    const policyName: RestartPolicyName = policy?.Name || "no";
    this.actor = createActor(
      containerMachine.provide({
        actors: {
          runProcess: fromPromise<number, Record<string, never>>(async ({ signal }) => {
            const proc = this.#pending ?? (await this.#spawn().catch((error: unknown) => {
              this.#write("stderr", `${error instanceof Error ? error.message : String(error)}\n`);
              return undefined;
            }));
            this.#pending = undefined;
            if (!proc) return 127;
            this.#process = proc;
            signal.addEventListener("abort", () => proc.kill("SIGKILL"), { once: true });
            const code = await proc.exit;
            if (this.#process === proc) this.#process = undefined;
            this.listeners.clear();
            return code;
          }),
        },
      }),
      { input: { now: () => this.#clock.now(), policy: policyName, maxRetries: policy?.MaximumRetryCount ?? 0 }, clock: this.#clock },
    );
    this.actor.subscribe((snapshot) => {
      this.#status = Container.#statusOf(snapshot);
      const left = snapshot.matches("exited") || snapshot.matches("restarting");
      // Compared by transition, not by finishedAt: two exits in the same millisecond are two exits.
      const fresh = left && !this.#left;
      this.#left = left;
      if (fresh) {
        if (snapshot.matches("exited")) for (const listener of this.#listeners) listener(null);
        init.onExit(this);
      }
    });
    this.actor.start();
  }

  #write(stream: OutputChunk["stream"], text: string): void {
    const chunk: OutputChunk = { stream, text, time: this.#clock.now() };
    this.logs.push(chunk);
    for (const listener of this.#listeners) listener(chunk);
  }

  /** Receive output as it is written; `null` when the container stops. Returns the unsubscribe function. */
  listen(listener: (chunk: OutputChunk | null) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #spawn(): Promise<RunningProcess> {
    const launched = this.#launch();
    this.stdin = undefined;
    return launched;
  }

  #launch(): Promise<RunningProcess> {
    return startProcess(
      {
        argv: [this.path, ...this.args],
        env: { HOSTNAME: this.config.Hostname, HOME: "/root", ...envRecord(this.config.Env) },
        workingDir: this.config.WorkingDir || "/",
        hostname: this.config.Hostname,
        user: this.config.User ?? "",
        fs: this.fs,
        rootfs: this.rootfs,
        programs: this.image.programs,
        interactive: this.config.Tty === true && this.config.OpenStdin === true,
        processes: () => this.processes(),
        listen: (port, handler) => this.listeners.set(port, handler),
        ...(this.net ? { net: this.net } : {}),
        ...(this.stdin !== undefined ? { stdin: this.stdin } : {}),
      },
      { stdout: (t) => this.#write("stdout", t), stderr: (t) => this.#write("stderr", t) },
      this.#clock,
    );
  }

  /** The interactive shell of a running -it container, if its main process is one. */
  get console(): RunningProcess["console"] {
    return (this.#process ?? this.#pending)?.console;
  }

  /** /etc/hosts as Docker writes it: localhost, then this container's address and hostname. */
  writeHosts(ip: string): void {
    const own = ip ? `${ip}\t${this.config.Hostname}\n` : "";
    this.rootfs.upper.set("/etc/hosts", { type: "file", content: hostsFile(own, this.hostConfig.ExtraHosts), mode: 0o644, mtime: new Date(this.created) });
  }

  /** PID 1 as `ps` inside the container shows it. */
  processes(): { pid: number; user: string; args: string[] }[] {
    return this.running ? [{ pid: 1, user: this.config.User || "root", args: [this.path, ...this.args] }] : [];
  }

  /** Docker's word for the actor's state; kept as the actor moves, since listings read it often. */
  get status(): ContainerStatus {
    return this.#status;
  }

  #status: ContainerStatus = "created";

  static #statusOf(snapshot: ReturnType<Container["actor"]["getSnapshot"]>): ContainerStatus {
    if (snapshot.matches({ up: "paused" })) return "paused";
    if (snapshot.matches("up")) return "running";
    if (snapshot.matches("restarting")) return "restarting";
    if (snapshot.matches("exited") || snapshot.matches("deciding")) return "exited";
    if (snapshot.matches("removing")) return "removing";
    return "created";
  }

  get running(): boolean {
    return this.status === "running" || this.status === "paused";
  }

  /** The STATUS column: `Up 5 minutes`, `Exited (0) 2 hours ago`, `Restarting (1) 3 seconds ago`. */
  statusText(now: number): string {
    const { context } = this.actor.getSnapshot();
    switch (this.status) {
      case "running": return `Up ${humanDuration(now - context.startedAt)}${healthSuffix(this.health?.state)}`;
      case "paused": return `Up ${humanDuration(now - context.startedAt)} (Paused)`;
      case "restarting": return `Restarting (${context.exitCode}) ${humanDuration(now - context.finishedAt)} ago`;
      case "exited": return `Exited (${context.exitCode}) ${humanDuration(now - context.finishedAt)} ago`;
      case "removing": return "Removal In Progress";
      default: return "Created";
    }
  }

  /** Start the main process; throws StartError (and stays created) when it cannot be exec'd. */
  async start(): Promise<void> {
    try {
      this.#pending = await this.#spawn();
    } catch (error) {
      if (error instanceof StartError) this.actor.send({ type: "FAILED_START", exitCode: error.exitCode, error: error.message });
      throw error;
    }
    this.actor.send({ type: "START" });
  }

  /** Deliver a signal to the main process. */
  kill(signal: SignalName | "SIGKILL"): void {
    if (signal === "SIGKILL") this.actor.send({ type: "STOPPING" });
    this.#process?.kill(signal);
  }

  /** docker stop: the stop signal, then SIGKILL after `timeoutSeconds`. */
  async stop(timeoutSeconds: number, signal: SignalName = "SIGTERM"): Promise<void> {
    this.actor.send({ type: "STOPPING" });
    const proc = this.#process;
    if (!proc) return;
    proc.kill(signal);
    const timedOut = Symbol("timeout");
    const outcome = timeoutSeconds < 0 ? await proc.exit : await Promise.race([proc.exit, sleep(this.#clock, timeoutSeconds * 1000).then(() => timedOut)]);
    if (outcome === timedOut) {
      proc.kill("SIGKILL");
      await proc.exit;
    }
    await this.settled();
  }

  /** Resolve once the actor has left `up` (the exit has been recorded). */
  settled(): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        const s = this.actor.getSnapshot();
        if (!s.matches("up") && !s.matches("deciding")) {
          sub?.unsubscribe();
          resolve();
          return true;
        }
        return false;
      };
      let sub: { unsubscribe(): void } | undefined;
      if (!check()) sub = this.actor.subscribe(() => void check());
    });
  }

  /** Wait for the next exit; resolves with its code. */
  waitExit(signal?: AbortSignal): Promise<number> {
    return new Promise((resolve, reject) => {
      const done = () => {
        const s = this.actor.getSnapshot();
        return s.matches("exited") || s.matches("removing") || s.matches("created") ? s.context.exitCode : undefined;
      };
      const now = done();
      if (now !== undefined) return resolve(now);
      const sub = this.actor.subscribe(() => {
        const code = done();
        if (code !== undefined) {
          sub.unsubscribe();
          resolve(code);
        }
      });
      signal?.addEventListener("abort", () => {
        sub.unsubscribe();
        reject(signal.reason);
      }, { once: true });
    });
  }

  /** Bytes written to the container's own layer (the SIZE column of `docker ps -s`). */
  sizeRw(): number {
    let total = 0;
    for (const [path, node] of this.rootfs.upper.nodes) if (!RUNTIME_FILES.has(path) && node.type === "file") total += typeof node.content === "string" ? node.content.length : node.content.length;
    return total;
  }

  dispose(): void {
    this.#process?.kill("SIGKILL");
    this.actor.send({ type: "REMOVE" });
    this.actor.stop();
    for (const listener of this.#listeners) listener(null);
    this.#listeners.clear();
  }
}

/** Log entries line by line, as the json-file driver stores them. */
export function splitLines(chunks: OutputChunk[]): OutputChunk[] {
  return chunks.flatMap((chunk) => (chunk.text.match(/[^\n]*\n|[^\n]+$/g) ?? []).map((text) => ({ ...chunk, text })));
}

/** `past`, then the container's output as it comes, until it stops or `signal` aborts. */
export async function* follow(c: Container, past: OutputChunk[], signal?: AbortSignal): AsyncIterable<OutputChunk> {
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

export type { ContainerConfig };

/** /etc/hosts as Docker writes it: localhost and IPv6 names, `--add-host` entries, then the container's own line. */
function hostsFile(own: string, extra: string[] | null | undefined): string {
  const added = (extra ?? []).map((h) => `${h.slice(h.lastIndexOf(":") + 1)}\t${h.slice(0, h.lastIndexOf(":"))}\n`).join("");
  return `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::\tip6-localnet\nff00::\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n${added}${own}`;
}
