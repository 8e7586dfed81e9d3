// A build's lifecycle as the builder drives it.
import { createActor } from "xstate";
import { describe, expect, it } from "vitest";
import { buildMachine } from "./build.machine.ts";

const actor = () => createActor(buildMachine).start();

describe("build machine", () => {
  it("goes queued -> running -> done, counting steps and cache hits", () => {
    const a = actor();
    expect(a.getSnapshot().value).toBe("queued");
    a.send({ type: "START" });
    a.send({ type: "STEP_DONE", cached: true });
    a.send({ type: "STEP_DONE", cached: false });
    expect(a.getSnapshot().context).toEqual({ done: 2, cached: 1 });
    a.send({ type: "SUCCEED" });
    expect(a.getSnapshot().value).toBe("done");
    expect(a.getSnapshot().status).toBe("done");
  });

  it("keeps the error of a failed build", () => {
    const a = actor();
    a.send({ type: "START" });
    a.send({ type: "FAIL", message: "exit code: 3" });
    expect(a.getSnapshot()).toMatchObject({ value: "failed", context: { error: "exit code: 3" } });
  });

  it("cancels from queued or running, and a finished build ignores a late cancel", () => {
    const queued = actor();
    queued.send({ type: "CANCEL" });
    expect(queued.getSnapshot().value).toBe("cancelled");
    const running = actor();
    running.send({ type: "START" });
    running.send({ type: "CANCEL" });
    running.send({ type: "SUCCEED" });
    expect(running.getSnapshot().value).toBe("cancelled");
    const done = actor();
    done.send({ type: "START" });
    done.send({ type: "SUCCEED" });
    done.send({ type: "CANCEL" });
    expect(done.getSnapshot().value).toBe("done");
  });
});
