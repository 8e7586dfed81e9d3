/**
 * The Engine interface over a WebSocket to the Dockyard gateway (server/), which runs each call
 * on a real dockerd for this browser's session. Works in the browser and in Node (global WebSocket,
 * or any constructor passed in, such as the `ws` package's, which can set an Origin header).
 */
import type { Engine } from "./engine.ts";
import type {
  ArchiveEntry, ContainerStats, AuthConfig, AuthResponse, BuildContextEntry, EventsOptions, PathStat, BuildOptions, BuildResult, CommitOptions, ContainerConfig, ContainerConsole, ContainerInspect, ContainerSummary, DiskUsage, ExecConfig,
  HistoryItem, ImageDeleteItem, ImageInspect, ImageSummary, LogsOptions, NetworkCreateOptions, NetworkInspect, OutputChunk, PullOptions, PullResult, PushOptions, PushResult, SearchResult, SystemInfo, VersionInfo, VolumeInfo,
} from "./api-types.ts";
import { EngineError } from "./errors.ts";
import type { DockerEvent } from "../engine/events.ts";
import { responseBody, type HttpRequest, type HttpResponse } from "../engine/http.ts";
import { abortError, fromBase64, ItemQueue, toBase64, type GatewayMessage, type GatewayRequest, type RemoteEngineOptions, type SocketLike } from "./remote-protocol.ts";

export type { GatewayMessage, GatewayRequest, RemoteEngineOptions, RemoteStatus, SocketLike } from "./remote-protocol.ts";

export const gatewayLostMessage = "the connection to the Dockyard gateway was lost; reconnect, or switch to the simulated engine";

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  onItem?: ((item: unknown) => void) | undefined;
}

/** The prompt the gateway's consoles set: a marker carrying the working directory. */
const promptText = "@@dockyard:$PWD:@@ ";
const promptMarker = /@@dockyard:([^$\n]*?):@@ /;

export class RemoteEngine implements Engine {
  #socket: SocketLike | undefined;
  #nextId = 1;
  #pending = new Map<number, Pending>();
  #listeners = new Set<(event: DockerEvent) => void>();
  #session: string | undefined;
  #closed: string | undefined;
  #ready: Promise<void> | undefined;
  /** Containers this page created with a TTY and stdin (`run -it`). */
  #consoles = new Set<string>();

  constructor(readonly options: RemoteEngineOptions) {
    this.#session = options.session;
  }

  /** The session this browser has on the gateway (kept to resume after a reload). */
  get session(): string | undefined {
    return this.#session;
  }

  /** Open the connection; resolves when the gateway says hello, rejects with why it could not. */
  connect(): Promise<void> {
    if (this.#ready) return this.#ready;
    this.#closed = undefined;
    this.options.onStatus?.({ state: "connecting" });
    const url = new URL(this.options.url);
    url.searchParams.set("token", this.options.token);
    if (this.#session) url.searchParams.set("session", this.#session);
    const open = this.options.connect ?? ((u: string) => new WebSocket(u) as unknown as SocketLike);
    this.#ready = new Promise<void>((resolve, reject) => {
      let hello = false;
      let socket: SocketLike;
      try {
        socket = open(url.toString());
      } catch (error) {
        reject(new EngineError(503, `cannot reach the Dockyard gateway at ${this.options.url}: ${error instanceof Error ? error.message : String(error)}`));
        return;
      }
      this.#socket = socket;
      socket.onmessage = (ev) => {
        let message: GatewayMessage;
        try {
          message = JSON.parse(String(ev.data)) as GatewayMessage;
        } catch {
          return;
        }
        if ("hello" in message) {
          hello = true;
          this.#session = message.hello.session;
          this.options.onStatus?.({ state: "open", session: message.hello.session, engineVersion: message.hello.engine.Version });
          resolve();
          return;
        }
        this.#receive(message);
      };
      socket.onerror = () => {};
      socket.onclose = (ev) => {
        const why = ev.reason || (hello ? gatewayLostMessage : `cannot reach the Dockyard gateway at ${this.options.url} (is it running, and are the token and this page's origin right?)`);
        this.#fail(why);
        this.#ready = undefined;
        if (!hello) reject(new EngineError(503, why));
      };
    });
    return this.#ready;
  }

