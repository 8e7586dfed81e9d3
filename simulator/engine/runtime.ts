/**
 * The container runtime (runc's part): finds the entrypoint on the container's PATH and runs
 * it as PID 1, either as a program model from the catalog or as commands in just-bash.
 */
import { Bash, defineCommand, type IFileSystem } from "just-bash";
import { EXEC_COMMAND, programNames, shellView, type LiveOutput } from "./shell-view.ts";
import { liveArgv } from "./live-output.ts";
import { trapCommand, type Traps } from "./traps.ts";
import { explainRunaway, isRunaway, RUNAWAY_EXIT, SHELL_LIMITS } from "../shell/limits.ts";
import type { HttpHandler } from "./http.ts";
import { networkCommands, type ContainerNet } from "./container-net.ts";
import { busyboxMessages, resolveUser, systemCommands, type ProcessEntry } from "./system-commands.ts";
import { programs } from "../catalog/programs/index.ts";
import type { SignalName } from "./process.ts";
import { LayeredFs } from "./layered-fs.ts";
import type { Clock } from "./clock.ts";
import { sleep } from "./clock.ts";
import { InteractiveShell, isInteractiveShell } from "./console.ts";
import { installedCommands, installedModel, isBinary, type RunModel } from "./packages/commands.ts";

export interface Launch {
  argv: string[];
  env: Record<string, string>;
  workingDir: string;
  hostname: string;
  user: string;
  /** The container's filesystem as processes see it (volumes and bind mounts in place). */
  fs: IFileSystem;
  /** Its root filesystem without mounts, where the image's programs are. */
  rootfs: LayeredFs;
  /** Executable path -> program model name, from the image. */
  programs: Record<string, string>;
  /** A TTY with stdin open (-it): a shell then waits for the person at the terminal. */
  interactive?: boolean;
  /** What was piped to the process's stdin (`echo hi | docker run -i busybox cat`). */
  stdin?: string;
  /** The container's processes, for `ps` inside it. */
  processes?: () => ProcessEntry[];
  /** Where servers in the container register the ports they answer on. */
  listen?: (port: number, handler: HttpHandler) => void;
  /** The container's networks, for ping, wget, curl and friends inside it. */
  net?: ContainerNet;
}

export interface ProcessOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** A started process: deliver signals to it, await its exit code. */
export interface RunningProcess {
  /** Deliver a signal. SIGKILL always ends it (137); others reach its handlers or are ignored, as for PID 1. */
  kill(signal: SignalName | "SIGKILL"): void;
  readonly exit: Promise<number>;
  /** Present when the process is an interactive shell on a TTY. */
  readonly console?: InteractiveShell;
}

/** runc could not exec the entrypoint: `docker start` fails with this message and exit code. */
export class StartError extends Error {
  constructor(readonly exitCode: number, message: string) {
    super(message);
  }
}

const ociError = (detail: string) =>
  `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${detail}: unknown`;

/** Shell-quote argv so each word stays one word. */
export const shellQuote = (words: string[]): string =>
  words.map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(" ");

/** Find `name` as execve would: a path as given, or each PATH directory in turn. */
export async function resolveExecutable(fs: IFileSystem, name: string, path: string, cwd: string): Promise<string | undefined> {
  const candidates = name.includes("/") ? [fs.resolvePath(cwd, name)] : path.split(":").filter(Boolean).map((dir) => `${dir}/${name}`);
  for (const candidate of candidates) {
    // The copy-on-write root answers without an exception for each miss; mounts need a real stat.
    const stat = fs instanceof LayeredFs ? fs.statIfExists(candidate) : await fs.stat(candidate).catch(() => undefined);
    if (stat?.isFile) return candidate;
  }
  return undefined;
}

const SIGNAL_NUMBERS: Record<SignalName | "SIGKILL", number> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGUSR1: 10, SIGUSR2: 12, SIGTERM: 15, SIGWINCH: 28 };
export const signalNumber = (signal: SignalName | "SIGKILL") => SIGNAL_NUMBERS[signal];

