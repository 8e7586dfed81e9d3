/** The simulated Docker Hub: resolves references to manifests built from the catalog. */
import { catalogImages } from "../catalog/images.ts";
import type { CatalogImage, CatalogLayer } from "../catalog/types.ts";
import { Layer } from "./layered-fs.ts";
import type { ImageConfig } from "../backend/engine.ts";
import { digestOf } from "./digest.ts";
import { familiarName, type Reference } from "./reference.ts";
import type { RepositoryStore } from "./registries.ts";
import { imageHistory, type HistoryEntry } from "./image-store.ts";
import { goQuoteSlice } from "../dockerfile/go-text.ts";

export interface RegistryLayer {
  digest: string;
  /** The uncompressed layer's diff ID (what RootFS.Layers lists). */
  diffId: string;
  size: number;
  compressed: number;
  createdBy: string;
  /** The layer's files, built once and shared by every image and container that uses it. */
  fs: Layer;
  /** For layers made here (commit, build): when, and the history comment. */
  created?: string;
  comment?: string;
}

export interface RegistryImage {
  repository: string;
  tag: string;
  /** Manifest digest: the repo digest users see after a pull. */
  digest: string;
  /** Image ID: the config digest. */
  id: string;
  created: string;
  config: ImageConfig;
  layers: RegistryLayer[];
  programs: Record<string, string>;
  /** Layers and metadata steps, oldest first (what `docker history` lists). */
  history?: HistoryEntry[];
}

/** Layers are immutable: one copy serves every simulator in the page. */
const builtLayers = new Map<string, Layer>();
const CATALOG_MTIME = new Date("2025-01-01T00:00:00Z");

function buildLayer(layer: CatalogLayer): Layer {
  let built = builtLayers.get(layer.key);
  if (built) return built;
  const modes: Record<string, number> = {};
  const files: Record<string, string> = { ...(layer.files ?? {}) };
  for (const path of layer.executables ?? []) {
    files[path] ??= "\x7fELF (simulated executable)\n";
    modes[path] = 0o755;
  }
  built = Layer.fromFiles(files, CATALOG_MTIME, modes);
  for (const dir of layer.dirs ?? []) built.ensureDirs(dir, CATALOG_MTIME);
  for (const [path, target] of Object.entries(layer.symlinks ?? {})) {
    built.ensureDirs(path.slice(0, path.lastIndexOf("/")) || "/", CATALOG_MTIME);
    built.set(path, { type: "symlink", target, mode: 0o777, mtime: CATALOG_MTIME });
  }
  builtLayers.set(layer.key, built);
  return built;
}

function layerOf(image: CatalogImage, index: number): RegistryLayer {
  const layer = image.layers[index]!;
  return {
    digest: digestOf(`layer:${layer.key}`),
    diffId: digestOf(`diff:${layer.key}`),
    size: layer.size,
    compressed: layer.compressed,
    createdBy: layer.createdBy,
    fs: buildLayer(layer),
  };
}

/** Look up `ref` on Docker Hub (what was pushed to `pushed` first); undefined when the repository or tag does not exist. */
export function resolve(ref: Reference, pushed?: RepositoryStore): RegistryImage | undefined {
  if (ref.domain !== "docker.io") return undefined;
  const own = pushed?.resolve(ref);
  if (own) return own;
  const name = familiarName(ref);
  const tag = ref.tag ?? "latest";
  const builds = catalogImages.filter((i) => i.repository === name);
  const image = ref.digest !== undefined ? builds.find((i) => digestOf(`manifest:${i.repository}@${i.created}`) === ref.digest) : builds.find((i) => i.tags.includes(tag));
  if (!image) return undefined;
  // Tags of one catalog entry are aliases of one build: same manifest, same image ID.
  const build = `${image.repository}@${image.created}`;
  const digest = digestOf(`manifest:${build}`);
  if (ref.digest !== undefined && ref.digest !== digest) return undefined;
  return {
    repository: name,
    tag,
    digest,
    id: digestOf(`config:${build}`),
    created: image.created,
    config: structuredClone(image.config),
    layers: image.layers.map((_, i) => layerOf(image, i)),
    programs: image.programs ?? {},
    history: catalogHistory(image),
  };
}

/**
 * A catalog image's history: a step per layer, then the metadata steps its Dockerfile ends with
 * (ENTRYPOINT, EXPOSE, STOPSIGNAL, CMD, as the official images' Dockerfiles order them), written as
 * the builder that made its top layer writes them: BuildKit (`CMD ["sh"]`) or the legacy builder
 * (`/bin/sh -c #(nop)  CMD ["/bin/bash"]`). Images made another way (busybox) list only their layers.
 */
function catalogHistory(image: CatalogImage): HistoryEntry[] {
  const entries = imageHistory({ created: image.created, layers: image.layers.map((l) => ({ createdBy: l.createdBy })) });
  const top = image.layers.at(-1)?.createdBy ?? "";
  const style = top.endsWith("# buildkit") ? "buildkit" : top.startsWith("/bin/sh -c") ? "legacy" : undefined;
  if (!style) return entries;
  const { Entrypoint, Cmd, StopSignal, ExposedPorts } = image.config;
  const steps = [
    Entrypoint ? `ENTRYPOINT ${goQuoteSlice(Entrypoint)}` : undefined,
    ExposedPorts && Object.keys(ExposedPorts).length > 0 ? `EXPOSE map[${Object.keys(ExposedPorts).sort().map((p) => `${p}:{}`).join(" ")}]` : undefined,
    StopSignal ? `STOPSIGNAL ${StopSignal}` : undefined,
    Cmd ? `CMD ${goQuoteSlice(Cmd)}` : undefined,
  ].filter((step): step is string => step !== undefined);
  for (const step of steps) {
    entries.push(style === "buildkit" ? { created: image.created, createdBy: step, comment: "buildkit.dockerfile.v0", emptyLayer: true } : { created: image.created, createdBy: `/bin/sh -c #(nop)  ${step}`, emptyLayer: true });
  }
  return entries;
}

/** Every tag the repository has on the registry (for `docker pull --all-tags`), sorted. */
export function tagsOf(ref: Reference, pushed?: RepositoryStore): string[] {
  if (ref.domain !== "docker.io") return [];
  const tags = new Set(catalogImages.filter((i) => i.repository === familiarName(ref)).flatMap((i) => i.tags));
  for (const tag of pushed?.tags(ref.path) ?? []) tags.add(tag);
  return [...tags].sort();
}

/** Whether the repository exists at all (to tell "manifest unknown" from "access denied"). */
export function repositoryExists(ref: Reference, pushed?: RepositoryStore): boolean {
  return ref.domain === "docker.io" && (catalogImages.some((i) => i.repository === familiarName(ref)) || (pushed?.has(ref.path) ?? false));
}

/** Whether the Docker Hub repository holds the layer blob (for `Layer already exists` and `Mounted from`). */
export function repositoryHasLayer(ref: Reference, digest: string, pushed?: RepositoryStore): boolean {
  if (ref.domain !== "docker.io") return false;
  if (pushed?.hasBlob(ref.path, digest)) return true;
  return catalogImages.some((i) => i.repository === familiarName(ref) && i.layers.some((l) => digestOf(`layer:${l.key}`) === digest));
}

/** Repositories on Docker Hub only because someone pushed them (community, no stars yet). */
export function pushedRepositories(pushed: RepositoryStore): string[] {
  return pushed.repositories().filter((path) => !catalogImages.some((i) => i.repository === familiarName({ domain: "docker.io", path })));
}
