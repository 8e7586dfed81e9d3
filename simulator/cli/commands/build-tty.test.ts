// docker build's progress modes: BuildKit's live tty view, plain, quiet, and Ctrl-C.
import { SimulatedClock } from "xstate";
import { describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "../../index.ts";
import { seededIds } from "../../engine/digest.ts";

const T0 = Date.UTC(2026, 10, 28, 12, 0, 0);
const DOCKERFILE = "FROM busybox\nCOPY hello.txt /\nRUN echo hi from the build\nCMD [\"cat\", \"/hello.txt\"]";

/** A terminal-like simulator in ~/app whose build steps take `stepMs` on a simulated clock. */
async function setup(options: { interactive?: boolean; stepMs?: number } = {}) {
  const clock = new SimulatedClock();
  clock.set(T0);
  const sim = createSimulator({ clock, ids: seededIds("tty"), interactive: options.interactive ?? true, columns: 80, ...(options.stepMs ? { buildStepMs: options.stepMs } : {}) });
  await sim.exec("mkdir app && cd app && echo hello > hello.txt");
  await sim.exec(`cat > Dockerfile <<'EOF'\n${DOCKERFILE}\nEOF`);
  return { sim, clock };
}

/** Run a line while moving the clock on, collecting what it streams. */
async function streamed(sim: Simulator, clock: SimulatedClock, line: string, options: { abortAfterMs?: number } = {}) {
  const chunks: string[] = [];
  const controller = new AbortController();
  let finished = false;
  const run = sim.exec(line, { onOutput: (_stream, text) => chunks.push(text), signal: controller.signal }).finally(() => (finished = true));
  let elapsed = 0;
  while (!finished && elapsed < 60_000) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    clock.increment(50);
    elapsed += 50;
    if (options.abortAfterMs !== undefined && elapsed >= options.abortAfterMs && !controller.signal.aborted) controller.abort();
  }
  return { result: await run, chunks };
}

const strip = (text: string) => text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "").replace(/\r/g, "");
/** The frame left on the screen: everything after the last redraw began. */
const lastFrame = (stderr: string) => strip(stderr.slice(stderr.lastIndexOf("\x1b[?25l")));