  /** Close the connection; pending calls fail. The session stays on the gateway until reaped. */
  close(): void {
    this.#socket?.close(1000, "closed by the page");
    this.#fail("the page closed the connection to the Dockyard gateway");
  }

  #fail(why: string): void {
    if (this.#closed) return;
    this.#closed = why;
    for (const pending of this.#pending.values()) pending.reject(new EngineError(503, why));
    this.#pending.clear();
    this.options.onStatus?.({ state: "closed", message: why });
  }

  #receive(message: GatewayMessage): void {
    if ("event" in message) {
      for (const listener of this.#listeners) {
        try {
          listener(message.event);
        } catch {
          /* a broken view must not break the engine */
        }
      }
      return;
    }
    if ("notice" in message) {
      this.options.onStatus?.({ state: message.notice.state, message: message.notice.message });
      return;
    }
    if (!("id" in message)) return;
    const pending = this.#pending.get(message.id);
    if (!pending) return;
    if ("item" in message) pending.onItem?.(message.item);
    else if ("result" in message) {
      this.#pending.delete(message.id);
      pending.resolve(message.result);
    } else if ("error" in message) {
      this.#pending.delete(message.id);
      pending.reject(new EngineError(message.error.status, message.error.message, message.error.code));
    }
  }

  #send(request: GatewayRequest): void {
    if (this.#closed || !this.#socket || this.#socket.readyState !== 1) throw new EngineError(503, this.#closed ?? gatewayLostMessage);
    this.#socket.send(JSON.stringify(request));
  }

