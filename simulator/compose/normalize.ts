// From a merged, validated compose document to the normalised project model
// (what `docker compose config` prints): long syntaxes, defaults, project-scoped names.
// Each service key's normaliser lives in normalize/; the project-level checks are here.
import { ComposeError, INVALID_PROJECT } from "./errors.ts";
import { isPlainObject } from "./interpolate.ts";
import type { NetworkConfig, Project, ServiceConfig, VolumeConfig } from "./model.ts";
import { resolve } from "./path.ts";
import { normalizeService } from "./normalize/service.ts";
import { expandHome, sortKeys, str, toStringMap, type Dict, type NormalizeContext } from "./normalize/values.ts";

export type { NormalizeContext } from "./normalize/values.ts";
export { parsePortSpec } from "./normalize/ports.ts";
export { parseVolumeSpec } from "./normalize/volumes.ts";

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