describe("docker build --progress=tty", () => {
  it("streams BuildKit's tty view while the build runs, redrawing it in place, and ends FINISHED", async () => {
    const { sim, clock } = await setup({ stepMs: 1000 });
    const { result, chunks } = await streamed(sim, clock, "docker build -t live .");
    expect(result.exitCode).toBe(0);
    // Frames arrive while the build runs, not all at the end.
    const running = chunks.map(strip).filter((c) => c.startsWith("[+] Building") && !c.includes("FINISHED"));
    expect(running.length).toBeGreaterThan(3);
    expect(running.some((c) => /^ => \[3\/3\] RUN echo hi from the build +\d\.\ds$/m.test(c))).toBe(true);
    expect(running.some((c) => / => => # hi from the build\n/.test(c))).toBe(true);
    // A running frame stays short (BuildKit's 10-row default less two), so redrawing never leaves the screen.
    expect(Math.max(...running.map((c) => c.split("\n").filter(Boolean).length))).toBeLessThanOrEqual(9);
    // Each later frame moves the cursor back over the last one.
    expect(chunks.slice(1).every((c) => /^\x1b\[\?25l\x1b\[\d+A\r/.test(c))).toBe(true);
    const last = lastFrame(result.stderr);
    expect(last.split("\n")[0]).toMatch(/^\[\+\] Building \d+\.\ds \(8\/8\) FINISHED +docker:default$/);
    expect(last).toMatch(/^ => \[2\/3\] COPY hello\.txt \/ +1\.0s$/m);
    expect(last).toMatch(/^ => \[3\/3\] RUN echo hi from the build +1\.0s$/m);
    expect(last).toMatch(/^ => => naming to docker\.io\/library\/live:latest +\d\.\ds$/m);
    // A finished step's output is not kept in the view.
    expect(last).not.toContain("=> => # hi from the build");
    expect((await sim.exec("docker run --rm live")).stdout).toBe("hello\n");
  });

  it("shows CACHED steps on a rebuild, in BuildKit's blue for finished lines", async () => {
    const { sim } = await setup();
    await sim.exec("docker build -t again .");
    const r = await sim.exec("docker build -t again .");
    const last = lastFrame(r.stderr);
    expect(last).toMatch(/^ => CACHED \[1\/3\] FROM docker\.io\/library\/busybox:latest@sha256:[0-9a-f]+ +0\.0s$/m);
    expect(last).toMatch(/^ => CACHED \[2\/3\] COPY hello\.txt \/ +0\.0s$/m);
    expect(last).toMatch(/^ => CACHED \[3\/3\] RUN echo hi from the build +0\.0s$/m);
    expect(r.stderr).toContain("\x1b[34m => CACHED [2/3] COPY hello.txt /");
  });

  it("marks the failing step ERROR in red and prints the error report under the view", async () => {
    const { sim } = await setup();
    await sim.exec("printf 'FROM busybox\\nRUN echo oops && exit 2\\n' > Dockerfile");
    const r = await sim.exec("docker build .");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("\x1b[31m => ERROR [2/2] RUN echo oops && exit 2");
    const last = lastFrame(r.stderr);
    expect(last.split("\n")[0]).toMatch(/^\[\+\] Building 0\.0s \(5\/5\) +docker:default$/);
    expect(last).toContain("------\n > [2/2] RUN echo oops && exit 2:\n0.000 oops\n------\n");
    expect(last).toMatch(/ERROR: failed to build: failed to solve: process "\/bin\/sh -c echo oops && exit 2" did not complete successfully: exit code: 2\n$/);
  });
});

describe("docker build progress modes", () => {
  it("is plain when not a terminal, and when --progress=plain asks for it", async () => {
    const piped = await setup({ interactive: false });
    const r = await piped.sim.exec("docker build -t p .");
    expect(r.stderr).toMatch(/^#0 building with "default" instance using docker driver\n/);
    expect(r.stderr).not.toContain("\x1b[");
    const tty = await setup();
    const plain = await tty.sim.exec("docker build --progress=plain -t p .");
    expect(plain.stderr).toContain("#7 [3/3] RUN echo hi from the build\n#7 0.000 hi from the build\n#7 DONE 0.0s\n");
    expect(plain.stderr).not.toContain("\x1b[");
  });

  it("pads step numbers to the width of the total, as BuildKit does", async () => {
    const { sim } = await setup({ interactive: false });
    const runs = Array.from({ length: 10 }, (_, i) => `RUN echo ${i}`).join("\n");
    await sim.exec(`printf 'FROM busybox\n${runs.replace(/\n/g, "\\n")}\n' > Dockerfile`);
    const r = await sim.exec("docker build .");
    expect(r.stderr).toMatch(/#\d+ \[ 1\/11\] FROM docker\.io\/library\/busybox:latest@sha256:/);
    expect(r.stderr).toContain("[ 2/11] RUN echo 0\n");
    expect(r.stderr).toContain("[11/11] RUN echo 9\n");
  });

  it("draws the tty view when --progress=tty asks for it, even into a pipe", async () => {
    const { sim } = await setup({ interactive: false });
    const r = await sim.exec("docker build --progress=tty -t t .");
    expect(lastFrame(r.stderr)).toMatch(/^\[\+\] Building 0\.0s \(8\/8\) FINISHED/);
  });

  it("prints only the image ID with --progress=quiet, and refuses rawjson and unknown modes", async () => {
    const { sim } = await setup();
    const quiet = await sim.exec("docker build --progress=quiet -t q .");
    expect(quiet.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect(quiet.stderr).toBe("");
    const raw = await sim.exec("docker build --progress=rawjson .");
    expect(raw).toMatchObject({ exitCode: 1, stderr: 'ERROR: failed to build: progress mode "rawjson" is not available in Dockyard\'s simulated builder (use "plain" or "tty")\n' });
    const bad = await sim.exec("docker build --progress=fancy .");
    expect(bad).toMatchObject({ exitCode: 1, stderr: 'ERROR: failed to build: invalid progress mode "fancy"\n' });
  });
});

describe("cancelling a build (Ctrl-C)", () => {
  it("stops the running step, marks it CANCELED, stores no image, and says context canceled", async () => {
    const { sim, clock } = await setup({ interactive: false });
    await sim.exec("printf 'FROM busybox\\nRUN echo start && sleep 100 && echo never\\n' > Dockerfile");
    const { result } = await streamed(sim, clock, "docker build --progress=plain -t cancelled .", { abortAfterMs: 2000 });
    expect(result.stderr).toContain("#5 [2/2] RUN echo start && sleep 100 && echo never\n");
    expect(result.stderr).toMatch(/\n#5 CANCELED\nERROR: failed to build: failed to solve: Canceled: context canceled\n$/);
    expect(result.stderr).toMatch(/ERROR: failed to build: failed to solve: Canceled: context canceled\n$/);
    expect(result.stderr).not.toMatch(/#5 [\d.]+ never/);
    expect(result.exitCode).toBe(130);
    expect((await sim.exec("docker images -q cancelled")).stdout).toBe("");
    // The builder is not left in a bad state: the next build runs.
    await sim.exec("printf 'FROM busybox\\nRUN echo fine\\n' > Dockerfile");
    expect((await sim.exec("docker build -q -t after .")).exitCode).toBe(0);
  });

  it("shows CANCELED in yellow in the tty view", async () => {
    const { sim, clock } = await setup({ stepMs: 1000 });
    const { result } = await streamed(sim, clock, "docker build -t cancelled .", { abortAfterMs: 1200 });
    expect(result.stderr).toMatch(/\x1b\[33m => CANCELED \[\d\/3\] /);
    expect(result.stderr).toMatch(/ERROR: failed to build: failed to solve: Canceled: context canceled\n$/);
  });
});
