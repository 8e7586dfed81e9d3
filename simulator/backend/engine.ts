/**
 * The one seam of Dockyard: an engine shaped like the Docker Engine API (v1.55).
 * The CLI and compose are written against it; the simulated engine and the
 * real-engine gateway client implement it. Field names follow the API's JSON.
 */
import type { DockerEvent } from "../engine/events.ts";
import type {
  ContainerConsole, CommitOptions, NetworkCreateOptions, NetworkInspect, VolumeInfo, LogsOptions, ExecConfig, ImageDeleteItem, HistoryItem, SearchResult, DiskUsage, OutputChunk, PullOptions, AuthConfig, AuthResponse, ArchiveEntry, ContainerStats, EventsOptions, PathStat, PushOptions, PushResult, PullResult, VersionInfo, BuildContextEntry, BuildOptions, BuildResult, SystemInfo, ImageSummary, ImageInspect, ContainerConfig, ContainerSummary, ContainerInspect,
} from "./api-types.ts";

export type * from "./api-types.ts";

export interface Engine {
  /** GET /version */
  version(): Promise<VersionInfo>;
  /** GET /info */
  info(): Promise<SystemInfo>;

  /** POST /images/create: pull `ref`, reporting progress as the API's JSON messages. */
  imagePull(ref: string, options?: PullOptions): Promise<PullResult>;
  /** GET /images/json */
  imageList(options?: { all?: boolean }): Promise<ImageSummary[]>;
  /** GET /images/{name}/json */
  imageInspect(ref: string): Promise<ImageInspect>;
  /** DELETE /images/{name} */
  imageRemove(ref: string, options?: { force?: boolean; noprune?: boolean }): Promise<ImageDeleteItem[]>;
  /** POST /images/{name}/tag */
  imageTag(source: string, target: string): Promise<void>;
  /** GET /images/{name}/history */
  imageHistory(ref: string): Promise<HistoryItem[]>;
  /** GET /images/search */
  imageSearch(term: string, options?: { limit?: number }): Promise<SearchResult[]>;
  /** POST /images/prune: dangling images, or every unused one with `all`. */
  imagePrune(options?: { all?: boolean }): Promise<{ ImagesDeleted: ImageDeleteItem[]; SpaceReclaimed: number }>;
  /** POST /images/{name}/push: upload a tag (or, with `allTags`, every tag of the repository), streaming progress. */
  imagePush(ref: string, options?: PushOptions): Promise<PushResult>;
  /** POST /build: build an image from a Dockerfile and a context, as BuildKit does. Failures come back in the result. */
  imageBuild(context: BuildContextEntry[], options: BuildOptions): Promise<BuildResult>;
  /** POST /auth: check credentials with a registry, as `docker login` does before storing them. */
  systemAuth(auth: AuthConfig): Promise<AuthResponse>;

