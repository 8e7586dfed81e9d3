/**
 * A small Docker Engine API client over node:http: a unix socket (DOCKER_HOST=unix://..., or
 * /var/run/docker.sock) or tcp://host:port. JSON requests, streamed bodies, hijacked (upgraded)
 * connections for attach and exec, and the multiplexed stdout/stderr framing.
 */
import { request, type IncomingMessage, type RequestOptions } from "node:http";
import type { Duplex } from "node:stream";

/** The API version the gateway speaks at most (Docker 29); lowered to what the daemon offers. */
export const maxApiVersion = "1.55";

/** A non-2xx answer from dockerd, with its status and message. */
export class DockerApiError extends Error {
  constructor(readonly statusCode: number, message: string) {
    super(message);
    this.name = "DockerApiError";
  }
}

/** The daemon cannot be reached (not running, socket gone, restarted). */
export class DockerUnreachableError extends Error {
  constructor(readonly host: string, cause: string) {
    super(`Cannot connect to the Docker daemon at ${host}. Is the docker daemon running? (${cause})`);
    this.name = "DockerUnreachableError";
  }
}

export interface DockerEndpoint {
  /** As DOCKER_HOST spells it: unix:///path or tcp://host:port. */
  host: string;
  socketPath?: string;
  hostname?: string;
  port?: number;
}

/** Where to reach Docker: DOCKER_HOST, else the default socket. */
export function endpointFromEnv(env: NodeJS.ProcessEnv = process.env): DockerEndpoint {
  const host = env["DOCKER_HOST"] || "unix:///var/run/docker.sock";
  if (host.startsWith("unix://")) return { host, socketPath: host.slice("unix://".length) };
  const tcp = /^tcp:\/\/([^:/]+):(\d+)\/?$/.exec(host);
  if (tcp) return { host, hostname: tcp[1]!, port: Number(tcp[2]) };
  throw new Error(`unsupported DOCKER_HOST ${JSON.stringify(host)}: use unix:///path/to/docker.sock or tcp://host:port`);
}

const compareVersions = (a: string, b: string) => {
  const [am = 0, an = 0] = a.split(".").map(Number);
  const [bm = 0, bn = 0] = b.split(".").map(Number);
  return am - bm || an - bn;
};

/** Query parameters; a list repeats the name (`t=a&t=b`). */
export type Query = Record<string, string | number | boolean | undefined | string[]>;

export interface CallOptions {
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Raw body (a tar for /build) instead of JSON. */
  raw?: Buffer;
}

/** One Docker engine, reached over HTTP. */
export class DockerClient {
  #version: string | undefined;
  constructor(readonly endpoint: DockerEndpoint) {}

  /** The negotiated API version: min(the daemon's, 1.55). */
  get apiVersion(): string | undefined {
    return this.#version;
  }

  /** GET /version (unversioned) and settle on the API version to use. */
  async negotiate(): Promise<Record<string, unknown>> {
    this.#version = undefined;
    const info = (await this.json("GET", "/version")) as { ApiVersion?: string };
    const server = info.ApiVersion ?? "1.24";
    this.#version = compareVersions(server, maxApiVersion) < 0 ? server : maxApiVersion;
    return info as Record<string, unknown>;
  }