  /** One call; items of a stream go to onItem; the signal sends a cancel and rejects with AbortError. */
  #call<T>(method: string, params: unknown[], onItem?: (item: unknown) => void, signal?: AbortSignal, onId?: (id: number) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (signal?.aborted) return reject(abortError());
      const id = this.#nextId++;
      onId?.(id);
      const onAbort = () => {
        if (!this.#pending.has(id)) return;
        this.#pending.delete(id);
        try {
          this.#send({ id, cancel: true });
        } catch {
          /* connection gone: nothing to cancel */
        }
        reject(abortError());
      };
      const done = () => signal?.removeEventListener("abort", onAbort);
      this.#pending.set(id, { resolve: (v) => (done(), resolve(v as T)), reject: (e) => (done(), reject(e)), onItem });
      signal?.addEventListener("abort", onAbort, { once: true });
      try {
        this.#send({ id, method, params });
        this.options.onCall?.(method, params);
      } catch (error) {
        this.#pending.delete(id);
        done();
        reject(error);
      }
    });
  }

  /** A stream method: the request goes out now (before any later call), items are read as they come. */
  #stream(method: string, params: unknown[], signal?: AbortSignal): AsyncIterable<OutputChunk> {
    const queue = new ItemQueue<OutputChunk>();
    this.#call<void>(method, params, (item) => queue.push(item as OutputChunk), signal).then(
      () => queue.end(),
      (error: unknown) => queue.end(signal?.aborted ? undefined : error),
    );
    return queue;
  }

  version(): Promise<VersionInfo> { return this.#call("version", []); }
  info(): Promise<SystemInfo> { return this.#call("info", []); }

  imagePull(ref: string, options: PullOptions = {}): Promise<PullResult> {
    return this.#call("imagePull", [ref, { allTags: options.allTags === true }], (m) => options.onProgress?.(m as never), options.signal);
  }
  imageList(options?: { all?: boolean }): Promise<ImageSummary[]> { return this.#call("imageList", [options ?? {}]); }
  imageInspect(ref: string): Promise<ImageInspect> { return this.#call("imageInspect", [ref]); }
  imageRemove(ref: string, options?: { force?: boolean; noprune?: boolean }): Promise<ImageDeleteItem[]> { return this.#call("imageRemove", [ref, options ?? {}]); }
  imageTag(source: string, target: string): Promise<void> { return this.#call("imageTag", [source, target]); }
  imageHistory(ref: string): Promise<HistoryItem[]> { return this.#call("imageHistory", [ref]); }
  imageSearch(term: string, options?: { limit?: number }): Promise<SearchResult[]> { return this.#call("imageSearch", [term, options ?? {}]); }
  imagePrune(options?: { all?: boolean }): Promise<{ ImagesDeleted: ImageDeleteItem[]; SpaceReclaimed: number }> { return this.#call("imagePrune", [options ?? {}]); }
  imagePush(ref: string, options: PushOptions = {}): Promise<PushResult> {
    return this.#call("imagePush", [ref, { allTags: options.allTags === true }], (m) => options.onProgress?.(m as never), options.signal);
  }
  imageBuild(context: BuildContextEntry[], options: BuildOptions): Promise<BuildResult> {
    const { onProgress, signal, ...rest } = options;
    // JSON carries text only: a binary file travels as base64 (its lossy `content` stays home).
    const entries = context.map(({ bytes, content, ...entry }) => (bytes ? { ...entry, bytesBase64: toBase64(bytes) } : { ...entry, ...(content !== undefined ? { content } : {}) }));
    return this.#call("imageBuild", [entries, rest], (e) => onProgress?.(e as never), signal);
  }
  systemAuth(auth: AuthConfig): Promise<AuthResponse> { return this.#call("systemAuth", [{ serveraddress: auth.serveraddress }]); }

  async containerCreate(config: ContainerConfig, options?: { name?: string }): Promise<{ Id: string; Warnings: string[] }> {
    const created = await this.#call<{ Id: string; Warnings: string[] }>("containerCreate", [config, options ?? {}]);
    if (config.Tty === true && config.OpenStdin === true) this.#consoles.add(created.Id);
    return created;
  }
  containerStart(id: string): Promise<void> { return this.#call("containerStart", [id]); }
  containerStop(id: string, options?: { timeout?: number; signal?: string }): Promise<void> { return this.#call("containerStop", [id, options ?? {}]); }
  containerRestart(id: string, options?: { timeout?: number; signal?: string }): Promise<void> { return this.#call("containerRestart", [id, options ?? {}]); }
  containerKill(id: string, signal?: string): Promise<void> { return this.#call("containerKill", [id, signal]); }
  containerPause(id: string): Promise<void> { return this.#call("containerPause", [id]); }
  containerUnpause(id: string): Promise<void> { return this.#call("containerUnpause", [id]); }
  containerRename(id: string, name: string): Promise<void> { return this.#call("containerRename", [id, name]); }
  containerTop(id: string, psArgs?: string): Promise<{ Titles: string[]; Processes: string[][] }> { return this.#call("containerTop", [id, psArgs]); }
  containerChanges(id: string): Promise<{ Kind: 0 | 1 | 2; Path: string }[]> { return this.#call("containerChanges", [id]); }
  containerStats(id: string): Promise<ContainerStats> { return this.#call("containerStats", [id]); }
  containerStatPath(id: string, path: string): Promise<PathStat> { return this.#call("containerStatPath", [id, path]); }
  async containerArchive(id: string, path: string): Promise<{ stat: PathStat; entries: ArchiveEntry[] }> {
    const { stat, entries } = await this.#call<{ stat: PathStat; entries: (ArchiveEntry & { bytesBase64?: unknown })[] }>("containerArchive", [id, path]);
    // A file that is not UTF-8 text comes as base64: its bytes, and a lossy text for callers that want text.
    return {
      stat,
      entries: (Array.isArray(entries) ? entries : []).map(({ bytesBase64, ...entry }) => {
        if (typeof bytesBase64 !== "string") return entry;
        const bytes = fromBase64(bytesBase64);
        return { ...entry, bytes, content: new TextDecoder().decode(bytes) };
      }),
    };
  }
  containerExtract(id: string, dir: string, entries: ArchiveEntry[]): Promise<void> {
    const wire = entries.map(({ bytes, content, ...entry }) => (bytes ? { ...entry, bytesBase64: toBase64(bytes) } : { ...entry, ...(content !== undefined ? { content } : {}) }));
    return this.#call("containerExtract", [id, dir, wire]);
  }
  containerCommit(id: string, options?: CommitOptions): Promise<{ Id: string }> { return this.#call("containerCommit", [id, options ?? {}]); }
  containerPrune(): Promise<{ ContainersDeleted: string[]; SpaceReclaimed: number }> { return this.#call("containerPrune", []); }
  containerExec(id: string, config: ExecConfig, options: { onOutput?: (chunk: OutputChunk) => void; signal?: AbortSignal; stdin?: string } = {}): Promise<{ ExitCode: number }> {
    return this.#call("containerExec", [id, config, options.stdin === undefined ? {} : { stdin: options.stdin }], (c) => options.onOutput?.(c as OutputChunk), options.signal);
  }
  containerAttach(id: string, options: { signal?: AbortSignal; stdin?: string } = {}): AsyncIterable<OutputChunk> {
    // `run -it`: the shell's TTY is read by the console that follows, not by a plain attach.
    if (this.#consoles.has(id) && options.stdin === undefined) {
      const queue = new ItemQueue<OutputChunk>();
      if (options.signal?.aborted) queue.end();
      else options.signal?.addEventListener("abort", () => queue.end(), { once: true });
      return queue;
    }
    return this.#stream("containerAttach", [id, options.stdin === undefined ? {} : { stdin: options.stdin }], options.signal);
  }
  containerConsole(id: string): Promise<ContainerConsole> {
    return this.#console(id, null);
  }
  containerExecConsole(id: string, config: ExecConfig): Promise<ContainerConsole> {
    return this.#console(id, config);
  }

  /**
   * A shell on the container's TTY, driven a line at a time: the gateway relays the raw TTY; the
   * shell's prompt is set to a marker so each line's output ends where the marker comes back.
   */
  async #console(ref: string, exec: ExecConfig | null): Promise<ContainerConsole> {
    let buffer = "";
    let wake: (() => void) | undefined;
    let ended = false;
    let callId = -1;
    const closed = this.#call<number>("consoleOpen", [ref, exec], (item) => {
      buffer += String(item);
      wake?.();
    }, undefined, (id) => (callId = id));
    closed.then(() => {}, () => {}).finally(() => {
      ended = true;
      wake?.();
    });
    const input = (text: string) => this.#call<void>("consoleInput", [callId, text]);
    /** Wait until the prompt marker arrives (its working directory) or the shell ends. */
    const prompted = async (ms: number): Promise<string | undefined> => {
      const deadline = Date.now() + ms;
      for (;;) {
        const m = promptMarker.exec(buffer);
        if (m) return m[1];
        if (ended || Date.now() > deadline) return undefined;
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 100);
        });
        wake = undefined;
      }
    };
    await input(`export PS1='${promptText}'\n`);
    let cwd = await prompted(5000);
    if (cwd === undefined) {
      if (!ended) void input("\u0004").catch(() => {});
      throw new EngineError(501, "the gateway's terminal works with shells (sh, bash): run the program without -it, or switch to the simulated engine", "system");
    }
    buffer = buffer.slice(buffer.search(promptMarker)).replace(promptMarker, "");
    const code = closed.catch(() => 0);
    return {
      prompt: () => `${cwd} # `,
      closed: code,
      exec: async (line: string, signal?: AbortSignal) => {
        buffer = "";
        const interrupt = () => void input("\u0003").catch(() => {});
        signal?.addEventListener("abort", interrupt, { once: true });
        try {
          await input(`${line}\n`).catch(() => {});
          const next = await prompted(24 * 3600_000);
          if (next !== undefined) cwd = next;
        } finally {
          signal?.removeEventListener("abort", interrupt);
        }
        const end = buffer.search(promptMarker);
        // Terminal control sequences (cursor queries, colours) are the TTY's, not the command's output.
        let out = (end >= 0 ? buffer.slice(0, end) : buffer).replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "").replace(/\r\n/g, "\n").replace(/\r/g, "");
        // The TTY echoes the line typed.
        if (out.startsWith(`${line}\n`)) out = out.slice(line.length + 1);
        else if (out === line) out = "";
        return { stdout: out, stderr: "" };
      },
    };
  }
  containerWait(id: string, options: { signal?: AbortSignal } = {}): Promise<{ StatusCode: number }> { return this.#call("containerWait", [id], undefined, options.signal); }
  containerList(options?: { all?: boolean; size?: boolean; limit?: number; filters?: Record<string, string[]> }): Promise<ContainerSummary[]> { return this.#call("containerList", [options ?? {}]); }
  containerInspect(id: string): Promise<ContainerInspect> { return this.#call("containerInspect", [id]); }
  containerRemove(id: string, options?: { force?: boolean; volumes?: boolean }): Promise<void> { return this.#call("containerRemove", [id, options ?? {}]); }
  containerLogs(id: string, options: LogsOptions = {}): AsyncIterable<OutputChunk> {
    const { signal, ...rest } = options;
    return this.#stream("containerLogs", [id, rest], signal);
  }
  systemDf(): Promise<DiskUsage> { return this.#call("systemDf", []); }

  volumeCreate(options?: { Name?: string; Labels?: Record<string, string> }): Promise<VolumeInfo> { return this.#call("volumeCreate", [options ?? {}]); }
  volumeList(): Promise<VolumeInfo[]> { return this.#call("volumeList", []); }
  volumeInspect(name: string): Promise<VolumeInfo> { return this.#call("volumeInspect", [name]); }
  volumeRemove(name: string, options?: { force?: boolean }): Promise<void> { return this.#call("volumeRemove", [name, options ?? {}]); }
  volumePrune(options?: { all?: boolean }): Promise<{ VolumesDeleted: string[]; SpaceReclaimed: number }> { return this.#call("volumePrune", [options ?? {}]); }

  networkCreate(name: string, options?: NetworkCreateOptions): Promise<{ Id: string; Warning: string }> { return this.#call("networkCreate", [name, options ?? {}]); }
  networkList(): Promise<NetworkInspect[]> { return this.#call("networkList", []); }
  networkInspect(idOrName: string): Promise<NetworkInspect> { return this.#call("networkInspect", [idOrName]); }
  networkRemove(idOrName: string): Promise<void> { return this.#call("networkRemove", [idOrName]); }
  networkConnect(network: string, container: string, options?: { Aliases?: string[]; IPAddress?: string }): Promise<void> { return this.#call("networkConnect", [network, container, options ?? {}]); }
  networkDisconnect(network: string, container: string): Promise<void> { return this.#call("networkDisconnect", [network, container]); }
  networkPrune(): Promise<{ NetworksDeleted: string[] }> { return this.#call("networkPrune", []); }

  systemEvents(options: EventsOptions = {}): AsyncIterable<DockerEvent> {
    const { signal, ...rest } = options;
    return this.#stream("systemEvents", [rest], signal) as unknown as AsyncIterable<DockerEvent>;
  }

  subscribe(listener: (event: DockerEvent) => void): () => void {
    this.#listeners.add(listener);
    if (this.#listeners.size === 1) void this.#call("subscribe", []).catch(() => {});
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0 && !this.#closed) void this.#call("unsubscribe", []).catch(() => {});
    };
  }

  /**
   * The simulated host's curl and wget: the gateway sends the request to a port that one of this
   * session's running containers publishes ("refused" for any other port). The body comes as base64:
   * UTF-8 text becomes `body`, other bytes stay as `bytes` (with a lossy text in `body`).
   */
  async hostRequest(port: number, request: Omit<HttpRequest, "remoteAddress">): Promise<HttpResponse | "refused" | "reset"> {
    const result = await this.#call<unknown>("hostRequest", [port, request]);
    if (result === "refused" || result === "reset") return result;
    const r = (typeof result === "object" && result !== null ? result : {}) as { status?: unknown; headers?: unknown; bodyBase64?: unknown };
    if (typeof r.status !== "number" || typeof r.bodyBase64 !== "string") return "reset";
    const headers = typeof r.headers === "object" && r.headers !== null ? Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k, String(v)])) : {};
    return { status: r.status, headers, ...responseBody(fromBase64(r.bodyBase64)) };
  }

  /** Send a raw call, for tests of the gateway's policy (a client may send anything). */
  raw<T = unknown>(method: string, params: unknown[]): Promise<T> {
    return this.#call(method, params);
  }
}
