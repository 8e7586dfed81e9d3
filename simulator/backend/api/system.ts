/** Engine API shapes of /version, /info, /system/df and /events. */
import type { ContainerSummary } from "./containers.ts";
import type { ImageSummary } from "./images.ts";

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

export interface DiskUsage {
  LayersSize: number;
  Images: (ImageSummary & { SharedSize: number })[];
  Containers: ContainerSummary[];
  Volumes: { Name: string; UsageData: { Size: number; RefCount: number } }[];
  BuildCache: { Size: number; InUse: boolean; Shared: boolean }[];
}

/** GET /events query: a time window (Unix ms) and filters (`type`, `event`, `container`, `image`, `label`, ...). */
export interface EventsOptions {
  since?: number;
  until?: number;
  filters?: Record<string, string[]>;
  signal?: AbortSignal;
}
