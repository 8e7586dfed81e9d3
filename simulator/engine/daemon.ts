/** The daemon's shared state: its clock, event streams and the services every API call uses. */
import { InMemoryFs, type IFileSystem } from "just-bash";
import type { Clock } from "./clock.ts";
import type { Container } from "./container.ts";
import { randomIds, type IdSource } from "./digest.ts";
import { EventBus, type DockerEvent, type TraceEvent } from "./events.ts";
import { ImageService } from "./image-service.ts";
import { NetworkService } from "./network-service.ts";
import { PortAllocator } from "./ports.ts";
import { findRegistryContainer } from "./registries.ts";
import { VolumeService } from "./volume-service.ts";

const RECENT_EVENTS = 1024;

export interface DaemonOptions {
  clock: Clock;
  /** The daemon host's filesystem (the learner's host): bind mounts come from it. */
  hostFs?: IFileSystem;
  /** Simulated registry bandwidth, for pulls a person can watch; undefined pulls instantly. A function is read at each pull. */
  pullBytesPerSecond?: number | (() => number | undefined) | undefined;
  /** How long a rebuilt build step takes (cached ones stay instant), so builds can be watched; undefined builds instantly. A function is read at each step. */
  buildStepMs?: number | (() => number | undefined) | undefined;
  traces?: EventBus<TraceEvent>;
  ids?: IdSource;
}

export class Daemon {
  readonly clock: Clock;
  readonly traces: EventBus<TraceEvent>;
  readonly events = new EventBus<DockerEvent>();
  /** The last events, for `docker events --since` (dockerd keeps 1,024 in memory). */
  readonly recentEvents: DockerEvent[] = [];
  readonly ids: IdSource;
  readonly hostFs: IFileSystem;
  readonly containers = new Map<string, Container>();
  readonly ports = new PortAllocator();
  readonly images: ImageService;
  readonly volumes: VolumeService;
  readonly networks: NetworkService;
  /** Creation order, to list same-millisecond containers newest first. */
  seq = 0;

  constructor(options: DaemonOptions) {
    this.clock = options.clock;
    this.traces = options.traces ?? new EventBus<TraceEvent>();
    this.ids = options.ids ?? randomIds;
    this.hostFs = options.hostFs ?? new InMemoryFs();
    const api = (method: string, path: string) => this.api(method, path);
    const emit = (type: DockerEvent["Type"], action: string, id: string, attributes: Record<string, string>) => this.emit(type, action, id, attributes);
    this.networks = new NetworkService({ clock: this.clock, ids: this.ids, emit, member: (id) => this.containers.get(id) });
    this.volumes = new VolumeService({ clock: this.clock, ids: this.ids, api, emit, usersOf: (name) => this.volumeUsers(name) });
    const rate = options.pullBytesPerSecond;
    this.images = new ImageService({
      clock: this.clock,
      // Read at each pull: a terminal replaying a session pulls instantly, then at the watchable rate.
      get pullBytesPerSecond() {
        return typeof rate === "function" ? rate() : rate;
      },
      traces: this.traces,
      api,
      emit,
      containers: () => [...this.containers.values()],
      registryAt: (host) => findRegistryContainer(host, [...this.containers.values()]),
    });
  }

  /** A client -> daemon API call, for the architecture view. */
  api(method: string, path: string): void {
    this.traces.emit({ kind: "api", from: "client", to: "daemon", method, path });
  }

  emit(type: DockerEvent["Type"], action: string, id: string, attributes: Record<string, string>): void {
    const now = this.clock.now();
    const event: DockerEvent = { Type: type, Action: action, Actor: { ID: id, Attributes: attributes }, scope: "local", time: Math.floor(now / 1000), timeNano: now * 1_000_000 };
    this.recentEvents.push(event);
    if (this.recentEvents.length > RECENT_EVENTS) this.recentEvents.shift();
    this.events.emit(event);
    this.traces.emit({ kind: "engine", event });
  }

  /** IDs of the containers that mount a volume, running or not. */
  volumeUsers(name: string): string[] {
    return [...this.containers.values()].filter((c) => c.mounts.some((m) => m.Name === name)).map((c) => c.id);
  }
}
