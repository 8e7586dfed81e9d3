/** Engine API shapes of /containers: the create body, host config, list and inspect, health, stats and archive (cp). */
import type { EndpointSettings } from "./networks.ts";

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
  /** A binary file's bytes (the real engine's copies); `content` then holds a lossy text of it. */
  bytes?: Uint8Array;
  /** Permission bits. */
  mode?: number;
  linkTarget?: string;
}
