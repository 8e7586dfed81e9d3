/**
 * What the gateway lets a session ask of the real engine. Requests arrive as untrusted JSON; every
 * field is either known and checked, or refused. Nothing refused is ever forwarded to dockerd.
 */
import { EngineError } from "../simulator/backend/errors.ts";
import { InvalidReferenceError, parseReference } from "../simulator/engine/reference.ts";

export const defaultImageAllowlist = ["busybox", "alpine", "nginx", "httpd", "redis", "mysql", "postgres", "wordpress", "python", "node", "ubuntu", "debian", "hello-world", "registry"];

/** Capabilities a container keeps after `cap-drop ALL`: enough for nginx, postgres, redis and a shell. */
export const safeCapabilities = ["CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "SETGID", "SETUID", "NET_BIND_SERVICE"];

export interface Policy {
  /** Repositories (Docker Hub official names, or full paths) a session may pull and run. */
  images: string[];
  /** Publish ports on every interface, not only 127.0.0.1 (the operator's choice). */
  allowPublicPorts: boolean;
  /** Per container: bytes of memory, CPUs (nano), processes. */
  memoryBytes: number;
  nanoCpus: number;
  pidsLimit: number;
  /** json-file log cap per container. */
  logMaxSize: string;
  logMaxFile: string;
}

export const defaultPolicy: Policy = {
  images: defaultImageAllowlist,
  allowPublicPorts: false,
  memoryBytes: 256 * 1024 * 1024,
  nanoCpus: 500_000_000,
  pidsLimit: 128,
  logMaxSize: "1m",
  logMaxFile: "1",
};

/** Policy from the environment: DOCKYARD_IMAGES (comma list), DOCKYARD_PUBLIC_PORTS=1, DOCKYARD_MEMORY (MiB), DOCKYARD_CPUS, DOCKYARD_PIDS. */
export function policyFromEnv(env: NodeJS.ProcessEnv = process.env, base: Policy = defaultPolicy): Policy {
  const num = (name: string) => (env[name] !== undefined && env[name] !== "" ? Number(env[name]) : undefined);
  const memory = num("DOCKYARD_MEMORY");
  const cpus = num("DOCKYARD_CPUS");
  const pids = num("DOCKYARD_PIDS");
  return {
    ...base,
    ...(env["DOCKYARD_IMAGES"] ? { images: env["DOCKYARD_IMAGES"].split(",").map((s) => s.trim()).filter(Boolean) } : {}),
    ...(env["DOCKYARD_PUBLIC_PORTS"] === "1" ? { allowPublicPorts: true } : {}),
    ...(memory && memory > 0 ? { memoryBytes: memory * 1024 * 1024 } : {}),
    ...(cpus && cpus > 0 ? { nanoCpus: Math.round(cpus * 1e9) } : {}),
    ...(pids && pids > 0 ? { pidsLimit: pids } : {}),
  };
}

/** A request the policy refuses: HTTP 403, and a message that says what and why. */
export class PolicyError extends EngineError {
  constructor(what: string) {
    super(403, `refused by the Dockyard gateway's policy: ${what}`, "forbidden");
    this.name = "PolicyError";
  }
}

const refuse = (what: string): never => {
  throw new PolicyError(what);
};

/** `library/nginx` for `nginx:1.27`, `docker.io/library/nginx`; `registry:5000/x` keeps its domain. */
export function repositoryOf(ref: string): string {
  let parsed;
  try {
    parsed = parseReference(ref);
  } catch (error) {
    if (error instanceof InvalidReferenceError) throw new EngineError(400, error.message);
    throw error;
  }
  return parsed.domain === "docker.io" ? parsed.path : `${parsed.domain}/${parsed.path}`;
}

/** Whether a repository is on the allowlist (entries may be `nginx`, `library/nginx` or a full path). */
export function imageAllowed(policy: Policy, ref: string): boolean {
  let repo: string;
  try {
    repo = repositoryOf(ref);
  } catch {
    return false;
  }
  return policy.images.some((allowed) => {
    const a = allowed.includes("/") ? allowed.replace(/^docker\.io\//, "") : `library/${allowed}`;
    return a === repo;
  });
}

export function checkImage(policy: Policy, ref: string): void {
  if (!imageAllowed(policy, ref)) refuse(`the image ${JSON.stringify(ref)} is not on this gateway's allowlist (${policy.images.join(", ")})`);
}

/** Host-side checks for a port binding's address: loopback unless the operator allows more. */
function checkHostIp(policy: Policy, ip: string): string {
  if (ip === "" || ip === undefined) return policy.allowPublicPorts ? "" : "127.0.0.1";
  if (ip === "127.0.0.1" || ip === "::1" || /^127\.\d+\.\d+\.\d+$/.test(ip)) return ip;
  if (!policy.allowPublicPorts) refuse(`publishing a port on ${ip} (only 127.0.0.1 is allowed; the operator can allow more with --public-ports)`);
  return ip;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const stringList = (v: unknown, what: string): string[] => {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((s) => typeof s !== "string")) return refuse(`${what} must be a list of strings`);
  return v as string[];
};

/** How session-scoped names reach Docker: the gateway's mapping of volumes and networks. */
export interface NameMapper {
  volume(name: string): string;
  network(name: string): string;
}

/** Fields of a container config the gateway passes on (after checks); anything else is refused. */
const allowedConfigFields = new Set(["Image", "Cmd", "Entrypoint", "Env", "WorkingDir", "User", "Hostname", "Labels", "Tty", "OpenStdin", "StdinOnce", "ExposedPorts", "Volumes", "AttachStdin", "AttachStdout", "AttachStderr", "HostConfig", "NetworkingConfig", "StopSignal", "StopTimeout", "Healthcheck"]);

/** HostConfig fields that would give a container the host: each gets its own refusal. */
const dangerousHostFields: Record<string, string> = {
  Privileged: "privileged containers (--privileged)",
  CapAdd: "adding capabilities (--cap-add)",
  CapDrop: "changing dropped capabilities (--cap-drop: the gateway drops ALL)",
  Devices: "host devices (--device)",
  DeviceRequests: "device requests (--gpus)",
  DeviceCgroupRules: "device cgroup rules (--device-cgroup-rule)",
  SecurityOpt: "security option overrides (--security-opt)",
  Sysctls: "kernel parameters (--sysctl)",
  Runtime: "runtime overrides (--runtime)",
  PidMode: "sharing a PID namespace (--pid)",
  IpcMode: "sharing an IPC namespace (--ipc)",
  UTSMode: "the host's UTS namespace (--uts)",
  UsernsMode: "user namespace overrides (--userns)",
  CgroupnsMode: "cgroup namespace overrides (--cgroupns)",
  Cgroup: "sharing a cgroup (--cgroup)",
  CgroupParent: "a cgroup parent (--cgroup-parent)",
  VolumeDriver: "volume drivers (--volume-driver)",
  VolumesFrom: "volumes from other containers (--volumes-from)",
  Links: "legacy links (--link)",
  LogConfig: "log driver overrides (--log-driver, --log-opt)",
  OomKillDisable: "disabling the OOM killer (--oom-kill-disable)",
  OomScoreAdj: "OOM score overrides (--oom-score-adj)",
  MaskedPaths: "unmasking kernel paths",
  ReadonlyPaths: "read-only path overrides",
  Isolation: "isolation overrides (--isolation)",
  Ulimits: "ulimit overrides (--ulimit)",
  GroupAdd: "supplementary groups (--group-add)",
  CpuShares: "CPU settings (the gateway sets the limit)",
  CpuQuota: "CPU settings (the gateway sets the limit)",
  CpuPeriod: "CPU settings (the gateway sets the limit)",
  CpusetCpus: "CPU settings (the gateway sets the limit)",
  ShmSize: "shared memory size (--shm-size)",
  StorageOpt: "storage driver options (--storage-opt)",
  Tmpfs: "tmpfs options (use --mount type=tmpfs)",
  ContainerIDFile: "container ID files",
};
const allowedHostFields = new Set(["AutoRemove", "RestartPolicy", "Binds", "Mounts", "NetworkMode", "PortBindings", "PublishAllPorts", "Init", "ReadonlyRootfs", "ExtraHosts", "Dns", "DnsOptions", "DnsSearch", "Memory", "MemorySwap", "NanoCpus", "PidsLimit"]);

/** `-m`, `--memory-swap`, `--cpus`, `--pids-limit`: allowed at or under the gateway's limits (dockerd checks the rest). */
function resourceLimits(host: Record<string, unknown>, policy: Policy): Record<string, number> {
  const num = (key: string): number | undefined => {
    const v = host[key];
    if (v === undefined || v === null || v === 0) return undefined;
    if (typeof v !== "number" || !Number.isFinite(v)) return refuse(`${key} must be a number`);
    return v;
  };
  const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;
  const memory = num("Memory");
  if (memory !== undefined && memory > policy.memoryBytes) refuse(`a memory limit above ${mib(policy.memoryBytes)} (-m)`);
  const limit = memory ?? policy.memoryBytes;
  const swap = num("MemorySwap");
  if (swap !== undefined && (swap < 0 || swap > 2 * policy.memoryBytes)) refuse(`memory plus swap above ${mib(2 * policy.memoryBytes)} (--memory-swap)`);
  const cpus = num("NanoCpus");
  if (cpus !== undefined && cpus > policy.nanoCpus) refuse(`more than ${policy.nanoCpus / 1e9} CPUs (--cpus)`);
  const pids = num("PidsLimit");
  if (pids !== undefined && (pids < 0 || pids > policy.pidsLimit)) refuse(`a process limit above ${policy.pidsLimit}, or none (--pids-limit)`);
  return { Memory: limit, MemorySwap: swap ?? limit, NanoCpus: cpus ?? policy.nanoCpus, PidsLimit: pids ?? policy.pidsLimit };
}

/** A volume source in `-v src:dst`: a name (mapped to the session) or a host path (refused). */
function checkBind(bind: string, names: NameMapper): string {
  const parts = bind.split(":");
  if (parts.length === 1) {
    if (!parts[0]!.startsWith("/")) refuse(`the volume spec ${JSON.stringify(bind)} (a container path must be absolute)`);
    return bind;
  }
  const [source, target, mode, ...extra] = parts;
  if (extra.length > 0) refuse(`the volume spec ${JSON.stringify(bind)}`);
  if (source!.startsWith("/") || source!.startsWith(".") || source!.startsWith("~") || source!.includes("/") || source!.includes("\\")) {
    refuse(`host bind mounts (-v ${source}:${target}); use a named volume instead`);
  }
  if (mode !== undefined && !/^(ro|rw|z|Z|nocopy)(,(ro|rw|z|Z|nocopy))*$/.test(mode)) refuse(`the volume mode ${JSON.stringify(mode)}`);
  return [names.volume(source!), target, ...(mode !== undefined ? [mode] : [])].join(":");
}

function checkMount(mount: unknown, names: NameMapper): Record<string, unknown> {
  if (!isObject(mount)) return refuse("a mount that is not an object");
  for (const key of Object.keys(mount)) {
    if (!["Type", "Source", "Target", "ReadOnly", "VolumeOptions", "TmpfsOptions"].includes(key)) refuse(`the mount field ${key}`);
  }
  if (mount["Type"] === "bind") return refuse(`host bind mounts (--mount type=bind,source=${String(mount["Source"] ?? "")})`);
  if (mount["Type"] === "npipe" || mount["Type"] === "cluster") return refuse(`${String(mount["Type"])} mounts`);
  if (typeof mount["Target"] !== "string" || !mount["Target"].startsWith("/")) return refuse("a mount without an absolute target");
  if (mount["Type"] === "tmpfs") {
    const t = mount["TmpfsOptions"];
    if (t !== undefined && (!isObject(t) || Object.keys(t).some((k) => k !== "SizeBytes" && k !== "Mode"))) refuse("tmpfs options other than size and mode");
    return { Type: "tmpfs", Target: mount["Target"], ReadOnly: mount["ReadOnly"] === true, TmpfsOptions: { SizeBytes: 64 * 1024 * 1024, ...(isObject(t) ? t : {}) } };
  }
  if (mount["Type"] !== "volume") return refuse(`mounts of type ${JSON.stringify(mount["Type"])}`);
  const v = mount["VolumeOptions"];
  if (v !== undefined && (!isObject(v) || v["DriverConfig"] !== undefined)) refuse("volume driver options in a mount (they can reach host paths)");
  const source = typeof mount["Source"] === "string" && mount["Source"] !== "" ? names.volume(mount["Source"]) : undefined;
  if (source !== undefined && (String(mount["Source"]).includes("/"))) refuse(`host bind mounts (--mount source=${String(mount["Source"])})`);
  return { Type: "volume", ...(source ? { Source: source } : {}), Target: mount["Target"], ReadOnly: mount["ReadOnly"] === true };
}

export interface CreateContext {
  policy: Policy;
  names: NameMapper;
  /** Labels the gateway puts on every object of the session. */
  labels: Record<string, string>;
  /** Ports the image exposes, for -P (published on loopback, not on every interface). */
  imageExposedPorts: string[];
}

/** Check a POST /containers/create body and produce what the gateway sends to dockerd. */
export function containerCreateBody(config: unknown, ctx: CreateContext): Record<string, unknown> {
  if (!isObject(config)) return refuse("a container config that is not an object");
  for (const key of Object.keys(config)) if (!allowedConfigFields.has(key)) refuse(`the container setting ${key}`);
  if (typeof config["Image"] !== "string") return refuse("a container without an image");
  const host = config["HostConfig"] ?? {};
  if (!isObject(host)) return refuse("a HostConfig that is not an object");
  for (const key of Object.keys(host)) {
    if (key in dangerousHostFields) {
      const value = host[key];
      // Zero values are what a client sends when nothing was asked for.
      const empty = value === undefined || value === null || value === false || value === "" || value === 0 || (Array.isArray(value) && value.length === 0) || (isObject(value) && Object.keys(value).length === 0);
      if (!empty) refuse(dangerousHostFields[key]!);
    } else if (!allowedHostFields.has(key)) refuse(`the host setting ${key}`);
  }
  const labels = config["Labels"] ?? {};
  if (!isObject(labels)) return refuse("labels that are not a map");
  for (const key of Object.keys(labels)) if (key.startsWith("dockyard.")) refuse(`the label ${key} (labels under dockyard. are the gateway's)`);

  const network = host["NetworkMode"];
  let networkMode = "default";
  if (network !== undefined && network !== "") {
    if (typeof network !== "string") return refuse("a network mode that is not a string");
    if (network === "host") refuse("the host's network namespace (--network host)");
    if (network.startsWith("container:")) refuse("sharing another container's network namespace (--network container:...)");
    networkMode = network === "bridge" || network === "none" || network === "default" ? network : ctx.names.network(network);
  }
  const binds = stringList(host["Binds"], "Binds").map((b) => checkBind(b, ctx.names));
  const mounts = (Array.isArray(host["Mounts"]) ? host["Mounts"] : host["Mounts"] === undefined ? [] : refuse("Mounts must be a list")).map((m) => checkMount(m, ctx.names));

  const portBindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  const requested = host["PortBindings"] ?? {};
  if (!isObject(requested)) return refuse("port bindings that are not a map");
  for (const [port, list] of Object.entries(requested)) {
    if (!Array.isArray(list)) return refuse("port bindings that are not lists");
    portBindings[port] = list.map((b: unknown) => {
      if (!isObject(b)) return refuse("a port binding that is not an object");
      return { HostIp: checkHostIp(ctx.policy, typeof b["HostIp"] === "string" ? b["HostIp"] : ""), HostPort: typeof b["HostPort"] === "string" ? b["HostPort"] : "" };
    });
  }
  // -P publishes on every interface; the gateway turns it into loopback bindings on ephemeral ports.
  if (host["PublishAllPorts"] === true) {
    const exposed = [...ctx.imageExposedPorts, ...Object.keys(isObject(config["ExposedPorts"]) ? config["ExposedPorts"] : {})];
    for (const port of exposed) portBindings[port] ??= [{ HostIp: checkHostIp(ctx.policy, ""), HostPort: "" }];
  }
  const restart = host["RestartPolicy"];
  if (restart !== undefined && (!isObject(restart) || !["", "no", "always", "on-failure", "unless-stopped"].includes(String(restart["Name"] ?? "")))) refuse("the restart policy");

  const networking = config["NetworkingConfig"];
  let endpoints: Record<string, unknown> | undefined;
  if (networking !== undefined) {
    if (!isObject(networking)) return refuse("a networking config that is not an object");
    const aliases = stringList(networking["Aliases"], "Aliases");
    const ip = networking["IPAddress"];
    if (ip !== undefined && typeof ip !== "string") refuse("an IP address that is not a string");
    if (aliases.length || ip) endpoints = { [networkMode === "default" ? "bridge" : networkMode]: { ...(aliases.length ? { Aliases: aliases } : {}), ...(ip ? { IPAMConfig: { IPv4Address: ip } } : {}) } };
  }

  const { HostConfig: _h, NetworkingConfig: _n, Labels: _l, ...rest } = config;
  return {
    ...rest,
    // `docker run -i` keeps stdin open for the attached client only.
    ...(config["OpenStdin"] === true && config["Tty"] !== true ? { AttachStdin: true, StdinOnce: true } : {}),
    Labels: { ...labels, ...ctx.labels },
    HostConfig: {
      ...(host["AutoRemove"] === true ? { AutoRemove: true } : {}),
      ...(isObject(restart) ? { RestartPolicy: restart } : {}),
      ...(host["Init"] === true ? { Init: true } : {}),
      ...(host["ReadonlyRootfs"] === true ? { ReadonlyRootfs: true } : {}),
      Binds: binds,
      Mounts: mounts,
      NetworkMode: networkMode,
      PortBindings: portBindings,
      ...(Array.isArray(host["ExtraHosts"]) ? { ExtraHosts: stringList(host["ExtraHosts"], "ExtraHosts") } : {}),
      ...(Array.isArray(host["Dns"]) ? { Dns: stringList(host["Dns"], "Dns") } : {}),
      ...(Array.isArray(host["DnsOptions"]) ? { DnsOptions: stringList(host["DnsOptions"], "DnsOptions") } : {}),
      ...(Array.isArray(host["DnsSearch"]) ? { DnsSearch: stringList(host["DnsSearch"], "DnsSearch") } : {}),
      ...enforcedHostConfig(ctx.policy),
      ...resourceLimits(host, ctx.policy),
    },
    ...(endpoints ? { NetworkingConfig: { EndpointsConfig: endpoints } } : {}),
  };
}

/** What every container gets, whatever it asked: limits, no new privileges, capabilities dropped, a log cap. */
export function enforcedHostConfig(policy: Policy): Record<string, unknown> {
  return {
    Memory: policy.memoryBytes,
    MemorySwap: policy.memoryBytes,
    NanoCpus: policy.nanoCpus,
    PidsLimit: policy.pidsLimit,
    CapDrop: ["ALL"],
    CapAdd: safeCapabilities,
    SecurityOpt: ["no-new-privileges:true"],
    Privileged: false,
    LogConfig: { Type: "json-file", Config: { "max-size": policy.logMaxSize, "max-file": policy.logMaxFile } },
  };
}

/** POST /containers/{id}/exec: no privileged execs; only the fields the CLI sends. */
export function execBody(config: unknown): Record<string, unknown> {
  if (!isObject(config)) return refuse("an exec config that is not an object");
  for (const key of Object.keys(config)) {
    if (key === "Privileged") {
      if (config[key] === true) refuse("privileged exec (--privileged)");
    } else if (!["Cmd", "Env", "WorkingDir", "User", "Tty", "AttachStdin", "Detach"].includes(key)) refuse(`the exec setting ${key}`);
  }
  const cmd = stringList(config["Cmd"], "Cmd");
  if (cmd.length === 0) refuse("an exec without a command");
  return {
    Cmd: cmd,
    ...(config["Env"] !== undefined ? { Env: stringList(config["Env"], "Env") } : {}),
    ...(typeof config["WorkingDir"] === "string" && config["WorkingDir"] ? { WorkingDir: config["WorkingDir"] } : {}),
    ...(typeof config["User"] === "string" && config["User"] ? { User: config["User"] } : {}),
    Tty: config["Tty"] === true,
    AttachStdin: config["AttachStdin"] === true,
    AttachStdout: config["Detach"] !== true,
    AttachStderr: config["Detach"] !== true,
    Privileged: false,
  };
}

/** POST /volumes/create: the local driver, no driver options (type=none,o=bind,device=/ is a host mount). */
export function volumeCreateBody(options: unknown, name: string | undefined, labels: Record<string, string>): Record<string, unknown> {
  const o = options ?? {};
  if (!isObject(o)) return refuse("volume options that are not an object");
  for (const key of Object.keys(o)) {
    if (key === "Driver") {
      if (o[key] !== "local" && o[key] !== "" && o[key] !== undefined) refuse(`the volume driver ${JSON.stringify(o[key])} (only local)`);
    } else if (key === "DriverOpts") {
      if (isObject(o[key]) && Object.keys(o[key]).length > 0) refuse("volume driver options (type, device, o can mount host paths)");
    } else if (key !== "Name" && key !== "Labels") refuse(`the volume setting ${key}`);
  }
  const own = o["Labels"] ?? {};
  if (!isObject(own)) return refuse("labels that are not a map");
  for (const key of Object.keys(own)) if (key.startsWith("dockyard.")) refuse(`the label ${key} (labels under dockyard. are the gateway's)`);
  return { ...(name ? { Name: name } : {}), Driver: "local", Labels: { ...own, ...labels } };
}

/** POST /networks/create: bridge networks only, no driver options. */
export function networkCreateBody(name: string, options: unknown, labels: Record<string, string>): Record<string, unknown> {
  const o = options ?? {};
  if (!isObject(o)) return refuse("network options that are not an object");
  for (const key of Object.keys(o)) {
    if (!["Driver", "Internal", "Attachable", "Labels", "Subnet", "Gateway"].includes(key)) refuse(key === "Options" ? "network driver options" : `the network setting ${key}`);
  }
  if (o["Driver"] !== undefined && o["Driver"] !== "" && o["Driver"] !== "bridge") refuse(`the network driver ${JSON.stringify(o["Driver"])} (only bridge)`);
  const own = o["Labels"] ?? {};
  if (!isObject(own)) return refuse("labels that are not a map");
  for (const key of Object.keys(own)) if (key.startsWith("dockyard.")) refuse(`the label ${key} (labels under dockyard. are the gateway's)`);
  const subnet = typeof o["Subnet"] === "string" ? o["Subnet"] : undefined;
  const gateway = typeof o["Gateway"] === "string" ? o["Gateway"] : undefined;
  return {
    Name: name,
    Driver: "bridge",
    CheckDuplicate: true,
    Internal: o["Internal"] === true,
    Attachable: o["Attachable"] === true,
    Labels: { ...own, ...labels },
    ...(subnet ? { IPAM: { Driver: "default", Config: [{ Subnet: subnet, ...(gateway ? { Gateway: gateway } : {}) }] } } : {}),
  };
}

/** The images a Dockerfile starts FROM (stage names excluded), to check them against the allowlist. */
export function dockerfileBaseImages(dockerfile: string, buildArgs: Record<string, string> = {}): string[] {
  const stages = new Set<string>();
  const bases: string[] = [];
  // ARGs declared before the first FROM may name the base image (`FROM ${BASE}`).
  const globalArgs: Record<string, string> = {};
  let seenFrom = false;
  const text = dockerfile.replace(/\\\r?\n/g, " ");
  for (const line of text.split(/\r?\n/)) {
    const arg = /^\s*ARG\s+([A-Za-z_][A-Za-z0-9_]*)(?:=("?)([^"\s]*)\2)?\s*$/i.exec(line);
    if (arg && !seenFrom) globalArgs[arg[1]!] = typeof buildArgs[arg[1]!] === "string" ? buildArgs[arg[1]!]! : arg[3] ?? "";
    const m = /^\s*FROM\s+((?:--\S+\s+)*)(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (!m) continue;
    seenFrom = true;
    if (/--platform/i.test(m[1] ?? "") === false && m[1]) refuse(`the FROM option ${m[1].trim()}`);
    const image = m[2]!.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_all, name: string) => globalArgs[name] ?? "");
    if (!stages.has(image.toLowerCase()) && image !== "scratch") bases.push(image);
    if (m[3]) stages.add(m[3].toLowerCase());
  }
  if (/^\s*RUN\s+--(mount|security|network)/im.test(text)) refuse("RUN --mount, --security and --network options in a Dockerfile");
  return bases;
}
