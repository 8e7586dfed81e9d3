/**
 * The Engine interface, served for one session on a real dockerd: each method checks the policy,
 * resolves names within the session, calls the Engine API and maps names back for display.
 * Images, builds, volumes and networks are in session-images.ts and session-resources.ts.
 */
import { EngineError } from "../simulator/backend/errors.ts";
import type { ArchiveEntry, PathStat, ContainerInspect, ContainerSummary, ExecConfig, LogsOptions, OutputChunk } from "../simulator/backend/api-types.ts";
import { DockerApiError, DockerUnreachableError, demux, readAll, type DockerClient } from "./docker-client.ts";
import { containerCreateBody, execBody, PolicyError, type Policy } from "./policy.ts";
import type { Session, SessionRegistry } from "./sessions.ts";
import { decodeExtractEntries, readTar, tarArchive } from "./tar.ts";
import { defaultNetworkNames, forgetSessionBridge, sessionBridge, sessionBridgeName } from "./session-bridge.ts";

/** What a streaming method gets: a way to send items to the client, and the client's cancel. */
export interface CallContext {
  emit: (item: unknown) => void;
  signal: AbortSignal;
}

/** The most one `docker cp` out of a container may carry (the tar as dockerd sends it). */
export const maxCopyOutBytes = 32 * 1024 * 1024;

/** An archive entry as it travels to the page: a binary file's bytes as base64. */
export type WireArchiveEntry = Omit<ArchiveEntry, "bytes"> & { bytesBase64?: string };

const containerNamePattern = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** Docker's errors as the Engine interface's, with the session's prefixes taken out. */
export function engineError(error: unknown, session: Session): unknown {
  if (error instanceof EngineError) return error;
  if (error instanceof DockerApiError) return new EngineError(error.statusCode, unmapText(error.message, session));
  if (error instanceof DockerUnreachableError) {
    return new EngineError(503, `the Docker engine behind the Dockyard gateway is not answering (it may be restarting); try again in a moment, or switch to the simulated engine`, "system");
  }
  return error;
}

export function unmapText(text: string, session: Session): string {
  return text.replaceAll(`/${session.prefix}`, "/").replaceAll(`"${session.prefix}`, '"').replaceAll(session.prefix, "").replaceAll(`${session.imageNamespace}/`, "");
}

/** Every name and tag in a result, shown as the session knows it. */
export function unmap<T>(value: T, session: Session): T {
  if (value === undefined) return value;
  return JSON.parse(unmapText(JSON.stringify(value), session)) as T;
}

/**
 * On a user-defined network Docker's DNS answers to a container's name; the gateway's name is
 * prefixed, so the name the learner typed becomes an alias on the session's network.
 */
export function nameAsAlias(body: Record<string, unknown>, prefix: string, name: string): void {
  const network = String((body["HostConfig"] as Record<string, unknown>)["NetworkMode"]);
  if (!network.startsWith(prefix)) return;
  const networking = (body["NetworkingConfig"] ??= {}) as { EndpointsConfig?: Record<string, { Aliases?: string[] }> };
  const endpoint = ((networking.EndpointsConfig ??= {})[network] ??= {});
  if (!endpoint.Aliases?.includes(name)) endpoint.Aliases = [...(endpoint.Aliases ?? []), name];
}

export class ContainerService {
  /** Containers made with `--rm`: waiting for one ends when dockerd has removed it, as the docker CLI's wait does. */
  readonly #autoRemove = new Set<string>();

  constructor(readonly docker: DockerClient, readonly session: Session, readonly registry: SessionRegistry, readonly policy: Policy, readonly images: { resolveForRun(ref: string): Promise<string>; exposedPorts(dockerRef: string): Promise<string[]> }) {}

  /** This session's containers, as GET /containers/json lists them. */
  async own(extraFilters: Record<string, string[]> = {}, options: { size?: boolean; limit?: number; all?: boolean } = { all: true }): Promise<ContainerSummary[]> {
    const filters = { ...extraFilters, label: [...(extraFilters["label"] ?? []), `dockyard.session=${this.session.id}`] };
    return this.docker.json<ContainerSummary[]>("GET", "/containers/json", { query: { all: options.all === false ? undefined : 1, size: options.size ? 1 : undefined, limit: options.limit, filters: JSON.stringify(filters) } });
  }

