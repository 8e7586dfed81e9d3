/** docker commit: the container's writable layer becomes a new image layer. */
import type { ImageConfig } from "../backend/engine.ts";
import { invalidParameter } from "../backend/errors.ts";
import { RUNTIME_FILES, type Container } from "./container.ts";
import { digestOf } from "./digest.ts";
import { imageHistory, type LocalImage } from "./image-store.ts";
import { Layer } from "./layered-fs.ts";
import type { RegistryLayer } from "./registry.ts";

/** A read-only copy of the container's own layer (runtime-managed files left out). */
function snapshot(container: Container): Layer {
  const layer = new Layer();
  for (const [path, node] of container.rootfs.upper.nodes) {
    if (RUNTIME_FILES.has(path)) continue;
    if (path === "/etc" && node.type === "dir" && container.image.layers.some((l) => l.fs.nodes.has("/etc"))) continue;
    layer.set(path, node);
  }
  return layer;
}

const words = (text: string): string[] => {
  const trimmed = text.trim();
  if (trimmed.startsWith("[")) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed) && parsed.every((p) => typeof p === "string")) return parsed;
    } catch {
      // Not JSON: the shell form.
    }
  }
  return ["/bin/sh", "-c", trimmed];
};

const keyValues = (text: string): [string, string][] => {
  const pairs = [...text.matchAll(/([^\s=]+)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g)].map((m) => [m[1]!, m[2]!.replace(/^["']|["']$/g, "")] as [string, string]);
  if (pairs.length > 0) return pairs;
  const [key = "", ...rest] = text.trim().split(/\s+/);
  return [[key, rest.join(" ")]];
};

/** Apply `--change` instructions (the subset docker commit accepts) to a config. */
export function applyChanges(config: ImageConfig, changes: string[]): ImageConfig {
  const next: ImageConfig = structuredClone(config);
  for (const change of changes) {
    const match = /^\s*(\w+)\s+([\s\S]*)$/.exec(change);
    if (!match) throw invalidParameter(`dockerfile parse error on line 1: unknown instruction: ${change.trim().toUpperCase()}`);
    const [, keyword, rest] = match as unknown as [string, string, string];
    switch (keyword.toUpperCase()) {
      case "CMD": next.Cmd = words(rest); break;
      case "ENTRYPOINT": next.Entrypoint = words(rest); break;
      case "WORKDIR": next.WorkingDir = rest.trim(); break;
      case "USER": next.User = rest.trim(); break;
      case "STOPSIGNAL": next.StopSignal = rest.trim(); break;
      case "ENV":
        for (const [k, v] of keyValues(rest)) next.Env = [...next.Env.filter((e) => e.split("=")[0] !== k), `${k}=${v}`];
        break;
      case "LABEL":
        next.Labels = { ...(next.Labels ?? {}), ...Object.fromEntries(keyValues(rest)) };
        break;
      case "EXPOSE":
        next.ExposedPorts = { ...(next.ExposedPorts ?? {}), ...Object.fromEntries(rest.trim().split(/\s+/).map((p) => [p.includes("/") ? p : `${p}/tcp`, {}])) };
        break;
      case "VOLUME":
        next.Volumes = { ...(next.Volumes ?? {}), ...Object.fromEntries(words(rest)[0] === "/bin/sh" ? rest.trim().split(/\s+/).map((v) => [v, {}]) : words(rest).map((v) => [v, {}])) };
        break;
      default:
        throw invalidParameter(`${keyword.toUpperCase()} is not a valid change command`);
    }
  }
  return next;
}

/** The image `docker commit` makes from `container` at `now`. */
export function commitImage(container: Container, now: number, options: { comment?: string; author?: string; changes?: string[] }): LocalImage {
  const fs = snapshot(container);
  const created = new Date(now).toISOString();
  const base = container.image;
  const config = applyChanges(
    {
      ...base.config,
      Cmd: container.config.Cmd,
      Entrypoint: container.config.Entrypoint,
      Env: container.config.Env,
      WorkingDir: container.config.WorkingDir,
      User: container.config.User ?? base.config.User,
      Labels: Object.keys(container.config.Labels).length > 0 ? container.config.Labels : base.config.Labels,
    },
    options.changes ?? [],
  );
  const seed = `commit:${container.id}:${now}:${fs.nodes.size}:${JSON.stringify(config)}`;
  const layer: RegistryLayer = {
    digest: digestOf(`layer:${seed}`),
    diffId: digestOf(`diff:${seed}`),
    size: fs.size(),
    compressed: Math.ceil(fs.size() / 2),
    createdBy: [container.path, ...container.args].join(" "),
    fs,
    created,
    ...(options.comment ? { comment: options.comment } : {}),
  };
  return {
    id: digestOf(`config:${seed}:${base.id}`),
    repoTags: [],
    repoDigests: [],
    created,
    config,
    layers: [...base.layers, layer],
    programs: base.programs,
    history: [...imageHistory(base), { created, createdBy: layer.createdBy, ...(options.comment ? { comment: options.comment } : {}), emptyLayer: false }],
    ...(options.author ? { author: options.author } : {}),
    ...(options.comment ? { comment: options.comment } : {}),
  };
}
