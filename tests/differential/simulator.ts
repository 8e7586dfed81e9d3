/** Run a whole transcript through the simulator: `npm run -s sim -- --json`, one process per transcript. */
import { spawn } from "node:child_process";
import type { CommandResult } from "./result.ts";

/**
 * Hidden preamble fed to the simulator before a transcript: its engine starts with no images,
 * while the real engine has busybox:latest (made offline by .ci/dockerd.sh).
 */
export const simulatorPreamble = ["docker pull busybox >/dev/null 2>&1"];

export interface SimulatorRun {
  results: (CommandResult | undefined)[];
  /** Set when the simulator failed to answer every command (crash, timeout, bad JSON). */
  problem?: string;
}

/**
 * Feed the commands, read one JSON line per command, and stop the simulator as soon as the last
 * line arrives: it would otherwise keep running until its containers' `sleep 300` ends.
 */
export function runSimulator(commands: string[], cwd: string, timeoutMs = 180_000): Promise<SimulatorRun> {
  const script = [...simulatorPreamble, ...commands].join("\n") + "\n";
  const expected = simulatorPreamble.length + commands.length;
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "-s", "sim", "--", "--json"], { cwd, stdio: ["pipe", "pipe", "pipe"], detached: true });
    const lines: unknown[] = [];
    let buffer = "";
    let stderr = "";
    let problem: string | undefined;
    let finished = false;
    const stop = () => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* already gone */
      }
    };
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      stop();
      const preamble = lines.slice(0, simulatorPreamble.length) as CommandResult[];
      const bad = preamble.find((r) => r.exitCode !== 0);
      if (bad) problem ??= `simulator preamble failed (exit ${bad.exitCode}): ${bad.stderr}`;
      if (lines.length < expected) problem ??= `simulator answered ${Math.max(0, lines.length - simulatorPreamble.length)}/${commands.length} commands${stderr ? `: ${stderr.trim().slice(-600)}` : ""}`;
      const results = commands.map((_, i) => {
        const r = lines[simulatorPreamble.length + i] as Partial<CommandResult> | undefined;
        return r ? { stdout: r.stdout ?? "", stderr: r.stderr ?? "", exitCode: r.exitCode ?? -1 } : undefined;
      });
      resolve(problem ? { results, problem } : { results });
    };
    const timer = setTimeout(() => {
      problem = `simulator timed out after ${timeoutMs} ms`;
      finish();
    }, timeoutMs);
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.trim() === "") continue;
        try {
          lines.push(JSON.parse(line));
        } catch {
          problem ??= `simulator printed a line that is not JSON: ${line.slice(0, 200)}`;
        }
      }
      if (lines.length >= expected) finish();
    });
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => (stderr += chunk));
    child.on("close", finish);
    child.stdin.on("error", () => {});
    child.stdin.end(script);
  });
}
