import { createActor } from "xstate";
import { SimulatedClock } from "xstate";
import { describe, expect, it } from "vitest";
import { pullMachine } from "./pull.machine.ts";
import { createSimulator } from "../index.ts";
import { seededIds } from "./digest.ts";

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("the pull actor", () => {
  it("downloads up to three layers at once and extracts them in order", () => {
    const actor = createActor(pullMachine, { input: { layers: [{ id: "a".repeat(12), size: 100 }, { id: "b".repeat(12), size: 300 }], bytesPerTick: 100 } }).start();
    expect(actor.getSnapshot().context.outbox.map((m) => m.status)).toEqual(["Pulling fs layer", "Pulling fs layer"]);
    actor.send({ type: "TICK" });
    expect(actor.getSnapshot().context.outbox).toEqual([
      { id: "aaaaaaaaaaaa", status: "Downloading", progressDetail: { current: 50, total: 100 } },
      { id: "bbbbbbbbbbbb", status: "Downloading", progressDetail: { current: 50, total: 300 } },
    ]);
    actor.send({ type: "TICK" });
    expect(actor.getSnapshot().context.outbox.map((m) => `${m.id?.[0]} ${m.status}`)).toEqual(["a Verifying Checksum", "a Download complete", "b Downloading", "a Pull complete"]);
    for (let i = 0; i < 5 && actor.getSnapshot().status !== "done"; i++) actor.send({ type: "TICK" });
    expect(actor.getSnapshot().status).toBe("done");
    expect(actor.getSnapshot().context.layers.map((l) => l.phase)).toEqual(["complete", "complete"]);
  });

  it("takes simulated time at the engine's bandwidth, and shows a terminal one line per layer", async () => {
    const clock = new SimulatedClock();
    clock.set(Date.UTC(2026, 10, 28, 12));
    const sim = createSimulator({ clock, ids: seededIds(), interactive: true, columns: 120, pullBytesPerSecond: 1_000_000 });
    let shown = "";
    const pulling = sim.exec("docker pull ubuntu", { onOutput: (_s, t) => (shown += t) });
    await tick();
    expect(shown).toMatch(/^Using default tag: latest\nlatest: Pulling from library\/ubuntu\n[0-9a-f]{12}: Pulling fs layer \n$/);
    let done = false;
    void pulling.then(() => (done = true));
    for (let i = 0; i < 400 && !done; i++) {
      clock.increment(100);
      await tick();
    }
    expect(done).toBe(true);
    expect(shown).toMatch(/\x1b\[1A\r\x1b\[2K[0-9a-f]{12}: Downloading \[=+>\s*\]\s+\d/);
    expect(shown).toMatch(/Pull complete \x1b\[1B\rDigest: sha256:[0-9a-f]{64}\nStatus: Downloaded newer image for ubuntu:latest\ndocker\.io\/library\/ubuntu:latest\n$/);
  });
});
