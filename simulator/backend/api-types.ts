/** The Engine API's data shapes (v1.55), as the simulated engine and the gateway client exchange them. */
/** An interactive shell on a container's TTY, driven line by line by the terminal. */
export interface ContainerConsole {
  /** Run one typed line; `exit` ends the shell. */
  exec(line: string, signal?: AbortSignal): Promise<{ stdout: string; stderr: string }>;
  /** The shell's prompt: `root@3f4e5d6c7b8a:/# `, `/ # `. */
  prompt(): string;
  /** Resolves with the shell's exit code when it ends (exit, Ctrl-D, the container stopped). */
  readonly closed: Promise<number>;
}

export interface CommitOptions {
  /** `repo[:tag]` to name the new image. */
  reference?: string;
  comment?: string;
  author?: string;
  /** Dockerfile instructions applied to the config: `CMD ["app"]`, `ENV A=1`, `EXPOSE 80`. */
  changes?: string[];
  pause?: boolean;
}

export interface NetworkCreateOptions {
  Driver?: string;
  Internal?: boolean;
  Attachable?: boolean;
  Labels?: Record<string, string>;
  Subnet?: string;
  Gateway?: string;
}

export interface NetworkInspect {
  Name: string;
  Id: string;
  Created: string;
  Scope: "local";
  Driver: string;
  EnableIPv4: boolean;
  EnableIPv6: boolean;
  IPAM: { Driver: "default"; Options: Record<string, string>; Config: { Subnet: string; Gateway: string }[] };
  Internal: boolean;
  Attachable: boolean;
  Ingress: boolean;
  ConfigFrom: { Network: string };
  ConfigOnly: boolean;
  Containers: Record<string, { Name: string; EndpointID: string; MacAddress: string; IPv4Address: string; IPv6Address: string }>;
  Options: Record<string, string>;
  Labels: Record<string, string>;
}

/** One network a container is on, as inspect's NetworkSettings.Networks shows it. */
export interface EndpointSettings {
  Aliases: string[] | null;
  NetworkID: string;
  EndpointID: string;
  Gateway: string;
  IPAddress: string;
  IPPrefixLen: number;
  MacAddress: string;
  DNSNames: string[] | null;
}

export interface VolumeInfo {
  CreatedAt: string;
  Driver: "local";
  Labels: Record<string, string> | null;
  Mountpoint: string;
  Name: string;
  Options: Record<string, string> | null;
  Scope: "local";
}

/** A mount as container inspect lists it. */
export interface MountInfo {
  Type: "volume" | "bind";
  Name?: string;
  Source: string;
  Destination: string;
  Driver?: string;
  Mode: string;
  RW: boolean;
  Propagation: string;
}

export interface LogsOptions {
  stdout?: boolean;
  stderr?: boolean;
  follow?: boolean;
  /** Unix time in ms: only entries at or after it. */
  since?: number;
  until?: number;
  /** Number of lines from the end; undefined for all. */
  tail?: number;
  signal?: AbortSignal;
}

/** The X-Docker-Container-Path-Stat header of HEAD/GET /containers/{id}/archive. `mode` is Go's os.FileMode. */
export interface PathStat {
  name: string;
  size: number;
  mode: number;
  mtime: string;
  linkTarget: string;
}

/** One member of the tar that /containers/{id}/archive sends and receives. */
export interface ArchiveEntry {
  /** Path inside the archive, from the copied path's base name down: `app`, `app/main.py`. */
  path: string;
  type: "file" | "dir" | "symlink";
  content?: string;
  /** Permission bits. */
  mode?: number;
  linkTarget?: string;
}

/** CPU counters of GET /containers/{id}/stats, in nanoseconds. */
export interface CpuStats {
  cpu_usage: { total_usage: number };
  system_cpu_usage: number;
  online_cpus: number;
}

/** GET /containers/{id}/stats?stream=false: the fields `docker stats` reads. */
export interface ContainerStats {
  id: string;
  /** `/name`, as the API sends it. */
  name: string;
  read: string;
  cpu_stats: CpuStats;
  precpu_stats: CpuStats;
  memory_stats: { usage?: number; limit?: number; stats?: { inactive_file?: number } };
  networks?: Record<string, { rx_bytes: number; tx_bytes: number }>;
  blkio_stats: { io_service_bytes_recursive: { op: string; value: number }[] | null };
  pids_stats: { current?: number };
}

