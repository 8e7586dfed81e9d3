/**
 * The simulated host's curl and wget on the real engine: an HTTP request from the gateway's machine
 * to a port that one of the session's own running containers publishes. Any other port (the
 * gateway's, another session's, anything else on this machine) answers "refused", as a closed port.
 */
import { request as httpRequest } from "node:http";
import { EngineError } from "../simulator/backend/errors.ts";
import type { ContainerSummary } from "../simulator/backend/api-types.ts";
import type { DockerEndpoint } from "./docker-client.ts";

/** The most of a response body the gateway reads and sends to the page. */
export const maxResponseBytes = 8 * 1024 * 1024;
/** How long a request may take, connect to last byte. */
export const requestTimeoutMs = 15_000;
/** The most a request body from the page may hold. */
export const maxRequestBodyBytes = 1024 * 1024;

/** A request as the page sent it, checked. */
export interface HostHttpRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** What goes back to the page: a response (its body as base64, so any bytes survive JSON), or how the connection failed. */
export type HostHttpResult = { status: number; headers: Record<string, string>; bodyBase64: string } | "refused" | "reset";

const token = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// The gateway speaks for the connection itself: one request, then close; no protocol switches.
const hopByHop = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "upgrade", "te", "trailer", "proxy-connection", "expect"]);

/** Check a hostRequest call's parameters (untrusted JSON); a bad one is refused with a 400. */
export function checkHostRequest(port: unknown, raw: unknown): { port: number; request: HostHttpRequest } {
  const refuse = (why: string) => new EngineError(400, `invalid host request: ${why}`, "invalid-parameter");
  if (typeof port !== "number" || !Number.isInteger(port) || port < 1 || port > 65535) throw refuse("the port must be a whole number from 1 to 65535");
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw refuse("expected a request object");
  const r = raw as Record<string, unknown>;
  const method = r["method"] ?? "GET";
  if (typeof method !== "string" || method.length > 32 || !token.test(method)) throw refuse("the method is not an HTTP method name");
  const path = r["path"] ?? "/";
  if (typeof path !== "string" || path.length > 8192 || !/^\/[\x21-\x7e]*$/.test(path)) throw refuse("the path must start with / and hold printable ASCII without spaces");
  const body = r["body"] ?? "";
  if (typeof body !== "string") throw refuse("the body is not text");
  if (Buffer.byteLength(body, "utf8") > maxRequestBodyBytes) throw refuse(`the body is larger than ${maxRequestBodyBytes / 1024 / 1024} MiB`);
  const rawHeaders = r["headers"] ?? {};
  if (typeof rawHeaders !== "object" || rawHeaders === null || Array.isArray(rawHeaders)) throw refuse("the headers are not a map");
  const entries = Object.entries(rawHeaders as Record<string, unknown>);
  if (entries.length > 64) throw refuse("more than 64 headers");
  const headers: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (name.length > 256 || !token.test(name)) throw refuse(`the header name ${JSON.stringify(name.slice(0, 40))} is not valid`);
    if (typeof value !== "string" || value.length > 8192 || /[\r\n\0]/.test(value)) throw refuse(`the value of the header ${name} is not valid`);
    if (!hopByHop.has(name.toLowerCase())) headers[name] = value;
  }
  return { port, request: { method: method.toUpperCase(), path, headers, body } };
}

const wildcard = new Set(["", "0.0.0.0", "::"]);
const loopbackNames = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/**
 * Where the gateway connects for a host port, given the session's running containers; undefined when
 * none of them publishes it where "localhost" on the engine's machine reaches it.
 */
