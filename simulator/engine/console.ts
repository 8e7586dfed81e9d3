/** An interactive shell as a container process: what `docker run -it ubuntu bash` talks to. */
import { Bash } from "just-bash";
import type { ContainerConsole } from "../backend/engine.ts";
import { exitRequest, ShellSession } from "../shell/session.ts";
import type { IFileSystem } from "just-bash";

const SHELLS = new Set(["sh", "bash", "ash", "dash", "zsh"]);

/** Whether argv starts an interactive shell (a shell with no script or -c). */
export function isInteractiveShell(argv: string[]): boolean {
  const [name = "", ...args] = argv;
  return SHELLS.has(name.slice(name.lastIndexOf("/") + 1)) && args.every((a) => a === "-l" || a === "-i" || a === "--login");
}

export interface ConsoleInit {
  bash: Bash;
  fs: IFileSystem;
  shell: string;
  hostname: string;
  cwd: string;
  env: Record<string, string>;
  /** The output of each line also goes to the container's log, as a TTY's does. */
  log(text: string): void;
}

export class InteractiveShell implements ContainerConsole {
  readonly closed: Promise<number>;
  readonly #session: ShellSession;
  readonly #prompt: (cwd: string) => string;
  readonly #log: (text: string) => void;
  #close: (code: number) => void = () => {};
  #done = false;

  constructor(init: ConsoleInit, busybox: boolean) {
    this.#session = new ShellSession(init.bash, init.cwd, init.env);
    this.#log = init.log;
    this.closed = new Promise((resolve) => (this.#close = resolve));
    const home = init.env["HOME"] ?? "/root";
    const short = (cwd: string) => (cwd === home ? "~" : cwd.startsWith(`${home}/`) ? `~${cwd.slice(home.length)}` : cwd);
    const base = init.shell.slice(init.shell.lastIndexOf("/") + 1);
    this.#prompt = busybox ? (cwd) => `${short(cwd)} # ` : base === "bash" ? (cwd) => `root@${init.hostname}:${short(cwd)}# ` : () => "# ";
  }

  get ended(): boolean {
    return this.#done;
  }

  prompt(): string {
    return this.#prompt(this.#session.cwd);
  }

  async exec(line: string, signal?: AbortSignal): Promise<{ stdout: string; stderr: string }> {
    if (this.#done) return { stdout: "", stderr: "" };
    const code = exitRequest(line, this.#session.lastExit);
    if (code !== undefined) {
      this.#log("exit\r\n");
      this.end(code);
      return { stdout: "exit\n", stderr: "" };
    }
    const result = await this.#session.exec(line, signal);
    this.#log(`${result.stdout}${result.stderr}`.replace(/\n/g, "\r\n"));
    return { stdout: result.stdout, stderr: result.stderr };
  }

  end(code: number): void {
    if (this.#done) return;
    this.#done = true;
    this.#close(code);
  }
}
