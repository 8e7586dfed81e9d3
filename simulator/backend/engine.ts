/**
 * The one seam of Dockyard: an engine shaped like the Docker Engine API (v1.55).
 * The CLI and compose are written against it; the simulated engine and the
 * real-engine gateway client implement it. Field names follow the API's JSON.
 */
import type { DockerEvent } from "../engine/events.ts";

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

  /** POST /containers/create */
  containerCreate(config: ContainerConfig, options?: { name?: string }): Promise<{ Id: string; Warnings: string[] }>;
  /** POST /containers/{id}/start */
  containerStart(id: string): Promise<void>;
  /** POST /containers/{id}/attach with stream=1: output until the container stops. */
  containerAttach(id: string, options?: { signal?: AbortSignal }): AsyncIterable<OutputChunk>;
  /** POST /containers/{id}/wait */
  containerWait(id: string, options?: { signal?: AbortSignal }): Promise<{ StatusCode: number }>;
  /** GET /containers/json */
  containerList(options?: { all?: boolean }): Promise<ContainerSummary[]>;
  /** GET /containers/{id}/json */
  containerInspect(id: string): Promise<ContainerInspect>;
  /** DELETE /containers/{id} */
  containerRemove(id: string, options?: { force?: boolean; volumes?: boolean }): Promise<void>;
  /** GET /containers/{id}/logs (not following) */
  containerLogs(id: string, options?: { stdout?: boolean; stderr?: boolean }): Promise<OutputChunk[]>;

  /** GET /events: subscribe; returns the unsubscribe function. */
  subscribe(listener: (event: DockerEvent) => void): () => void;
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
  Cmd?: string[];
  Entrypoint?: string[];
  Env?: string[];
  WorkingDir?: string;
  User?: string;
  Hostname?: string;
  Labels?: Record<string, string>;
  Tty?: boolean;
  OpenStdin?: boolean;
  AttachStdin?: boolean;
  AttachStdout?: boolean;
  AttachStderr?: boolean;
  HostConfig?: HostConfig;
}

export interface HostConfig {
  AutoRemove?: boolean;
  RestartPolicy?: { Name: "" | "no" | "always" | "on-failure" | "unless-stopped"; MaximumRetryCount?: number };
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
  };
  Image: string;
  Name: string;
  RestartCount: number;
  Config: ContainerConfig & { Image: string; Hostname: string; Env: string[]; Cmd: string[] | null; Entrypoint: string[] | null; WorkingDir: string; Labels: Record<string, string> };
  HostConfig: HostConfig;
}