  /** POST /containers/create */
  containerCreate(config: ContainerConfig, options?: { name?: string }): Promise<{ Id: string; Warnings: string[] }>;
  /** POST /containers/{id}/start */
  containerStart(id: string): Promise<void>;
  /** POST /containers/{id}/stop: the stop signal, then SIGKILL after the timeout (seconds, default 10). */
  containerStop(id: string, options?: { timeout?: number; signal?: string }): Promise<void>;
  /** POST /containers/{id}/restart */
  containerRestart(id: string, options?: { timeout?: number; signal?: string }): Promise<void>;
  /** POST /containers/{id}/kill (default SIGKILL) */
  containerKill(id: string, signal?: string): Promise<void>;
  /** POST /containers/{id}/pause */
  containerPause(id: string): Promise<void>;
  /** POST /containers/{id}/unpause */
  containerUnpause(id: string): Promise<void>;
  /** POST /containers/{id}/rename */
  containerRename(id: string, name: string): Promise<void>;
  /** GET /containers/{id}/top */
  containerTop(id: string, psArgs?: string): Promise<{ Titles: string[]; Processes: string[][] }>;
  /** GET /containers/{id}/changes: Kind 0 modified, 1 added, 2 deleted */
  containerChanges(id: string): Promise<{ Kind: 0 | 1 | 2; Path: string }[]>;
  /** HEAD /containers/{id}/archive: what a path in the container is (404 when it does not exist). */
  containerStatPath(id: string, path: string): Promise<PathStat>;
  /** GET /containers/{id}/archive: a path's files, as docker cp copies them out. */
  containerArchive(id: string, path: string): Promise<{ stat: PathStat; entries: ArchiveEntry[] }>;
  /** PUT /containers/{id}/archive: unpack files into a directory of the container, as docker cp copies them in. */
  containerExtract(id: string, dir: string, entries: ArchiveEntry[]): Promise<void>;
  /** GET /containers/{id}/stats?stream=false: one sample of CPU, memory, network, block I/O and PIDs. */
  containerStats(id: string): Promise<ContainerStats>;
  /** POST /commit: a new image from a container's changes. */
  containerCommit(id: string, options?: CommitOptions): Promise<{ Id: string }>;
  /** POST /containers/prune */
  containerPrune(): Promise<{ ContainersDeleted: string[]; SpaceReclaimed: number }>;
  /** POST /containers/{id}/exec + /exec/{id}/start: run a command in a running container. */
  containerExec(id: string, config: ExecConfig, options?: { onOutput?: (chunk: OutputChunk) => void; signal?: AbortSignal; stdin?: string }): Promise<{ ExitCode: number }>;
  /** POST /containers/{id}/attach with stream=1: output until the container stops. */
  containerAttach(id: string, options?: { signal?: AbortSignal; stdin?: string }): AsyncIterable<OutputChunk>;
  /** Attach to the TTY of a container whose main process is an interactive shell (run -it, start -ai, attach). */
  containerConsole(id: string): Promise<ContainerConsole>;
  /** exec -it: start an interactive shell in a running container. */
  containerExecConsole(id: string, config: ExecConfig): Promise<ContainerConsole>;
  /** POST /containers/{id}/wait */
  containerWait(id: string, options?: { signal?: AbortSignal }): Promise<{ StatusCode: number }>;
  /** GET /containers/json */
  containerList(options?: { all?: boolean; size?: boolean; limit?: number; filters?: Record<string, string[]> }): Promise<ContainerSummary[]>;
  /** GET /containers/{id}/json */
  containerInspect(id: string): Promise<ContainerInspect>;
  /** DELETE /containers/{id} */
  containerRemove(id: string, options?: { force?: boolean; volumes?: boolean }): Promise<void>;
  /** GET /containers/{id}/logs: what was logged, then (with follow) what comes until the container stops. */
  containerLogs(id: string, options?: LogsOptions): AsyncIterable<OutputChunk>;
  /** GET /system/df */
  systemDf(): Promise<DiskUsage>;

  /** POST /volumes/create */
  volumeCreate(options?: { Name?: string; Labels?: Record<string, string> }): Promise<VolumeInfo>;
  /** GET /volumes */
  volumeList(): Promise<VolumeInfo[]>;
  /** GET /volumes/{name} */
  volumeInspect(name: string): Promise<VolumeInfo>;
  /** DELETE /volumes/{name} */
  volumeRemove(name: string, options?: { force?: boolean }): Promise<void>;
  /** POST /volumes/prune: anonymous unused volumes, or every unused one with `all`. */
  volumePrune(options?: { all?: boolean }): Promise<{ VolumesDeleted: string[]; SpaceReclaimed: number }>;

  /** POST /networks/create */
  networkCreate(name: string, options?: NetworkCreateOptions): Promise<{ Id: string; Warning: string }>;
  /** GET /networks */
  networkList(): Promise<NetworkInspect[]>;
  /** GET /networks/{id} */
  networkInspect(idOrName: string): Promise<NetworkInspect>;
  /** DELETE /networks/{id} */
  networkRemove(idOrName: string): Promise<void>;
  /** POST /networks/{id}/connect */
  networkConnect(network: string, container: string, options?: { Aliases?: string[]; IPAddress?: string }): Promise<void>;
  /** POST /networks/{id}/disconnect */
  networkDisconnect(network: string, container: string): Promise<void>;
  /** POST /networks/prune */
  networkPrune(): Promise<{ NetworksDeleted: string[] }>;

  /**
   * GET /events with since/until: the events since `since` (the daemon remembers the last 1,024),
   * then new ones as they happen, until `until` passes or the signal aborts. Times are in ms.
   */
  systemEvents(options?: EventsOptions): AsyncIterable<DockerEvent>;
  /** GET /events: subscribe; returns the unsubscribe function. */
  subscribe(listener: (event: DockerEvent) => void): () => void;
}
