/** GET /containers/{id}/json: a container as `docker inspect` shows it. */
import type { ContainerInspect, PortBinding } from "../backend/engine.ts";
import { invalidParameter } from "../backend/errors.ts";
import type { Container } from "./container.ts";
import type { Daemon } from "./daemon.ts";
import { endpointSettings } from "./network-service.ts";

export function inspectContainer(d: Daemon, c: Container): ContainerInspect {
  const { context } = c.actor.getSnapshot();
  const status = c.status;
  const iso = (ms: number) => (ms ? new Date(ms).toISOString().replace("Z", "000000Z").replace(/\.(\d{3})000000Z$/, ".$1000000Z") : "0001-01-01T00:00:00Z");
  return {
    Id: c.id,
    Created: iso(c.created),
    Path: c.path,
    Args: c.args.slice(),
    State: {
      Status: status,
      Running: c.running || status === "restarting",
      Paused: status === "paused",
      Restarting: status === "restarting",
      OOMKilled: false,
      Dead: false,
      Pid: c.running ? pidOf(c) : 0,
      ExitCode: context.exitCode,
      Error: context.error,
      StartedAt: iso(context.startedAt),
      FinishedAt: iso(context.finishedAt),
      ...(c.health ? { Health: structuredClone(c.health.state) } : {}),
    },
    Image: c.image.id,
    Name: `/${c.name}`,
    RestartCount: context.restartCount,
    Mounts: c.mounts.map((m) => ({ ...m })),
    NetworkSettings: networkSettings(d, c),
    Config: structuredClone(c.config),
    HostConfig: { ...HOST_CONFIG_DEFAULTS, ...structuredClone(c.hostConfig) },
  };
}

/** What inspect shows for settings a container was created without, as dockerd fills them in. */
const HOST_CONFIG_DEFAULTS = {
  Memory: 0, MemorySwap: 0, NanoCpus: 0, CpuShares: 0, PidsLimit: null, ShmSize: 67108864, Privileged: false, ReadonlyRootfs: false,
  Init: null, CapAdd: null, CapDrop: null, SecurityOpt: null, Dns: [], ExtraHosts: null, PidMode: "", IpcMode: "private", UTSMode: "", Runtime: "runc",
  LogConfig: { Type: "json-file", Config: {} },
};

function networkSettings(d: Daemon, c: Container): ContainerInspect["NetworkSettings"] {
  const networks = endpointSettings(d.networks.networksOf(c.id), c, c.running);
  const bridge = networks["bridge"];
  return { Ports: inspectPorts(c), IPAddress: bridge?.IPAddress ?? "", Gateway: bridge?.Gateway ?? "", MacAddress: bridge?.MacAddress ?? "", Networks: networks };
}

/** NetworkSettings.Ports: every exposed port, with its host bindings while it runs. */
function inspectPorts(c: Container): Record<string, PortBinding[] | null> {
  const ports: Record<string, PortBinding[] | null> = {};
  for (const spec of Object.keys(c.config.ExposedPorts ?? {})) ports[spec] = null;
  for (const b of c.ports) {
    const key = `${b.containerPort}/${b.proto}`;
    const list = (ports[key] ??= []);
    if (b.hostIp === "") list.push({ HostIp: "0.0.0.0", HostPort: String(b.hostPort) }, { HostIp: "::", HostPort: String(b.hostPort) });
    else list.push({ HostIp: b.hostIp, HostPort: String(b.hostPort) });
  }
  return ports;
}

/** GET /containers/{id}/top: the process table, as `ps` with `psArgs` (`-ef`, `-o pid,comm`) prints it. */
export function processTable(c: Container, psArgs: string): { Titles: string[]; Processes: string[][] } {
  const { context } = c.actor.getSnapshot();
  const pid = pidOf(c);
  const values: Record<string, string> = {
    UID: c.config.User || "root",
    USER: c.config.User || "root",
    PID: String(pid),
    PPID: String(pid - 21),
    C: "0",
    STIME: new Date(context.startedAt).toISOString().slice(11, 16),
    TTY: "?",
    TIME: "00:00:00",
    CMD: [c.path, ...c.args].join(" "),
    COMMAND: c.path.slice(c.path.lastIndexOf("/") + 1),
  };
  const fields = /-o\s*(\S+)/.exec(psArgs)?.[1];
  if (!fields) return { Titles: ["UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"], Processes: [["UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"].map((k) => values[k]!)] };
  const names: Record<string, string> = { pid: "PID", ppid: "PPID", user: "USER", uid: "UID", comm: "COMMAND", args: "COMMAND", cmd: "CMD", time: "TIME", stime: "STIME", tty: "TT", c: "C" };
  const titles = fields.split(",").map((f) => names[f] ?? f.toUpperCase());
  if (!titles.includes("PID")) throw invalidParameter("Couldn't find PID field in ps output");
  const columns = fields.split(",").map((f) => (f === "args" || f === "cmd" ? values["CMD"]! : f === "tty" ? "?" : values[names[f] ?? f.toUpperCase()] ?? "-"));
  return { Titles: titles, Processes: [columns] };
}

/** The process ID the host sees for a container's PID 1. */
export const pidOf = (c: Container) => 1000 + (parseInt(c.id.slice(0, 4), 16) % 30000);
