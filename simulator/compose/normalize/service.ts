/** One service in long syntax: each key's normaliser, then its keys sorted as `docker compose config` prints them. */
import { isPlainObject } from "../interpolate.ts";
import type { ServiceConfig } from "../model.ts";
import { shellSplit } from "../shellwords.ts";
import { normalizeBuild } from "./build.ts";
import { normalizeDependsOn } from "./depends-on.ts";
import { normalizeEnvironment } from "./environment.ts";
import { normalizeHealthcheck } from "./healthcheck.ts";
import { normalizePorts } from "./ports.ts";
import { normalizeVolumes } from "./volumes.ts";
import { normalizeDuration, sortKeys, str, toNumber, toStringMap, type Dict, type NormalizeContext } from "./values.ts";

function normalizeCommand(v: unknown): string[] | null | undefined {
  if (v === undefined) return undefined;
  if (v === null) return null;
  if (typeof v === "string") return shellSplit(v);
  if (Array.isArray(v)) return v.map(str);
  return undefined;
}

function normalizeNetworks(v: unknown, hasNetworkMode: boolean): Record<string, Record<string, unknown> | null> | undefined {
  if (v === undefined || v === null) return hasNetworkMode ? undefined : { default: null };
  const out: Record<string, Record<string, unknown> | null> = {};
  if (Array.isArray(v)) for (const n of v) out[str(n)] = null;
  else if (isPlainObject(v)) for (const [n, cfg] of Object.entries(v)) out[n] = isPlainObject(cfg) ? cfg : null;
  return sortKeys(out);
}

export async function normalizeService(name: string, raw: Dict, ctx: NormalizeContext): Promise<ServiceConfig> {
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
  const environment = await normalizeEnvironment(name, s, ctx);
  delete s["env_file"];
  if (environment) s["environment"] = environment;
  for (const k of Object.keys(s)) if (s[k] === undefined) delete s[k];
  return sortKeys(s) as ServiceConfig;
}
