/** HEALTHCHECK on a running container: its probes run as execs, and start again when a restart policy brings it back. */
import type { HealthState } from "../backend/engine.ts";
import type { Container } from "./container.ts";
import { execError, startExec } from "./container-exec.ts";
import type { Daemon } from "./daemon.ts";
import { HealthMonitor, probeCommand, type HealthProbe } from "./health.ts";
import { StartError } from "./runtime.ts";

const healthWatched = new WeakSet<Container>();

/** Start the HEALTHCHECK probes of a container that just started, if it has one. */
export function watchHealth(d: Daemon, c: Container, onStatus: (status: HealthState["Status"]) => void): void {
  c.health?.stop();
  c.health = undefined;
  const config = c.config.Healthcheck;
  const argv = probeCommand(config?.Test);
  if (!config || !argv) return;
  if (!healthWatched.has(c)) {
    // A restart policy brings the process back without containerStart: probe it again then.
    healthWatched.add(c);
    let was = c.status;
    c.actor.subscribe(() => {
      if (c.status === "running" && was === "restarting") watchHealth(d, c, onStatus);
      was = c.status;
    });
  }
  const probe: HealthProbe = async (cmd, signal) => {
    let output = "";
    const proc = await startExec(d, c, { Cmd: cmd }, () => (text) => (output += text));
    signal.addEventListener("abort", () => proc.kill("SIGKILL"), { once: true });
    return { exitCode: await proc.exit, output };
  };
  c.health = new HealthMonitor(config, argv, d.clock, (cmd, signal) => probe(cmd, signal).catch((error: unknown) => {
    if (error instanceof StartError) return { exitCode: -1, output: execError(error.message) };
    throw error;
  }), onStatus);
}
