/** What a process inside a container sees, and what a program model is. */
import type { IFileSystem } from "just-bash";
import type { Clock } from "./clock.ts";
import type { HttpHandler, HttpRequest, HttpResponse } from "./http.ts";

/** Signals `docker kill -s` and `docker stop` deliver; SIGKILL is never delivered to handlers. */
export type SignalName = "SIGTERM" | "SIGINT" | "SIGQUIT" | "SIGHUP" | "SIGUSR1" | "SIGUSR2" | "SIGWINCH";

export interface ProcessContext {
  /** argv[0] is the executable as the container config names it. */
  argv: string[];
  env: Record<string, string>;
  /** The container's hostname (its short ID unless -h was given). */
  hostname: string;
  /** The container's root filesystem (image layers plus its writable layer, volumes mounted). */
  fs: IFileSystem;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Aborted when the process is killed (SIGKILL): resolve soon after, the exit code is then 137. */
  signal: AbortSignal;
  /**
   * Handle catchable signals. As PID 1 in a container, a process that registers no handler
   * ignores SIGTERM, so `docker stop` waits its timeout and then kills it (exit 137).
   */
  onSignal(handler: (signal: SignalName) => void): void;
  clock: Clock;
  /** The working directory (the image's WorkingDir, `-w`). */
  cwd: string;
  /** Whether the process has a TTY (`-t`). */
  tty: boolean;
  /** What was piped to its stdin (`docker run -i`), if anything. */
  stdin?: string | undefined;
  /**
   * `exec "$@"`: replace this process with `argv`, found on PATH as the runtime finds any
   * command (a program model, an interactive shell on a TTY, or a command in a shell).
   * Resolves with that process's exit code; signals then go to it.
   */
  exec(argv: string[]): Promise<number>;
  /** Serve HTTP (or a protocol modelled as requests) on a port of the container. */
  listen(port: number, handler: HttpHandler): void;
  /** Reach a server in this container or in one on a shared network. */
  connect(host: string, port: number, request: Omit<HttpRequest, "remoteAddress">): Promise<HttpResponse | "refused" | "reset" | "unresolved">;
  /** Docker's embedded DNS as this container sees it (undefined: no such host). */
  resolve(host: string): string | undefined;
}

/** A long-running or special executable modelled in TypeScript; resolves with the exit code. */
export type Program = (ctx: ProcessContext) => Promise<number>;
