// Merging compose documents (`-f a.yaml -f b.yaml`, override files, extends), following
// the Compose Specification's merge rules as compose-go applies them.
import { isPlainObject } from "./interpolate.ts";
import { OverrideTag, ResetTag } from "./tags.ts";

type Dict = Record<string, unknown>;

/** Service attributes whose list and mapping forms merge by key. */
const MAPPING_KEYS = new Set(["environment", "labels", "annotations", "sysctls", "extra_hosts", "depends_on", "networks", "ulimits", "logging.options", "build.args", "build.labels", "build.extra_hosts"]);
/** Service attributes a later file replaces whole. */
const REPLACE_KEYS = new Set(["command", "entrypoint", "healthcheck.test", "image", "build.dockerfile"]);
/** Lists merged as sets (append unseen items). */
const UNIQUE_LIST_KEYS = new Set(["ports", "expose", "dns", "dns_search", "dns_opt", "cap_add", "cap_drop", "env_file", "profiles", "external_links", "links", "tmpfs", "security_opt", "devices", "secrets", "configs", "volumes_from"]);

/** Turn a list form (`["A=1", "B"]` or `["db"]`) into a mapping. */
export function listToMapping(value: unknown, sep = "="): Dict {
  if (isPlainObject(value)) return value;
  const out: Dict = {};
  if (!Array.isArray(value)) return out;
  for (const item of value) {
    if (typeof item !== "string") continue;
    const i = item.indexOf(sep);
    if (i < 0) out[item] = null;
    else out[item.slice(0, i)] = item.slice(i + 1);
  }
  return out;
}

function volumeTarget(v: unknown): string | undefined {
  if (isPlainObject(v)) return typeof v["target"] === "string" ? v["target"] : undefined;
  if (typeof v !== "string") return undefined;
  const parts = v.split(":");
  return parts.length === 1 ? parts[0] : parts[1];
}

function sameJSON(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function mergeService(base: Dict, over: Dict): Dict {
  const out: Dict = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const prev = out[key];
    if (value instanceof ResetTag) {
      delete out[key];
      continue;
    }
    if (value instanceof OverrideTag) {
      out[key] = value.value;
      continue;
    }
    if (prev === undefined || prev === null) {
      out[key] = value;
      continue;
    }
    if (MAPPING_KEYS.has(key)) {
      const sep = key === "extra_hosts" ? ":" : "=";
      const a = key === "depends_on" || key === "networks" ? listToMapping(prev, "\u0000") : listToMapping(prev, sep);
      const b = key === "depends_on" || key === "networks" ? listToMapping(value, "\u0000") : listToMapping(value, sep);
      const merged: Dict = { ...a };
      for (const [k, v] of Object.entries(b)) merged[k] = isPlainObject(merged[k]) && isPlainObject(v) ? { ...merged[k], ...v } : v;
      out[key] = merged;
    } else if (REPLACE_KEYS.has(key)) {
      out[key] = value;
    } else if (key === "volumes" && Array.isArray(prev) && Array.isArray(value)) {
      const merged = [...prev];
      for (const v of value) {
        const t = volumeTarget(v);
        const i = t === undefined ? -1 : merged.findIndex((m) => volumeTarget(m) === t);
        if (i >= 0) merged[i] = v;
        else merged.push(v);
      }
      out[key] = merged;
    } else if (UNIQUE_LIST_KEYS.has(key) && Array.isArray(prev) && Array.isArray(value)) {
      const merged = [...prev];
      for (const v of value) if (!merged.some((m) => sameJSON(m, v))) merged.push(v);
      out[key] = merged;
    } else if (key === "build") {
      const a = typeof prev === "string" ? { context: prev } : prev;
      const b = typeof value === "string" ? { context: value } : value;
      out[key] = isPlainObject(a) && isPlainObject(b) ? mergeService(a, b) : value;
    } else if (key === "healthcheck" && isPlainObject(prev) && isPlainObject(value)) {
      out[key] = { ...prev, ...value };
    } else if (isPlainObject(prev) && isPlainObject(value)) {
      out[key] = mergeDeep(prev, value);
    } else {
      out[key] = value;
    }
  }
  return out;
}

function mergeDeep(a: Dict, b: Dict): Dict {
  const out: Dict = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    if (v instanceof ResetTag) delete out[k];
    else if (v instanceof OverrideTag) out[k] = v.value;
    else out[k] = isPlainObject(prev) && isPlainObject(v) ? mergeDeep(prev, v) : v;
  }
  return out;
}

/** Merge one service definition over another (used by `extends` too). */
export function mergeServices(base: Dict, over: Dict): Dict {
  return mergeService(base, over);
}

/** Merge a later compose document over an earlier one. */
export function mergeDocuments(base: Dict, over: Dict): Dict {
  const out: Dict = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const prev = out[key];
    if (key === "services" && isPlainObject(prev) && isPlainObject(value)) {
      const services: Dict = { ...prev };
      for (const [name, svc] of Object.entries(value)) {
        if (svc instanceof ResetTag) {
          delete services[name];
          continue;
        }
        const old = services[name];
        services[name] = isPlainObject(old) && isPlainObject(svc) ? mergeService(old, svc) : svc;
      }
      out[key] = services;
    } else if (isPlainObject(prev) && isPlainObject(value)) {
      out[key] = mergeDeep(prev, value);
    } else {
      out[key] = value;
    }
  }
  return out;
}
