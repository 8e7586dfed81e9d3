/** The learner's host: a small Linux shell (just-bash) with `docker` on its PATH. */
import { Bash, defineCommand } from "just-bash";
import type { Engine } from "../backend/engine.ts";
import type { Clock } from "../engine/clock.ts";
import { docker } from "../cli/docker.ts";

export interface HostShell {
  exec(commandLine: string, signal?: AbortSignal): Promise<{ stdout: string; stderr: string; exitCode: number }>;
  prompt(): string;
}

export interface HostShellOptions {
  engine: Engine;
  clock: Clock;
  /** True when a person types at a terminal: docker then formats for a TTY unless piped. */
  interactive?: boolean;
  columns?: number;
}

export const HOME = "/home/learner";
const USER = "learner";
const HOSTNAME = "dockyard";

/** Whether the line sends output anywhere but the terminal (a pipe or a redirection). */
const redirected = (line: string) => /(^|[^|])\|(?!\|)|>/.test(line.replace(/'[^']*'|"(?:\\.|[^"\\])*"/g, ""));

export function createHostShell(options: HostShellOptions): HostShell {
  const { engine, clock } = options;
  let currentLine = "";
  const dockerCommand = defineCommand("docker", async (args, ctx) => {
    let stdout = "";
    let stderr = "";
    const isTTY = (options.interactive ?? false) && !redirected(currentLine);
    const exitCode = await docker(args, {
      engine,
      now: () => clock.now(),
      io: {
        stdout: (t) => { stdout += t; },
        stderr: (t) => { stderr += t; },
        isTTY,
        columns: isTTY ? (options.columns ?? 80) : 0,
        ...(ctx.signal ? { signal: ctx.signal } : {}),
      },
    });
    return { stdout, stderr, exitCode };
  });
  const bash = new Bash({
    cwd: HOME,
    env: { HOME, USER, LOGNAME: USER, HOSTNAME, SHELL: "/bin/bash", PATH: "/usr/local/bin:/usr/bin:/bin", TERM: "xterm-256color", LANG: "C.UTF-8" },
    files: {
      [`${HOME}/.profile`]: "# ~/.profile: Dockyard's simulated host\n",
      "/etc/hostname": `${HOSTNAME}\n`,
      "/etc/os-release": 'PRETTY_NAME="Dockyard host (simulated Linux)"\nNAME="Dockyard"\nID=dockyard\n',
    },
    customCommands: [dockerCommand],
  });
  let env: Record<string, string> | undefined;
  let cwd = HOME;
  let lastExit = 0;
  const ready = bash.fs.mkdir("/tmp", { recursive: true });

  return {
    async exec(commandLine, signal) {
      await ready;
      currentLine = commandLine;
      // just-bash starts each exec with $? = 0; replay the previous status only where the line reads it.
      const script = commandLine.includes("$?") ? `(exit ${lastExit}); ${commandLine}` : commandLine;
      const result = await bash.exec(script, {
        cwd,
        rawScript: true,
        ...(env ? { env, replaceEnv: true } : {}),
        ...(signal ? { signal } : {}),
      });
      if (signal?.aborted) {
        lastExit = 130;
        return { stdout: result.stdout, stderr: result.stderr, exitCode: 130 };
      }
      env = { ...result.env };
      if (result.env["PWD"]) cwd = result.env["PWD"];
      lastExit = result.exitCode;
      return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode };
    },
    prompt() {
      const shown = cwd === HOME ? "~" : cwd.startsWith(`${HOME}/`) ? `~${cwd.slice(HOME.length)}` : cwd;
      return `${USER}@${HOSTNAME}:${shown}$ `;
    },
  };
}