/** GET /events query: a time window (Unix ms) and filters (`type`, `event`, `container`, `image`, `label`, ...). */
export interface EventsOptions {
  since?: number;
  until?: number;
  filters?: Record<string, string[]>;
  signal?: AbortSignal;
}

export interface ExecConfig {
  Cmd: string[];
  Env?: string[];
  WorkingDir?: string;
  User?: string;
  Tty?: boolean;
  AttachStdin?: boolean;
  Detach?: boolean;
}

export type ImageDeleteItem = { Untagged: string } | { Deleted: string };

export interface HistoryItem {
  Id: string;
  Created: number;
  CreatedBy: string;
  Tags: string[] | null;
  Size: number;
  Comment: string;
}

export interface SearchResult {
  name: string;
  description: string;
  star_count: number;
  is_official: boolean;
  is_automated: boolean;
}

export interface DiskUsage {
  LayersSize: number;
  Images: (ImageSummary & { SharedSize: number })[];
  Containers: ContainerSummary[];
  Volumes: { Name: string; UsageData: { Size: number; RefCount: number } }[];
  BuildCache: { Size: number; InUse: boolean; Shared: boolean }[];
}

export interface OutputChunk {
  stream: "stdout" | "stderr";
  text: string;
  /** Unix time in milliseconds when the line was written. */
  time: number;
}

/** One progress record of a pull, as `POST /images/create` streams them. */
export interface ProgressMessage {
  id?: string;
  status: string;
  progressDetail?: { current?: number; total?: number };
}

export interface PullOptions {
  onProgress?: (message: ProgressMessage) => void;
  signal?: AbortSignal;
  /** Pull every tag of the repository (`fromImage` without a tag). */
  allTags?: boolean;
}

/** The registry credentials the client sends (X-Registry-Auth, POST /auth), as the API spells them. */
export interface AuthConfig {
  username?: string;
  password?: string;
  /** `https://index.docker.io/v1/` for Docker Hub, else the registry's host (`localhost:5000`). */
  serveraddress?: string;
  identitytoken?: string;
}

/** The body of a successful POST /auth. */
export interface AuthResponse {
  Status: string;
  IdentityToken?: string;
}

export interface PushOptions {
  onProgress?: (message: ProgressMessage) => void;
  signal?: AbortSignal;
  /** Push every local tag of the repository (`docker push -a`). */
  allTags?: boolean;
  /** The credentials stored for the registry, sent as X-Registry-Auth. */
  registryAuth?: AuthConfig;
}

export interface PushResult {
  /** The normalised reference pushed, e.g. `docker.io/alice/tools:1.0`. */
  reference: string;
  /** The manifest digest of the last tag pushed. */
  digest: string;
}

export interface PullResult {
  /** The normalised reference, e.g. `docker.io/library/hello-world:latest`. */
  reference: string;
  digest: string;
  /** `Downloaded newer image for x:y` or `Image is up to date for x:y`. */
  status: string;
}

export interface VersionInfo {
  Platform: { Name: string };
  Components: { Name: string; Version: string; Details: Record<string, string> }[];
  Version: string;
  ApiVersion: string;
  MinAPIVersion: string;
  GitCommit: string;
  GoVersion: string;
  Os: string;
  Arch: string;
  KernelVersion: string;
  BuildTime: string;
}

export interface SystemInfo {
  ID: string;
  Containers: number;
  ContainersRunning: number;
  ContainersPaused: number;
  ContainersStopped: number;
  Images: number;
  Driver: string;
  ServerVersion: string;
  KernelVersion: string;
  OperatingSystem: string;
  OSType: string;
  Architecture: string;
  NCPU: number;
  MemTotal: number;
  Name: string;
  DockerRootDir: string;
}

export interface ImageSummary {
  Id: string;
  ParentId: string;
  RepoTags: string[];
  RepoDigests: string[];
  Created: number;
  Size: number;
  /** Bytes of compressed content (what a pull downloads). */
  ContentSize: number;
  Containers: number;
  Labels: Record<string, string>;
}

