/** RUN: the command runs in the simulated container runtime over the stage's layers; what it writes becomes a layer. */
import type { Clock } from "../engine/clock.ts";
import { Layer, LayeredFs } from "../engine/layered-fs.ts";
import { startProcess, StartError } from "../engine/runtime.ts";
import type { MountPlan } from "./mounts.ts";
import type { StageState } from "./state.ts";
import { envMap } from "./state.ts";

export interface RunOutcome {
  exitCode: number;
  layer: Layer;
  /** Set when the process could not be started (runc's error). */
  startError?: string;
}

/** Run `argv` as BuildKit does in its sandbox: the stage's env plus ARGs, its WORKDIR and USER. */
export async function runStep(state: StageState, argv: string[], clock: Clock, output: (text: string) => void, signal?: AbortSignal, mounts?: MountPlan): Promise<RunOutcome> {
  const rootfs = new LayeredFs(state.layers.map((l) => l.fs));
  await mounts?.prepare(rootfs);
  const env: Record<string, string> = Object.fromEntries([...state.args, ...envMap(state.config.Env)]);
  env["PATH"] ??= "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  env["HOSTNAME"] ??= "buildkitsandbox";
  env["HOME"] ??= "/root";
  let exitCode: number;
  try {
    const process = await startProcess(
      { argv, env, workingDir: state.config.WorkingDir || "/", hostname: "buildkitsandbox", user: state.config.User || "root", fs: rootfs, rootfs, programs: state.programs },
      { stdout: output, stderr: output },
      clock,
    );
    const abort = () => process.kill("SIGKILL");
    signal?.addEventListener("abort", abort, { once: true });
    try {
      exitCode = await process.exit;
    } finally {
      signal?.removeEventListener("abort", abort);
    }
  } catch (error) {
    const message = error instanceof StartError ? error.message : error instanceof Error ? error.message : String(error);
    return { exitCode: error instanceof StartError ? error.exitCode : 1, layer: new Layer(), startError: message };
  }
  await mounts?.finish(rootfs);
  const layer = new Layer();
  for (const [path, node] of rootfs.upper.nodes) layer.set(path, node);
  return { exitCode, layer };
}
