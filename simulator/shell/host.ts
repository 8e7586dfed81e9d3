/** The learner's host: a small Linux shell (just-bash) with `docker` on its PATH. */
import { Bash, defineCommand, InMemoryFs, type IFileSystem } from "just-bash";
import { systemCommands } from "../engine/system-commands.ts";
import { explainRunaway, isRunaway, RUNAWAY_EXIT, SHELL_LIMITS } from "./limits.ts";
import { curlCommand, hostConnect, wgetCommand, type HostConnect } from "./http-client.ts";
import type { ContainerConsole, Engine } from "../backend/engine.ts";
import type { Clock } from "../engine/clock.ts";
import { docker } from "../cli/docker.ts";
import { ShellSession, type LineResult } from "./session.ts";
import { listTree } from "./host-files.ts";
import { HOME, HOSTNAME, hostPrompt, USER } from "./identity.ts";

export type OutputSink = (stream: "stdout" | "stderr", text: string) => void;

export interface HostShell {
  exec(commandLine: string, signal?: AbortSignal, onOutput?: OutputSink): Promise<LineResult>;
  prompt(): string;
  /** Whether the next line answers a secret question (a password): not to be shown or kept. */
  promptIsSecret(): boolean;
  /** The shell's working directory (for completing file names). */
  cwd(): string;
  /** Whether lines go to a container's shell (`docker run -it`) rather than the host's. */
  inContainer(): boolean;
}

export interface HostShellOptions {
  engine: Engine;
  clock: Clock;
  /** True when a person types at a terminal: docker then formats for a TTY unless piped, and -it works. */
  interactive?: boolean;
  columns?: number | (() => number);
  /** The host's filesystem, shared with the engine for bind mounts. */
  fs?: IFileSystem;
}

/**
 * A command's stdin as text. just-bash carries bytes as a latin1 string; its browser build
 * does not export its decoder, so decode the UTF-8 here.
 */
function stdinText(bytes: unknown): string {
  const latin1 = String(bytes);
  return /^[\x00-\x7f]*$/.test(latin1) ? latin1 : new TextDecoder().decode(Uint8Array.from(latin1, (c) => c.charCodeAt(0)));
}

export { HOME };

