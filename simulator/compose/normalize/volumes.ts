/** A service's `volumes`: the short syntax parsed into compose-go's long syntax, bind sources made absolute. */
import { ComposeError } from "../errors.ts";
import { isPlainObject } from "../interpolate.ts";
import type { ServiceVolumeConfig } from "../model.ts";
import { resolve } from "../path.ts";
import { expandHome, type Dict, type NormalizeContext } from "./values.ts";

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

export function normalizeVolumes(value: unknown, ctx: NormalizeContext): ServiceVolumeConfig[] {
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