/** Start the container's main process (or an exec'd one). Throws StartError when it cannot be exec'd. */
export async function startProcess(launch: Launch, out: ProcessOutput, clock: Clock): Promise<RunningProcess> {
  const [name, ...args] = launch.argv;
  if (name === undefined || name === "") throw new StartError(127, ociError('exec: "": executable file not found in $PATH'));
  const pathEnv = launch.env["PATH"] ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  try {
    const cwd = await launch.fs.stat(launch.workingDir || "/");
    if (!cwd.isDirectory) throw new Error("not a directory");
  } catch {
    await launch.fs.mkdir(launch.workingDir, { recursive: true });
  }
  const executable = await resolveExecutable(launch.fs, name, pathEnv, launch.workingDir || "/");
  if (!executable) {
    const detail = name.includes("/") ? `exec: "${name}": stat ${name}: no such file or directory` : `exec: "${name}": executable file not found in $PATH`;
    throw new StartError(127, ociError(detail));
  }

  const killer = new AbortController();
  const handlers: ((signal: SignalName) => void)[] = [];
  let killedCode: number | undefined;
  let settle: (code: number) => void = () => {};
  const killed = new Promise<number>((resolve) => (settle = resolve));
  const kill = (signal: SignalName | "SIGKILL") => {
    if (signal === "SIGKILL") {
      killedCode = 128 + signalNumber("SIGKILL");
      killer.abort(new Error("killed"));
      settle(killedCode);
      return;
    }
    for (const handler of handlers) handler(signal);
  };

  if (launch.interactive && isInteractiveShell(launch.argv)) {
    const shell = new InteractiveShell(
      { bash: await containerBash(launch, clock, killer.signal), fs: launch.fs, shell: name, hostname: launch.hostname, cwd: launch.workingDir || "/", env: launch.env, log: out.stdout },
      await launch.fs.exists("/bin/busybox"),
    );
    return { kill: (signal) => signal === "SIGKILL" && shell.end(137), exit: shell.closed, console: shell };
  }

  const model = launch.programs[executable] ?? (await realProgram(launch, executable));
  let body: Promise<number>;
  /** What the program exec'd into (an entrypoint's `exec "$@"`): it now gets the signals. */
  let successor: RunningProcess | undefined;
  if (model && programs[model]) {
    body = programs[model]({
      ...programContext(launch, out, clock, killer.signal),
      onSignal: (h) => handlers.push(h),
      exec: async (argv) => {
        successor = await startProcess({ ...launch, argv }, out, clock);
        return successor.exit;
      },
    });
  } else if (isIdle(name, args)) {
    body = idle(name, args, clock, killer.signal);
  } else {
    body = runInShell(launch, out, clock, killer.signal, {
      onSignal: (h) => handlers.push(h),
      // A trap's `exit N`: the script ends with N at once.
      end: (code) => {
        killedCode = code;
        killer.abort(new Error("exited"));
        settle(code);
      },
    });
  }
  const exit = Promise.race([body.catch(() => killedCode ?? 1), killed]).then((code) => killedCode ?? code);
  return {
    kill: (signal) => {
      if (successor) successor.kill(signal);
      if (signal === "SIGKILL" || !successor) kill(signal);
    },
    exit,
    get console() {
      return successor?.console;
    },
  };
}

/** The parts of a program's context that come straight from the launch. */
function programContext(launch: Launch, out: ProcessOutput, clock: Clock, signal: AbortSignal) {
  return {
    argv: launch.argv,
    env: launch.env,
    hostname: launch.hostname,
    fs: launch.fs,
    stdout: out.stdout,
    stderr: out.stderr,
    signal,
    clock,
    cwd: launch.workingDir || "/",
    tty: launch.interactive ?? false,
    stdin: launch.stdin,
    listen: launch.listen ?? (() => {}),
    connect: launch.net?.connect ?? (async () => "unresolved" as const),
    resolve: (host: string) => launch.net?.resolve(host) ?? (host === "localhost" || host === "127.0.0.1" ? "127.0.0.1" : undefined),
  };
}

