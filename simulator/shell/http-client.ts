/** curl and wget on the simulated host: they reach containers through published ports. */
import { defineCommand, type IFileSystem } from "just-bash";
import type { HttpRequest, HttpResponse } from "../engine/http.ts";
import { bodyBytes, STATUS_TEXT } from "../engine/http.ts";

/** Send a request to host:port; "refused" when nothing listens, "reset" when nothing answers, "unresolved" for an unknown name. */
export type Connect = (host: string, port: number, request: Omit<HttpRequest, "remoteAddress">) => Promise<HttpResponse | "refused" | "reset" | "unresolved">;
/** The host's side: its published ports, on its own names. */
export type HostConnect = (port: number, request: Omit<HttpRequest, "remoteAddress">) => Promise<HttpResponse | "refused" | "reset">;

const LOCAL = new Set(["localhost", "127.0.0.1", "0.0.0.0", "[::1]", "::1", "dockyard"]);

/** The learner's host reaches containers only through ports they publish. */
export const hostConnect = (forward: HostConnect): Connect => async (host, port, request) => (LOCAL.has(host.toLowerCase()) ? forward(port, request) : "unresolved");
const CURL_VERSION = "8.14.1";

interface Target {
  host: string;
  port: number;
  path: string;
  scheme: string;
}

