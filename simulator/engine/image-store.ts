/** Images held by the daemon: each an ID with tags, config and a stack of shared layers. */
import type { RegistryImage, RegistryLayer } from "./registry.ts";
import { familiarName, familiarString, parseReference, withDefaultTag } from "./reference.ts";

export interface LocalImage {
  id: string;
  /** Set for images made by docker commit. */
  author?: string;
  comment?: string;
  repoTags: string[];
  repoDigests: string[];
  created: string;
  config: RegistryImage["config"];
  layers: RegistryLayer[];
  programs: Record<string, string>;
  /** History of a built image, metadata steps included (one entry per layer otherwise). */
  history?: HistoryEntry[];
}

export interface HistoryEntry {
  created: string;
  createdBy: string;
  comment?: string;
  /** Metadata-only steps (ENV, CMD...) add no layer. */
  emptyLayer: boolean;
}

/** An image's history, oldest first: its own record, or one entry per layer for images that have none. */
export function imageHistory(image: { created: string; layers: Pick<RegistryLayer, "createdBy" | "created" | "comment">[]; history?: HistoryEntry[] | undefined }): HistoryEntry[] {
  if (image.history) return image.history.slice();
  return image.layers.map((l) => ({
    created: l.created ?? image.created,
    createdBy: l.createdBy,
    ...(l.comment ? { comment: l.comment } : l.createdBy.endsWith("# buildkit") ? { comment: "buildkit.dockerfile.v0" } : {}),
    emptyLayer: false,
  }));
}

export class ImageStore {
  readonly #images = new Map<string, LocalImage>();
  /** `repo:tag` (familiar) -> image ID */
  readonly #tags = new Map<string, string>();
  /** Layer digests present, shared by every image that uses them. */
  readonly #layers = new Map<string, RegistryLayer>();

  hasLayer(digest: string): boolean {
    return this.#layers.has(digest);
  }

  /** Record a pulled image and point its tag at it (moving the tag off an older image). */
  add(pulled: RegistryImage): LocalImage {
    for (const layer of pulled.layers) this.#layers.set(layer.digest, layer);
    const tag = `${pulled.repository}:${pulled.tag}`;
    const previous = this.#tags.get(tag);
    if (previous && previous !== pulled.id) this.#untag(previous, tag);
    let image = this.#images.get(pulled.id);
    if (!image) {
      image = {
        id: pulled.id,
        repoTags: [],
        repoDigests: [],
        created: pulled.created,
        config: pulled.config,
        layers: pulled.layers,
        programs: pulled.programs,
        ...(pulled.history ? { history: pulled.history } : {}),
      };
      this.#images.set(image.id, image);
    }
    if (!image.repoTags.includes(tag)) image.repoTags.push(tag);
    const repoDigest = `${pulled.repository}@${pulled.digest}`;
    if (!image.repoDigests.includes(repoDigest)) image.repoDigests.push(repoDigest);
    this.#tags.set(tag, image.id);
    return image;
  }

  /** Record an image made on this daemon (commit, build), tagged `repo:tag` when given. */
  addLocal(image: LocalImage, tag?: string): LocalImage {
    for (const layer of image.layers) this.#layers.set(layer.digest, layer);
    const existing = this.#images.get(image.id) ?? image;
    if (existing === image) {
      image.repoTags = [];
      this.#images.set(image.id, image);
    }
    if (tag) this.tag(existing, tag);
    return existing;
  }

  #untag(id: string, tag: string): void {
    const image = this.#images.get(id);
    if (image) image.repoTags = image.repoTags.filter((t) => t !== tag);
  }

  /** Find an image by `name[:tag]`, full or short ID, or `name@digest`, as the daemon does. */
  lookup(nameOrId: string): LocalImage | undefined {
    const id = nameOrId.startsWith("sha256:") ? nameOrId : `sha256:${nameOrId}`;
    if (/^sha256:[0-9a-f]{64}$/.test(id) && this.#images.has(id)) return this.#images.get(id);
    try {
      const ref = withDefaultTag(parseReference(nameOrId));
      if (ref.digest !== undefined) {
        const repoDigest = `${familiarName(ref)}@${ref.digest}`;
        return [...this.#images.values()].find((i) => i.repoDigests.includes(repoDigest));
      }
      const tagged = this.#tags.get(familiarString(ref));
      if (tagged) return this.#images.get(tagged);
    } catch {
      // Not a valid reference: may still be a short ID.
    }
    if (/^[0-9a-f]{1,64}$/.test(nameOrId)) {
      const matches = [...this.#images.keys()].filter((k) => k.slice("sha256:".length).startsWith(nameOrId));
      if (matches.length === 1) return this.#images.get(matches[0]!);
    }
    return undefined;
  }

  list(): LocalImage[] {
    return [...this.#images.values()];
  }

  /** Point `repo:tag` (familiar form) at an image, moving it off any other. */
  tag(image: LocalImage, tag: string): void {
    const previous = this.#tags.get(tag);
    if (previous === image.id) return;
    if (previous) this.#untag(previous, tag);
    image.repoTags.push(tag);
    this.#tags.set(tag, image.id);
  }

  /** Remove a tag; returns whether the image it named is now untagged. */
  untag(tag: string): LocalImage | undefined {
    const id = this.#tags.get(tag);
    if (!id) return undefined;
    this.#tags.delete(tag);
    this.#untag(id, tag);
    return this.#images.get(id);
  }

  /** Forget an image entirely (its tags must already be gone or are dropped). */
  delete(image: LocalImage): void {
    for (const tag of image.repoTags) this.#tags.delete(tag);
    this.#images.delete(image.id);
    const used = new Set(this.list().flatMap((i) => i.layers.map((l) => l.digest)));
    for (const digest of [...this.#layers.keys()]) if (!used.has(digest)) this.#layers.delete(digest);
  }

  /** Bytes of all distinct layers held. */
  layersSize(): number {
    let total = 0;
    for (const layer of this.#layers.values()) total += layer.size;
    return total;
  }
}

/** Bytes an image takes on disk: its unpacked layers. */
export const imageSize = (image: LocalImage): number => image.layers.reduce((sum, l) => sum + l.size, 0);
/** Bytes of compressed content (what a pull downloads). */
export const imageContentSize = (image: LocalImage): number => image.layers.reduce((sum, l) => sum + l.compressed, 0);
