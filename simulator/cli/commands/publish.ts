/** `-p`, `-v` and `--mount` as the docker CLI turns them into the create request. */
import type { HostMount, PortBinding } from "../../backend/engine.ts";
import { normalizePath } from "../../engine/layered-fs.ts";

/** A usage problem the CLI reports before asking the daemon (docker run exits 125). */
export class InvalidFlagValue extends Error {}

/** `[ip:][hostPort:]containerPort[/proto]` (ranges allowed) -> ExposedPorts and PortBindings. */
export function parsePublish(specs: string[]): { exposed: Record<string, object>; bindings: Record<string, PortBinding[]> } {
  const exposed: Record<string, object> = {};
  const bindings: Record<string, PortBinding[]> = {};
  for (const spec of specs) {
    const [address, proto = "tcp"] = spec.split("/") as [string, string?];
    if (!["tcp", "udp", "sctp"].includes(proto)) throw new InvalidFlagValue(`invalid proto: ${proto}`);
    let ip = "";
    let rest = address;
    const bracket = /^\[([^\]]+)\]:(.*)$/.exec(address);
    if (bracket) {
      ip = bracket[1]!;
      rest = bracket[2]!;
    }
    const parts = rest.split(":");
    if (parts.length > 3) throw new InvalidFlagValue(`invalid port specification: "${spec}"`);
    const containerPart = parts.at(-1)!;
    const hostPart = parts.length >= 2 ? parts.at(-2)! : "";
    if (parts.length === 3) ip = parts[0]!;
    const containerPorts = portRange(containerPart, "containerPort", spec);
    const hostPorts = hostPart === "" ? [] : portRange(hostPart, "hostPort", spec);
    if (hostPorts.length > 0 && hostPorts.length !== containerPorts.length && hostPorts.length !== 1) {
      throw new InvalidFlagValue(`invalid ranges specified for container and host Ports: ${containerPart} and ${hostPart}`);
    }
    containerPorts.forEach((port, i) => {
      const key = `${port}/${proto}`;
      exposed[key] = {};
      const hostPort = hostPorts.length === 0 ? "" : String(hostPorts.length === 1 && containerPorts.length > 1 ? hostPorts[0]! + i : hostPorts[i]!);
      (bindings[key] ??= []).push({ HostIp: ip, HostPort: hostPort });
    });
  }
  return { exposed, bindings };
}

function portRange(text: string, what: string, spec: string): number[] {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!match) throw new InvalidFlagValue(`invalid ${what}: ${text}`);
  const first = Number(match[1]);
  const last = match[2] === undefined ? first : Number(match[2]);
  if (first < 1 || last > 65535 || last < first) throw new InvalidFlagValue(`invalid port specification: "${spec}"`);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** `-v` host paths relative to the working directory become absolute, as the CLI does. */
export function absoluteBinds(binds: string[], cwd: string): string[] {
  return binds.map((bind) => {
    const [source, ...rest] = bind.split(":");
    if (rest.length === 0 || !(source === "." || source === ".." || source!.startsWith("./") || source!.startsWith("../") || source!.startsWith("~/"))) return bind;
    const home = "/home/learner";
    const base = source!.startsWith("~/") ? `${home}/${source!.slice(2)}` : `${cwd}/${source}`;
    return [normalizePath(base), ...rest].join(":");
  });
}


/** `--mount type=bind,source=./site,target=/usr/share/nginx/html,readonly` */
export function parseMount(spec: string, cwd: string): HostMount {
  const fields: Record<string, string> = {};
  for (const field of spec.split(",")) {
    const [key = "", value] = field.split("=");
    if (value === undefined) {
      if (key === "readonly" || key === "ro") fields["readonly"] = "true";
      else throw new InvalidFlagValue(`invalid field '${key}' must be a key=value pair`);
    } else fields[key.toLowerCase()] = value;
  }
  const type = fields["type"] ?? "volume";
  if (!["bind", "volume", "tmpfs"].includes(type)) throw new InvalidFlagValue(`invalid value for 'type': ${type}`);
  const target = fields["target"] ?? fields["destination"] ?? fields["dst"];
  if (!target) throw new InvalidFlagValue("target is required");
  let source = fields["source"] ?? fields["src"];
  if (type === "bind" && source && !source.startsWith("/")) source = normalizePath(`${cwd}/${source}`);
  const readonly = fields["readonly"] ?? fields["ro"];
  return { Type: type as HostMount["Type"], Target: target, ...(source ? { Source: source } : {}), ...(readonly === "true" || readonly === "1" ? { ReadOnly: true } : {}) };
}
