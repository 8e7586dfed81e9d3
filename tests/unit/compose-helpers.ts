/** Shared by the compose-*.test.ts files: a project folder on a fresh simulator, and time that moves. */
import type { SimulatedClock } from "xstate";
import type { ExecResult, Simulator } from "../../simulator/index.ts";
import { testSimulator } from "./helpers.ts";

export interface ComposeScene {
  sim: Simulator;
  clock: SimulatedClock;
  /** Run a line while simulated time moves on (healthchecks, mysql's start-up), as it would for a person. */
  run(line: string, options?: RunOptions): Promise<ExecResult>;
  /** Let `ms` of simulated time pass. */
  wait(ms: number): Promise<void>;
  /** Replace the compose file. */
  write(text: string, file?: string): Promise<void>;
}

export interface RunOptions {
  stepMs?: number;
  signal?: AbortSignal;
  onOutput?: (stream: "stdout" | "stderr", text: string) => void;
  /** Press Ctrl-C after this many steps if the line is still running (compose waits as long as a person lets it). */
  interruptAfter?: number;
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A folder `dir` holding `compose.yaml` with `text`, the shell already in it. */
export async function composeScene(text: string, options: { dir?: string; interactive?: boolean } = {}): Promise<ComposeScene> {
  const { sim, clock } = testSimulator(options.interactive ? { interactive: true, columns: 100 } : {});
  const dir = options.dir ?? "shop";
  await sim.exec(`mkdir -p ${dir} && cd ${dir}`);
  const write = async (body: string, file = "compose.yaml") => {
    await sim.exec(`cat > ${file} <<'EOF'\n${body}${body.endsWith("\n") ? "" : "\n"}EOF`);
  };
  await write(text);
  const wait = async (ms: number) => {
    for (let left = ms; left > 0; left -= 500) {
      await tick();
      clock.increment(Math.min(500, left));
    }
    await tick();
  };
  const run = async (line: string, runOptions: RunOptions = {}) => {
    let done = false;
    const interrupt = new AbortController();
    runOptions.signal?.addEventListener("abort", () => interrupt.abort(), { once: true });
    const pending = sim.exec(line, { signal: interrupt.signal, ...(runOptions.onOutput ? { onOutput: runOptions.onOutput } : {}) });
    pending.then(() => (done = true), () => (done = true));
    for (let i = 0; !done && i < 2000; i++) {
      if (i === runOptions.interruptAfter) interrupt.abort();
      await tick();
      if (!done) clock.increment(runOptions.stepMs ?? 500);
    }
    return pending;
  };
  return { sim, clock, run, wait, write };
}

/** The progress lines compose prints when stderr is not a terminal, without their trailing space. */
export const events = (stderr: string) => stderr.split("\n").filter((l) => l.startsWith(" ")).map((l) => l.trim());
