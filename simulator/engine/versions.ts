/** The Docker versions the simulator behaves as. */
import type { VersionInfo } from "../backend/engine.ts";

export const ENGINE_VERSION = "29.7.0";
export const API_VERSION = "1.55";
export const MIN_API_VERSION = "1.44";
export const CLIENT_VERSION = "29.7.0";
export const CLIENT_GIT_COMMIT = "3d4f2c7";
/** The client's CLI plugins, as `docker info` lists them. */
export const BUILDX_VERSION = "v0.30.1";
export const COMPOSE_VERSION = "v5.0.2";
export const GO_VERSION = "go1.25.4";
const ENGINE_GIT_COMMIT = "9c2a9d1";
const BUILD_TIME = "2026-10-28T16:27:02.000000000+00:00";
const KERNEL = "6.8.0-dockyard";

/** GET /version of the simulated daemon. */
export function versionInfo(): VersionInfo {
  return {
    Platform: { Name: "Docker Engine - Community" },
    Components: [
      { Name: "Engine", Version: ENGINE_VERSION, Details: { ApiVersion: API_VERSION, MinAPIVersion: MIN_API_VERSION, GitCommit: ENGINE_GIT_COMMIT, GoVersion: GO_VERSION, Os: "linux", Arch: "amd64", KernelVersion: KERNEL, Experimental: "false", BuildTime: BUILD_TIME } },
      { Name: "containerd", Version: "v2.2.1", Details: { GitCommit: "dea7da592f5d1d2b7755e3a161be07f43fad8f75" } },
      { Name: "runc", Version: "1.3.4", Details: { GitCommit: "v1.3.4-0-gd6d73eb8" } },
      { Name: "docker-init", Version: "0.19.0", Details: { GitCommit: "de40ad0" } },
    ],
    Version: ENGINE_VERSION,
    ApiVersion: API_VERSION,
    MinAPIVersion: MIN_API_VERSION,
    GitCommit: ENGINE_GIT_COMMIT,
    GoVersion: GO_VERSION,
    Os: "linux",
    Arch: "amd64",
    KernelVersion: KERNEL,
    BuildTime: BUILD_TIME,
  };
}
