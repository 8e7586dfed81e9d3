/** A shell that keeps its working directory, variables and `$?` from one line to the next. */
import type { Bash } from "just-bash";

export interface LineResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export class ShellSession {
  readonly #bash: Bash;
  #env: Record<string, string> | undefined;
  #cwd: string;
  #lastExit = 0;

  constructor(bash: Bash, cwd: string, env?: Record<string, string>) {
    this.#bash = bash;
    this.#cwd = cwd;
    this.#env = env;
  }

  get cwd(): string {
    return this.#cwd;
  }

  get env(): Record<string, string> {
    return this.#env ?? {};
  }

  get lastExit(): number {
    return this.#lastExit;
  }

  /** Record the status of something that ended outside a line (an interactive container shell). */
  set lastExit(code: number) {
    this.#lastExit = code;
  }

  async exec(line: string, signal?: AbortSignal): Promise<LineResult> {
    // just-bash starts each exec with $? = 0; replay the previous status only where the line reads it.
    const script = line.includes("$?") ? `(exit ${this.#lastExit}); ${line}` : line;
    const result = await this.#bash.exec(script, {
      cwd: this.#cwd,
      rawScript: true,
      ...(this.#env ? { env: this.#env, replaceEnv: true } : {}),
      ...(signal ? { signal } : {}),
    });
    if (signal?.aborted) {
      this.#lastExit = 130;
      return { stdout: result.stdout, stderr: result.stderr, exitCode: 130 };
    }
    this.#env = { ...result.env };
    if (result.env["PWD"]) this.#cwd = result.env["PWD"];
    this.#lastExit = result.exitCode;
    return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode };
  }
}

/** `exit`, `exit 3`, `logout`: the line ends an interactive shell; returns its exit code. */
export function exitRequest(line: string, lastExit: number): number | undefined {
  const match = /^\s*(?:exit|logout)(?:\s+(-?\d+))?\s*;?\s*$/.exec(line);
  if (!match) return undefined;
  return match[1] === undefined ? lastExit : ((Number(match[1]) % 256) + 256) % 256;
}
