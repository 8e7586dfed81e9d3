/** The simulated Docker daemon: images, containers, networks, volumes and a registry, all in memory. */
import type {
  DiskUsage, Engine, HistoryItem, ImageDeleteItem, ImageInspect, ImageSummary, NetworkCreateOptions, NetworkInspect, PullOptions, PullResult,
  SearchResult, SystemInfo, VersionInfo, VolumeInfo, AuthConfig, AuthResponse, PushOptions, PushResult, BuildContextEntry, BuildOptions, BuildResult, EventsOptions,
} from "../backend/engine.ts";
import type { Builder } from "../builder/builder.ts";
import type { DockerEvent } from "./events.ts";
import { eventFilter } from "./event-filter.ts";
import { HOST_CPUS, HOST_MEMORY } from "./resources.ts";
import { ContainerService } from "./container-service.ts";
import { Daemon, type DaemonOptions } from "./daemon.ts";
import { inspectNetwork, type Network } from "./network-service.ts";
import { ENGINE_VERSION, versionInfo } from "./versions.ts";

export type SimulatedEngineOptions = DaemonOptions;
export { parseSignal } from "./signals.ts";

/** The Engine the browser runs: the container API from ContainerService, the rest here. */
export class SimulatedEngine extends ContainerService implements Engine {
  /** How long a rebuilt build step takes, so a person can watch the build; unset builds instantly. */
  readonly #buildStepMs: SimulatedEngineOptions["buildStepMs"];

  constructor(options: SimulatedEngineOptions) {
    super(new Daemon(options));
    this.#buildStepMs = options.buildStepMs;
  }

  subscribe(listener: (event: DockerEvent) => void): () => void {
    return this.d.events.subscribe(listener);
  }

  async *systemEvents(options: EventsOptions = {}): AsyncIterable<DockerEvent> {
    const wanted = eventFilter(options.filters);
    this.d.api("GET", "/events");
    const now = this.d.clock.now();
    if (options.until !== undefined && options.since !== undefined && options.until < options.since) return;
    const inWindow = (e: DockerEvent) => (options.since === undefined || e.timeNano >= options.since * 1e6) && (options.until === undefined || e.timeNano <= options.until * 1e6);
    // Live events are queued from now on, so none falls between the past ones and the stream.
    const queue: DockerEvent[] = [];
    let wake: (() => void) | undefined;
    const unsubscribe = this.d.events.subscribe((e) => {
      queue.push(e);
      wake?.();
    });
    try {
      // With a window (either end), dockerd first replays what it remembers of it.
      if (options.since !== undefined || options.until !== undefined) for (const e of [...this.d.recentEvents]) if (inWindow(e) && wanted(e)) yield e;
      if (options.until !== undefined && options.until <= now) return;
      let ended = false;
      const end = () => {
        ended = true;
        wake?.();
      };
      options.signal?.addEventListener("abort", end, { once: true });
      const timer = options.until !== undefined ? this.d.clock.setTimeout(end, options.until - now) : undefined;
      try {
        while (!ended && !options.signal?.aborted) {
          if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          while (queue.length > 0) {
            const e = queue.shift()!;
            if (inWindow(e) && wanted(e)) yield e;
          }
        }
      } finally {
        if (timer !== undefined) this.d.clock.clearTimeout(timer);
        options.signal?.removeEventListener("abort", end);
      }
    } finally {
      unsubscribe();
    }
  }

  // ---- system ----

  async version(): Promise<VersionInfo> {
    this.d.api("GET", "/version");
    return versionInfo();
  }

  async info(): Promise<SystemInfo> {
    this.d.api("GET", "/info");
    const all = [...this.d.containers.values()];
    return {
      ID: "5b0d1c7e-3f4a-4d8e-9c2b-d0c4ya7d0001",
      Containers: all.length,
      ContainersRunning: all.filter((c) => c.status === "running" || c.status === "restarting").length,
      ContainersPaused: all.filter((c) => c.status === "paused").length,
      ContainersStopped: all.filter((c) => !c.running && c.status !== "restarting").length,
      Images: this.d.images.store.list().length,
      Driver: "overlayfs",
      ServerVersion: ENGINE_VERSION,
      KernelVersion: "6.8.0-dockyard",
      OperatingSystem: "Dockyard (simulated Linux)",
      OSType: "linux",
      Architecture: "x86_64",
      NCPU: HOST_CPUS,
      MemTotal: HOST_MEMORY,
      Name: "dockyard",
      DockerRootDir: "/var/lib/docker",
    };
  }

  async systemDf(): Promise<DiskUsage> {
    this.d.api("GET", "/system/df");
    const images = this.d.images.summaries();
    const counts = new Map<string, number>();
    for (const image of this.d.images.store.list()) for (const layer of image.layers) counts.set(layer.digest, (counts.get(layer.digest) ?? 0) + 1);
    return {
      LayersSize: this.d.images.store.layersSize(),
      Images: images.map((summary) => {
        const image = this.d.images.store.lookup(summary.Id)!;
        return { ...summary, SharedSize: image.layers.filter((l) => (counts.get(l.digest) ?? 0) > 1).reduce((s, l) => s + l.size, 0) };
      }),
      Containers: this.summaries(true, true),
      Volumes: [],
      BuildCache: [],
    };
  }

  // ---- images ----

  async imagePull(ref: string, options: PullOptions = {}): Promise<PullResult> {
    return this.d.images.pull(ref, options);
  }

  async imageList(): Promise<ImageSummary[]> {
    return this.d.images.list();
  }

  async imageInspect(ref: string): Promise<ImageInspect> {
    return this.d.images.inspect(ref);
  }

