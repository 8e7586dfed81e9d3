// From a merged, validated compose document to the normalised project model
// (what `docker compose config` prints): long syntaxes, defaults, project-scoped names.
import { ComposeError, INVALID_PROJECT } from "./errors.ts";
import { readDotEnv } from "./dotenv.ts";
import { formatGoDuration, parseGoDuration } from "./duration.ts";
import { isPlainObject } from "./interpolate.ts";
import { listToMapping } from "./merge.ts";
import type {
  BuildConfig,
  ComposeHost,
  DependsOnCondition,
  HealthCheckConfig,
  NetworkConfig,
  PortConfig,
  Project,
  ServiceConfig,
  ServiceDependency,
  ServiceVolumeConfig,
  VolumeConfig,
} from "./model.ts";
import { resolve } from "./path.ts";
import { shellSplit } from "./shellwords.ts";

type Dict = Record<string, unknown>;

export interface NormalizeContext {
  projectName: string;
  workingDir: string;
  /** Interpolation environment (.env overlaid with the OS environment). */
  environment: Record<string, string>;
  host: ComposeHost;
  warn: (message: string) => void;
}

/** Scalars as compose-go casts them into strings (environment, labels, expose...). */
function str(v: unknown): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  return v === null || v === undefined ? "" : JSON.stringify(v);
}

function toStringMap(v: unknown, sep = "="): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [k, val] of Object.entries(listToMapping(v, sep))) out[k] = val === null || val === undefined ? null : str(val);
  return out;
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(o).sort()) out[k] = o[k]!;
  return out;
}

function expandHome(p: string, env: Record<string, string>, host: ComposeHost): string {
  if (p === "~" || p.startsWith("~/")) {
    const home = env["HOME"] ?? host.env["HOME"] ?? "/root";
    return home + p.slice(1);
  }
  return p;
}

function isRemoteContext(c: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(c) || c.startsWith("git@") || c.startsWith("github.com/");
}

// ---- ports ----------------------------------------------------------------

function splitRange(s: string): [number, number] | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(s);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  return [a, b];
}

/** Parse the short port syntax (`[ip:][published:]target[/protocol]`) into long syntax entries. */
export function parsePortSpec(spec: string): PortConfig[] {
  let rest = spec;
  let protocol = "tcp";
  const slash = rest.lastIndexOf("/");
  if (slash >= 0) {
    protocol = rest.slice(slash + 1);
    rest = rest.slice(0, slash);
  }
  let hostIp: string | undefined;
  if (rest.startsWith("[")) {
    const close = rest.indexOf("]");
    if (close > 0) {
      hostIp = rest.slice(1, close);
      rest = rest.slice(close + 1).replace(/^:/, "");
    }
  }
  const parts = rest.split(":");
  let published = "";
  let target: string;
  if (parts.length === 1) target = parts[0]!;
  else if (parts.length === 2) [published, target] = [parts[0]!, parts[1]!];
  else {
    target = parts[parts.length - 1]!;
    published = parts[parts.length - 2]!;
    hostIp = parts.slice(0, -2).join(":");
  }
  const t = splitRange(target);
  if (!t) throw new ComposeError("schema", `Invalid containerPort: ${target}`);
  const p = published === "" ? undefined : splitRange(published);
  if (published !== "" && !p) throw new ComposeError("schema", `Invalid hostPort: ${published}`);
  const count = t[1] - t[0] + 1;
  if (count < 1 || count > 65536) throw new ComposeError("schema", `Invalid containerPort: ${target}`);
  const out: PortConfig[] = [];
  for (let i = 0; i < count; i++) {
    const entry: PortConfig = { mode: "ingress", target: t[0] + i, protocol };
    if (hostIp !== undefined && hostIp !== "") entry.host_ip = hostIp;
    if (p) {
      const pCount = p[1] - p[0] + 1;
      if (pCount === count) entry.published = String(p[0] + i);
      else if (count === 1) entry.published = p[0] === p[1] ? String(p[0]) : `${p[0]}-${p[1]}`;
      else throw new ComposeError("schema", `Invalid ranges specified for container and host Ports: ${target} and ${published}`);
    }
    out.push(orderPort(entry));
  }
  return out;
}

function orderPort(p: PortConfig): PortConfig {
  const out: Dict = {};
  for (const k of ["name", "mode", "host_ip", "target", "published", "protocol", "app_protocol"]) {
    const v = (p as unknown as Dict)[k];
    if (v !== undefined) out[k] = v;
  }
  return out as unknown as PortConfig;
}