function parseUrl(text: string): Target | undefined {
  const match = /^(?:(https?):\/\/)?(\[[^\]]+\]|[^/:?#]+)(?::(\d+))?([^#]*)/.exec(text);
  if (!match) return undefined;
  const scheme = match[1] ?? "http";
  return { scheme, host: match[2]!, port: match[3] ? Number(match[3]) : scheme === "https" ? 443 : 80, path: match[4] || "/" };
}

const statusLine = (r: HttpResponse) => `HTTP/1.1 ${r.status} ${STATUS_TEXT[r.status] ?? ""}`.trimEnd();
const headerBlock = (r: HttpResponse) => `${statusLine(r)}\r\n${Object.entries(r.headers).map(([k, v]) => `${k}: ${v}\r\n`).join("")}\r\n`;

/** Two byte arrays as one (headers and body for `curl -i -o`). */
function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

type Fetched = { response: HttpResponse } | { code: number; message: string };

async function fetchFrom(connect: Connect, target: Target, method: string, headers: Record<string, string>, body: string, agent: string): Promise<Fetched> {
  const result = await connect(target.host, target.port, {
    method,
    path: target.path,
    headers: { Host: target.port === 80 ? target.host : `${target.host}:${target.port}`, "User-Agent": agent, Accept: "*/*", ...headers },
    body,
  });
  if (result === "unresolved") return { code: 6, message: `Could not resolve host: ${target.host}` };
  if (result === "refused") return { code: 7, message: `Failed to connect to ${target.host} port ${target.port} after 0 ms: Couldn't connect to server` };
  if (result === "reset") return { code: 56, message: "Recv failure: Connection reset by peer" };
  if (target.scheme === "https") return { code: 35, message: "OpenSSL/3.5.1: error:0A00010B:SSL routines::wrong version number" };
  return { response: result };
}

/** curl: -s -S -i -I -o -X -H -d -L -f -v, enough for what lessons do. */
export function curlCommand(connect: Connect) {
  return defineCommand("curl", async (args, ctx) => {
    let silent = false;
    let showErrors = false;
    let include = false;
    let head = false;
    let fail = false;
    let follow = false;
    let verbose = false;
    let output: string | undefined;
    let method: string | undefined;
    let data: string | undefined;
    const headers: Record<string, string> = {};
    const urls: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      const next = () => args[++i] ?? "";
      if (arg === "-o" || arg === "--output") output = next();
      else if (arg === "-X" || arg === "--request") method = next();
      else if (arg === "-H" || arg === "--header") {
        const [name = "", ...value] = next().split(":");
        headers[name.trim()] = value.join(":").trim();
      } else if (arg === "-d" || arg === "--data" || arg === "--data-raw") data = next();
      else if (arg === "--fail" || arg === "--silent" || arg === "--include" || arg === "--head" || arg === "--location" || arg === "--verbose" || arg === "--show-error") {
        ({ "--fail": () => (fail = true), "--silent": () => (silent = true), "--include": () => (include = true), "--head": () => (head = true), "--location": () => (follow = true), "--verbose": () => (verbose = true), "--show-error": () => (showErrors = true) })[arg]();
      } else if (/^-[a-zA-Z]+$/.test(arg)) {
        for (const flag of arg.slice(1)) {
          if (flag === "s") silent = true;
          else if (flag === "S") showErrors = true;
          else if (flag === "i") include = true;
          else if (flag === "I") head = true;
          else if (flag === "f") fail = true;
          else if (flag === "L") follow = true;
          else if (flag === "v") verbose = true;
          else if (flag === "k") continue;
          else return { stdout: "", stderr: `curl: option -${flag}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`, exitCode: 2 };
        }
      } else if (arg.startsWith("-")) {
        return { stdout: "", stderr: `curl: option ${arg}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`, exitCode: 2 };
      } else urls.push(arg);
    }
    if (urls.length === 0) return { stdout: "", stderr: "curl: no URL specified\ncurl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2 };
    let stdout = "";
    let stderr = "";
    const requestMethod = method ?? (head ? "HEAD" : data !== undefined ? "POST" : "GET");
    for (const url of urls) {
      let target = parseUrl(url);
      if (!target) return { stdout, stderr: `${stderr}curl: (3) URL rejected: Malformed input to a URL function\n`, exitCode: 3 };
      let fetched = await fetchFrom(connect, target, requestMethod, headers, data ?? "", `curl/${CURL_VERSION}`);
      for (let hops = 0; follow && "response" in fetched && [301, 302, 307, 308].includes(fetched.response.status) && hops < 10; hops++) {
        const location = fetched.response.headers["Location"] ?? "/";
        target = location.startsWith("/") ? { ...target, path: location } : (parseUrl(location) ?? target);
        fetched = await fetchFrom(connect, target, requestMethod, headers, data ?? "", `curl/${CURL_VERSION}`);
      }
      if (verbose) stderr += `*   Trying ${target.host === "localhost" ? "127.0.0.1" : target.host}:${target.port}...\n`;
      if (!("response" in fetched)) {
        if (!silent || showErrors) stderr += `curl: (${fetched.code}) ${fetched.message}\n`;
        return { stdout, stderr, exitCode: fetched.code };
      }
      const { response } = fetched;
      if (verbose) stderr += `* Connected to ${target.host} port ${target.port}\n> ${requestMethod} ${target.path} HTTP/1.1\n> Host: ${target.host}:${target.port}\n> User-Agent: curl/${CURL_VERSION}\n> Accept: */*\n>\n< ${statusLine(response)}\n${Object.entries(response.headers).map(([k, v]) => `< ${k}: ${v}\n`).join("")}<\n`;
      if (fail && response.status >= 400) {
        if (!silent || showErrors) stderr += `curl: (22) The requested URL returned error: ${response.status}\n`;
        return { stdout, stderr, exitCode: 22 };
      }
      const shown = include || head ? headerBlock(response) : "";
      if (output === undefined) stdout += shown + (head ? "" : response.body);
      else await ctx.fs.writeFile(ctx.fs.resolvePath(ctx.cwd, output), head ? shown : concatBytes(new TextEncoder().encode(shown), bodyBytes(response)));
    }
    return { stdout, stderr, exitCode: 0 };
  });
}

/** GNU wget keeps an existing file: it saves as `name.1`, `name.2`, … instead. */
async function freeName(fs: IFileSystem, cwd: string, name: string): Promise<string> {
  let candidate = name;
  for (let n = 1; await fs.exists(fs.resolvePath(cwd, candidate)); n++) candidate = `${name}.${n}`;
  return candidate;
}

/** GNU wget: saves to a file (or `-O -`), with its progress report unless -q. */
export function wgetCommand(connect: Connect, now: () => number) {
  return defineCommand("wget", async (args, ctx) => {
    let quiet = false;
    let output: string | undefined;
    const urls: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      if (arg === "-q" || arg === "--quiet") quiet = true;
      else if (arg === "-O" || arg === "--output-document") output = args[++i] ?? "";
      else if (arg.startsWith("-O")) output = arg.slice(2);
      else if (arg === "-qO-" || arg === "-qO") {
        quiet = true;
        output = arg === "-qO-" ? "-" : (args[++i] ?? "");
      } else if (arg.startsWith("-")) continue;
      else urls.push(arg);
    }
    if (urls.length === 0) return { stdout: "", stderr: "wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n", exitCode: 1 };
    const stamp = () => new Date(now()).toISOString().replace("T", " ").slice(0, 19);
    let stdout = "";
    let stderr = "";
    for (const url of urls) {
      const target = parseUrl(url);
      if (!target) return { stdout, stderr: `${stderr}${url}: Invalid URL\n`, exitCode: 1 };
      const full = `${target.scheme}://${target.host}${target.port === 80 ? "" : `:${target.port}`}${target.path}`;
      if (!quiet) stderr += `--${stamp()}--  ${full}\n`;
      const fetched = await fetchFrom(connect, target, "GET", {}, "", "Wget/1.25.0");
      if (!("response" in fetched)) {
        if (fetched.code === 6) {
          if (!quiet) stderr += `Resolving ${target.host} (${target.host})... failed: Name or service not known.\n`;
          stderr += `wget: unable to resolve host address ‘${target.host}’\n`;
          return { stdout, stderr, exitCode: 4 };
        }
        if (!quiet) stderr += `Resolving ${target.host} (${target.host})... 127.0.0.1\nConnecting to ${target.host} (${target.host})|127.0.0.1|:${target.port}... ${fetched.code === 7 ? "failed: Connection refused.\n" : "connected.\nHTTP request sent, awaiting response... Read error (Connection reset by peer) in headers.\n"}`;
        return { stdout, stderr, exitCode: 4 };
      }
      const { response } = fetched;
      if (!quiet) stderr += `Resolving ${target.host} (${target.host})... 127.0.0.1\nConnecting to ${target.host} (${target.host})|127.0.0.1|:${target.port}... connected.\nHTTP request sent, awaiting response... ${response.status} ${STATUS_TEXT[response.status] ?? ""}\n`;
      if (response.status >= 400) {
        stderr += `${stamp()} ERROR ${response.status}: ${STATUS_TEXT[response.status] ?? ""}.\n\n`;
        return { stdout, stderr, exitCode: 8 };
      }
      const name = output ?? (await freeName(ctx.fs, ctx.cwd, target.path.split("?")[0]!.split("/").pop() || "index.html"));
      const bytes = bodyBytes(response);
      const length = bytes.length;
      if (name === "-") {
        stdout += response.body;
        continue;
      }
      await ctx.fs.writeFile(ctx.fs.resolvePath(ctx.cwd, name), bytes);
      if (!quiet) stderr += `Length: ${length} [${(response.headers["Content-Type"] ?? "text/html").split(";")[0]}]\nSaving to: ‘${name}’\n\n${name.padEnd(20).slice(0, 20)}100%[===================>] ${String(length).padStart(7)}  --.-KB/s    in 0s\n\n${stamp()} (1.00 MB/s) - ‘${name}’ saved [${length}/${length}]\n\n`;
    }
    return { stdout, stderr, exitCode: 0 };
  });
}
