// The layer cache made visible: each build step's hit or miss, and why, on the daemon's trace stream.
import { describe, expect, it } from "vitest";
import type { BuildTrace, TraceEvent } from "../engine/events.ts";
import { testSimulator } from "../../tests/unit/helpers.ts";

type StepTrace = Extract<BuildTrace, { action: "step" }>;

async function project(files: Record<string, string>) {
  const { sim, clock } = testSimulator();
  const traces: TraceEvent[] = [];
  sim.traces.subscribe((t) => traces.push(t));
  await sim.exec("mkdir app && cd app");
  for (const [name, text] of Object.entries(files)) await sim.exec(`cat > ${name} <<'EOF'\n${text}\nEOF`);
  /** Build, and return the steps the trace stream reported for that build. */
  const build = async (line = "docker build -t app .") => {
    const from = traces.length;
    const result = await sim.exec(line);
    const mine = traces.slice(from).filter((t): t is BuildTrace => t.kind === "build");
    return { result, trace: mine, steps: mine.filter((t): t is StepTrace => t.action === "step") };
  };
  return { sim, clock, build, traces };
}

const DOCKERFILE = "FROM busybox\nWORKDIR /app\nCOPY app.py config.txt ./\nRUN echo built > /built\nCMD [\"cat\", \"/app/app.py\"]";
const summary = (steps: StepTrace[]) => steps.map((s) => `${s.step} | ${s.cached ? "CACHED" : "rebuilt"} | ${s.why}`);

describe("cache events", () => {
  it("reports a first build: client -> daemon POST /build, then every step not built before", async () => {
    const { build, traces } = await project({ Dockerfile: DOCKERFILE, "app.py": "print('hi')", "config.txt": "a=1" });
    const { result, trace, steps } = await build();
    expect(result.exitCode).toBe(0);
    const api = traces.findIndex((t) => t.kind === "api" && t.method === "POST" && t.path === "/build?t=app");
    expect(api).toBeGreaterThanOrEqual(0);
    expect(traces.findIndex((t) => t.kind === "build")).toBeGreaterThan(api);
    expect(trace[0]).toEqual({ kind: "build", from: "daemon", action: "start", ref: "app:latest" });
    expect(summary(steps)).toEqual([
      "[1/4] FROM docker.io/library/busybox:latest@sha256:6de24e33015bbee233b613b69fcec94a2c28e09bbef102d91e8267e86447818c | rebuilt | not built before",
      "[2/4] WORKDIR /app | rebuilt | not built before",
      "[3/4] COPY app.py config.txt ./ | rebuilt | not built before",
      "[4/4] RUN echo built > /built | rebuilt | not built before",
    ]);
    expect(steps.map((s) => s.reason)).toEqual(["first-build", "first-build", "first-build", "first-build"]);
    const done = trace.at(-1)!;
    expect(done).toMatchObject({ action: "done", ref: "app:latest", image: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
  });

  it("says a rebuild is all cached, and names the layers the image keeps", async () => {
    const { sim, build } = await project({ Dockerfile: DOCKERFILE, "app.py": "print('hi')", "config.txt": "a=1" });
    await build();
    const { steps, trace } = await build();
    expect(steps.every((s) => s.cached && s.reason === "cached")).toBe(true);
    const image = (trace.at(-1) as Extract<BuildTrace, { action: "done" }>).image;
    const rootfs = JSON.parse((await sim.exec(`docker image inspect --format '{{json .RootFS.Layers}}' ${image}`)).stdout) as string[];
    const stepLayers = steps.flatMap((s) => (s.layer ? [s.layer] : []));
    expect(stepLayers.length).toBe(3);
    expect(rootfs.slice(-3)).toEqual(stepLayers);
  });

  it("names the copied file that changed, and says the steps after it rebuilt because of it", async () => {
    const { sim, build } = await project({ Dockerfile: DOCKERFILE, "app.py": "print('hi')", "config.txt": "a=1" });
    await build();
    await sim.exec("echo \"print('changed')\" > app.py");
    const { steps } = await build();
    expect(summary(steps).slice(1)).toEqual([
      "[2/4] WORKDIR /app | CACHED | cached",
      "[3/4] COPY app.py config.txt ./ | rebuilt | COPY source changed: app.py",
      "[4/4] RUN echo built > /built | rebuilt | previous step rebuilt",
    ]);
    expect(steps[2]).toMatchObject({ reason: "source-changed", files: ["app.py"] });
    expect(steps[3]!.reason).toBe("parent-rebuilt");
  });

  it("says when the instruction itself changed, when build args changed, and under --no-cache", async () => {
    const { sim, build } = await project({ Dockerfile: "FROM busybox\nARG GREETING=hi\nRUN echo $GREETING > /g\nRUN echo two", "x.txt": "x" });
    await build();
    const args = await build("docker build --build-arg GREETING=hello -t app .");
    expect(summary(args.steps).slice(1)).toEqual(["[2/3] RUN echo $GREETING > /g | rebuilt | build arguments or environment changed", "[3/3] RUN echo two | rebuilt | previous step rebuilt"]);
    await sim.exec("printf 'FROM busybox\\nARG GREETING=hi\\nRUN echo $GREETING > /greeting\\nRUN echo two\\n' > Dockerfile");
    const changed = await build();
    expect(changed.steps[1]).toMatchObject({ cached: false, reason: "instruction-changed", why: "instruction changed" });
    const none = await build("docker build --no-cache -t app .");
    expect(none.steps.map((s) => s.reason)).toEqual(["no-cache", "no-cache", "no-cache"]);
  });

  it("reports a failed build on the trace stream with BuildKit's message", async () => {
    const { sim, build } = await project({ Dockerfile: "FROM busybox\nRUN exit 4" });
    const { trace } = await build();
    expect(trace.at(-1)).toEqual({ kind: "build", from: "daemon", action: "failed", ref: "app:latest", message: 'failed to solve: process "/bin/sh -c exit 4" did not complete successfully: exit code: 4' });
    expect((await sim.exec("docker images -q app")).stdout).toBe("");
  });
});
