/** A service's `ports`: the short syntax parsed into compose-go's long syntax, exact duplicates dropped. */
import { ComposeError } from "../errors.ts";
import { isPlainObject } from "../interpolate.ts";
import type { PortConfig } from "../model.ts";
import { str, type Dict } from "./values.ts";

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

export function normalizePorts(value: unknown): PortConfig[] {
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