  async imageTag(source: string, target: string): Promise<void> {
    return this.d.images.tag(source, target);
  }

  async imageRemove(ref: string, options: { force?: boolean } = {}): Promise<ImageDeleteItem[]> {
    return this.d.images.remove(ref, options);
  }

  async imageHistory(ref: string): Promise<HistoryItem[]> {
    return this.d.images.history(ref);
  }

  async imageSearch(term: string, options: { limit?: number } = {}): Promise<SearchResult[]> {
    return this.d.images.search(term, options);
  }

  async imagePush(ref: string, options: PushOptions = {}): Promise<PushResult> {
    return this.d.images.push(ref, options);
  }

  async systemAuth(auth: AuthConfig): Promise<AuthResponse> {
    return this.d.images.login(auth);
  }

  #builder: Builder | undefined;

  async imageBuild(context: BuildContextEntry[], options: BuildOptions): Promise<BuildResult> {
    this.d.api("POST", `/build${options.tags?.length ? `?t=${encodeURIComponent(options.tags[0]!)}` : ""}`);
    // The builder and the Dockerfile parser load on the first build, not with the page.
    const { Builder } = await import("../builder/builder.ts");
    this.#builder ??= new Builder({
      clock: this.d.clock,
      lookup: (ref) => this.d.images.store.lookup(ref),
      pull: async (ref, signal) => {
        await this.d.images.pull(ref, signal ? { signal } : {});
      },
      store: (image, tags) => {
        const stored = this.d.images.store.addLocal(image, tags[0]);
        for (const tag of tags.slice(1)) this.d.images.store.tag(stored, tag);
        for (const tag of tags) this.d.emit("image", "tag", stored.id, { name: tag });
        return stored;
      },
      trace: (event) => this.d.traces.emit(event),
      stepMs: () => {
        const ms = this.#buildStepMs;
        return typeof ms === "function" ? ms() : ms;
      },
    });
    return this.#builder.build(context, options);
  }

  async imagePrune(options: { all?: boolean } = {}): Promise<{ ImagesDeleted: ImageDeleteItem[]; SpaceReclaimed: number }> {
    return this.d.images.prune(options);
  }

  async networkCreate(name: string, options: NetworkCreateOptions = {}): Promise<{ Id: string; Warning: string }> {
    this.d.api("POST", "/networks/create");
    return this.d.networks.create(name, {
      ...(options.Driver !== undefined ? { driver: options.Driver } : {}),
      ...(options.Subnet !== undefined ? { subnet: options.Subnet } : {}),
      ...(options.Gateway !== undefined ? { gateway: options.Gateway } : {}),
      ...(options.Labels !== undefined ? { labels: options.Labels } : {}),
      ...(options.Internal !== undefined ? { internal: options.Internal } : {}),
      ...(options.Attachable !== undefined ? { attachable: options.Attachable } : {}),
    });
  }

  #inspectNetwork(network: Network): NetworkInspect {
    return inspectNetwork(network, (id) => this.d.containers.get(id), (id) => this.d.containers.get(id)?.running ?? false);
  }

  async networkList(): Promise<NetworkInspect[]> {
    this.d.api("GET", "/networks");
    return this.d.networks.list().map((n) => this.#inspectNetwork(n));
  }

  async networkInspect(idOrName: string): Promise<NetworkInspect> {
    this.d.api("GET", `/networks/${idOrName}`);
    return this.#inspectNetwork(this.d.networks.get(idOrName));
  }

  async networkRemove(idOrName: string): Promise<void> {
    this.d.api("DELETE", `/networks/${idOrName}`);
    this.d.networks.remove(idOrName);
  }

  async networkConnect(network: string, container: string, options: { Aliases?: string[]; IPAddress?: string } = {}): Promise<void> {
    const c = this.find(container);
    this.d.api("POST", `/networks/${network}/connect`);
    this.d.networks.connect(network, c, { ...(options.Aliases ? { aliases: options.Aliases } : {}), ...(options.IPAddress ? { ip: options.IPAddress } : {}) });
  }

  async networkDisconnect(network: string, container: string): Promise<void> {
    const c = this.find(container);
    this.d.api("POST", `/networks/${network}/disconnect`);
    this.d.networks.disconnect(network, c);
  }

  async networkPrune(): Promise<{ NetworksDeleted: string[] }> {
    this.d.api("POST", "/networks/prune");
    return { NetworksDeleted: this.d.networks.prune() };
  }

  async volumeCreate(options: { Name?: string; Labels?: Record<string, string> } = {}): Promise<VolumeInfo> {
    this.d.api("POST", "/volumes/create");
    return this.d.volumes.inspect(this.d.volumes.create(options.Name, { anonymous: false, labels: options.Labels ?? {} }));
  }

  async volumeList(): Promise<VolumeInfo[]> {
    this.d.api("GET", "/volumes");
    return this.d.volumes.list().map((v) => this.d.volumes.inspect(v));
  }

  async volumeInspect(name: string): Promise<VolumeInfo> {
    this.d.api("GET", `/volumes/${name}`);
    return this.d.volumes.inspect(this.d.volumes.get(name));
  }

  async volumeRemove(name: string, options: { force?: boolean } = {}): Promise<void> {
    this.d.api("DELETE", `/volumes/${name}`);
    this.d.volumes.remove(name, options.force ?? false);
  }

  async volumePrune(options: { all?: boolean } = {}): Promise<{ VolumesDeleted: string[]; SpaceReclaimed: number }> {
    this.d.api("POST", "/volumes/prune");
    return this.d.volumes.prune(options.all ?? false);
  }
}
