/** HTTP between the simulated host and containers: requests, responses, and serving files. */
import type { IFileSystem } from "just-bash";

export interface HttpRequest {
  method: string;
  /** Path and query: `/index.html?x=1`. */
  path: string;
  headers: Record<string, string>;
  body: string;
  /** The client's address as the server sees it (the bridge gateway for published ports). */
  remoteAddress: string;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The body's bytes when they are not UTF-8 text (an image, an archive); `body` then holds a lossy text of them. */
  bytes?: Uint8Array;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** A body as HttpResponse carries it: text when the bytes are UTF-8, else the bytes and a lossy text. */
export function responseBody(bytes: Uint8Array): Pick<HttpResponse, "body" | "bytes"> {
  try {
    return { body: utf8.decode(bytes) };
  } catch {
    return { body: new TextDecoder().decode(bytes), bytes };
  }
}

/** A response body's bytes: `bytes` when it has them, else its text as UTF-8. */
export const bodyBytes = (response: Pick<HttpResponse, "body" | "bytes">): Uint8Array => response.bytes ?? new TextEncoder().encode(response.body);

/** A server inside a container answering on one port. */
export type HttpHandler = (request: HttpRequest) => Promise<HttpResponse>;

export const STATUS_TEXT: Record<number, string> = {
  200: "OK", 201: "Created", 204: "No Content", 301: "Moved Permanently", 302: "Found", 304: "Not Modified",
  400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
  500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable",
};

const TYPES: Record<string, string> = { html: "text/html", htm: "text/html", css: "text/css", js: "application/javascript", json: "application/json", txt: "text/plain", png: "image/png", jpg: "image/jpeg", svg: "image/svg+xml", ico: "image/x-icon" };

/** The file a static server sends for `path` under `root`, with its type; undefined when missing. */
export async function staticFile(fs: IFileSystem, root: string, path: string, index = "index.html"): Promise<{ body: string; bytes?: Uint8Array; type: string; file: string } | "forbidden" | undefined> {
  const clean = decodeURIComponent(path.split("?")[0]!).replace(/\/+/g, "/");
  if (clean.split("/").includes("..")) return "forbidden";
  let file = `${root}${clean}`;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory) file = `${file.replace(/\/$/, "")}/${index}`;
    const body = responseBody(await fs.readFileBuffer(file));
    const ext = file.slice(file.lastIndexOf(".") + 1).toLowerCase();
    return { ...body, type: TYPES[ext] ?? "application/octet-stream", file };
  } catch {
    return undefined;
  }
}

/** RFC 1123 date for Date and Last-Modified headers. */
export const httpDate = (ms: number) => new Date(ms).toUTCString();