export function publishedAddress(containers: ContainerSummary[], port: number, endpoint: DockerEndpoint): string | undefined {
  const bindings = containers.flatMap((c) => c.Ports ?? []).filter((p) => p.PublicPort === port && (p.Type ?? "tcp") === "tcp");
  // A dockerd reached over tcp:// publishes on its own machine, reached by that name.
  const remote = endpoint.hostname && !loopbackNames.has(endpoint.hostname) && !endpoint.hostname.startsWith("127.") ? endpoint.hostname : undefined;
  for (const { IP } of bindings) {
    const ip = IP ?? "";
    if (remote) {
      if (wildcard.has(ip)) return remote;
    } else if (ip === "" || ip === "0.0.0.0") return "127.0.0.1";
    else if (ip.startsWith("127.")) return ip;
  }
  if (!remote && bindings.some((b) => b.IP === "::" || b.IP === "::1")) return "::1";
  return undefined;
}

/** Send one request and read the answer within the limits; refused or reset as the connection failed. */
export function sendHostRequest(address: string, port: number, r: HostHttpRequest, signal?: AbortSignal, limits = { timeoutMs: requestTimeoutMs, maxBytes: maxResponseBytes }): Promise<HostHttpResult> {
  return new Promise<HostHttpResult>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: HostHttpResult | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const body = Buffer.from(r.body, "utf8");
    let req: ReturnType<typeof httpRequest>;
    try {
      req = httpRequest({
        host: address,
        port,
        method: r.method,
        path: r.path,
        headers: { ...r.headers, Connection: "close", ...(body.length || !["GET", "HEAD"].includes(r.method) ? { "Content-Length": String(body.length) } : {}) },
        agent: false,
      });
    } catch (error) {
      reject(new EngineError(400, `invalid host request: ${error instanceof Error ? error.message : String(error)}`, "invalid-parameter"));
      return;
    }
    const timer = setTimeout(() => {
      req.destroy();
      finish(new EngineError(504, `localhost:${port} did not answer within ${limits.timeoutMs / 1000} seconds (the Dockyard gateway's limit)`, "system"));
    }, limits.timeoutMs);
    const onAbort = () => {
      req.destroy();
      finish("reset");
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    req.on("error", (error: NodeJS.ErrnoException) => finish(error.code === "ECONNREFUSED" ? "refused" : "reset"));
    req.on("response", (res) => {
      const headers: Record<string, string> = {};
      // rawHeaders keeps the server's spelling (curl -i shows it); repeated names are joined.
      for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
        const name = res.rawHeaders[i]!;
        const known = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
        if (known) headers[known] = `${headers[known]}, ${res.rawHeaders[i + 1]}`;
        else headers[name] = res.rawHeaders[i + 1]!;
      }
      const chunks: Buffer[] = [];
      let total = 0;
      res.on("data", (chunk: Buffer) => {
        total += chunk.length;
        if (total > limits.maxBytes) {
          req.destroy();
          finish(new EngineError(413, `the answer from localhost:${port} is larger than ${limits.maxBytes / 1024 / 1024} MiB, the Dockyard gateway's limit`, "system"));
          return;
        }
        chunks.push(chunk);
      });
      res.on("end", () => finish({ status: res.statusCode ?? 0, headers, bodyBase64: Buffer.concat(chunks).toString("base64") }));
      res.on("error", () => finish("reset"));
      res.on("close", () => res.complete || finish("reset"));
    });
    req.end(body.length ? body : undefined);
  });
}

/** One hostRequest call: checked, allowed only for a port the session's running containers publish, then sent. */
export async function hostRequest(own: () => Promise<ContainerSummary[]>, endpoint: DockerEndpoint, rawPort: unknown, rawRequest: unknown, signal?: AbortSignal): Promise<HostHttpResult> {
  const { port, request } = checkHostRequest(rawPort, rawRequest);
  const address = publishedAddress(await own(), port, endpoint);
  if (!address) return "refused";
  const result = await sendHostRequest(address, port, request, signal);
  // The port may have changed hands between the check and the connection: an answer is kept only if it is still the session's.
  if (typeof result === "object" && publishedAddress(await own(), port, endpoint) !== address) return "reset";
  return result;
}