/** Program models as commands inside the container's shells (`sh -c 'nginx -v'`). */
function programCommands(launch: Launch, names: Map<string, string>, clock: Clock, signal: AbortSignal) {
  return [...names].filter(([, path]) => programs[launch.programs[path]!]).map(([name, path]) =>
    defineCommand(name, async (args, ctx) => runModelCommand(launch, launch.programs[path]!, name, args, ctx, clock, signal)),
  );
}

/** Run a program model to completion as a shell command, collecting its output. */
async function runModelCommand(launch: Launch, model: string, name: string, args: string[], ctx: Parameters<RunModel>[3], clock: Clock, signal: AbortSignal) {
  let stdout = "";
  let stderr = "";
  const env = Object.fromEntries(ctx.env);
  const exitCode = await programs[model]!({
    ...programContext({ ...launch, env, workingDir: ctx.cwd }, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, clock, signal),
    argv: [name, ...args],
    onSignal: () => {},
    exec: async (argv) => {
      const result = await ctx.exec!(shellQuote(argv), { cwd: ctx.cwd });
      stdout += result.stdout;
      stderr += result.stderr;
      return result.exitCode;
    },
  });
  return { stdout, stderr, exitCode };
}

/** A program model may be registered for the target of a symlink (`/usr/sbin/nginx` via `/usr/bin/nginx`). */
async function realProgram(launch: Launch, executable: string): Promise<string | undefined> {
  try {
    const real = await launch.fs.realpath(executable);
    return launch.programs[real] ?? (await installedModel(launch.fs, real));
  } catch {
    return undefined;
  }
}

/** `sleep N` and `tail -f` as PID 1 just wait: no shell needs to stay in memory for them. */
function isIdle(name: string, args: string[]): boolean {
  const base = name.slice(name.lastIndexOf("/") + 1);
  if (base === "sleep") return args.length === 1 && /^(\d+(\.\d+)?[smhd]?|infinity)$/.test(args[0]!);
  if (base === "tail") return args.includes("-f") || args.includes("-F");
  return false;
}

async function idle(name: string, args: string[], clock: Clock, signal: AbortSignal): Promise<number> {
  const base = name.slice(name.lastIndexOf("/") + 1);
  if (base === "sleep" && args[0] !== "infinity") {
    const match = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(args[0]!)!;
    const unit = { "": 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2]!]!;
    await sleep(clock, Number(match[1]) * unit, signal);
    return 0;
  }
  await new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason), { once: true }));
  return 0;
}

/** A just-bash shell over the container's filesystem, with its environment and commands (`live`: PID 1's output). */
async function containerBash(launch: Launch, clock: Clock, signal: AbortSignal, live?: LiveOutput, traps: Traps = new Map()): Promise<Bash> {
  const names = await programNames(launch.rootfs, launch.programs);
  const busybox = await launch.fs.exists("/bin/busybox");
  return new Bash({
    fs: shellView(launch.fs, names, (path) => isBinary(launch.fs, path), live),
    cwd: launch.workingDir || "/",
    env: launch.env,
    sleep: (ms) => sleep(clock, ms, signal),
    customCommands: [
      trapCommand(traps, !busybox),
      ...systemCommands(launch.fs, launch.hostname, () => resolveUser(launch.fs, launch.user), launch.processes).filter((c) => !launch.net || c.name !== "hostname"),
      ...(launch.net ? networkCommands(launch.net, clock) : []),
      ...installedCommands(launch.fs, names, launch.programs, (model) => model in programs, (model, name, args, ctx) => runModelCommand(launch, model, name, args, ctx, clock, signal)),
      // An executable run by its path (`/opt/venv/bin/pip`) reaches its model through the shell view's script.
      defineCommand(EXEC_COMMAND, async (args, ctx) => {
        const [count, path = "", ...rest] = args;
        const model = await realProgram(launch, ctx.fs.resolvePath(ctx.cwd, path));
        // A binary with no model (an apt-installed daemon, a busybox applet just-bash lacks) says so plainly.
        if (!model || !programs[model]) return { stdout: "", stderr: `${path.slice(path.lastIndexOf("/") + 1)} (simulated): this program is not modelled in Dockyard\n`, exitCode: 126 };
        return runModelCommand(launch, model, path, rest.slice(0, Number(count)), ctx, clock, signal);
      }),
      ...programCommands(launch, names, clock, signal),
    ],
    processInfo: { pid: 1, ppid: 0, uid: 0, gid: 0 },
    // No guest JavaScript runs here; the global patching would cost every command a millisecond.
    defenseInDepth: false,
    executionLimits: SHELL_LIMITS,
  });
}

