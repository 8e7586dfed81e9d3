import { createHostFs, createHostShell, HOME, type HostShell } from "./shell/host.ts";
import { hostFiles, type HostFiles } from "./shell/host-files.ts";
import { SimulatedEngine } from "./engine/simulated-engine.ts";
import { systemClock, type Clock } from "./engine/clock.ts";
import { EventBus, type TraceEvent } from "./engine/events.ts";
import type { Engine } from "./backend/engine.ts";
import type { IdSource } from "./engine/digest.ts";
import { completeLine, type Completion, type CompletionSource } from "./shell/complete.ts";

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
  /** Simulated registry bandwidth, so a person sees layers download; instant when unset. A function is read at each pull. */
  pullBytesPerSecond?: number | (() => number | undefined);
  /** How long a rebuilt build step takes, so a person sees the build progress; instant when unset. A function is read at each step. */
  buildStepMs?: number | (() => number | undefined);
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
  /** Whether the next line answers a secret question (`Password: `): not echoed, kept in history or stored. */
  promptIsSecret(): boolean;
  /** Traffic between client, daemon, registry and containers, for the architecture view. */
  readonly traces: EventBus<TraceEvent>;
  readonly engine: Engine;
  /** The files of the learner's home folder (the editor's tree); a command line waits for writes begun before it. */
  readonly files: HostFiles;
  /** Tab completion for `line` with the cursor at `cursor`: docker words, flags, names and files. */
  complete(line: string, cursor: number): Promise<Completion>;
}

/** Create a fresh host with an empty Docker engine. */
export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const clock = options.clock ?? systemClock;
  const traces = new EventBus<TraceEvent>();
  const hostFs = createHostFs();
  const engine = options.engine ?? new SimulatedEngine({ clock, traces, hostFs, pullBytesPerSecond: options.pullBytesPerSecond, buildStepMs: options.buildStepMs, ...(options.ids ? { ids: options.ids } : {}) });
  const shell: HostShell = createHostShell({
    engine,
    clock,
    fs: hostFs,
    interactive: options.interactive ?? false,
    ...(options.columns !== undefined ? { columns: options.columns } : {}),
  });
  // File operations run one after another, and a command line starts after those begun before it.
  const direct = hostFiles(hostFs, HOME);
  let pending: Promise<unknown> = Promise.resolve();
  const queued = <T>(operation: () => Promise<T>): Promise<T> => {
    const result = pending.then(operation);
    pending = result.catch(() => undefined);
    return result;
  };
  const files: HostFiles = {
    root: direct.root,
    list: () => queued(() => direct.list()),
    read: (path) => queued(() => direct.read(path)),
    write: (path, text) => queued(() => direct.write(path, text)),
    mkdir: (path) => queued(() => direct.mkdir(path)),
    rename: (from, to) => queued(() => direct.rename(from, to)),
    remove: (path) => queued(() => direct.remove(path)),
  };
  return {
    exec: async (commandLine, execOptions) => {
      await pending;
      return shell.exec(commandLine, execOptions?.signal, execOptions?.onOutput);
    },
    prompt: () => shell.prompt(),
    promptIsSecret: () => shell.promptIsSecret(),
    // Inside a container's shell the host's names and files would be wrong: nothing is offered.
    complete: async (line, cursor) => (shell.inContainer() ? { start: cursor, candidates: [] } : completeLine(line, cursor, completionSource(engine, hostFs, () => shell.cwd()))),
    traces,
    engine,
    files,
  };
}

/** Names for Tab completion: the engine's objects and the host's folders. */
function completionSource(engine: Engine, fs: ReturnType<typeof createHostFs>, cwd: () => string): CompletionSource {
  return {
    containers: async () => (await engine.containerList({ all: true })).flatMap((c) => c.Names.map((n) => n.replace(/^\//, ""))),
    images: async () => (await engine.imageList()).flatMap((i) => (i.RepoTags ?? []).filter((t) => t !== "<none>:<none>")),
    volumes: async () => (await engine.volumeList()).map((v) => v.Name),
    networks: async () => (await engine.networkList()).map((n) => n.Name),
    listDir: async (dir) => {
      const path = fs.resolvePath(cwd(), dir.replace(/^~(?=\/|$)/, HOME));
      const entries = await fs.readdir(path);
      return Promise.all(entries.map(async (name) => ((await fs.stat(fs.resolvePath(path, name))).isDirectory ? `${name}/` : name)));
    },
  };
}
