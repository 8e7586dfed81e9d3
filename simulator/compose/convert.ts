// From a normalised service to the Engine API's container create body, as compose's getCreateConfigs builds it.
import type { ContainerConfig, HealthConfig, HostMount, PortBinding } from "../backend/engine.ts";
import { sha256Hex } from "../engine/digest.ts";
import { parseGoDuration } from "./duration.ts";
import { COMPOSE_LABEL_VERSION, LABEL, containerName } from "./labels.ts";
import type { Project, ServiceConfig } from "./model.ts";

/** The image a service runs: `image:`, or `<project>-<service>` for a service that is only built. */
export function serviceImage(project: Project, service: string): string {
  return (project.services[service]!.image as string | undefined) ?? `${project.name}-${service}`;
}

/** How many containers `up` keeps for a service (deploy.replicas, default 1). */
export function serviceReplicas(service: ServiceConfig): number {
  const replicas = service.deploy?.replicas;
  return typeof replicas === "number" && replicas >= 0 ? replicas : 1;
}

/** com.docker.compose.config-hash: what `up` compares to decide whether a container is out of date. */
export function serviceHash(service: ServiceConfig): string {
  const { depends_on: _d, build: _b, pull_policy: _p, scale: _s, deploy, ...rest } = service;
  const hashed: Record<string, unknown> = { ...rest };
  if (deploy) {
    const { replicas: _r, ...others } = deploy;
    if (Object.keys(others).length > 0) hashed["deploy"] = others;
  }
  return sha256Hex(stableJson(hashed));
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Networks of a service by priority (highest first), then name, as compose-go orders them. */
export function serviceNetworks(service: ServiceConfig): [string, Record<string, unknown> | null][] {
  return Object.entries(service.networks ?? {}).sort(([a, ca], [b, cb]) => {
    const pa = typeof ca?.["priority"] === "number" ? (ca["priority"] as number) : 0;
    const pb = typeof cb?.["priority"] === "number" ? (cb["priority"] as number) : 0;
    return pb - pa || (a < b ? -1 : a > b ? 1 : 0);
  });
}

/** A network key's engine name (`shop_default`, or an external network's own name). */
export const networkName = (project: Project, key: string) => project.networks[key]?.name ?? `${project.name}_${key}`;

export interface ContainerPlan {
  name: string;
  config: ContainerConfig;
  /** Further networks to connect once created (the first one is the create's NetworkMode). */
  connect: { network: string; aliases: string[]; ip?: string }[];
}

export interface PlanOptions {
  /** The image's ID, recorded as com.docker.compose.image. */
  imageId?: string;
  /** The service's config hash, when the caller has it already. */
  hash?: string;
  oneOff?: { slug: string; name?: string };
  /** `run`: replace the command, add environment, remove when done. */
  command?: string[];
  entrypoint?: string[];
  env?: string[];
  autoRemove?: boolean;
  tty?: boolean;
  interactive?: boolean;
  /** `run --publish`/`--service-ports`: whether the service's ports are published (not for one-off containers by default). */
  publish?: boolean;
  user?: string;
  workdir?: string;
}

const nanos = (d: string | undefined) => (d === undefined ? undefined : parseGoDuration(d));

function healthcheck(service: ServiceConfig): HealthConfig | undefined {
  const h = service.healthcheck;
  if (!h) return undefined;
  if (h.disable) return { Test: ["NONE"] };
  const out: HealthConfig = {};
  if (h.test) out.Test = h.test;
  const fields: [keyof HealthConfig, string | undefined][] = [["Interval", h.interval], ["Timeout", h.timeout], ["StartPeriod", h.start_period], ["StartInterval", h.start_interval]];
  for (const [key, value] of fields) {
    const ns = nanos(value);
    if (ns !== undefined) (out as Record<string, number>)[key] = ns;
  }
  if (typeof h.retries === "number") out.Retries = h.retries;
  return out;
}

function restartPolicy(restart: string | undefined): NonNullable<ContainerConfig["HostConfig"]>["RestartPolicy"] {
  if (!restart || restart === "no") return { Name: "no" };
  const [name, count] = restart.split(":");
  if (name === "on-failure") return { Name: "on-failure", MaximumRetryCount: count ? Number(count) : 0 };
  if (name === "always" || name === "unless-stopped") return { Name: name };
  return { Name: "no" };
}

function portRange(text: string): number[] {
  const [a, b] = text.split("-").map(Number);
  if (a === undefined || Number.isNaN(a)) return [];
  const end = b === undefined || Number.isNaN(b) ? a : b;
  return Array.from({ length: Math.max(0, end - a + 1) }, (_, i) => a + i);
}

function ports(service: ServiceConfig, publish: boolean): { exposed: Record<string, object>; bindings: Record<string, PortBinding[]> } {
  const exposed: Record<string, object> = {};
  const bindings: Record<string, PortBinding[]> = {};
  for (const e of service.expose ?? []) {
    const [range = "", proto = "tcp"] = e.split("/");
    for (const p of portRange(range)) exposed[`${p}/${proto}`] = {};
  }
  for (const p of service.ports ?? []) {
    const key = `${p.target}/${p.protocol || "tcp"}`;
    exposed[key] = {};
    if (!publish) continue;
    const hostPorts = p.published ? portRange(p.published) : [];
    const binding: PortBinding = { HostIp: p.host_ip ?? "", HostPort: hostPorts.length > 0 ? String(hostPorts[0]) : "" };
    (bindings[key] ??= []).push(binding);
  }
  return { exposed, bindings };
}

function mounts(project: Project, service: ServiceConfig): { binds: string[]; mounts: HostMount[] } {
  const binds: string[] = [];
  const list: HostMount[] = [];
  for (const v of service.volumes ?? []) {
    if (v.type === "bind" && v.source) {
      if (v.bind?.create_host_path === false) list.push({ Type: "bind", Source: v.source, Target: v.target, ...(v.read_only ? { ReadOnly: true } : {}) });
      else binds.push(`${v.source}:${v.target}${v.read_only ? ":ro" : ""}`);
    } else if (v.type === "volume") {
      const source = v.source ? (project.volumes[v.source]?.name ?? v.source) : undefined;
      list.push({ Type: "volume", ...(source ? { Source: source } : {}), Target: v.target, ...(v.read_only ? { ReadOnly: true } : {}) });
    } else if (v.type === "tmpfs") {
      list.push({ Type: "tmpfs", Target: v.target });
    }
  }
  return { binds, mounts: list };
}

/** com.docker.compose.depends_on: `db:service_started:false,cache:service_healthy:true`. */
function dependsOnLabel(service: ServiceConfig): string {
  return Object.entries(service.depends_on ?? {}).map(([name, d]) => `${name}:${d.condition}:${d.restart === true}`).join(",");
}

/** The create body for container `number` of a service (or a one-off `run` container). */
export function containerPlan(project: Project, serviceName: string, number: number, options: PlanOptions = {}): ContainerPlan {
  const service = project.services[serviceName]!;
  const name = options.oneOff
    ? options.oneOff.name ?? `${project.name}-${serviceName}-run-${options.oneOff.slug.slice(0, 12)}`
    : containerName(project.name, serviceName, number, service.container_name);
  const labels: Record<string, string> = {
    ...(service.labels ?? {}),
    [LABEL.configHash]: options.hash ?? serviceHash(service),
    [LABEL.containerNumber]: String(number),
    [LABEL.dependsOn]: dependsOnLabel(service),
    ...(options.imageId ? { [LABEL.image]: options.imageId } : {}),
    [LABEL.oneoff]: options.oneOff ? "True" : "False",
    [LABEL.project]: project.name,
    [LABEL.configFiles]: project.composeFiles.join(","),
    [LABEL.workingDir]: project.workingDir,
    [LABEL.service]: serviceName,
    ...(options.oneOff ? { [LABEL.slug]: options.oneOff.slug } : {}),
    [LABEL.version]: COMPOSE_LABEL_VERSION,
  };
  const env = Object.entries(service.environment ?? {}).filter(([, v]) => v !== null).map(([k, v]) => `${k}=${v}`);
  const { exposed, bindings } = ports(service, options.publish ?? !options.oneOff);
  const { binds, mounts: mountList } = mounts(project, service);
  const networks = serviceNetworks(service);
  const [first, ...others] = networks;
  const aliasesFor = (cfg: Record<string, unknown> | null) => [name, ...(options.oneOff ? [] : [serviceName, ...((cfg?.["aliases"] as unknown[] | undefined) ?? []).map(String)])];
  const health = healthcheck(service);
  const command = options.command ?? service.command ?? undefined;
  const entrypoint = options.entrypoint ?? service.entrypoint ?? undefined;
  const config: ContainerConfig = {
    Image: serviceImage(project, serviceName),
    ...(command ? { Cmd: command } : {}),
    ...(entrypoint ? { Entrypoint: entrypoint } : {}),
    Env: [...env, ...(options.env ?? [])],
    Labels: labels,
    ...(typeof service["hostname"] === "string" ? { Hostname: service["hostname"] } : {}),
    ...(options.user ?? (typeof service["user"] === "string" ? service["user"] : undefined) ? { User: options.user ?? (service["user"] as string) } : {}),
    ...(options.workdir ?? service.working_dir ? { WorkingDir: options.workdir ?? service.working_dir } : {}),
    ...((options.tty ?? service["tty"] === true) ? { Tty: true } : {}),
    ...((options.interactive ?? service["stdin_open"] === true) ? { OpenStdin: true } : {}),
    ...(Object.keys(exposed).length > 0 ? { ExposedPorts: exposed } : {}),
    ...(health ? { Healthcheck: health } : {}),
    ...(typeof service["stop_signal"] === "string" ? { StopSignal: service["stop_signal"] } : {}),
    // stop_grace_period becomes the container's stop timeout, in whole seconds, as compose sets it.
    ...(typeof service["stop_grace_period"] === "string" && parseGoDuration(service["stop_grace_period"]) !== undefined
      ? { StopTimeout: Math.trunc(parseGoDuration(service["stop_grace_period"])! / 1e9) }
      : {}),
    ...(first ? { NetworkingConfig: { Aliases: aliasesFor(first[1]), ...(typeof first[1]?.["ipv4_address"] === "string" ? { IPAddress: first[1]["ipv4_address"] as string } : {}) } } : {}),
    HostConfig: {
      RestartPolicy: options.oneOff ? { Name: "no" } : restartPolicy(service.restart),
      ...(options.autoRemove ? { AutoRemove: true } : {}),
      ...(binds.length > 0 ? { Binds: binds } : {}),
      ...(mountList.length > 0 ? { Mounts: mountList } : {}),
      ...(Object.keys(bindings).length > 0 ? { PortBindings: bindings } : {}),
      NetworkMode: service.network_mode ?? (first ? networkName(project, first[0]) : "default"),
    },
  };
  return {
    name,
    config,
    connect: others.map(([key, cfg]) => ({ network: networkName(project, key), aliases: aliasesFor(cfg), ...(typeof cfg?.["ipv4_address"] === "string" ? { ip: cfg["ipv4_address"] as string } : {}) })),
  };
}
