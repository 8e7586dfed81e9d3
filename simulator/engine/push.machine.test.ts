import { createActor, SimulatedClock } from "xstate";
import { describe, expect, it } from "vitest";
import { pushMachine } from "./push.machine.ts";
import { createSimulator } from "../index.ts";
import { seededIds } from "./digest.ts";

const tick = () => new Promise((r) => setTimeout(r, 0));
const id = (c: string) => c.repeat(12);

describe("the push actor", () => {
  it("prepares every layer, uploads five at a time and settles the others at once", () => {
    const layers = [
      { id: id("a"), size: 100, outcome: { kind: "upload" as const } },
      { id: id("b"), size: 50, outcome: { kind: "mount" as const, from: "library/busybox" } },
      { id: id("c"), size: 10, outcome: { kind: "exists" as const } },
      { id: id("d"), size: 300, outcome: { kind: "upload" as const } },
      { id: id("e"), size: 10, outcome: { kind: "upload" as const } },
      { id: id("f"), size: 10, outcome: { kind: "upload" as const } },
    ];
    const actor = createActor(pushMachine, { input: { layers, bytesPerTick: 100 } }).start();
    expect(actor.getSnapshot().context.outbox.map((m) => `${m.id?.[0]} ${m.status}`)).toEqual([
      "a Preparing", "b Preparing", "c Preparing", "d Preparing", "e Preparing", "f Preparing", "f Waiting",
    ]);
    actor.send({ type: "TICK" });
    expect(actor.getSnapshot().context.outbox).toEqual([
      { id: id("a"), status: "Pushing", progressDetail: { current: 33, total: 100 } },
      { id: id("b"), status: "Mounted from library/busybox" },
      { id: id("c"), status: "Layer already exists" },
      { id: id("d"), status: "Pushing", progressDetail: { current: 33, total: 300 } },
      { id: id("e"), status: "Pushed" },
    ]);
    for (let i = 0; i < 10 && actor.getSnapshot().status !== "done"; i++) actor.send({ type: "TICK" });
    expect(actor.getSnapshot().status).toBe("done");
  });

  it("takes simulated time at the engine's bandwidth, one terminal line per layer", async () => {
    const clock = new SimulatedClock();
    clock.set(Date.UTC(2026, 10, 28, 12));
    const sim = createSimulator({ clock, ids: seededIds(), interactive: true, columns: 120, pullBytesPerSecond: 10_000_000 });
    const finish = async (line: string) => {
      let done = false;
      const run = sim.exec(line).then((r) => ((done = true), r));
      for (let i = 0; i < 1000 && !done; i++) {
        clock.increment(100);
        await tick();
      }
      return run;
    };
    await finish("docker run -d -p 5000:5000 registry:2");
    await finish("docker run --name box busybox touch /blob");
    await finish("docker commit box localhost:5000/blob");
    let shown = "";
    let done = false;
    const pushing = sim.exec("docker push localhost:5000/blob", { onOutput: (_s, t) => (shown += t) }).then(() => (done = true));
    await tick();
    expect(shown).toMatch(/^Using default tag: latest\nThe push refers to repository \[localhost:5000\/blob\]\n[0-9a-f]{12}: Preparing \n[0-9a-f]{12}: Preparing \n/);
    for (let i = 0; i < 400 && !done; i++) {
      clock.increment(100);
      await tick();
    }
    await pushing;
    expect(shown).toMatch(/\x1b\[\dA\r\x1b\[2K[0-9a-f]{12}: Pushing \[=*>\s*\]\s+\d/);
    expect(shown).toMatch(/Pushed \x1b\[\dB\rlatest: digest: sha256:[0-9a-f]{64} size: \d+\n$/);
  });
});