const unquoted = (line: string) => line.replace(/'[^']*'|"(?:\\.|[^"\\])*"/g, "");
/** Whether the line sends output anywhere but the terminal (a pipe or a redirection). */
const redirected = (line: string) => /(^|[^|])\|(?!\|)|>/.test(unquoted(line));
/** One simple command: its output can go to the terminal as it comes without reordering anything. */
const streamable = (line: string) => !/[|;&<>`\n]|\$\(/.test(unquoted(line));
/** just-bash's note on an interrupted script; bash prints nothing there. */
const ABORT_NOTE = /^bash: execution aborted\n?/gm;

/** The host's own files: a home directory and what identifies the machine. */
export function createHostFs(): InMemoryFs {
  return new InMemoryFs({
    [`${HOME}/.profile`]: "# ~/.profile: Dockyard's simulated host\n",
    "/etc/hostname": `${HOSTNAME}\n`,
    "/etc/os-release": 'PRETTY_NAME="Dockyard host (simulated Linux)"\nNAME="Dockyard"\nID=dockyard\n',
  });
}

export function createHostShell(options: HostShellOptions): HostShell {
  const { engine, clock } = options;
  let currentLine = "";
  /** Container shells the terminal is attached to (`docker run -it`), innermost last. */
  const consoles: ContainerConsole[] = [];
  let session: ShellSession;

  const attach = (console: ContainerConsole) => {
    consoles.push(console);
    void console.closed.then((code) => {
      const i = consoles.indexOf(console);
      if (i >= 0) consoles.splice(i, 1);
      session.lastExit = code;
    });
  };

  /** Where a streamable line's docker output goes as it is written. */
  let live: OutputSink | undefined;
  /** `docker`, and `docker-compose`: the Compose plugin under its standalone name. */
  const dockerLike = (name: string, prefix: string[]) => defineCommand(name, async (args, ctx) => {
    let stdout = "";
    let stderr = "";
    const sink = live;
    const isTTY = (options.interactive ?? false) && !redirected(currentLine);
    // The host's files directly, not through this command's run: a prompt answered later (docker login) still writes them.
    const at = (path: string) => hostFs.resolvePath(ctx.cwd, path);
    const exitCode = await docker([...prefix, ...args], {
      engine,
      now: () => clock.now(),
      host: {
        readFile: (path) => hostFs.readFile(at(path)),
        readFileBuffer: (path) => hostFs.readFileBuffer(at(path)),
        writeFile: (path, text) => hostFs.writeFile(at(path), text),
        writeFileBuffer: (path, bytes) => hostFs.writeFile(at(path), bytes),
        mkdir: (path) => hostFs.mkdir(at(path), { recursive: true }),
        exists: (path) => hostFs.exists(at(path)),
        stat: async (path) => {
          const stat = await hostFs.stat(at(path)).catch(() => undefined);
          return stat && { type: stat.isDirectory ? "dir" : "file", size: stat.size };
        },
        listTree: (path) => listTree(hostFs, at(path)),
        env: Object.fromEntries(ctx.env),
        cwd: ctx.cwd,
      },
      ...(isTTY ? { terminal: { attach } } : {}),
      io: {
        stdout: (t) => (sink ? sink("stdout", t) : (stdout += t)),
        stderr: (t) => (sink ? sink("stderr", t) : (stderr += t)),
        isTTY,
        ...(stdinText(ctx.stdin) !== "" ? { stdin: stdinText(ctx.stdin) } : {}),
        columns: isTTY ? (typeof options.columns === "function" ? options.columns() : (options.columns ?? 80)) : 0,
        ...(ctx.signal ? { signal: ctx.signal } : {}),
      },
    });
    return { stdout, stderr, exitCode };
  });
  const hostFs = options.fs ?? createHostFs();
  // Published ports: the simulated engine forwards them; an engine without that refuses.
  const forwarder = engine as Engine & { hostRequest?: HostConnect };
  const connect: HostConnect = (port, request) => (forwarder.hostRequest ? forwarder.hostRequest(port, request) : Promise.resolve("refused"));
  const bash = new Bash({
    fs: hostFs,
    cwd: HOME,
    env: { HOME, USER, LOGNAME: USER, HOSTNAME, SHELL: "/bin/bash", PATH: "/usr/local/bin:/usr/bin:/bin", TERM: "xterm-256color", LANG: "C.UTF-8" },
    customCommands: [dockerLike("docker", []), dockerLike("docker-compose", ["compose"]), curlCommand(hostConnect(connect)), wgetCommand(hostConnect(connect), () => clock.now()), ...systemCommands(hostFs, HOSTNAME, async () => ({ uid: 1000, gid: 1000, user: USER, group: USER }))],
    // No guest JavaScript runs here; the global patching would cost every command a millisecond.
    defenseInDepth: false,
    executionLimits: SHELL_LIMITS,
  });
  session = new ShellSession(bash, HOME);
  const ready = bash.fs.mkdir("/tmp", { recursive: true });

  return {
    async exec(commandLine, signal, onOutput) {
      await ready;
      const console = consoles.at(-1);
      if (console) {
        const { stdout, stderr } = await console.exec(commandLine, signal);
        if (stderr) onOutput?.("stderr", stderr);
        if (stdout) onOutput?.("stdout", stdout);
        return { stdout, stderr, exitCode: 0 };
      }
      currentLine = commandLine;
      let streamedOut = "";
      let streamedErr = "";
      live = onOutput && streamable(commandLine)
        ? (stream, text) => {
            if (stream === "stdout") streamedOut += text;
            else streamedErr += text;
            onOutput(stream, text);
          }
        : undefined;
      try {
        const result = await session.exec(commandLine, signal);
        const runaway = isRunaway(result.stderr);
        if (runaway) session.lastExit = RUNAWAY_EXIT;
        const stderr = runaway ? explainRunaway(result.stderr, "bash") : result.exitCode === 130 ? result.stderr.replace(ABORT_NOTE, "") : result.stderr;
        // What was not streamed (other commands' output) follows; stderr first, as docker run needs.
        if (stderr) onOutput?.("stderr", stderr);
        if (result.stdout) onOutput?.("stdout", result.stdout);
        return { stdout: streamedOut + result.stdout, stderr: streamedErr + stderr, exitCode: runaway ? RUNAWAY_EXIT : result.exitCode };
      } finally {
        live = undefined;
      }
    },
    cwd: () => session.cwd,
    inContainer: () => consoles.length > 0,
    promptIsSecret: () => consoles.at(-1)?.secret === true,
    prompt() {
      const console = consoles.at(-1);
      if (console) return console.prompt();
      return hostPrompt(session.cwd);
    },
  };
}
