// The normalised compose project, shaped as `docker compose config` prints it.
// Fields the loader does not reshape pass through as they were written (after
// interpolation), so the types list what the loader guarantees and leave the rest open.

/** What the loader reads through: a project folder on the simulated (or real) host. */
export interface ComposeHost {
  /** Absolute working directory of the `docker compose` command. */
  cwd: string;
  /** The environment of the `docker compose` command (the OS environment). */
  env: Record<string, string | undefined>;
  /** Read a file as UTF-8 text; rejects when it cannot. */
  readFile(path: string): Promise<string>;
  /** Whether a file (or folder) exists at `path`. */
  exists(path: string): Promise<boolean>;
}

export interface PortConfig {
  name?: string;
  mode: "ingress" | "host" | string;
  host_ip?: string;
  target: number;
  published?: string;
  protocol: "tcp" | "udp" | string;
  app_protocol?: string;
}

export interface ServiceVolumeConfig {
  type: "volume" | "bind" | "tmpfs" | "npipe" | "cluster" | "image" | string;
  source?: string;
  target: string;
  read_only?: boolean;
  consistency?: string;
  bind?: { propagation?: string; create_host_path?: boolean; selinux?: string; recursive?: string };
  volume?: { nocopy?: boolean; subpath?: string; labels?: Record<string, string> };
  tmpfs?: { size?: number | string; mode?: number };
  image?: { subpath?: string };
}

export type DependsOnCondition = "service_started" | "service_healthy" | "service_completed_successfully";

export interface ServiceDependency {
  condition: DependsOnCondition;
  restart?: boolean;
  required: boolean;
}

export interface BuildConfig {
  context: string;
  dockerfile?: string;
  args?: Record<string, string | null>;
  [key: string]: unknown;
}

export interface HealthCheckConfig {
  test?: string[];
  timeout?: string;
  interval?: string;
  retries?: number;
  start_period?: string;
  start_interval?: string;
  disable?: boolean;
}

export interface ServiceConfig {
  build?: BuildConfig;
  command?: string[] | null;
  container_name?: string;
  depends_on?: Record<string, ServiceDependency>;
  deploy?: { replicas?: number; [key: string]: unknown };
  entrypoint?: string[] | null;
  environment?: Record<string, string | null>;
  expose?: string[];
  healthcheck?: HealthCheckConfig;
  image?: string;
  labels?: Record<string, string>;
  network_mode?: string;
  networks?: Record<string, Record<string, unknown> | null>;
  ports?: PortConfig[];
  profiles?: string[];
  restart?: string;
  volumes?: ServiceVolumeConfig[];
  working_dir?: string;
  [key: string]: unknown;
}

export interface NetworkConfig {
  name: string;
  driver?: string;
  external?: boolean;
  [key: string]: unknown;
}

export interface VolumeConfig {
  name: string;
  driver?: string;
  external?: boolean;
  [key: string]: unknown;
}

/** A loaded, normalised project: what `docker compose config` prints, plus where it came from. */
export interface Project {
  name: string;
  services: Record<string, ServiceConfig>;
  networks: Record<string, NetworkConfig>;
  volumes: Record<string, VolumeConfig>;
  secrets?: Record<string, Record<string, unknown>>;
  configs?: Record<string, Record<string, unknown>>;
  /** Top-level `x-*` extensions. */
  extensions?: Record<string, unknown>;
  /** The project directory (absolute). */
  workingDir: string;
  /** The compose files that were loaded, absolute, in merge order. */
  composeFiles: string[];
  /** The variables used for interpolation: the .env file overlaid with the OS environment. */
  environment: Record<string, string>;
  /** Warnings in compose's wording (`WARN[0000] ...` lines without the prefix); see formatWarning. */
  warnings: string[];
}

/** How `docker compose` prints a warning (logrus text formatter, first 0 seconds). */
export function formatWarning(message: string): string {
  return `WARN[0000] ${message}`;
}
