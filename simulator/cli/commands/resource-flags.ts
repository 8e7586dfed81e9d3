/**
 * `docker run` / `docker create` flags for limits, privileges, health and the runtime: parsed as the
 * CLI parses them and carried in the create request, so the daemon (or the gateway's policy) decides.
 */
import type { ContainerConfig, HostConfig } from "../../backend/engine.ts";
import type { FlagSpec, FlagValues } from "../flags.ts";

/** go-units RAMInBytes: `512m`, `1g`, `1.5GiB`, `1024` (bytes); binary multiples. */
export function ramInBytes(text: string): number {
  const match = /^(\d+(?:\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$/.exec(text);
  if (!match) throw new Error(`invalid size: '${text}'`);
  const unit = match[2] ? 1024 ** ("kmgtp".indexOf(match[2].toLowerCase()) + 1) : 1;
  return Math.trunc(Number(match[1]) * unit);
}

/** opts.NanoCPUs: a decimal number of CPUs, in billionths. */
function nanoCpus(text: string): number {
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) throw new Error(`failed to parse ${text} as a rational number`);
  const nano = Number(text) * 1e9;
  if (!Number.isInteger(Math.round(nano * 1e6) / 1e6)) throw new Error("value is too precise");
  return Math.round(nano);
}

/** Go durations (`30s`, `1m30s`, `500ms`) in nanoseconds, as the health flags take them. */
export function goDurationNs(text: string): number {
  if (text === "0") return 0;
  const units: Record<string, number> = { ns: 1, us: 1e3, "µs": 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join("") !== text) throw new Error(`time: invalid duration "${text}"`);
  return Math.round(parts.reduce((sum, p) => sum + Number(p[1]) * units[p[2]!]!, 0));
}

const size = (raw: string) => ramInBytes(raw);
const swap = (raw: string) => (raw === "-1" ? -1 : ramInBytes(raw));
const duration = (raw: string) => goDurationNs(raw);

export const resourceFlags: FlagSpec[] = [
  { long: "add-host", type: "list", usage: "Add a custom host-to-IP mapping (host:ip)" },
  { long: "cap-add", type: "list", usage: "Add Linux capabilities" },
  { long: "cap-drop", type: "list", usage: "Drop Linux capabilities" },
  { long: "cpu-shares", short: "c", type: "int", usage: "CPU shares (relative weight)" },
  { long: "cpus", type: "string", valueName: "decimal", usage: "Number of CPUs", parse: nanoCpus },
  { long: "device", type: "list", usage: "Add a host device to the container" },
  { long: "dns", type: "list", usage: "Set custom DNS servers" },
  { long: "health-cmd", type: "string", usage: "Command to run to check health" },
  { long: "health-interval", type: "duration", usage: "Time between running the check (ms|s|m|h) (default 0s)", parse: duration },
  { long: "health-retries", type: "int", usage: "Consecutive failures needed to report unhealthy" },
  { long: "health-start-interval", type: "duration", usage: "Time between running the check during the start period (ms|s|m|h) (default 0s)", parse: duration },
  { long: "health-start-period", type: "duration", usage: "Start period for the container to initialize before starting health-retries countdown (ms|s|m|h) (default 0s)", parse: duration },
  { long: "health-timeout", type: "duration", usage: "Maximum time to allow one check to run (ms|s|m|h) (default 0s)", parse: duration },
  { long: "init", type: "bool", usage: "Run an init inside the container that forwards signals and reaps processes" },
  { long: "ipc", type: "string", usage: "IPC mode to use" },
  { long: "log-driver", type: "string", usage: "Logging driver for the container" },
  { long: "log-opt", type: "list", usage: "Log driver options" },
  { long: "memory", short: "m", type: "string", valueName: "bytes", usage: "Memory limit", parse: size },
  { long: "memory-swap", type: "string", valueName: "bytes", usage: "Swap limit equal to memory plus swap: '-1' to enable unlimited swap", parse: swap },
  { long: "no-healthcheck", type: "bool", usage: "Disable any container-specified HEALTHCHECK" },
  { long: "pid", type: "string", usage: "PID namespace to use" },
  { long: "pids-limit", type: "int", usage: "Tune container pids limit (set -1 for unlimited)" },
  { long: "platform", type: "string", usage: "Set platform if server is multi-platform capable" },
  { long: "privileged", type: "bool", usage: "Give extended privileges to this container" },
  { long: "read-only", type: "bool", usage: "Mount the container's root filesystem as read only" },
  { long: "runtime", type: "string", usage: "Runtime to use for this container" },
  { long: "security-opt", type: "list", usage: "Security Options" },
  { long: "shm-size", type: "string", valueName: "bytes", usage: "Size of /dev/shm", parse: size },
  { long: "stop-signal", type: "string", usage: "Signal to stop the container" },
  { long: "stop-timeout", type: "int", usage: "Timeout (in seconds) to stop a container" },
  { long: "sysctl", type: "list", valueName: "map", usage: "Sysctl options" },
  { long: "tmpfs", type: "list", usage: "Mount a tmpfs directory" },
  { long: "uts", type: "string", usage: "UTS namespace to use" },
];

/** Put the flags' values into the create request, as the CLI's parse() does. */
export function applyResourceFlags(flags: FlagValues, config: ContainerConfig): void {
  const host: HostConfig = (config.HostConfig ??= {});
  const str = (name: string) => (typeof flags[name] === "string" ? (flags[name] as string) : undefined);
  const num = (name: string) => (typeof flags[name] === "number" ? (flags[name] as number) : undefined);
  const list = (name: string) => (flags[name] as string[] | undefined) ?? undefined;
  if (num("memory") !== undefined) host.Memory = num("memory")!;
  if (num("memory-swap") !== undefined) host.MemorySwap = num("memory-swap")!;
  if (num("cpus") !== undefined) host.NanoCpus = num("cpus")!;
  if (num("cpu-shares") !== undefined) host.CpuShares = num("cpu-shares")!;
  if (num("pids-limit") !== undefined) host.PidsLimit = num("pids-limit")!;
  if (num("shm-size") !== undefined) host.ShmSize = num("shm-size")!;
  if (flags["privileged"] === true) host.Privileged = true;
  if (flags["read-only"] === true) host.ReadonlyRootfs = true;
  if (flags["init"] === true) host.Init = true;
  if (list("cap-add")) host.CapAdd = list("cap-add")!;
  if (list("cap-drop")) host.CapDrop = list("cap-drop")!;
  if (list("security-opt")) host.SecurityOpt = list("security-opt")!;
  if (list("dns")) host.Dns = list("dns")!;
  if (list("add-host")) host.ExtraHosts = list("add-host")!.map((h) => h.replace("=", ":"));
  if (list("device")) {
    host.Devices = list("device")!.map((d) => {
      const [PathOnHost = "", PathInContainer = PathOnHost, CgroupPermissions = "rwm"] = d.split(":");
      return { PathOnHost, PathInContainer, CgroupPermissions };
    });
  }
  if (list("sysctl")) host.Sysctls = Object.fromEntries(list("sysctl")!.map((s) => [s.slice(0, s.indexOf("=") < 0 ? s.length : s.indexOf("=")), s.includes("=") ? s.slice(s.indexOf("=") + 1) : ""]));
  if (list("tmpfs")) host.Tmpfs = Object.fromEntries(list("tmpfs")!.map((t) => [t.split(":")[0]!, t.split(":").slice(1).join(":")]));
  for (const [flag, field] of [["pid", "PidMode"], ["ipc", "IpcMode"], ["uts", "UTSMode"], ["runtime", "Runtime"]] as const) if (str(flag) !== undefined) host[field] = str(flag)!;
  if (str("log-driver") !== undefined || list("log-opt")) {
    host.LogConfig = { Type: str("log-driver") ?? "json-file", Config: Object.fromEntries((list("log-opt") ?? []).map((o) => [o.split("=")[0]!, o.split("=").slice(1).join("=")])) };
  }
  if (str("stop-signal") !== undefined) config.StopSignal = str("stop-signal")!;
  if (num("stop-timeout") !== undefined) config.StopTimeout = num("stop-timeout")!;
  const health = ["health-cmd", "health-interval", "health-timeout", "health-start-period", "health-start-interval", "health-retries"].some((f) => flags[f] !== undefined);
  if (flags["no-healthcheck"] === true) {
    if (health) throw new Error("--no-healthcheck conflicts with --health-* options");
    config.Healthcheck = { Test: ["NONE"] };
  } else if (health) {
    for (const f of ["health-interval", "health-timeout", "health-start-period", "health-start-interval"]) {
      if ((num(f) ?? 0) < 0) throw new Error(`--${f} cannot be negative`);
    }
    if ((num("health-retries") ?? 0) < 0) throw new Error("--health-retries cannot be negative");
    config.Healthcheck = {
      ...(str("health-cmd") !== undefined ? { Test: ["CMD-SHELL", str("health-cmd")!] } : {}),
      ...(num("health-interval") !== undefined ? { Interval: num("health-interval")! } : {}),
      ...(num("health-timeout") !== undefined ? { Timeout: num("health-timeout")! } : {}),
      ...(num("health-start-period") !== undefined ? { StartPeriod: num("health-start-period")! } : {}),
      ...(num("health-start-interval") !== undefined ? { StartInterval: num("health-start-interval")! } : {}),
      ...(num("health-retries") !== undefined ? { Retries: num("health-retries")! } : {}),
    };
  }
}