  /** A container of this session by full ID, name or unique ID prefix (Docker's order); else "No such container". */
  async resolve(ref: string): Promise<string> {
    return (await this.target(ref)).id;
  }

  /**
   * The container's ID, and what to put in the request's path: its Docker name when the session
   * named it, so dockerd's messages echo the name typed (`cannot kill container: web: ...`).
   */
  async target(ref: string): Promise<{ id: string; path: string }> {
    if (typeof ref !== "string" || ref === "") throw new EngineError(404, `No such container: ${String(ref)}`);
    if (this.session.containers.has(ref)) return { id: ref, path: ref };
    const list = await this.own();
    const byId = list.find((c) => c.Id === ref);
    if (byId) return { id: byId.Id, path: byId.Id };
    const byName = list.find((c) => c.Names.includes(`/${this.session.dockerName(ref)}`) || c.Names.includes(`/${ref}`));
    if (byName) return { id: byName.Id, path: byName.Names.includes(`/${ref}`) ? ref : this.session.dockerName(ref) };
    const byPrefix = list.filter((c) => c.Id.startsWith(ref));
    if (byPrefix.length === 1) return { id: byPrefix[0]!.Id, path: byPrefix[0]!.Id };
    if (byPrefix.length > 1) throw new EngineError(400, `multiple IDs found with provided prefix: ${ref}`);
    throw new EngineError(404, `No such container: ${ref}`);
  }

