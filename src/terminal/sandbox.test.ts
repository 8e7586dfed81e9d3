import { describe, expect, it } from "vitest";
import { appendStep, commandCount, isStep, replaySteps, withoutLastCommand, type SandboxStep } from "./sandbox.ts";
import { createSimulator } from "../../simulator/index.ts";

describe("sandbox steps", () => {
  it("folds repeated saves of one file into the last", () => {
    let steps: SandboxStep[] = [];
    steps = appendStep(steps, { write: "Dockerfile", text: "FROM a" });
    steps = appendStep(steps, { write: "Dockerfile", text: "FROM b" });
    steps = appendStep(steps, { run: "docker build ." });
    steps = appendStep(steps, { write: "Dockerfile", text: "FROM c" });
    expect(steps).toEqual([{ write: "Dockerfile", text: "FROM b" }, { run: "docker build ." }, { write: "Dockerfile", text: "FROM c" }]);
  });

  it("undoes the last command line and keeps later file changes", () => {
    const steps: SandboxStep[] = [{ run: "a" }, { run: "b" }, { write: "f", text: "x" }];
    expect(withoutLastCommand(steps)).toEqual({ steps: [{ run: "a" }, { write: "f", text: "x" }], undone: "b" });
    expect(withoutLastCommand([{ write: "f", text: "x" }]).undone).toBeUndefined();
    expect(commandCount(steps)).toBe(2);
  });

  it("accepts only well-formed steps", () => {
    expect(isStep({ run: "ls" })).toBe(true);
    expect(isStep({ run: "ls", interrupted: true })).toBe(true);
    expect(isStep({ rename: "a", to: "b" })).toBe(true);
    expect(isStep({ run: 3 })).toBe(false);
    expect(isStep({ run: "ls", extra: 1 })).toBe(false);
    expect(isStep({ write: "f" })).toBe(false);
    expect(isStep(["run"])).toBe(false);
    expect(isStep(null)).toBe(false);
  });

  it("replays steps on a fresh simulator to the same state", async () => {
    const sim = createSimulator();
    await replaySteps(sim, [
      { run: "docker volume create data" },
      { write: "app/index.html", text: "<h1>hi</h1>" },
      { run: "docker create --name web busybox" },
      { run: "docker rm nothing-here" },
      { run: "docker volume create gone" },
      { run: "docker volume rm gone" },
    ]);
    expect((await sim.engine.volumeList()).map((v) => v.Name)).toEqual(["data"]);
    expect((await sim.engine.containerList({ all: true })).map((c) => c.Names[0])).toEqual(["/web"]);
    expect((await sim.exec("cat app/index.html")).stdout).toBe("<h1>hi</h1>");
  });

  it("interrupts again what was interrupted, so a replay never hangs", async () => {
    const sim = createSimulator();
    await replaySteps(sim, [{ run: "while true; do sleep 1; done", interrupted: true }, { run: "echo after > done.txt" }], { interruptAfterMs: 50 });
    expect((await sim.exec("cat done.txt")).stdout).toBe("after\n");
  });
});
