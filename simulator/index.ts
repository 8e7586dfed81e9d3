/**
 * Public entry of the Dockyard simulator: a small Linux host with `docker` on its
 * PATH, backed by a simulated Docker engine. Framework-free: runs in Node and the browser.
 */
export { createSimulator } from "./simulator.ts";
export type { Simulator, SimulatorOptions, ExecResult, ExecOptions } from "./simulator.ts";
export type { Completion } from "./shell/completion.ts";
export type { TraceEvent, DockerEvent } from "./engine/events.ts";
export { HostFileError, type HostEntry, type HostFiles } from "./shell/host-files.ts";
