/** docker exec: a command started in a running container, run to its end or as an interactive shell. */
import type { ContainerConsole, ExecConfig, OutputChunk } from "../backend/engine.ts";
import { EngineError, invalidParameter } from "../backend/errors.ts";
import type { Container } from "./container.ts";
import type { Daemon } from "./daemon.ts";
import { startProcess, StartError } from "./runtime.ts";

export interface ExecOptions {
  onOutput?: (chunk: OutputChunk) => void;
  signal?: AbortSignal;
  stdin?: string;
}

/** Run an exec to its end, streaming its output; it is killed when the signal aborts or the container stops. */
export async function runExec(d: Daemon, c: Container, config: ExecConfig, options: ExecOptions): Promise<{ ExitCode: number }> {
  const write = (stream: OutputChunk["stream"]) => (text: string) => options.onOutput?.({ stream, text, time: d.clock.now() });
  let proc;
  try {
    proc = await startExec(d, c, config, write, false, options.stdin);
  } catch (error) {
    if (error instanceof StartError) throw new EngineError(400, execError(error.message));
    throw error;
  }
  const stop = () => proc.kill("SIGKILL");
  options.signal?.addEventListener("abort", stop, { once: true });
  const stopOnExit = c.listen((chunk) => chunk === null && stop());
  try {
    return { ExitCode: await proc.exit };
  } finally {
    stopOnExit();
    options.signal?.removeEventListener("abort", stop);
  }
}

/** An exec'd interactive shell, killed when the container stops. */
export async function execConsole(d: Daemon, c: Container, config: ExecConfig): Promise<ContainerConsole> {
  const proc = await startExec(d, c, config, () => () => {}, true).catch((error: unknown) => {
    throw error instanceof StartError ? new EngineError(400, execError(error.message)) : error;
  });
  if (!proc.console) throw invalidParameter("not an interactive shell");
  const stopOnExit = c.listen((chunk) => chunk === null && proc.kill("SIGKILL"));
  void proc.exit.then(stopOnExit);
  return proc.console;
}

/** Start a process in the container: its env, user and working directory, overridden by the exec's. */
export function startExec(d: Daemon, c: Container, config: ExecConfig, write: (stream: OutputChunk["stream"]) => (text: string) => void, interactive = false, stdin?: string) {
  return startProcess(
    {
      argv: config.Cmd,
      env: { HOSTNAME: c.config.Hostname, HOME: "/root", ...Object.fromEntries(mergeEnv(c.config.Env, config.Env ?? []).map(splitEnv)) },
      workingDir: config.WorkingDir || c.config.WorkingDir || "/",
      hostname: c.config.Hostname,
      user: config.User ?? c.config.User ?? "",
      fs: c.fs,
      rootfs: c.rootfs,
      programs: c.image.programs,
      processes: () => c.processes(),
      ...(c.net ? { net: c.net } : {}),
      interactive,
      ...(stdin !== undefined ? { stdin } : {}),
    },
    { stdout: write("stdout"), stderr: write("stderr") },
    d.clock,
  );
}

/** runc's exec failure text, from its create failure text. */
export const execError = (message: string) =>
  message.replace(/^failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: /, "OCI runtime exec failed: exec failed: unable to start container process: ");

/** Image env first, then the container's, a later KEY replacing an earlier one. */
export function mergeEnv(base: string[], extra: string[]): string[] {
  const merged = new Map(base.map((e) => [e.split("=")[0]!, e]));
  for (const e of extra) merged.set(e.split("=")[0]!, e);
  return [...merged.values()];
}

const splitEnv = (e: string): [string, string] => {
  const i = e.indexOf("=");
  return i < 0 ? [e, ""] : [e.slice(0, i), e.slice(i + 1)];
};
