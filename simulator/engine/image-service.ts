/** The daemon's image side: pulling from the registry, the local store, tags, history, search, prune, commit. */
import type {
  AuthConfig, AuthResponse, CommitOptions, HistoryItem, ImageDeleteItem, ImageInspect, ImageSummary, ProgressMessage, PullOptions, PullResult, PushOptions, PushResult, SearchResult,
} from "../backend/engine.ts";
import { EngineError, conflict, invalidParameter, notFound } from "../backend/errors.ts";
import { catalogImages } from "../catalog/images.ts";
import { createActor } from "xstate";
import { sleep, type Clock } from "./clock.ts";
import { pullMachine } from "./pull.machine.ts";
import { pushMachine, type LayerOutcome } from "./push.machine.ts";
import { INDEX_SERVER, RepositoryStore, manifestOf, unreachableRegistry, validHubUsername, type RegistryLocation } from "./registries.ts";
import type { Container } from "./container.ts";
import type { DockerEvent, EventBus, TraceEvent } from "./events.ts";
import { ImageStore, imageContentSize, imageHistory, imageSize, type LocalImage } from "./image-store.ts";
import { familiarName, familiarString, parseReference, withDefaultTag, type Reference } from "./reference.ts";
import { pushedRepositories, repositoryExists, repositoryHasLayer, resolve, tagsOf, type RegistryImage, type RegistryLayer } from "./registry.ts";
import { commitImage } from "./commit.ts";

/** How often an animated pull reports progress. */
const PULL_TICK_MS = 100;

/** What the image side needs from the rest of the daemon. */
export interface Daemon {
  clock: Clock;
  /** Simulated registry bandwidth; undefined pulls instantly. */
  pullBytesPerSecond?: number | undefined;
  traces: EventBus<TraceEvent>;
  api(method: string, path: string): void;
  emit(type: DockerEvent["Type"], action: string, id: string, attributes: Record<string, string>): void;
  containers(): Container[];
  /**
   * The private registry serving `host` (`localhost:5000`), if one runs: a container of the
   * registry image publishing its port there. Each location has its own storage.
   */
  registryAt(host: string): RegistryLocation | undefined;
}

/** Docker Hub's registry hosts, as `docker login` may name them. */
const HUB_HOSTS = new Set(["docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com"]);

export class ImageService {
  readonly #d: Daemon;
  readonly #store = new ImageStore();
  /** What was pushed to Docker Hub in this simulator, over the catalog. */
  readonly #hub = new RepositoryStore();
  /** Private registries' storage, by the ID of the container serving each. */
  readonly #registries = new Map<string, RepositoryStore>();

  constructor(daemon: Daemon) {
    this.#d = daemon;
  }

  get store(): ImageStore {
    return this.#store;
  }

