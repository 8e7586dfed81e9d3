// The architecture view marks the last build's layers cached or rebuilt, in the picture and in the text view.
import { describe, expect, it } from "vitest";
import { createSimulator, type TraceEvent } from "../../simulator/index.ts";
import { applyBuildTrace, buildMarks, readSnapshot, type BuildView } from "./model.ts";
import { renderHost, renderText } from "./render.ts";
import { en } from "../i18n/en.ts";
import { ko } from "../i18n/ko.ts";

async function builtTwice() {
  const sim = createSimulator();
  let build: BuildView | undefined;
  sim.traces.subscribe((t: TraceEvent) => {
    if (t.kind === "build") build = applyBuildTrace(build, t);
  });
  const run = async (line: string) => expect((await sim.exec(line)).exitCode, line).toBe(0);
  await run("mkdir app && cd app && echo one > app.txt");
  await run(`cat > Dockerfile <<'EOF'\nFROM busybox\nRUN echo deps > /deps\nCOPY app.txt /app/\nRUN cat /app/app.txt > /out\nEOF`);
  await run("docker build -t web .");
  await run("echo two > app.txt");
  await run("docker build -t web .");
  return { sim, build: () => build };
}

describe("last build marks", () => {
  it("folds the trace stream into the latest build", async () => {
    const { build } = await builtTwice();
    const view = build()!;
    expect(view).toMatchObject({ ref: "web:latest", state: "done" });
    expect(view.steps.map((s) => [s.step.replace(/@sha256:\w+/, ""), s.cached, s.reason])).toEqual([
      ["[1/4] FROM docker.io/library/busybox:latest", true, "cached"],
      ["[2/4] RUN echo deps > /deps", true, "cached"],
      ["[3/4] COPY app.txt /app/", false, "source-changed"],
      ["[4/4] RUN cat /app/app.txt > /out", false, "parent-rebuilt"],
    ]);
    expect(view.steps[2]!.files).toEqual(["app.txt"]);
  });

  it("badges each layer of the built image and says why in its title, with a legend", async () => {
    const { sim, build } = await builtTwice();
    const snap = await readSnapshot(sim.engine);
    const image = snap.images.find((i) => i.name === "web:latest")!;
    const marks = buildMarks(build(), image);
    expect([...marks.values()].map((m) => m.cached)).toEqual([true, false, false]);
    const html = renderHost(en, snap, build());
    expect(html.match(/<span class="bk cached">cached<\/span>/g)).toHaveLength(2); // one layer + the legend
    expect(html.match(/<span class="bk rebuilt">rebuilt<\/span>/g)).toHaveLength(3);
    expect(html).toContain('title="rebuilt by the last build: [3/4] COPY app.txt /app/, because copied files changed: app.txt"');
    expect(html).toContain('title="rebuilt by the last build: [4/4] RUN cat /app/app.txt &gt; /out, because an earlier step was rebuilt"');
    expect(html).toContain('title="cached by the last build: [2/4] RUN echo deps &gt; /deps"');
    expect(html).toContain("Last build: 1 cached, 2 rebuilt");
    expect(html).toContain("reused from the build cache;");
    // busybox's own layer is not the build's: no badge there.
    const busybox = snap.images.find((i) => i.name === "busybox:latest")!;
    expect(buildMarks(build(), busybox).size).toBe(0);
    expect(html).toMatch(/aria-label="Image web:latest, 4 layers, newest on top\. [^"]*Last build: 1 cached, 2 rebuilt"/);
  });

  it("says the same in the text view, in English and Korean", async () => {
    const { sim, build } = await builtTwice();
    const snap = await readSnapshot(sim.engine);
    const text = renderText(en, snap, { api: "", registry: "" }, build());
    expect(text).toContain("web:latest: 4 layers, newest on top; Last build: 1 cached, 2 rebuilt");
    expect(text).toMatch(/<li>[0-9a-f]{7} \(rebuilt by the last build: \[3\/4\] COPY app\.txt \/app\/, because copied files changed: app\.txt\)<\/li>/);
    // The cached layer is also the old image's: both notes are given.
    expect(text).toMatch(/<li>[0-9a-f]{7} \(shared with [0-9a-f]{12}; cached by the last build: \[2\/4\] RUN echo deps &gt; \/deps\)<\/li>/);
    const korean = renderText(ko, snap, { api: "", registry: "" }, build());
    expect(korean).toContain("마지막 빌드: 캐시 1개, 새로 빌드 2개");
    expect(korean).toContain("이유: 복사한 파일이 바뀜: app.txt");
  });

  it("marks nothing while a build runs or after it failed", async () => {
    const { sim, build } = await builtTwice();
    const snap = await readSnapshot(sim.engine);
    const image = snap.images.find((i) => i.name === "web:latest")!;
    const running = applyBuildTrace(build(), { kind: "build", from: "daemon", action: "start", ref: "web:latest" });
    expect(buildMarks(running, image).size).toBe(0);
    const failed = applyBuildTrace(running, { kind: "build", from: "daemon", action: "failed", ref: "web:latest", message: "failed to solve: x" });
    expect(failed?.state).toBe("failed");
    expect(renderHost(en, snap, failed)).not.toContain('class="bk');
  });
});