export interface ImageConfig {
  Cmd: string[] | null;
  Entrypoint: string[] | null;
  Env: string[];
  WorkingDir: string;
  User: string;
  ExposedPorts?: Record<string, object>;
  Volumes?: Record<string, object>;
  Labels: Record<string, string> | null;
  StopSignal?: string;
  /** Set by HEALTHCHECK, SHELL and ONBUILD in a Dockerfile. */
  Healthcheck?: { Test: string[]; Interval?: number; Timeout?: number; StartPeriod?: number; StartInterval?: number; Retries?: number };
  Shell?: string[];
  OnBuild?: string[] | null;
}

export interface ImageInspect {
  Id: string;
  RepoTags: string[];
  RepoDigests: string[];
  Comment: string;
  Created: string;
  Author: string;
  Config: ImageConfig;
  Architecture: string;
  Os: string;
  Size: number;
  RootFS: { Type: "layers"; Layers: string[] };
  Metadata: { LastTagTime: string };
}

/** The body of POST /containers/create (the parts the simulator models). */
export interface ContainerConfig {
  Image: string;
  /** `--network-alias` and `--ip` for the container's first network. */
  NetworkingConfig?: { Aliases?: string[]; IPAddress?: string };
  Cmd?: string[];
  Entrypoint?: string[];
  Env?: string[];
  WorkingDir?: string;
  User?: string;
  Hostname?: string;
  Labels?: Record<string, string>;
  Tty?: boolean;
  OpenStdin?: boolean;
  ExposedPorts?: Record<string, object>;
  Volumes?: Record<string, object>;
  AttachStdin?: boolean;
  AttachStdout?: boolean;
  AttachStderr?: boolean;
  /** Replaces the image's HEALTHCHECK; durations in nanoseconds, `["NONE"]` disables it. */
  Healthcheck?: HealthConfig;
  /** Replaces the image's STOPSIGNAL. */
  StopSignal?: string;
  /** `--stop-timeout`: seconds between the stop signal and SIGKILL (default 10). */
  StopTimeout?: number;
  HostConfig?: HostConfig;
}

/** A HEALTHCHECK as the API carries it: `["CMD", ...]`, `["CMD-SHELL", "..."]` or `["NONE"]`; durations in nanoseconds. */
export interface HealthConfig {
  Test?: string[];
  Interval?: number;
  Timeout?: number;
  StartPeriod?: number;
  StartInterval?: number;
  Retries?: number;
}

/** State.Health in container inspect. */
export interface HealthState {
  Status: "starting" | "healthy" | "unhealthy";
  FailingStreak: number;
  Log: { Start: string; End: string; ExitCode: number; Output: string }[];
}

/** One `--mount`, as HostConfig.Mounts carries it. */
export interface HostMount {
  Type: "bind" | "volume" | "tmpfs";
  Source?: string;
  Target: string;
  ReadOnly?: boolean;
}

/** A published port's host side: `{"HostIp": "", "HostPort": "8080"}`. */
export interface PortBinding {
  HostIp: string;
  HostPort: string;
}

export interface HostConfig {
  AutoRemove?: boolean;
  RestartPolicy?: { Name: "" | "no" | "always" | "on-failure" | "unless-stopped"; MaximumRetryCount?: number };
  /** `-v` strings: `name:/path[:ro]`, `/host:/path`, `/path`. */
  Binds?: string[];
  Mounts?: HostMount[];
  /** `--network`: `bridge` (default), `host`, `none`, or a network's name or ID. */
  NetworkMode?: string;
  /** `-p`: container port (`80/tcp`) -> host bindings. */
  PortBindings?: Record<string, PortBinding[]>;
  /** `-P`: publish every exposed port on an ephemeral host port. */
  PublishAllPorts?: boolean;
  /** `-m`: memory limit in bytes (0: none); `--memory-swap` (-1: unlimited). */
  Memory?: number;
  MemorySwap?: number;
  /** `--cpus` in billionths of a CPU; `-c` relative weight. */
  NanoCpus?: number;
  CpuShares?: number;
  /** `--pids-limit` (-1 or 0: unlimited). */
  PidsLimit?: number | null;
  ShmSize?: number;
  Privileged?: boolean;
  ReadonlyRootfs?: boolean;
  /** `--init`: a tiny init as PID 1 that forwards signals and reaps zombies. */
  Init?: boolean | null;
  CapAdd?: string[] | null;
  CapDrop?: string[] | null;
  SecurityOpt?: string[] | null;
  Devices?: { PathOnHost: string; PathInContainer: string; CgroupPermissions: string }[];
  Sysctls?: Record<string, string>;
  Tmpfs?: Record<string, string>;
  Dns?: string[];
  /** `--add-host`: `name:ip` lines for /etc/hosts. */
  ExtraHosts?: string[] | null;
  PidMode?: string;
  IpcMode?: string;
  UTSMode?: string;
  Runtime?: string;
  LogConfig?: { Type: string; Config: Record<string, string> };
}

