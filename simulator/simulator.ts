import { createHostFs, createHostShell, type HostShell } from "./shell/host.ts";
import { SimulatedEngine } from "./engine/simulated-engine.ts";
import { systemClock, type Clock } from "./engine/clock.ts";
import { EventBus, type TraceEvent } from "./engine/events.ts";
import type { Engine } from "./backend/engine.ts";
import type { IdSource } from "./engine/digest.ts";

/** What one command line printed and how it ended. */
export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface ExecOptions {
  /** Aborting it interrupts the command, as Ctrl-C does (exit code 130). */
  signal?: AbortSignal;
  /**
   * Receives the line's output as it is produced, in order (a foreground `docker run`,
   * `docker logs -f`). The result still carries all of it.
   */
  onOutput?: (stream: "stdout" | "stderr", text: string) => void;
}

export interface SimulatorOptions {
  /** The clock for everything time-based; tests pass a simulated one. */
  clock?: Clock;
  /** Replace the engine (the real-engine client implements the same interface). */
  engine?: Engine;
  /** Where container IDs come from; tests pass `seededIds()` for stable output. */
  ids?: IdSource;
  /** Simulated registry bandwidth, so a person sees layers download; instant when unset. */
  pullBytesPerSecond?: number;
  /** A person types at a terminal (the browser, `npm run sim`): docker formats for a TTY unless piped. */
  interactive?: boolean;
  /** Terminal width for TTY output; a function when the terminal can be resized. */
  columns?: number | (() => number);
}

/** A simulated Linux host with Docker installed: what the terminal talks to. */
export interface Simulator {
  /** Run one command line in the host shell (pipes, redirection, `docker ...`). */
  exec(commandLine: string, options?: ExecOptions): Promise<ExecResult>;
  /** The shell prompt for the next line, e.g. `learner@dockyard:~$ `. */
  prompt(): string;
  /** Traffic between client, daemon, registry and containers, for the architecture view. */
  readonly traces: EventBus<TraceEvent>;
  readonly engine: Engine;
}

/** Create a fresh host with an empty Docker engine. */
export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const clock = options.clock ?? systemClock;
  const traces = new EventBus<TraceEvent>();
  const hostFs = createHostFs();
  const engine = options.engine ?? new SimulatedEngine({ clock, traces, hostFs, pullBytesPerSecond: options.pullBytesPerSecond, ...(options.ids ? { ids: options.ids } : {}) });
  const shell: HostShell = createHostShell({
    engine,
    clock,
    fs: hostFs,
    interactive: options.interactive ?? false,
    ...(options.columns !== undefined ? { columns: options.columns } : {}),
  });
  return {
    exec: (commandLine, execOptions) => shell.exec(commandLine, execOptions?.signal, execOptions?.onOutput),
    prompt: () => shell.prompt(),
    traces,
    engine,
  };
}
