/**
 * A Flask application run with `python app.py`: reads the script's routes (`@app.route` functions
 * that return a string, an f-string of the route's parameters, a dict or a template) and serves
 * them with the development server's banner, access log and error pages.
 */
import type { ProcessContext } from "../../engine/process.ts";
import { httpDate, type HttpRequest, type HttpResponse } from "../../engine/http.ts";
import { containerAddress, serve } from "./service.ts";
import { evaluate, renderTemplate, Unevaluable, type PyValue } from "./python-expr.ts";
import { installedDistribution, type PythonEnv } from "./python-env.ts";

interface Route {
  rule: string;
  methods: string[];
  func: string;
  /** The expression after the function's first `return`. */
  returns?: string;
}

export interface FlaskScript {
  app: string;
  routes: Route[];
  /** Module-level `NAME = "..."` constants. */
  constants: Record<string, PyValue>;
  /** The `app.run(...)` arguments, when the script calls it. */
  run?: string;
}

/** Whether a script is a Flask application (it makes a Flask object). */
export const isFlaskScript = (code: string) => /^\s*(from\s+flask\s+import|import\s+flask)\b/m.test(code) && /\bFlask\s*\(/.test(code);

/** Read the app's routes and run call out of its source. */
export function parseFlaskScript(code: string): FlaskScript {
  const app = /^(\w+)\s*=\s*(?:flask\.)?Flask\s*\(/m.exec(code)?.[1] ?? "app";
  const lines = code.split("\n");
  const routes: Route[] = [];
  const constants: Record<string, PyValue> = {};
  let pending: { rule: string; methods: string[] }[] = [];
  const decorator = new RegExp(`^\\s*@${app}\\.(route|get|post|put|delete|patch)\\(\\s*(?:rule\\s*=\\s*)?([rbuf]*)(['"])(.*?)\\3(.*)\\)\\s*$`);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const constant = /^([A-Za-z_]\w*)\s*=\s*(['"].*['"]|\d+(?:\.\d+)?)\s*$/.exec(line);
    if (constant) {
      try {
        constants[constant[1]!] = evaluate(constant[2]!, constants);
      } catch {
        // not a plain literal: leave it out
      }
    }
    const d = decorator.exec(line);
    if (d) {
      const verb = d[1]!;
      const methods = /methods\s*=\s*[[(]([^\])]*)[\])]/.exec(d[5]!)?.[1]?.match(/[A-Za-z]+/g)?.map((m) => m.toUpperCase());
      pending.push({ rule: d[4]!, methods: verb === "route" ? (methods ?? ["GET"]) : [verb.toUpperCase()] });
      continue;
    }
    const def = /^(\s*)(?:async\s+)?def\s+(\w+)\s*\(/.exec(line);
    if (def && pending.length > 0) {
      const indent = def[1]!.length;
      const body: string[] = [];
      for (let j = i + 1; j < lines.length; j++) {
        const l = lines[j]!;
        if (l.trim() && l.length - l.trimStart().length <= indent) break;
        body.push(l);
      }
      const text = body.join("\n");
      const ret = /^[ \t]+return\s+([\s\S]*)$/m.exec(text);
      for (const p of pending) routes.push({ ...p, func: def[2]!, ...(ret ? { returns: ret[1]!.trim() } : {}) });
      pending = [];
      continue;
    }
    if (line.trim() && !line.trim().startsWith("@") && !line.trim().startsWith("#")) pending = [];
  }
  const runAt = code.search(new RegExp(`\\b${app}\\.run\\s*\\(`));
  let run: string | undefined;
  if (runAt >= 0) {
    const open = code.indexOf("(", runAt);
    let depth = 0;
    for (let k = open; k < code.length; k++) {
      if (code[k] === "(") depth++;
      else if (code[k] === ")" && --depth === 0) {
        run = code.slice(open + 1, k);
        break;
      }
    }
  }
  return { app, routes, constants, ...(run !== undefined ? { run } : {}) };
}

/** `host=`, `port=` and `debug=` of app.run, with `os.environ.get("PORT", 5000)` read from the environment. */
function runOptions(args: string, env: Record<string, string>): { host: string; port: number; debug: boolean } {
  // Split at top-level commas only: `port=int(os.environ.get("PORT", 5000))` is one argument.
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of args) {
    if ("([{".includes(ch)) depth++;
    if (")]}".includes(ch)) depth--;
    if (ch === "," && depth === 0) {
      parts.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current.trim()) parts.push(current.trim());
  const named = Object.fromEntries(parts.filter((p) => /^\w+\s*=[^=]/.test(p)).map((p) => [p.slice(0, p.indexOf("=")).trim(), p.slice(p.indexOf("=") + 1).trim()]));
  const value = (name: string): string | undefined => named[name];
  const positional = parts.filter((p) => !/^\w+\s*=[^=]/.test(p));
  const fromEnv = (text: string | undefined) => {
    if (!text) return undefined;
    const m = /(?:os\.environ\.get|os\.getenv)\(\s*['"](\w+)['"]\s*(?:,\s*['"]?([^'")]+)['"]?)?\s*\)/.exec(text);
    if (m) return env[m[1]!] ?? m[2];
    return text.replace(/^int\((.*)\)$/, "$1").replace(/^['"]|['"]$/g, "");
  };
  const host = fromEnv(value("host") ?? positional[0]) ?? "127.0.0.1";
  const port = Number(fromEnv(value("port") ?? positional[1]) ?? 5000);
  const debug = /^True$/.test(value("debug") ?? positional[2] ?? "");
  return { host, port: Number.isFinite(port) ? port : 5000, debug };
}

/** Match a URL path against a rule (`/user/<name>`, `/post/<int:id>`); returns the parameters. */
function match(rule: string, path: string): Record<string, PyValue> | undefined {
  const names: { name: string; kind: string }[] = [];
  const pattern = rule.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/<(?:(\w+):)?(\w+)>/g, (_all, kind: string | undefined, name: string) => {
    names.push({ name, kind: kind ?? "string" });
    return kind === "path" ? "(.+)" : kind === "int" ? "(\\d+)" : kind === "float" ? "(\\d+\\.\\d+)" : "([^/]+)";
  });
  const m = new RegExp(`^${pattern}$`).exec(path);
  if (!m) return undefined;
  return Object.fromEntries(names.map((n, i) => [n.name, n.kind === "int" || n.kind === "float" ? { num: Number(m[i + 1]) } : decodeURIComponent(m[i + 1]!)]));
}

const page = (legacy: boolean, status: number, title: string, text: string) =>
  `${legacy ? '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">\n' : "<!doctype html>\n<html lang=en>\n"}<title>${status} ${title}</title>\n<h1>${title}</h1>\n<p>${text}</p>\n`;
const NOT_FOUND = "The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.";
const SERVER_ERROR = "The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const logTime = (ms: number) => {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
};

/** Run the app: Flask's banner, then serve its routes until the process is stopped. */
export async function runFlask(ctx: ProcessContext, env: PythonEnv, code: string, script: string, stdout: (text: string) => void, cli?: { host: string; port: number; debug: boolean }): Promise<number> {
  const app = parseFlaskScript(code);
  if (app.run === undefined && !cli) return 0; // the script only defines the app: it ends, as it does for real
  const flask = (await installedDistribution(ctx, env, "flask"))?.version ?? "3.1.2";
  const werkzeug = (await installedDistribution(ctx, env, "werkzeug"))?.version ?? "3.1.4";
  const legacy = Number(flask.split(".")[0]) < 2;
  const { host, port, debug } = cli ?? runOptions(app.run!, ctx.env);
  const name = script.slice(script.lastIndexOf("/") + 1).replace(/\.py$/, "");
  const everywhere = host === "0.0.0.0" || host === "::" || host === "";
  if (legacy) {
    stdout(` * Serving Flask app "${name}" (lazy loading)\n * Environment: production\n   WARNING: This is a development server. Do not use it in a production deployment.\n   Use a production WSGI server instead.\n * Debug mode: ${debug ? "on" : "off"}\n`);
    ctx.stderr(` * Running on http://${host}:${port}/ (Press CTRL+C to quit)\n${debug ? " * Restarting with stat\n * Debugger is active!\n * Debugger PIN: 104-925-473\n" : ""}`);
  } else {
    stdout(` * Serving Flask app '${name}'\n * Debug mode: ${debug ? "on" : "off"}\n`);
    const addresses = everywhere ? ` * Running on all addresses (${host})\n * Running on http://127.0.0.1:${port}\n * Running on http://${await containerAddress(ctx)}:${port}\n` : ` * Running on http://${host}:${port}\n`;
    ctx.stderr(`WARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.\n${addresses}Press CTRL+C to quit\n${debug ? " * Restarting with stat\n * Debugger is active!\n * Debugger PIN: 104-925-473\n" : ""}`);
  }
  const server = `Werkzeug/${werkzeug} Python/${env.version}`;
  const handler = async (request: HttpRequest): Promise<HttpResponse> => {
    const response = await respond(ctx, app, request, legacy, script);
    response.headers = { Server: server, Date: httpDate(ctx.clock.now()), ...response.headers, "Content-Length": String(new TextEncoder().encode(response.body).length), Connection: "close" };
    if (request.method === "HEAD") response.body = "";
    ctx.stderr(`${request.remoteAddress} - - [${logTime(ctx.clock.now())}] "${request.method} ${request.path} HTTP/1.1" ${response.status} -\n`);
    return response;
  };
  // Bound to loopback only, the server is out of reach of published ports (they arrive on eth0).
  if (everywhere) ctx.listen(port, handler);
  // As PID 1, python ignores SIGTERM (no handler); Ctrl+C is a KeyboardInterrupt the server catches.
  return serve(ctx, (signal) => (signal === "SIGINT" ? 0 : undefined));
}

async function respond(ctx: ProcessContext, app: FlaskScript, request: HttpRequest, legacy: boolean, script: string): Promise<HttpResponse> {
  const path = request.path.split("?")[0]!;
  const html = (status: number, body: string): HttpResponse => ({ status, headers: { "Content-Type": "text/html; charset=utf-8" }, body });
  const found = app.routes.map((route) => ({ route, params: match(route.rule, path) })).filter((r) => r.params);
  // A rule ending in "/" answers its slashless form with a redirect, as Werkzeug does.
  if (found.length === 0) {
    const slashed = app.routes.find((r) => r.rule === `${path}/`);
    if (slashed) return { status: 308, headers: { "Content-Type": "text/html; charset=utf-8", Location: `${path}/` }, body: `<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n<p>You should be redirected automatically to the target URL: <a href="${path}/">${path}/</a>. If not, click the link.\n` };
    return html(404, page(legacy, 404, "Not Found", NOT_FOUND));
  }
  const method = request.method === "HEAD" ? "GET" : request.method;
  const hit = found.find((r) => r.route.methods.includes(method));
  if (!hit) {
    if (request.method === "OPTIONS") return { status: 200, headers: { "Content-Type": "text/html; charset=utf-8", Allow: [...new Set([...found.flatMap((r) => r.route.methods), "HEAD", "OPTIONS"])].sort().join(", ") }, body: "" };
    return html(405, page(legacy, 405, "Method Not Allowed", "The method is not allowed for the requested URL."));
  }
  const { route, params } = hit as { route: Route; params: Record<string, PyValue> };
  if (route.returns === undefined) {
    ctx.stderr(`[${logTime(ctx.clock.now())}] ERROR in app: Exception on ${path} [${request.method}]\nTypeError: The view function for '${route.func}' did not return a valid response. The function either returned None or ended without a return statement.\n`);
    return html(500, page(legacy, 500, "Internal Server Error", SERVER_ERROR));
  }
  try {
    const scriptDir = script.includes("/") ? script.slice(0, script.lastIndexOf("/")) : ctx.cwd;
    const value = evaluate(route.returns, { ...app.constants, ...params });
    return await toResponse(value, async (file) => ctx.fs.readFile(`${scriptDir}/templates/${file}`));
  } catch (error) {
    if (error instanceof Unevaluable) {
      ctx.stderr(`[Dockyard] simulated Flask: ${route.func}() returns \`${route.returns.split("\n")[0]}\`, which this simulator does not evaluate (it evaluates strings, f-strings of route parameters, dicts, jsonify() and render_template())\n`);
      return html(500, page(legacy, 500, "Internal Server Error", SERVER_ERROR));
    }
    if (error instanceof Error && /ENOENT/.test(error.message)) {
      ctx.stderr(`[${logTime(ctx.clock.now())}] ERROR in app: Exception on ${path} [${request.method}]\njinja2.exceptions.TemplateNotFound: ${/templates\/(.*?)'/.exec(error.message)?.[1] ?? "template"}\n`);
      return html(500, page(legacy, 500, "Internal Server Error", SERVER_ERROR));
    }
    throw error;
  }
}

async function toResponse(value: PyValue, template: (file: string) => Promise<string>): Promise<HttpResponse> {
  if (Array.isArray(value) && value.length === 2 && typeof value[1] === "object" && value[1] !== null && "num" in value[1]) {
    const inner = await toResponse(value[0]!, template);
    return { ...inner, status: value[1].num };
  }
  if (typeof value === "string") return { status: 200, headers: { "Content-Type": "text/html; charset=utf-8" }, body: value };
  if (value && typeof value === "object" && "template" in value) return { status: 200, headers: { "Content-Type": "text/html; charset=utf-8" }, body: renderTemplate(await template(value.template), value.context) };
  return { status: 200, headers: { "Content-Type": "application/json" }, body: `${toJson(value)}\n` };
}

function toJson(value: PyValue): string {
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(toJson).join(",")}]`;
  if ("num" in value) return String(value.num);
  if ("dict" in value) return `{${Object.keys(value.dict).sort().map((k) => `${JSON.stringify(k)}:${toJson(value.dict[k]!)}`).join(",")}}`;
  return "null";
}

/** The `flask` command (`flask run --host=0.0.0.0`): finds the app as Flask does, then serves it. */
export async function flaskCommand(ctx: ProcessContext, env: PythonEnv, stdout: (text: string) => void): Promise<number> {
  const args = ctx.argv.slice(1);
  let appName = ctx.env["FLASK_APP"];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--app" || a === "-A") appName = args[++i];
    else if (a.startsWith("--app=")) appName = a.slice(6);
    else rest.push(a);
  }
  const usage = "Usage: flask [OPTIONS] COMMAND [ARGS]...\nTry 'flask --help' for help.\n";
  if (rest[0] === "--version") {
    const flask = (await installedDistribution(ctx, env, "flask"))?.version ?? "3.1.2";
    const werkzeug = (await installedDistribution(ctx, env, "werkzeug"))?.version ?? "3.1.4";
    ctx.stdout(`Python ${env.version}\nFlask ${flask}\nWerkzeug ${werkzeug}\n`);
    return 0;
  }
  if (rest[0] !== "run") {
    ctx.stderr(rest[0] ? `${usage}\nError: No such command '${rest[0]}'.\n` : usage);
    return 2;
  }
  let host = ctx.env["FLASK_RUN_HOST"] ?? "127.0.0.1";
  let port = Number(ctx.env["FLASK_RUN_PORT"] ?? 5000);
  let debug = ctx.env["FLASK_DEBUG"] === "1";
  for (let i = 1; i < rest.length; i++) {
    const a = rest[i]!;
    const value = () => (a.includes("=") ? a.slice(a.indexOf("=") + 1) : (rest[++i] ?? ""));
    if (a === "-h" || a.startsWith("--host")) host = value();
    else if (a === "-p" || a.startsWith("--port")) port = Number(value());
    else if (a === "--debug") debug = true;
  }
  const dir = ctx.cwd.replace(/\/$/, "");
  const module = appName?.split(":")[0]?.replace(/\.py$/, "");
  const candidates = module ? [`${dir}/${module.replace(/\./g, "/")}.py`] : [`${dir}/wsgi.py`, `${dir}/app.py`];
  for (const file of candidates) {
    const code = await ctx.fs.readFile(file).catch(() => undefined);
    if (code !== undefined) return runFlask(ctx, env, code, file, stdout, { host, port, debug });
  }
  ctx.stderr(module ? `${usage}\nError: Could not import '${module}'.\n` : `Error: Could not locate a Flask application. Use the 'flask --app' option, 'FLASK_APP' environment variable, or a 'wsgi.py' or 'app.py' file in the current directory.\n\n${usage}`);
  return 2;
}
