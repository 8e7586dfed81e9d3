/**
 * Registries other than the catalog's Docker Hub: what learners push. A RepositoryStore is one
 * registry's content (repositories, tags, manifests); the daemon keeps one overlaying Docker Hub
 * and one per running `registry` container. Also: how a dial to a registry host fails when
 * nothing serves it, and the manifest a push uploads.
 */
import type { ImageConfig } from "../backend/engine.ts";
import type { Container } from "./container.ts";
import { digestOf } from "./digest.ts";
import { imageHistory, type HistoryEntry, type LocalImage } from "./image-store.ts";
import { familiarName, type Reference } from "./reference.ts";
import type { RegistryImage, RegistryLayer } from "./registry.ts";

/** What `docker login` stores and the CLI sends for Docker Hub. */
export const INDEX_SERVER = "https://index.docker.io/v1/";

/** Where a private registry runs: the container serving it (its storage goes with it). */
export interface RegistryLocation {
  containerId: string;
}

/** One manifest as a registry holds it. */
export interface StoredManifest {
  digest: string;
  /** Bytes of the manifest JSON (`size:` in push output). */
  size: number;
  /** The config digest: the image ID. */
  id: string;
  created: string;
  config: ImageConfig;
  layers: RegistryLayer[];
  programs: Record<string, string>;
  /** The image's history as pushed (pulled back with it). */
  history?: HistoryEntry[];
}

/** One registry's content: repository path (`alice/tools`, `app`) -> tag -> manifest. */
export class RepositoryStore {
  readonly #repos = new Map<string, Map<string, StoredManifest>>();

  put(path: string, tag: string, manifest: StoredManifest): void {
    let tags = this.#repos.get(path);
    if (!tags) this.#repos.set(path, (tags = new Map()));
    tags.set(tag, manifest);
  }

  has(path: string): boolean {
    return this.#repos.has(path);
  }

  repositories(): string[] {
    return [...this.#repos.keys()].sort();
  }

  tags(path: string): string[] {
    return [...(this.#repos.get(path)?.keys() ?? [])].sort();
  }

  /** Whether the repository holds the blob (a layer of one of its manifests). */
  hasBlob(path: string, digest: string): boolean {
    for (const manifest of this.#repos.get(path)?.values() ?? []) if (manifest.layers.some((l) => l.digest === digest)) return true;
    return false;
  }

  /** The manifest `ref` names (by tag, `latest` by default, or by digest), as a pull receives it. */
  resolve(ref: Reference): RegistryImage | undefined {
    const tags = this.#repos.get(ref.path);
    if (!tags) return undefined;
    const tag = ref.tag ?? "latest";
    const manifest = ref.digest !== undefined ? [...tags.values()].find((m) => m.digest === ref.digest) : tags.get(tag);
    if (!manifest) return undefined;
    return {
      repository: familiarName(ref),
      tag,
      digest: manifest.digest,
      id: manifest.id,
      created: manifest.created,
      config: structuredClone(manifest.config),
      layers: manifest.layers,
      programs: manifest.programs,
      ...(manifest.history ? { history: manifest.history } : {}),
    };
  }
}

/** The schema2 manifest the daemon uploads for a local image, with its digest and size. */
export function manifestOf(image: LocalImage): StoredManifest {
  const config = JSON.stringify({
    architecture: "amd64",
    config: image.config,
    created: image.created,
    history: image.layers.map((l) => ({ created: l.created ?? image.created, created_by: l.createdBy, comment: l.comment ?? "buildkit.dockerfile.v0" })),
    os: "linux",
    rootfs: { type: "layers", diff_ids: image.layers.map((l) => l.diffId) },
  });
  // As the daemon marshals it (three-space indent): one layer makes the 528 bytes Docker reports.
  const text = JSON.stringify(
    {
      schemaVersion: 2,
      mediaType: "application/vnd.docker.distribution.manifest.v2+json",
      config: { mediaType: "application/vnd.docker.container.image.v1+json", size: config.length, digest: image.id },
      layers: image.layers.map((l) => ({ mediaType: "application/vnd.docker.image.rootfs.diff.tar.gzip", size: l.compressed, digest: l.digest })),
    },
    null,
    3,
  );
  return { digest: digestOf(text), size: text.length, id: image.id, created: image.created, config: structuredClone(image.config), layers: image.layers, programs: image.programs, history: imageHistory(image) };
}

/** Docker Hub's rule for a Docker ID: 4 to 30 lowercase letters and digits. */
export const validHubUsername = (name: string): boolean => /^[a-z0-9]{4,30}$/.test(name);

/** `localhost:5000` -> host `localhost`, port `5000`; the port is undefined when not given. */
function splitHost(domain: string): { host: string; port: number | undefined } {
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(domain);
  if (bracket) return { host: bracket[1]!, port: bracket[2] !== undefined ? Number(bracket[2]) : undefined };
  const colon = domain.lastIndexOf(":");
  if (colon < 0) return { host: domain, port: undefined };
  return { host: domain.slice(0, colon), port: Number(domain.slice(colon + 1)) };
}

const isLoopback = (host: string) => host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
const isIp = (host: string) => /^\d+\.\d+\.\d+\.\d+$/.test(host) || host.includes(":");

/**
 * The daemon's dial error for a registry nothing serves. Loopback registries are insecure by
 * default, so the daemon falls back to plain HTTP and reports that attempt.
 */
export function unreachableRegistry(domain: string): string {
  const { host, port } = splitHost(domain);
  if (isLoopback(host)) {
    const address = host === "localhost" || host === "::1" ? `[::1]:${port ?? 80}` : `${host}:${port ?? 80}`;
    return `Get "http://${domain}/v2/": dial tcp ${address}: connect: connection refused`;
  }
  if (isIp(host)) return `Get "https://${domain}/v2/": dial tcp ${host.includes(":") ? `[${host}]` : host}:${port ?? 443}: i/o timeout`;
  return `Get "https://${domain}/v2/": dial tcp: lookup ${host} on 127.0.0.53:53: no such host`;
}

/**
 * The default `registryAt` hook: a running container of a registry image (its program is the
 * registry) publishing its port 5000 on the loopback port `domain` names.
 */
export function findRegistryContainer(domain: string, containers: Container[]): RegistryLocation | undefined {
  const { host, port = 80 } = splitHost(domain);
  if (!isLoopback(host)) return undefined;
  for (const c of containers) {
    if (c.status !== "running" || !Object.values(c.image.programs).includes("registry")) continue;
    // The ports bound while it runs; the requested bindings when the engine tracks none.
    const bindings = c.ports?.length ? c.ports : Object.entries(c.hostConfig.PortBindings ?? {}).flatMap(([spec, hosts]) =>
      hosts.map((h) => ({ containerPort: Number(spec.split("/")[0]), proto: spec.split("/")[1] ?? "tcp", hostIp: h.HostIp, hostPort: Number(h.HostPort) })),
    );
    const serves = bindings.some((b) => b.containerPort === 5000 && b.proto === "tcp" && b.hostPort === port && (b.hostIp === "" || b.hostIp === "0.0.0.0" || isLoopback(b.hostIp) || b.hostIp === "::"));
    if (serves) return { containerId: c.id };
  }
  return undefined;
}

/** The registry a reference's domain names, as `docker login` keys its credentials. */
export const credentialKey = (ref: Reference): string => (ref.domain === "docker.io" ? INDEX_SERVER : ref.domain);
