/** What a process inside a container sees, and what a program model is. */
import type { Clock } from "./clock.ts";

export interface ProcessContext {
  argv: string[];
  env: Record<string, string>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Aborted when the process is killed (SIGKILL) or its container is removed. */
  signal: AbortSignal;
  clock: Clock;
}

/** A long-running or special executable modelled in TypeScript; resolves with the exit code. */
export type Program = (ctx: ProcessContext) => Promise<number>;