export type ContainerStatus = "created" | "running" | "paused" | "restarting" | "removing" | "exited" | "dead";

export interface ContainerSummary {
  Id: string;
  Names: string[];
  Image: string;
  ImageID: string;
  Command: string;
  Created: number;
  State: ContainerStatus;
  Status: string;
  Ports: { IP?: string; PrivatePort: number; PublicPort?: number; Type: string }[];
  Labels: Record<string, string>;
  SizeRw?: number;
  SizeRootFs?: number;
}

export interface ContainerInspect {
  Id: string;
  Created: string;
  Path: string;
  Args: string[];
  State: {
    Status: ContainerStatus;
    Running: boolean;
    Paused: boolean;
    Restarting: boolean;
    OOMKilled: boolean;
    Dead: boolean;
    Pid: number;
    ExitCode: number;
    Error: string;
    StartedAt: string;
    FinishedAt: string;
    /** Present when the container has a healthcheck. */
    Health?: HealthState;
  };
  Image: string;
  Name: string;
  RestartCount: number;
  Mounts: MountInfo[];
  NetworkSettings: { Ports: Record<string, PortBinding[] | null>; IPAddress: string; Gateway: string; MacAddress: string; Networks: Record<string, EndpointSettings> };
  Config: Omit<ContainerConfig, "Cmd" | "Entrypoint" | "HostConfig"> & { Image: string; Hostname: string; Env: string[]; Cmd: string[] | null; Entrypoint: string[] | null; WorkingDir: string; Labels: Record<string, string> };
  HostConfig: HostConfig;
}

/** One file or folder of a build context, by its path relative to the context root. */
export interface BuildContextEntry {
  path: string;
  type: "file" | "dir";
  content?: string;
  /** A binary file's bytes (a .tar.gz for ADD); `content` then holds a lossy text of it. */
  bytes?: Uint8Array;
}

/** POST /build: what the client sends (the context already filtered by .dockerignore). */
export interface BuildOptions {
  /** The Dockerfile's text (absent when it could not be read), and its name as the person gave it (for messages). */
  dockerfile?: string;
  dockerfileName?: string;
  /** Bytes of the .dockerignore, as transferred (0 when there is none). */
  ignoreBytes?: number;
  tags?: string[];
  buildArgs?: Record<string, string>;
  target?: string;
  noCache?: boolean;
  /** `--check`: run the build checks only (BuildKit's lint subrequest); nothing is built. */
  check?: boolean;
  /** Progress of the build, as BuildKit's solve status: vertices, their logs and completion. */
  onProgress?: (event: BuildEvent) => void;
  signal?: AbortSignal;
}

export type BuildEvent =
  | { kind: "start"; id: number; name: string }
  | { kind: "status"; id: number; text: string }
  /** Output of a RUN step: `seconds` since the step started. */
  | { kind: "log"; id: number; text: string; seconds: number }
  | { kind: "done"; id: number; cached: boolean; seconds: number }
  | { kind: "error"; id: number; message: string };

export interface BuildWarning {
  rule: string;
  message: string;
  line: number;
  endLine?: number;
  /** The rule's documentation page. */
  url?: string;
}

export interface BuildResult {
  /** The image ID; absent when the build failed. */
  Id?: string;
  /** Set when the build failed: the solve error, and the step and Dockerfile line it came from. */
  error?: { message: string; step?: string; line?: number; endLine?: number };
  warnings: BuildWarning[];
}