function normalizePorts(value: unknown): PortConfig[] {
  const out: PortConfig[] = [];
  for (const item of Array.isArray(value) ? value : []) {
    if (typeof item === "number") out.push(...parsePortSpec(String(item)));
    else if (typeof item === "string") out.push(...parsePortSpec(item));
    else if (isPlainObject(item)) {
      const entry: Dict = { ...item };
      entry["mode"] = typeof item["mode"] === "string" ? item["mode"] : "ingress";
      entry["protocol"] = typeof item["protocol"] === "string" ? item["protocol"] : "tcp";
      entry["target"] = Number(item["target"]);
      if (item["published"] !== undefined && item["published"] !== null) entry["published"] = str(item["published"]);
      out.push(orderPort(entry as unknown as PortConfig));
    }
  }
  // compose-go drops exact duplicates (EnforceUnicity)
  const seen = new Set<string>();
  return out.filter((p) => {
    const k = JSON.stringify(p);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

// ---- volumes --------------------------------------------------------------

const PROPAGATION = new Set(["shared", "rshared", "slave", "rslave", "private", "rprivate"]);

function isFilePath(source: string): boolean {
  return source.startsWith(".") || source.startsWith("/") || source.startsWith("~") || /^[a-zA-Z]:[\\/]/.test(source);
}

/** Parse the short volume syntax (`[source:]target[:mode]`) as compose-go does. */
export function parseVolumeSpec(spec: string): ServiceVolumeConfig {
  const parts = spec.split(":");
  if (parts.some((p) => p === "") && parts.length > 1) throw new ComposeError("schema", `invalid spec: ${spec}: empty section between colons`);
  if (parts.length > 3) throw new ComposeError("schema", `invalid spec: ${spec}: too many colons`);
  if (parts.length === 1) return { type: "volume", target: parts[0]!, volume: {} };
  const [source, target, mode] = [parts[0]!, parts[1]!, parts[2]];
  const v: ServiceVolumeConfig = isFilePath(source)
    ? { type: "bind", source, target, bind: { create_host_path: true } }
    : { type: "volume", source, target, volume: {} };
  for (const opt of (mode ?? "").split(",").filter((x) => x !== "")) {
    if (opt === "ro") v.read_only = true;
    else if (opt === "rw") v.read_only = false;
    else if (opt === "nocopy") v.volume = { ...v.volume, nocopy: true };
    else if (PROPAGATION.has(opt)) v.bind = { ...v.bind, propagation: opt };
    else if (opt === "z" || opt === "Z") v.bind = { ...v.bind, selinux: opt };
  }
  if (v.read_only === false) delete v.read_only;
  return orderVolume(v);
}

function orderVolume(v: ServiceVolumeConfig): ServiceVolumeConfig {
  const out: Dict = {};
  for (const k of ["type", "source", "target", "read_only", "consistency", "bind", "volume", "tmpfs", "image"]) {
    const val = (v as unknown as Dict)[k];
    if (val !== undefined) out[k] = val;
  }
  for (const [k, val] of Object.entries(v)) if (!(k in out)) out[k] = val;
  return out as unknown as ServiceVolumeConfig;
}

function normalizeVolumes(value: unknown, ctx: NormalizeContext): ServiceVolumeConfig[] {
  const out: ServiceVolumeConfig[] = [];
  for (const item of Array.isArray(value) ? value : []) {
    let v: ServiceVolumeConfig;
    if (typeof item === "string") v = parseVolumeSpec(item);
    else if (isPlainObject(item)) v = orderVolume({ ...(item as unknown as ServiceVolumeConfig) });
    else continue;
    if (v.type === "bind" && typeof v.source === "string") {
      v.source = resolve(ctx.workingDir, expandHome(v.source, ctx.environment, ctx.host));
    }
    out.push(v);
  }
  return out;
}

// ---- the rest of a service -----------------------------------------------

function normalizeCommand(v: unknown): string[] | null | undefined {
  if (v === undefined) return undefined;
  if (v === null) return null;
  if (typeof v === "string") return shellSplit(v);
  if (Array.isArray(v)) return v.map(str);
  return undefined;
}

function normalizeDuration(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === "number") return formatGoDuration(v * 1e9);
  const ns = parseGoDuration(String(v));
  return ns === undefined ? String(v) : formatGoDuration(ns);
}

/** compose-go casts interpolated strings back to numbers where the model wants one. */
function toNumber(v: unknown): unknown {
  return typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
}

function normalizeHealthcheck(v: unknown): HealthCheckConfig | undefined {
  if (!isPlainObject(v)) return undefined;
  const out: Dict = {};
  const test = v["test"];
  if (typeof test === "string") out["test"] = ["CMD-SHELL", test];
  else if (Array.isArray(test)) out["test"] = test.map(str);
  for (const k of ["timeout", "interval"]) if (v[k] !== undefined) out[k] = normalizeDuration(v[k]);
  if (v["retries"] !== undefined) out["retries"] = toNumber(v["retries"]);
  for (const k of ["start_period", "start_interval"]) if (v[k] !== undefined) out[k] = normalizeDuration(v[k]);
  if (v["disable"] !== undefined) out["disable"] = v["disable"];
  for (const [k, val] of Object.entries(v)) if (!(k in out)) out[k] = val;
  return out as HealthCheckConfig;
}

function normalizeBuild(v: unknown, ctx: NormalizeContext): BuildConfig | undefined {
  if (v === undefined || v === null) return undefined;
  const b: Dict = typeof v === "string" ? { context: v } : isPlainObject(v) ? { ...v } : {};
  const context = typeof b["context"] === "string" ? b["context"] : ".";
  b["context"] = isRemoteContext(context) ? context : resolve(ctx.workingDir, expandHome(context, ctx.environment, ctx.host));
  if (b["dockerfile"] === undefined && b["dockerfile_inline"] === undefined) b["dockerfile"] = "Dockerfile";
  if (b["args"] !== undefined) b["args"] = toStringMap(b["args"]);
  if (b["labels"] !== undefined) b["labels"] = toStringMap(b["labels"]);
  const ordered: Dict = { context: b["context"] };
  for (const [k, val] of Object.entries(b)) if (k !== "context") ordered[k] = val;
  return ordered as BuildConfig;
}

function normalizeDependsOn(v: unknown): Record<string, ServiceDependency> | undefined {
  if (v === undefined || v === null) return undefined;
  const out: Record<string, ServiceDependency> = {};
  if (Array.isArray(v)) {
    for (const name of v) out[str(name)] = { condition: "service_started", required: true };
  } else if (isPlainObject(v)) {
    for (const [name, d] of Object.entries(v)) {
      const dep = isPlainObject(d) ? d : {};
      const entry: ServiceDependency = {
        condition: (typeof dep["condition"] === "string" ? dep["condition"] : "service_started") as DependsOnCondition,
        required: dep["required"] === undefined ? true : dep["required"] === true,
      };
      if (dep["restart"] === true) entry.restart = true;
      out[name] = { condition: entry.condition, ...(entry.restart ? { restart: true } : {}), required: entry.required };
    }
  }
  return sortKeys(out);
}

function normalizeNetworks(v: unknown, hasNetworkMode: boolean): Record<string, Record<string, unknown> | null> | undefined {
  if (v === undefined || v === null) return hasNetworkMode ? undefined : { default: null };
  const out: Record<string, Record<string, unknown> | null> = {};
  if (Array.isArray(v)) for (const n of v) out[str(n)] = null;
  else if (isPlainObject(v)) for (const [n, cfg] of Object.entries(v)) out[n] = isPlainObject(cfg) ? cfg : null;
  return sortKeys(out);
}

async function loadEnvFiles(service: string, v: unknown, ctx: NormalizeContext): Promise<Record<string, string>> {
  const entries = v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
  const out: Record<string, string> = {};
  for (const e of entries) {
    const spec = typeof e === "string" ? { path: e, required: true } : isPlainObject(e) ? e : undefined;
    if (!spec || typeof spec["path"] !== "string") continue;
    const file = resolve(ctx.workingDir, expandHome(spec["path"], ctx.environment, ctx.host));
    const required = spec["required"] !== false;
    if (!(await ctx.host.exists(file))) {
      if (!required) continue;
      throw new ComposeError("file", `env file ${file} not found: stat ${file}: no such file or directory`, { file });
    }
    let text: string;
    try {
      text = await ctx.host.readFile(file);
    } catch {
      throw new ComposeError("file", `failed to read ${file}`, { file });
    }
    const vars = readDotEnv(text, (k) => ctx.environment[k], file);
    for (const [k, val] of vars) out[k] = val;
  }
  void service;
  return out;
}

async function normalizeService(name: string, raw: Dict, ctx: NormalizeContext): Promise<ServiceConfig> {
  const s: Dict = { ...raw };
  if ("build" in s) s["build"] = normalizeBuild(s["build"], ctx);
  for (const k of ["command", "entrypoint"]) if (k in s) s[k] = normalizeCommand(s[k]);
  if ("depends_on" in s) s["depends_on"] = normalizeDependsOn(s["depends_on"]);
  if ("ports" in s) s["ports"] = normalizePorts(s["ports"]);
  if ("expose" in s) s["expose"] = (Array.isArray(s["expose"]) ? s["expose"] : []).map(str);
  if ("volumes" in s) s["volumes"] = normalizeVolumes(s["volumes"], ctx);
  if ("healthcheck" in s) s["healthcheck"] = normalizeHealthcheck(s["healthcheck"]);
  if ("labels" in s) s["labels"] = sortKeys(toStringMap(s["labels"]));
  for (const k of ["stop_grace_period"]) if (k in s) s[k] = normalizeDuration(s[k]);
  s["networks"] = normalizeNetworks(s["networks"], typeof s["network_mode"] === "string");
  if (s["networks"] === undefined) delete s["networks"];
  if (isPlainObject(s["deploy"]) && s["deploy"]["replicas"] !== undefined) {
    s["deploy"] = { ...s["deploy"], replicas: toNumber(s["deploy"]["replicas"]) };
  }
  if (s["scale"] !== undefined) {
    const deploy = isPlainObject(s["deploy"]) ? { ...s["deploy"] } : {};
    if (deploy["replicas"] === undefined) deploy["replicas"] = s["scale"];
    s["deploy"] = deploy;
  }
  // env_file then environment; null values resolved from the project environment
  const fromFiles = await loadEnvFiles(name, s["env_file"], ctx);
  delete s["env_file"];
  if (Object.keys(fromFiles).length > 0 || "environment" in s) {
    const env: Record<string, string | null> = { ...fromFiles, ...toStringMap(s["environment"]) };
    for (const [k, v] of Object.entries(env)) {
      if (v === null && ctx.environment[k] !== undefined) env[k] = ctx.environment[k]!;
    }
    s["environment"] = sortKeys(env);
  }
  for (const k of Object.keys(s)) if (s[k] === undefined) delete s[k];
  return sortKeys(s) as ServiceConfig;
}

// ---- top level -------------------------------------------------------------

function conflicts(section: string, name: string, cfg: Dict, keys: string[]): void {
  if (cfg["external"] === undefined || cfg["external"] === false) return;
  for (const k of keys) {
    if (cfg[k] !== undefined) {
      throw new ComposeError("project", `${section}.${name}: conflicting parameters "external" and "${k}" specified`);
    }
  }
}

function resource(section: string, name: string, raw: unknown, projectName: string, ctx: NormalizeContext, conflictKeys: string[]): Dict {
  const cfg: Dict = isPlainObject(raw) ? { ...raw } : {};
  conflicts(section, name, cfg, conflictKeys);
  const ext = cfg["external"];
  if (isPlainObject(ext)) {
    // legacy `external: {name: x}`
    if (typeof ext["name"] === "string") {
      if (typeof cfg["name"] === "string") {
        throw new ComposeError("project", `${section}.${name}: name and external.name conflict; only use name`);
      }
      ctx.warn(`${section}.${name}: external.name is deprecated. Please set name and external: true`);
      cfg["name"] = ext["name"];
    }
    cfg["external"] = true;
  }
  if (typeof cfg["name"] !== "string") cfg["name"] = cfg["external"] === true ? name : `${projectName}_${name}`;
  if (cfg["labels"] !== undefined) cfg["labels"] = sortKeys(toStringMap(cfg["labels"]));
  for (const k of ["file"]) if (typeof cfg[k] === "string") cfg[k] = resolve(ctx.workingDir, expandHome(cfg[k] as string, ctx.environment, ctx.host));
  const ordered: Dict = { name: cfg["name"] };
  for (const [k, v] of Object.entries(cfg)) if (k !== "name") ordered[k] = v;
  return ordered;
}

function checkDeviceRequests(name: string, svc: Dict): void {
  const deploy = svc["deploy"];
  if (!isPlainObject(deploy)) return;
  const res = deploy["resources"];
  if (!isPlainObject(res)) return;
  const reservations = res["reservations"];
  if (!isPlainObject(reservations) || !Array.isArray(reservations["devices"])) return;
  for (const d of reservations["devices"]) {
    if (!isPlainObject(d)) continue;
    const count = d["count"];
    if (typeof count === "string" && count !== "all" && !/^-?\d+$/.test(count)) {
      throw new ComposeError("schema", `invalid value "${count}", the only value allowed is 'all' or a number`);
    }
    if (count !== undefined && d["device_ids"] !== undefined) {
      throw new ComposeError("schema", `"count" and "device_ids" attributes are exclusive`);
    }
  }
  void name;
}

/** Build the normalised project from a merged, validated document. */
export async function normalizeProject(doc: Dict, ctx: NormalizeContext): Promise<Omit<Project, "workingDir" | "composeFiles" | "environment" | "warnings">> {
  const project = ctx.projectName;
  const rawServices = isPlainObject(doc["services"]) ? doc["services"] : {};
  const rawNetworks = isPlainObject(doc["networks"]) ? doc["networks"] : {};
  const rawVolumes = isPlainObject(doc["volumes"]) ? doc["volumes"] : {};

  const networks: Record<string, NetworkConfig> = {};
  for (const [n, cfg] of Object.entries(rawNetworks)) {
    networks[n] = resource("networks", n, cfg, project, ctx, ["driver", "driver_opts", "ipam", "internal", "attachable", "labels"]) as NetworkConfig;
  }
  const volumes: Record<string, VolumeConfig> = {};
  for (const [n, cfg] of Object.entries(rawVolumes)) {
    volumes[n] = resource("volumes", n, cfg, project, ctx, ["driver", "driver_opts", "labels"]) as VolumeConfig;
  }
  const secrets: Record<string, Dict> = {};
  for (const [n, cfg] of Object.entries(isPlainObject(doc["secrets"]) ? doc["secrets"] : {})) secrets[n] = resource("secrets", n, cfg, project, ctx, []);
  const configs: Record<string, Dict> = {};
  for (const [n, cfg] of Object.entries(isPlainObject(doc["configs"]) ? doc["configs"] : {})) configs[n] = resource("configs", n, cfg, project, ctx, []);

  const services: Record<string, ServiceConfig> = {};
  for (const name of Object.keys(rawServices).sort()) {
    const raw = rawServices[name];
    const svc = isPlainObject(raw) ? raw : {};
    if (svc["network_mode"] !== undefined && svc["networks"] !== undefined) {
      throw new ComposeError("project", `service ${name} declares mutually exclusive \`network_mode\` and \`networks\`: ${INVALID_PROJECT}`);
    }
    checkDeviceRequests(name, svc);
    services[name] = await normalizeService(name, svc, ctx);
  }

  // consistency: references to undefined resources
  for (const [name, svc] of Object.entries(services)) {
    for (const n of Object.keys(svc.networks ?? {})) {
      if (n === "default" && !networks["default"]) continue;
      if (!networks[n]) throw new ComposeError("project", `service "${name}" refers to undefined network ${n}: ${INVALID_PROJECT}`);
    }
    for (const v of svc.volumes ?? []) {
      if (v.type === "volume" && v.source && !volumes[v.source]) {
        throw new ComposeError("project", `service "${name}" refers to undefined volume ${v.source}: ${INVALID_PROJECT}`);
      }
    }
    for (const key of ["secrets", "configs"] as const) {
      const defined = key === "secrets" ? secrets : configs;
      for (const ref of Array.isArray(svc[key]) ? (svc[key] as unknown[]) : []) {
        const src = typeof ref === "string" ? ref : isPlainObject(ref) ? str(ref["source"]) : "";
        if (!defined[src]) throw new ComposeError("project", `service "${name}" refers to undefined ${key.slice(0, -1)} ${src}: ${INVALID_PROJECT}`);
      }
    }
  }
  const usesDefault = Object.values(services).some((s) => s.networks && "default" in s.networks);
  if (usesDefault && !networks["default"]) networks["default"] = { name: `${project}_default` };

  const extensions: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) if (k.startsWith("x-")) extensions[k] = v;

  const out: Omit<Project, "workingDir" | "composeFiles" | "environment" | "warnings"> = {
    name: project,
    services,
    networks: sortKeys(networks),
    volumes: sortKeys(volumes),
  };
  if (Object.keys(secrets).length > 0) out.secrets = sortKeys(secrets);
  if (Object.keys(configs).length > 0) out.configs = sortKeys(configs);
  if (Object.keys(extensions).length > 0) out.extensions = extensions;
  return out;
}

