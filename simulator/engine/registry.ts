/** The simulated Docker Hub: resolves references to manifests built from the catalog. */
import { catalogImages } from "../catalog/images.ts";
import type { CatalogImage } from "../catalog/types.ts";
import type { ImageConfig } from "../backend/engine.ts";
import { digestOf } from "./digest.ts";
import { familiarName, type Reference } from "./reference.ts";

export interface RegistryLayer {
  digest: string;
  /** The uncompressed layer's diff ID (what RootFS.Layers lists). */
  diffId: string;
  size: number;
  compressed: number;
  createdBy: string;
  files: Record<string, string>;
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
}

function layerOf(image: CatalogImage, index: number): RegistryLayer {
  const layer = image.layers[index]!;
  return {
    digest: digestOf(`layer:${layer.key}`),
    diffId: digestOf(`diff:${layer.key}`),
    size: layer.size,
    compressed: layer.compressed,
    createdBy: layer.createdBy,
    files: layer.files ?? {},
  };
}

/** Look up `ref` on Docker Hub; undefined when the repository or tag does not exist. */
export function resolve(ref: Reference): RegistryImage | undefined {
  if (ref.domain !== "docker.io") return undefined;
  const name = familiarName(ref);
  const image = catalogImages.find((i) => i.repository === name);
  if (!image) return undefined;
  const tag = ref.tag ?? "latest";
  if (!image.tags.includes(tag)) return undefined;
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
  };
}

/** Whether the repository exists at all (to tell "manifest unknown" from "access denied"). */
export function repositoryExists(ref: Reference): boolean {
  return ref.domain === "docker.io" && catalogImages.some((i) => i.repository === familiarName(ref));
}