/** How a main shell hears signals, and how a trap that exits ends it. */
interface ShellControl {
  onSignal(handler: (signal: SignalName) => void): void;
  end(code: number): void;
}

/** Marks that a trap's action ran to its end (it did not `exit`). */
const TRAP_RETURNED = "__dockyard_trap_returned";

async function runInShell(launch: Launch, out: ProcessOutput, clock: Clock, signal: AbortSignal, control: ShellControl): Promise<number> {
  const busybox = await launch.fs.exists("/bin/busybox");
  const stderrOut = (text: string) => out.stderr(busybox ? busyboxMessages(text) : text);
  const traps: Traps = new Map();
  const bash = await containerBash(launch, clock, signal, { stdout: out.stdout, stderr: stderrOut }, traps);
  let returned = false;
  bash.registerCommand(defineCommand(TRAP_RETURNED, async () => ((returned = true), { stdout: "", stderr: "", exitCode: 0 })));
  /** Run a trap's action: its exit code if it exited, undefined if it returned. */
  const runTrap = async (action: string): Promise<number | undefined> => {
    returned = false;
    const result = await bash.exec(`${action}\n${TRAP_RETURNED}`, { replaceEnv: true, env: launch.env, cwd: launch.workingDir || "/" });
    if (result.stdout) out.stdout(result.stdout);
    if (result.stderr) stderrOut(result.stderr);
    return returned ? undefined : result.exitCode;
  };
  let exitTrapRan = false;
  const exitTrap = async () => {
    const action = traps.get("EXIT");
    if (exitTrapRan || !action) return;
    exitTrapRan = true;
    await runTrap(action);
  };
  // Without a trap PID 1 ignores SIGTERM and SIGINT (docker stop then kills it); with one, its action runs.
  control.onSignal((sig) => {
    const action = traps.get(sig.replace(/^SIG/, ""));
    if (!action) return;
    void runTrap(action).then(async (exited) => {
      if (exited === undefined) return;
      await exitTrap();
      control.end(exited);
    });
  });
  // A shell script's commands print as they run (live-output.ts).
  const argv = await liveArgv(launch.argv, launch.fs, launch.workingDir || "/", launch.env["PATH"]);
  const result = await bash.exec(shellQuote(argv), { signal, replaceEnv: true, env: launch.env, cwd: launch.workingDir || "/", ...(launch.stdin !== undefined ? { stdin: launch.stdin } : {}) });
  if (result.stdout) out.stdout(result.stdout);
  // Killed, or ended by a trap's exit: the interpreter's own "execution aborted" is not the script's to print.
  if (signal.aborted) return result.exitCode;
  const runaway = isRunaway(result.stderr);
  const stderr = runaway ? explainRunaway(result.stderr, "sh") : result.stderr;
  if (stderr) out.stderr(busybox ? busyboxMessages(stderr) : stderr);
  await exitTrap();
  return runaway ? RUNAWAY_EXIT : result.exitCode;
}