  async pull(refText: string, options: PullOptions = {}): Promise<PullResult> {
    if (options.allTags) {
      const base = parseReference(refText);
      if (base.tag !== undefined || base.digest !== undefined) throw invalidParameter("tag can't be used with --all-tags/-a");
      const tags = base.domain === "docker.io" ? tagsOf(base, this.#hub) : this.#registryStore(base.domain).tags(base.path);
      if (tags.length === 0) return this.pull(refText, { ...options, allTags: false });
      let last: PullResult | undefined;
      for (const tag of tags) last = await this.pull(`${refText}:${tag}`, { ...options, allTags: false });
      return { ...last!, reference: `${base.domain}/${base.path}` };
    }
    const ref = withDefaultTag(parseReference(refText));
    const name = familiarName(ref);
    this.#d.api("POST", `/images/create?fromImage=${encodeURIComponent(name)}&tag=${encodeURIComponent(ref.tag ?? ref.digest ?? "")}`);
    const shown = familiarString(ref);
    this.#d.traces.emit({ kind: "registry", from: "daemon", to: "registry", action: "resolve", ref: shown, status: "resolving" });
    const remote = this.#resolveRemote(ref);
    if (!remote) {
      if (ref.domain === "docker.io" && !repositoryExists(ref, this.#hub)) throw new EngineError(404, `pull access denied for ${name}, repository does not exist or may require 'docker login'`);
      throw new EngineError(404, `manifest for ${shown} not found: manifest unknown: manifest unknown`);
    }
    const progress = options.onProgress ?? (() => {});
    progress({ status: `Pulling from ${ref.path}`, id: ref.tag ?? ref.digest ?? "latest" });
    const existing = this.#store.lookup(shown);
    const full = `${ref.domain}/${ref.path}${ref.tag !== undefined ? `:${ref.tag}` : `@${ref.digest}`}`;
    if (existing && existing.id === remote.id) {
      progress({ status: `Digest: ${remote.digest}` });
      progress({ status: `Status: Image is up to date for ${shown}` });
      return { reference: full, digest: remote.digest, status: `Image is up to date for ${shown}` };
    }
    const missing = remote.layers.filter((layer) => {
      if (!this.#store.hasLayer(layer.digest)) return true;
      progress({ id: layer.digest.slice(7, 19), status: "Already exists" });
      return false;
    });
    await this.#transfer(missing, shown, progress, options.signal);
    this.#store.add(remote);
    progress({ status: `Digest: ${remote.digest}` });
    const status = `Downloaded newer image for ${shown}`;
    progress({ status: `Status: ${status}` });
    this.#d.emit("image", "pull", `${name}:${remote.tag}`, { name });
    return { reference: full, digest: remote.digest, status };
  }

  /** The manifest `ref` names on its registry; throws the daemon's dial error when no registry answers. */
  #resolveRemote(ref: Reference): RegistryImage | undefined {
    if (ref.domain === "docker.io") return resolve(ref, this.#hub);
    return this.#registryStore(ref.domain).resolve(ref);
  }

  /** The storage of the registry `domain` names: Docker Hub's overlay, or the private registry serving it. */
  #registryStore(domain: string): RepositoryStore {
    if (domain === "docker.io") return this.#hub;
    const location = this.#d.registryAt(domain);
    if (!location) throw new EngineError(500, unreachableRegistry(domain));
    // A registry's storage lives in its container: it goes when the container does.
    const live = new Set(this.#d.containers().map((c) => c.id));
    for (const id of [...this.#registries.keys()]) if (!live.has(id)) this.#registries.delete(id);
    let storage = this.#registries.get(location.containerId);
    if (!storage) this.#registries.set(location.containerId, (storage = new RepositoryStore()));
    return storage;
  }

  /** Whether the repository `ref` names on its registry already holds the layer blob. */
  #registryHasLayer(ref: Reference, storage: RepositoryStore, digest: string): boolean {
    return ref.domain === "docker.io" ? repositoryHasLayer(ref, digest, this.#hub) : storage.hasBlob(ref.path, digest);
  }

  /** Another repository of the same registry the layer came from (a pull or an earlier push), to mount it from. */
  #mountSource(ref: Reference, storage: RepositoryStore, digest: string): string | undefined {
    for (const image of this.#store.list()) {
      if (!image.layers.some((l) => l.digest === digest)) continue;
      for (const repoDigest of image.repoDigests) {
        let source: Reference;
        try {
          source = parseReference(repoDigest.slice(0, repoDigest.lastIndexOf("@")));
        } catch {
          continue;
        }
        if (source.domain === ref.domain && source.path !== ref.path && this.#registryHasLayer(source, storage, digest)) return source.path;
      }
    }
    return undefined;
  }

  /** POST /auth: Docker Hub takes any valid Docker ID with a password; a private registry (no auth configured) anyone who reaches it. */
  async login(auth: AuthConfig): Promise<AuthResponse> {
    this.#d.api("POST", "/auth");
    const host = (auth.serveraddress || INDEX_SERVER).replace(/^[a-z]+:\/\//i, "").split("/")[0]!;
    this.#d.traces.emit({ kind: "registry", from: "daemon", to: "registry", action: "resolve", ref: host, status: "authenticating" });
    if (HUB_HOSTS.has(host)) {
      // No internet here: the simulated Hub has no account list, so any well-formed Docker ID with a password logs in.
      if (!validHubUsername(auth.username ?? "") || !auth.password) throw new EngineError(401, `Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password`);
    } else {
      this.#registryStore(host);
    }
    return { Status: "Login Succeeded", IdentityToken: "" };
  }

  /**
   * docker push: upload a tag (every local tag of the repository when none is given) to its
   * registry. Errors after the first progress message are the stream's, as dockerd sends them.
   */
  async push(refText: string, options: PushOptions = {}): Promise<PushResult> {
    let ref: Reference;
    try {
      ref = parseReference(refText);
    } catch (error) {
      throw invalidParameter(error instanceof Error ? error.message : String(error));
    }
    const name = familiarName(ref);
    this.#d.api("POST", `/images/${name}/push${ref.tag !== undefined ? `?tag=${encodeURIComponent(ref.tag)}` : ""}`);
    const progress = options.onProgress ?? (() => {});
    progress({ status: `The push refers to repository [${ref.domain}/${ref.path}]` });
    const localTags = this.#store
      .list()
      .flatMap((image) => image.repoTags)
      .filter((t) => t.slice(0, t.lastIndexOf(":")) === name)
      .map((t) => t.slice(t.lastIndexOf(":") + 1))
      .sort();
    if (localTags.length === 0) throw new EngineError(404, `An image does not exist locally with the tag: ${name}`);
    const storage = this.#registryStore(ref.domain);
    const tags = options.allTags || ref.tag === undefined ? localTags : [ref.tag];
    if (!localTags.includes(tags[0]!)) throw new EngineError(404, `tag does not exist: ${familiarString(ref)}`);
    const auth = options.registryAuth;
    const allowed = ref.domain !== "docker.io" || (validHubUsername(auth?.username ?? "") && !!auth?.password && ref.path.split("/")[0] === auth.username);
    let last: PushResult | undefined;
    for (const tag of tags) {
      const shown = `${name}:${tag}`;
      const image = this.#store.lookup(shown)!;
      this.#d.traces.emit({ kind: "registry", from: "daemon", to: "registry", action: "resolve", ref: shown, status: "pushing" });
      const layers = image.layers.slice().reverse().map((layer) => {
        let outcome: LayerOutcome = { kind: "upload" };
        if (this.#registryHasLayer(ref, storage, layer.digest)) outcome = { kind: "exists" };
        else {
          const from = this.#mountSource(ref, storage, layer.digest);
          if (from !== undefined) outcome = { kind: "mount", from };
        }
        return { layer, outcome };
      });
      await this.#upload(layers, shown, progress, allowed, options.signal);
      const manifest = manifestOf(image);
      storage.put(ref.path, tag, manifest);
      this.#d.traces.emit({ kind: "registry", from: "daemon", to: "registry", action: "manifest", ref: shown, status: "pushed" });
      progress({ status: `${tag}: digest: ${manifest.digest} size: ${manifest.size}` });
      const repoDigest = `${name}@${manifest.digest}`;
      if (!image.repoDigests.includes(repoDigest)) image.repoDigests.push(repoDigest);
      this.#d.emit("image", "push", shown, { name: shown });
      last = { reference: `${ref.domain}/${ref.path}:${tag}`, digest: manifest.digest };
    }
    return last!;
  }

  /** Run the layer uploads as a push actor; a registry that refuses the push does so once the layers are prepared. */
  async #upload(layers: { layer: RegistryLayer; outcome: LayerOutcome }[], ref: string, progress: (m: ProgressMessage) => void, allowed: boolean, signal?: AbortSignal): Promise<void> {
    const rate = this.#d.pullBytesPerSecond;
    const actor = createActor(pushMachine, {
      input: { layers: layers.map(({ layer, outcome }) => ({ id: layer.digest.slice(7, 19), size: layer.compressed, outcome })), bytesPerTick: rate ? (rate * PULL_TICK_MS) / 1000 : Infinity },
    });
    const byId = new Map(layers.map(({ layer }) => [layer.digest.slice(7, 19), layer]));
    const started = new Set<string>();
    const trace = (layer: RegistryLayer, status: string) => this.#d.traces.emit({ kind: "registry", from: "daemon", to: "registry", action: "layer", ref, layer: layer.digest, status });
    const flush = () => {
      for (const message of actor.getSnapshot().context.outbox) {
        progress(message);
        const layer = message.id ? byId.get(message.id) : undefined;
        if (!layer) continue;
        if ((message.status === "Pushing" || message.status === "Pushed") && !started.has(layer.digest)) {
          started.add(layer.digest);
          trace(layer, "pushing");
        }
        if (message.status === "Pushed") trace(layer, "pushed");
        else if (message.status.startsWith("Mounted from")) trace(layer, "mounted");
        else if (message.status === "Layer already exists") trace(layer, "exists");
      }
    };
    actor.start();
    try {
      flush();
      if (!allowed) throw new EngineError(403, "denied: requested access to the resource is denied");
      while (actor.getSnapshot().status !== "done") {
        signal?.throwIfAborted();
        if (rate) await sleep(this.#d.clock, PULL_TICK_MS, signal);
        actor.send({ type: "TICK" });
        flush();
      }
    } finally {
      actor.stop();
    }
  }

  summaries(): ImageSummary[] {
    const containers = this.#d.containers();
    return this.#store.list().map((image) => ({
      Id: image.id,
      ParentId: "",
      RepoTags: image.repoTags.slice(),
      RepoDigests: image.repoDigests.slice(),
      Created: Math.floor(Date.parse(image.created) / 1000),
      Size: imageSize(image),
      ContentSize: imageContentSize(image),
      Containers: containers.filter((c) => c.image.id === image.id).length,
      Labels: image.config.Labels ?? {},
    }));
  }

  /** Run the layer transfer as a pull actor, instantly or at the daemon's simulated bandwidth. */
  async #transfer(layers: RegistryLayer[], ref: string, progress: (m: ProgressMessage) => void, signal?: AbortSignal): Promise<void> {
    const rate = this.#d.pullBytesPerSecond;
    const actor = createActor(pullMachine, {
      input: { layers: layers.map((l) => ({ id: l.digest.slice(7, 19), size: l.compressed })), bytesPerTick: rate ? (rate * PULL_TICK_MS) / 1000 : Infinity },
    });
    const byId = new Map(layers.map((l) => [l.digest.slice(7, 19), l]));
    const flush = () => {
      for (const message of actor.getSnapshot().context.outbox) {
        progress(message);
        const layer = message.id ? byId.get(message.id) : undefined;
        if (layer && (message.status === "Pulling fs layer" || message.status === "Pull complete")) {
          this.#d.traces.emit({ kind: "registry", from: "daemon", to: "registry", action: "layer", ref, layer: layer.digest, status: message.status === "Pull complete" ? "complete" : "downloading" });
        }
      }
    };
    actor.start();
    flush();
    while (actor.getSnapshot().status !== "done") {
      signal?.throwIfAborted();
      if (rate) await sleep(this.#d.clock, PULL_TICK_MS, signal);
      actor.send({ type: "TICK" });
      flush();
    }
    actor.stop();
  }

  async list(): Promise<ImageSummary[]> {
    this.#d.api("GET", "/images/json");
    return this.summaries();
  }

  /** The local image `ref` names, or the daemon's "No such image" error. */
  get(ref: string): LocalImage {
    const image = this.#store.lookup(ref);
    if (image) return image;
    let shown = ref;
    try {
      shown = familiarString(withDefaultTag(parseReference(ref)));
    } catch {
      // Not a reference: show it as typed.
    }
    throw notFound(`No such image: ${shown}`);
  }

  async inspect(ref: string): Promise<ImageInspect> {
    this.#d.api("GET", `/images/${ref}/json`);
    const image = this.get(ref);
    return {
      Id: image.id,
      RepoTags: image.repoTags.slice(),
      RepoDigests: image.repoDigests.slice(),
      Comment: image.comment ?? "buildkit.dockerfile.v0",
      Created: image.created,
      Author: image.author ?? "",
      Config: structuredClone(image.config),
      Architecture: "amd64",
      Os: "linux",
      Size: imageSize(image),
      RootFS: { Type: "layers", Layers: image.layers.map((l) => l.diffId) },
      Metadata: { LastTagTime: "0001-01-01T00:00:00Z" },
    };
  }

  async tag(source: string, target: string): Promise<void> {
    this.#d.api("POST", `/images/${source}/tag`);
    const image = this.get(source);
    const ref = withDefaultTag(parseReference(target));
    this.#store.tag(image, familiarString(ref));
    this.#d.emit("image", "tag", image.id, { name: familiarString(ref) });
  }

  async remove(refText: string, options: { force?: boolean } = {}): Promise<ImageDeleteItem[]> {
    this.#d.api("DELETE", `/images/${refText}${options.force ? "?force=1" : ""}`);
    const image = this.get(refText);
    const short = image.id.slice(7, 19);
    const users = this.#d.containers().filter((c) => c.image.id === image.id);
    const byId = /^(sha256:)?[0-9a-f]{1,64}$/.test(refText) && image.id.replace("sha256:", "").startsWith(refText.replace("sha256:", ""));
    const items: ImageDeleteItem[] = [];
    if (!byId && image.repoTags.length > 1) {
      // Removing one of several names only untags it.
      const tag = familiarString(withDefaultTag(parseReference(refText)));
      this.#store.untag(tag);
      items.push({ Untagged: tag });
      this.#d.emit("image", "untag", image.id, { name: tag });
      return items;
    }
    if (byId && image.repoTags.length > 1 && !options.force) {
      throw conflict(`conflict: unable to delete ${short} (must be forced) - image is referenced in multiple repositories`);
    }
    const running = users.find((c) => c.running);
    if (running && options.force) throw conflict(`conflict: unable to delete ${short} (cannot be forced) - image is being used by running container ${running.id.slice(0, 12)}`);
    if (users.length > 0 && !options.force) {
      const user = users[0]!.id.slice(0, 12);
      if (byId) throw conflict(`conflict: unable to delete ${short} (must be forced) - image is being used by stopped container ${user}`);
      throw conflict(`conflict: unable to remove repository reference "${refText}" (must force) - container ${user} is using its referenced image ${short}`);
    }
    for (const tag of image.repoTags.slice()) {
      this.#store.untag(tag);
      items.push({ Untagged: tag });
    }
    for (const digest of image.repoDigests) items.push({ Untagged: digest });
    if (users.length === 0) {
      this.#store.delete(image);
      items.push({ Deleted: image.id });
      this.#d.emit("image", "delete", image.id, { name: image.id });
    }
    return items;
  }

  async history(ref: string): Promise<HistoryItem[]> {
    this.#d.api("GET", `/images/${ref}/history`);
    const image = this.get(ref);
    const history = imageHistory(image);
    let next = 0;
    const last = history.length - 1;
    return history
      .map((entry, i) => {
        const layer = entry.emptyLayer ? undefined : image.layers[next++];
        return {
          Id: i === last ? image.id : "<missing>",
          Created: Math.floor(Date.parse(entry.created) / 1000),
          CreatedBy: entry.createdBy,
          Tags: i === last ? image.repoTags.slice() : null,
          Size: layer?.size ?? 0,
          Comment: entry.comment ?? "",
        };
      })
      .reverse();
  }

  /** docker commit: store the container's changes as a new image. */
  commit(container: Container, options: CommitOptions): LocalImage {
    const image = commitImage(container, this.#d.clock.now(), options);
    let tag: string | undefined;
    if (options.reference) tag = familiarString(withDefaultTag(parseReference(options.reference)));
    const stored = this.#store.addLocal(image, tag);
    this.#d.emit("container", "commit", container.id, { comment: options.comment ?? "", imageID: stored.id, imageRef: tag ?? "", name: container.name });
    return stored;
  }

  async search(term: string, options: { limit?: number } = {}): Promise<SearchResult[]> {
    this.#d.api("GET", `/images/search?term=${encodeURIComponent(term)}`);
    this.#d.traces.emit({ kind: "registry", from: "daemon", to: "registry", action: "resolve", ref: term, status: "searching" });
    const seen = new Set<string>();
    const results: SearchResult[] = [];
    for (const image of catalogImages) {
      if (seen.has(image.repository) || !(image.repository.includes(term.toLowerCase()) || image.description.toLowerCase().includes(term.toLowerCase()))) continue;
      seen.add(image.repository);
      results.push({ name: image.repository, description: image.description, star_count: image.stars, is_official: image.official, is_automated: false });
    }
    for (const path of pushedRepositories(this.#hub)) {
      if (path.includes(term.toLowerCase())) results.push({ name: path, description: "", star_count: 0, is_official: false, is_automated: false });
    }
    results.sort((a, b) => b.star_count - a.star_count);
    return results.slice(0, options.limit ?? 25);
  }

  async prune(options: { all?: boolean } = {}): Promise<{ ImagesDeleted: ImageDeleteItem[]; SpaceReclaimed: number }> {
    this.#d.api("POST", "/images/prune");
    const used = new Set(this.#d.containers().map((c) => c.image.id));
    const deleted: ImageDeleteItem[] = [];
    let reclaimed = 0;
    for (const image of this.#store.list()) {
      if (used.has(image.id) || (!options.all && image.repoTags.length > 0)) continue;
      for (const tag of image.repoTags.slice()) {
        this.#store.untag(tag);
        deleted.push({ Untagged: tag });
      }
      reclaimed += imageSize(image);
      this.#store.delete(image);
      deleted.push({ Deleted: image.id });
    }
    return { ImagesDeleted: deleted, SpaceReclaimed: reclaimed };
  }
}
