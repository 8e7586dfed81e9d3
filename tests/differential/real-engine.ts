/** Run transcript commands one by one with bash against a real dockerd (state lives in the daemon). */
import { spawn, spawnSync } from "node:child_process";
import type { CommandResult } from "./result.ts";

export interface RealEngineOptions {
  /** Per-command time limit; a command that hangs gets exit code 124 and a note on stderr. */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

function engineEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  // Plain, non-interactive CLI output: no hints, no colours, a stable locale.
  return { ...process.env, LC_ALL: "C", DOCKER_CLI_HINTS: "false", NO_COLOR: "1", ...extra };
}

/** Why no engine can be used, or undefined when `docker info` answers on DOCKER_HOST. */
export function realEngineUnavailable(): string | undefined {
  if (!process.env["DOCKER_HOST"]) return "DOCKER_HOST is not set (start one with `.ci/dockerd.sh` and export what it prints)";
  const info = spawnSync("docker", ["info", "--format", "{{.ServerVersion}}"], { encoding: "utf8", env: engineEnv(), timeout: 15_000 });
  if (info.error) return `cannot run docker: ${info.error.message}`;
  if (info.status !== 0) return `docker info failed on ${process.env["DOCKER_HOST"]}: ${(info.stderr || info.stdout).trim()}`;
  return undefined;
}

/** Run one command in `bash -c` with stdin from /dev/null. */
export function runReal(command: string, options: RealEngineOptions = {}): Promise<CommandResult> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  return new Promise((resolve) => {
    const child = spawn("bash", ["-c", command], { env: engineEnv(options.env), stdio: ["ignore", "pipe", "pipe"], detached: true });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* already gone */
      }
    }, timeoutMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const stderr = Buffer.concat(err).toString("utf8") + (timedOut ? `[differential: timed out after ${timeoutMs} ms]\n` : "");
      resolve({ stdout: Buffer.concat(out).toString("utf8"), stderr, exitCode: timedOut ? 124 : (code ?? (signal ? 128 : 1)) });
    });
  });
}

/**
 * Hidden preamble before each transcript: no containers, and no images but busybox:latest,
 * so every transcript starts from the state the simulator starts from.
 */
export async function resetRealEngine(): Promise<void> {
  const script = [
    "docker ps -aq | xargs -r docker rm -f >/dev/null",
    "docker images --format '{{.Repository}}:{{.Tag}}' | grep -vx 'busybox:latest' | grep -v '<none>' | xargs -r docker rmi -f >/dev/null",
    "docker images -q -f dangling=true | xargs -r docker rmi -f >/dev/null",
    "docker image inspect busybox:latest >/dev/null",
  ].join(" && ");
  let result = await runReal(script);
  // A `--rm` container of the last transcript may still be on its way out: dockerd says its removal is in progress.
  for (let attempt = 0; attempt < 3 && result.exitCode !== 0 && /removal of container \S+ is already in progress/.test(result.stderr); attempt++) {
    await new Promise((r) => setTimeout(r, 1000));
    result = await runReal(script);
  }
  if (result.exitCode !== 0) throw new Error(`resetting the real engine failed (is busybox:latest there? run .ci/dockerd.sh): ${result.stderr}`);
}
