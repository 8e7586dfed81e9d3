/** HEALTHCHECK: probes run inside a running container on the clock, as dockerd's health monitor runs them. */
import type { HealthConfig, HealthState } from "../backend/engine.ts";
import { sleep, type Clock } from "./clock.ts";

const DEFAULT_INTERVAL_MS = 30_000;
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_RETRIES = 3;
/** dockerd keeps the last five probe results. */
const MAX_LOG = 5;
const MAX_OUTPUT = 4096;

/** Runs one probe command; resolves with its exit code and combined output. */
export type HealthProbe = (argv: string[], signal: AbortSignal) => Promise<{ exitCode: number; output: string }>;

/** The argv a HEALTHCHECK test runs, or undefined when it is disabled (`NONE`, empty). */
export function probeCommand(test: string[] | undefined): string[] | undefined {
  if (!test || test.length === 0) return undefined;
  const [kind, ...rest] = test;
  if (kind === "CMD") return rest.length > 0 ? rest : undefined;
  if (kind === "CMD-SHELL") return ["/bin/sh", "-c", rest.join(" ")];
  return undefined;
}

const nsToMs = (ns: number | undefined, fallback: number) => (ns && ns > 0 ? ns / 1e6 : fallback);
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$1000000Z");

/** One container's health: `starting` until a probe passes, `unhealthy` after `Retries` failures in a row. */
export class HealthMonitor {
  readonly state: HealthState = { Status: "starting", FailingStreak: 0, Log: [] };
  readonly #stop = new AbortController();

  constructor(
    private readonly config: HealthConfig,
    private readonly argv: string[],
    private readonly clock: Clock,
    private readonly probe: HealthProbe,
    private readonly onStatus: (status: HealthState["Status"]) => void,
  ) {
    void this.#run();
  }

  /** Stop probing (the container stopped or was removed); the last state stays for inspect. */
  stop(): void {
    this.#stop.abort();
  }

  async #run(): Promise<void> {
    const started = this.clock.now();
    const interval = nsToMs(this.config.Interval, DEFAULT_INTERVAL_MS);
    const startInterval = nsToMs(this.config.StartInterval, 5_000);
    const startPeriod = nsToMs(this.config.StartPeriod, 0);
    const timeout = nsToMs(this.config.Timeout, DEFAULT_TIMEOUT_MS);
    const retries = this.config.Retries && this.config.Retries > 0 ? this.config.Retries : DEFAULT_RETRIES;
    const signal = this.#stop.signal;
    try {
      for (;;) {
        const inStartPeriod = this.clock.now() - started < startPeriod;
        await sleep(this.clock, inStartPeriod && this.state.Status === "starting" ? Math.min(startInterval, interval) : interval, signal);
        const begin = this.clock.now();
        const probeAbort = new AbortController();
        const onStop = () => probeAbort.abort();
        signal.addEventListener("abort", onStop, { once: true });
        const timedOut = sleep(this.clock, timeout, probeAbort.signal).then(() => "timeout" as const, () => "aborted" as const);
        const result = await Promise.race([this.probe(this.argv, probeAbort.signal).catch((error: unknown) => ({ exitCode: -1, output: error instanceof Error ? error.message : String(error) })), timedOut]);
        probeAbort.abort();
        signal.removeEventListener("abort", onStop);
        if (signal.aborted) return;
        const outcome = result === "timeout" || result === "aborted" ? { exitCode: -1, output: `Health check exceeded timeout (${timeout / 1000}s)` } : result;
        this.#record(begin, outcome, retries, this.clock.now() - started < startPeriod);
      }
    } catch {
      // stopped
    }
  }

  #record(begin: number, outcome: { exitCode: number; output: string }, retries: number, inStartPeriod: boolean): void {
    this.state.Log.push({ Start: iso(begin), End: iso(this.clock.now()), ExitCode: outcome.exitCode, Output: outcome.output.slice(0, MAX_OUTPUT) });
    if (this.state.Log.length > MAX_LOG) this.state.Log.shift();
    const before = this.state.Status;
    if (outcome.exitCode === 0) {
      this.state.FailingStreak = 0;
      this.state.Status = "healthy";
    } else if (!(inStartPeriod && before === "starting")) {
      // Failures during the start period do not count, unless the container was healthy already.
      this.state.FailingStreak++;
      if (this.state.FailingStreak >= retries) this.state.Status = "unhealthy";
    }
    if (this.state.Status !== before) this.onStatus(this.state.Status);
  }
}

/** The STATUS column's health suffix: ` (healthy)`, ` (health: starting)`. */
export function healthSuffix(state: HealthState | undefined): string {
  if (!state) return "";
  return state.Status === "starting" ? " (health: starting)" : ` (${state.Status})`;
}
