/** Engine API shapes of a container's processes and output: exec, attach, logs and interactive consoles. */
/** An interactive shell on a container's TTY, driven line by line by the terminal. */
export interface ContainerConsole {
  /** Run one typed line; `exit` ends the shell. */
  exec(line: string, signal?: AbortSignal): Promise<{ stdout: string; stderr: string }>;
  /** The shell's prompt: `root@3f4e5d6c7b8a:/# `, `/ # `. */
  prompt(): string;
  /** Resolves with the shell's exit code when it ends (exit, Ctrl-D, the container stopped). */
  readonly closed: Promise<number>;
  /** The next line is a secret (a password): the terminal does not show it, keep it in history or store it. */
  readonly secret?: boolean;
}

export interface ExecConfig {
  Cmd: string[];
  Env?: string[];
  WorkingDir?: string;
  User?: string;
  Tty?: boolean;
  AttachStdin?: boolean;
  Detach?: boolean;
}

export interface OutputChunk {
  stream: "stdout" | "stderr";
  text: string;
  /** Unix time in milliseconds when the line was written. */
  time: number;
}

export interface LogsOptions {
  stdout?: boolean;
  stderr?: boolean;
  follow?: boolean;
  /** Unix time in ms: only entries at or after it. */
  since?: number;
  until?: number;
  /** Number of lines from the end; undefined for all. */
  tail?: number;
  signal?: AbortSignal;
}