  #path(path: string, query?: Query): string {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(query ?? {})) {
      if (Array.isArray(v)) for (const item of v) qs.append(k, item);
      else if (v !== undefined) qs.set(k, String(v));
    }
    const prefix = this.#version ? `/v${this.#version}` : "";
    const q = qs.toString();
    return `${prefix}${path}${q ? `?${q}` : ""}`;
  }

  #options(method: string, path: string, options: CallOptions): RequestOptions {
    const headers: Record<string, string> = { ...options.headers };
    if (options.raw) headers["Content-Type"] ??= "application/x-tar";
    else if (options.body !== undefined) headers["Content-Type"] = "application/json";
    const base: RequestOptions = { method, path: this.#path(path, options.query), headers, ...(options.signal ? { signal: options.signal } : {}) };
    return this.endpoint.socketPath ? { ...base, socketPath: this.endpoint.socketPath } : { ...base, hostname: this.endpoint.hostname!, port: this.endpoint.port! };
  }

  /** Send a request; resolve with the response once its headers arrive (errors read and thrown). */
  stream(method: string, path: string, options: CallOptions = {}): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      const req = request(this.#options(method, path, options), (res) => {
        const status = res.statusCode ?? 500;
        if (status < 400) return resolve(res);
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let message = text.trim();
          try {
            message = (JSON.parse(text) as { message?: string }).message ?? message;
          } catch {
            /* plain text answer */
          }
          reject(new DockerApiError(status, message));
        });
        res.on("error", reject);
      });
      req.on("error", (error: NodeJS.ErrnoException) => {
        if (error.name === "AbortError") reject(error);
        else reject(new DockerUnreachableError(this.endpoint.host, error.code ?? error.message));
      });
      if (options.raw) req.end(options.raw);
      else req.end(options.body === undefined ? undefined : JSON.stringify(options.body));
    });
  }

  /** A request whose answer is JSON (or empty). */
  async json<T = unknown>(method: string, path: string, options: CallOptions = {}): Promise<T> {
    const res = await this.stream(method, path, options);
    const text = await readAll(res);
    return (text.trim() === "" ? undefined : JSON.parse(text)) as T;
  }

  /** A hijacked connection (attach, exec start): the raw duplex socket after `101 UPGRADED`. */
  hijack(method: string, path: string, options: CallOptions = {}): Promise<Duplex> {
    return new Promise((resolve, reject) => {
      const opts = this.#options(method, path, options);
      opts.headers = { ...(opts.headers as Record<string, string>), Connection: "Upgrade", Upgrade: "tcp" };
      const req = request(opts);
      req.on("upgrade", (_res, socket, head) => {
        if (head.length > 0) socket.unshift(head);
        resolve(socket);
      });
      req.on("response", (res) => {
        // Not upgraded: an error answer.
        readAll(res).then((text) => {
          let message = text.trim();
          try {
            message = (JSON.parse(text) as { message?: string }).message ?? message;
          } catch {
            /* plain text */
          }
          reject(new DockerApiError(res.statusCode ?? 500, message));
        }, reject);
      });
      req.on("error", (error: NodeJS.ErrnoException) => reject(error.name === "AbortError" ? error : new DockerUnreachableError(this.endpoint.host, error.code ?? error.message)));
      req.end(options.body === undefined ? undefined : JSON.stringify(options.body));
    });
  }
}

export async function readAll(stream: AsyncIterable<Buffer | string>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === "string" ? Buffer.from(c) : c);
  return Buffer.concat(chunks).toString("utf8");
}

/** Newline-delimited JSON messages of a streamed answer (pull, build, events). */
export async function* jsonLines(stream: AsyncIterable<Buffer | string>): AsyncGenerator<Record<string, unknown>> {
  let buffer = "";
  for await (const chunk of stream) {
    buffer += chunk.toString();
    let nl: number;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (line) yield JSON.parse(line) as Record<string, unknown>;
    }
  }
  if (buffer.trim()) yield JSON.parse(buffer) as Record<string, unknown>;
}

/** Split Docker's multiplexed stream (8-byte headers: stream type, size) into stdout/stderr text. */
export async function* demux(stream: AsyncIterable<Buffer>, tty: boolean): AsyncGenerator<{ stream: "stdout" | "stderr"; text: string }> {
  if (tty) {
    for await (const chunk of stream) yield { stream: "stdout", text: chunk.toString("utf8") };
    return;
  }
  let buffer: Buffer = Buffer.alloc(0);
  for await (const chunk of stream) {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    while (buffer.length >= 8) {
      const size = buffer.readUInt32BE(4);
      if (buffer.length < 8 + size) break;
      const kind = buffer[0];
      const text = buffer.subarray(8, 8 + size).toString("utf8");
      buffer = buffer.subarray(8 + size);
      if (kind === 1 || kind === 2) yield { stream: kind === 2 ? "stderr" : "stdout", text };
    }
  }
}