  async create(config: unknown, options: { name?: string } = {}): Promise<{ Id: string; Warnings: string[] }> {
    const name = options?.name;
    if (name !== undefined && (typeof name !== "string" || !containerNamePattern.test(name.replace(/^\//, "")))) {
      throw new EngineError(400, `Invalid container name (${String(name)}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    }
    const image = (config as { Image?: unknown } | null)?.Image;
    if (typeof image !== "string") throw new PolicyError("a container without an image");
    const dockerRef = await this.images.resolveForRun(image);
    const publishAll = (config as { HostConfig?: { PublishAllPorts?: unknown } }).HostConfig?.PublishAllPorts === true;
    const exposed = publishAll ? await this.images.exposedPorts(dockerRef) : [];
    await this.registry.checkQuota(this.session, "containers");
    const body = containerCreateBody(config, {
      policy: this.policy,
      names: { volume: (n) => this.session.dockerName(n), network: (n) => this.session.dockerName(n) },
      labels: this.session.labels,
      imageExposedPorts: exposed,
    });
    body["Image"] = dockerRef;
    const onDefault = await this.#defaultNetwork(body);
    if (!onDefault && name) nameAsAlias(body, this.session.prefix, name.replace(/^\//, ""));
    const query = name ? { name: this.session.dockerName(name.replace(/^\//, "")) } : {};
    const post = () => this.docker.json<{ Id: string; Warnings: string[] | null }>("POST", "/containers/create", { query, body });
    try {
      const created = await post().catch(async (error: unknown) => {
        // The session's network was removed behind the gateway's back: make it again, once.
        if (!onDefault || !(error instanceof DockerApiError) || error.statusCode !== 404 || !error.message.includes(sessionBridgeName(this.session))) throw error;
        forgetSessionBridge(this.session);
        await sessionBridge(this.docker, this.session);
        return post();
      });
      this.session.containers.add(created.Id);
      if ((body["HostConfig"] as Record<string, unknown>)["AutoRemove"] === true) this.#autoRemove.add(created.Id);
      return { Id: created.Id, Warnings: created.Warnings ?? [] };
    } catch (error) {
      // dockerd names the image it was given; the learner typed another name.
      if (error instanceof DockerApiError && error.statusCode === 404 && error.message.startsWith("No such image")) throw new EngineError(404, `No such image: ${image.includes(":") || image.includes("@") ? image : `${image}:latest`}`);
      throw error;
    }
  }

  /**
   * A container on Docker's default network goes on the session's own bridge instead (see
   * session-bridge.ts); as on the default bridge, it takes no aliases and no fixed IP.
   */
  async #defaultNetwork(body: Record<string, unknown>): Promise<boolean> {
    const host = body["HostConfig"] as Record<string, unknown>;
    if (!defaultNetworkNames.has(String(host["NetworkMode"]))) return false;
    const networking = body["NetworkingConfig"] as { EndpointsConfig?: Record<string, { Aliases?: unknown; IPAMConfig?: unknown }> } | undefined;
    const endpoint = networking?.EndpointsConfig?.["bridge"] ?? networking?.EndpointsConfig?.["default"];
    if (endpoint?.Aliases) throw new EngineError(400, "network-scoped alias is supported only for containers in user defined networks");
    if (endpoint?.IPAMConfig) throw new EngineError(400, "user specified IP address is supported on user defined networks only");
    delete body["NetworkingConfig"];
    await sessionBridge(this.docker, this.session);
    host["NetworkMode"] = sessionBridgeName(this.session);
    return true;
  }

  async start(ref: string): Promise<void> {
    const { id, path } = await this.target(ref);
    // Arm a wait before starting, so an --rm container's exit code is known after it is gone.
    const armed = new AbortController();
    const waiting = this.docker.stream("POST", `/containers/${id}/wait`, { query: { condition: "next-exit" }, signal: armed.signal }).catch(() => undefined);
    const response = await waiting;
    if (response) {
      const exit = readAll(response).then((text) => (JSON.parse(text) as { StatusCode: number }).StatusCode, () => -1);
      exit.catch(() => {});
      this.session.exits.set(id, exit);
    }
    try {
      await this.docker.json("POST", `/containers/${path}/start`);
    } catch (error) {
      armed.abort();
      this.session.exits.delete(id);
      throw error;
    }
  }

  async wait(ref: string, signal?: AbortSignal): Promise<{ StatusCode: number }> {
    const known = this.session.containers.has(ref);
    const id = known ? ref : await this.resolve(ref);
    try {
      const res = await this.docker.stream("POST", `/containers/${id}/wait`, { query: { condition: this.#autoRemove.has(id) ? "removed" : "not-running" }, ...(signal ? { signal } : {}) });
      const body = JSON.parse(await readAll(res)) as { StatusCode: number; Error?: { Message: string } | null };
      return { StatusCode: body.StatusCode };
    } catch (error) {
      const armed = this.session.exits.get(id);
      if (error instanceof DockerApiError && error.statusCode === 404 && armed) return { StatusCode: await armed };
      throw error;
    }
  }

  async stop(ref: string, options: { timeout?: number; signal?: string } = {}, action: "stop" | "restart" = "stop"): Promise<void> {
    const { path: id } = await this.target(ref);
    const query = { t: typeof options?.timeout === "number" ? options.timeout : undefined, ...(this.#apiAtLeast("1.42") && options?.signal ? { signal: options.signal } : {}) };
    await this.docker.json("POST", `/containers/${id}/${action}`, { query });
  }

  #apiAtLeast(v: string): boolean {
    const [a = 0, b = 0] = (this.docker.apiVersion ?? "1.24").split(".").map(Number);
    const [c = 0, d = 0] = v.split(".").map(Number);
    return a > c || (a === c && b >= d);
  }

  async simple(ref: string, action: "kill" | "pause" | "unpause", query: Record<string, string | undefined> = {}): Promise<void> {
    const { path: id } = await this.target(ref).catch((error: unknown) => {
      // dockerd words a kill of a missing container this way.
      if (action === "kill" && error instanceof EngineError && error.statusCode === 404) throw new EngineError(404, `cannot kill container: ${ref}: ${error.message}`);
      throw error;
    });
    await this.docker.json("POST", `/containers/${id}/${action}`, { query });
  }

  async rename(ref: string, name: string): Promise<void> {
    const id = await this.resolve(ref);
    if (typeof name !== "string" || !containerNamePattern.test(name)) throw new EngineError(400, `Invalid container name (${String(name)}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    await this.docker.json("POST", `/containers/${id}/rename`, { query: { name: this.session.dockerName(name) } });
  }

  async top(ref: string, psArgs?: string): Promise<unknown> {
    const id = await this.resolve(ref);
    return this.docker.json("GET", `/containers/${id}/top`, { query: { ps_args: psArgs || undefined } });
  }

  async changes(ref: string): Promise<unknown> {
    const id = await this.resolve(ref);
    return (await this.docker.json("GET", `/containers/${id}/changes`)) ?? [];
  }

  /** GET /containers/{id}/stats?stream=false: one sample, with the previous CPU reading. */
  async stats(ref: string): Promise<unknown> {
    const { id } = await this.target(ref);
    return this.docker.json("GET", `/containers/${id}/stats`, { query: { stream: 0 } });
  }

  /** HEAD /containers/{id}/archive: the X-Docker-Container-Path-Stat header. */
  async statPath(ref: string, path: string): Promise<PathStat> {
    const id = await this.resolve(ref);
    if (typeof path !== "string" || path === "") throw new EngineError(400, "path cannot be empty");
    const res = await this.docker.stream("HEAD", `/containers/${id}/archive`, { query: { path } }).catch((error: unknown) => {
      if (error instanceof DockerApiError && error.statusCode === 404) throw new EngineError(404, `Could not find the file ${path} in container ${ref}`);
      throw error;
    });
    res.resume();
    const header = res.headers["x-docker-container-path-stat"];
    return JSON.parse(Buffer.from(String(header ?? ""), "base64").toString("utf8")) as PathStat;
  }

  /** GET /containers/{id}/archive: the entries, a file that is not UTF-8 text as `bytesBase64` (JSON carries text only). */
  async archive(ref: string, path: string): Promise<{ stat: PathStat; entries: WireArchiveEntry[] }> {
    const id = await this.resolve(ref);
    const res = await this.docker.stream("GET", `/containers/${id}/archive`, { query: { path } }).catch((error: unknown) => {
      if (error instanceof DockerApiError && error.statusCode === 404) throw new EngineError(404, `Could not find the file ${path} in container ${ref}`);
      throw error;
    });
    const stat = JSON.parse(Buffer.from(String(res.headers["x-docker-container-path-stat"] ?? ""), "base64").toString("utf8")) as PathStat;
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const c of res as AsyncIterable<Buffer>) {
      total += c.length;
      // A cap on what one copy may bring into the browser.
      if (total > maxCopyOutBytes) {
        res.destroy();
        throw new EngineError(413, `the copy is larger than ${maxCopyOutBytes / 1024 / 1024} MiB, the Dockyard gateway's limit`);
      }
      chunks.push(c);
    }
    const entries = readTar(Buffer.concat(chunks)).map(({ bytes, ...entry }) => (bytes ? { ...entry, bytesBase64: bytes.toString("base64") } : entry));
    return { stat, entries };
  }

  /** PUT /containers/{id}/archive: the page's entries (untrusted; a binary file as `bytesBase64`) as a tar. */
  async extract(ref: string, dir: string, entries: unknown): Promise<void> {
    const id = await this.resolve(ref);
    const tar = tarArchive(decodeExtractEntries(entries));
    await this.docker.json("PUT", `/containers/${id}/archive`, { query: { path: dir, noOverwriteDirNonDir: 1 }, raw: tar });
  }

  async remove(ref: string, options: { force?: boolean; volumes?: boolean } = {}): Promise<void> {
    const { id, path } = await this.target(ref);
    await this.docker.json("DELETE", `/containers/${path}`, { query: { force: options?.force ? 1 : undefined, v: options?.volumes ? 1 : undefined } });
    this.session.containers.delete(id);
  }

  async inspect(ref: string): Promise<ContainerInspect> {
    const id = await this.resolve(ref);
    const info = await this.docker.json<ContainerInspect>("GET", `/containers/${id}/json`);
    // Older API versions repeat the default bridge's endpoint at the top of NetworkSettings.
    const settings = info.NetworkSettings as unknown as Record<string, unknown> | undefined;
    const endpoint = info.NetworkSettings?.Networks?.[sessionBridgeName(this.session)] as unknown as Record<string, unknown> | undefined;
    if (settings && endpoint) {
      for (const key of ["EndpointID", "Gateway", "GlobalIPv6Address", "GlobalIPv6PrefixLen", "IPAddress", "IPPrefixLen", "IPv6Gateway", "MacAddress"]) {
        if (key in settings && key in endpoint && (settings[key] === "" || settings[key] === 0)) settings[key] = endpoint[key];
      }
    }
    // The alias nameAsAlias adds is the container's own name, which Docker does not list among Aliases.
    const own = info.Name.replace(/^\//, "");
    const networks = (info.NetworkSettings?.Networks ?? {}) as unknown as Record<string, { Aliases?: string[] | null }>;
    if (own.startsWith(this.session.prefix)) for (const n of Object.values(networks)) if (Array.isArray(n.Aliases)) n.Aliases = n.Aliases.filter((a) => a !== this.session.userName(own));
    return info;
  }

  async list(options: { all?: boolean; size?: boolean; limit?: number; filters?: Record<string, string[]> } = {}): Promise<ContainerSummary[]> {
    const filters = options?.filters && typeof options.filters === "object" ? options.filters : {};
    for (const [key, values] of Object.entries(filters)) if (!Array.isArray(values) || values.some((v) => typeof v !== "string")) throw new EngineError(400, `invalid filter '${key}'`);
    // `--filter network=backend` (or bridge, the session's own) names a network as the session knows it.
    if (filters["network"]) filters["network"] = filters["network"].map((v) => (v === "host" || v === "none" || /^[0-9a-f]{12,64}$/.test(v) ? v : this.session.dockerName(v === "default" ? "bridge" : v)));
    return this.own(filters, { all: options?.all === true, ...(options?.size ? { size: true } : {}), ...(typeof options?.limit === "number" && options.limit > 0 ? { limit: options.limit } : {}) });
  }

  async prune(): Promise<{ ContainersDeleted: string[]; SpaceReclaimed: number }> {
    const r = await this.docker.json<{ ContainersDeleted: string[] | null; SpaceReclaimed: number }>("POST", "/containers/prune", { query: { filters: this.session.filter } });
    return { ContainersDeleted: r.ContainersDeleted ?? [], SpaceReclaimed: r.SpaceReclaimed };
  }

  /** Attach before start: output until the container stops; stdin (run -i) is written then closed. */
  async attach(ref: string, options: { stdin?: string }, ctx: CallContext, established: () => void): Promise<void> {
    const id = await this.resolve(ref);
    const info = await this.docker.json<ContainerInspect>("GET", `/containers/${id}/json`);
    const stdin = typeof options?.stdin === "string";
    const socket = await this.docker.hijack("POST", `/containers/${id}/attach`, { query: { stream: 1, stdout: 1, stderr: 1, stdin: stdin ? 1 : undefined } });
    established();
    const close = () => socket.destroy();
    ctx.signal.addEventListener("abort", close, { once: true });
    try {
      if (stdin) socket.end(options.stdin);
      for await (const chunk of demux(socket as AsyncIterable<Buffer>, info.Config.Tty === true)) ctx.emit({ ...chunk, time: Date.now() } satisfies OutputChunk);
    } catch (error) {
      if (!ctx.signal.aborted) throw error;
    } finally {
      ctx.signal.removeEventListener("abort", close);
    }
  }

  async logs(ref: string, options: LogsOptions, ctx: CallContext): Promise<void> {
    const id = await this.resolve(ref);
    const info = await this.docker.json<ContainerInspect>("GET", `/containers/${id}/json`);
    const o = options ?? {};
    const query = {
      stdout: o.stdout === false ? 0 : 1,
      stderr: o.stderr === false ? 0 : 1,
      follow: o.follow ? 1 : undefined,
      since: typeof o.since === "number" ? (o.since / 1000).toFixed(3) : undefined,
      until: typeof o.until === "number" ? (o.until / 1000).toFixed(3) : undefined,
      tail: typeof o.tail === "number" ? o.tail : undefined,
      timestamps: 1,
    };
    const res = await this.docker.stream("GET", `/containers/${id}/logs`, { query, signal: ctx.signal });
    try {
      for await (const chunk of demux(res, info.Config.Tty === true)) {
        // timestamps=1: each line starts with its RFC 3339 time, which becomes the chunk's time.
        const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z) /.exec(chunk.text);
        ctx.emit({ stream: chunk.stream, text: m ? chunk.text.slice(m[0].length) : chunk.text, time: m ? Date.parse(m[1]!) : Date.now() } satisfies OutputChunk);
      }
    } catch (error) {
      if (!ctx.signal.aborted) throw error;
    }
  }

  /**
   * An interactive shell on a TTY: the container's own (attach with stdin) or a new exec. Output
   * goes out as stream items; `input` (from consoleInput calls) is written to the shell. Resolves
   * with the exit code when the shell ends.
   */
  async console(ref: string, exec: ExecConfig | null, ctx: CallContext, register: (input: (text: string) => void) => void): Promise<number> {
    const id = await this.resolve(ref);
    let socket;
    let execId: string | undefined;
    if (exec) {
      const body = execBody({ ...exec, Tty: true, AttachStdin: true });
      execId = (await this.docker.json<{ Id: string }>("POST", `/containers/${id}/exec`, { body })).Id;
      socket = await this.docker.hijack("POST", `/exec/${execId}/start`, { body: { Detach: false, Tty: true } });
    } else {
      const info = await this.docker.json<ContainerInspect>("GET", `/containers/${id}/json`);
      if (!info.Config.Tty || !info.Config.OpenStdin) throw new EngineError(409, "the container has no TTY with stdin open (run it with -it)");
      socket = await this.docker.hijack("POST", `/containers/${id}/attach`, { query: { stream: 1, stdin: 1, stdout: 1, stderr: 1 } });
    }
    register((text) => socket.write(text));
    const close = () => socket.destroy();
    ctx.signal.addEventListener("abort", close, { once: true });
    try {
      for await (const chunk of socket as AsyncIterable<Buffer>) ctx.emit(chunk.toString("utf8"));
    } catch (error) {
      if (!ctx.signal.aborted) throw error;
    } finally {
      ctx.signal.removeEventListener("abort", close);
    }
    if (execId) return (await this.docker.json<{ ExitCode: number | null }>("GET", `/exec/${execId}/json`)).ExitCode ?? 0;
    return (await this.wait(id)).StatusCode;
  }

  async exec(ref: string, config: ExecConfig, options: { stdin?: string }, ctx: CallContext): Promise<{ ExitCode: number }> {
    const id = await this.resolve(ref);
    const body = execBody({ ...config, ...(typeof options?.stdin === "string" ? { AttachStdin: true } : {}) });
    const { Id: execId } = await this.docker.json<{ Id: string }>("POST", `/containers/${id}/exec`, { body });
    if (config.Detach === true) {
      await this.docker.json("POST", `/exec/${execId}/start`, { body: { Detach: true, Tty: body["Tty"] } });
      return { ExitCode: 0 };
    }
    const socket = await this.docker.hijack("POST", `/exec/${execId}/start`, { body: { Detach: false, Tty: body["Tty"] } });
    const close = () => socket.destroy();
    ctx.signal.addEventListener("abort", close, { once: true });
    try {
      if (typeof options?.stdin === "string") socket.end(options.stdin);
      for await (const chunk of demux(socket as AsyncIterable<Buffer>, body["Tty"] === true)) ctx.emit({ ...chunk, time: Date.now() } satisfies OutputChunk);
    } catch (error) {
      if (!ctx.signal.aborted) throw error;
    } finally {
      ctx.signal.removeEventListener("abort", close);
    }
    if (ctx.signal.aborted) return { ExitCode: 130 };
    const info = await this.docker.json<{ ExitCode: number | null }>("GET", `/exec/${execId}/json`);
    return { ExitCode: info.ExitCode ?? 0 };
  }
}
