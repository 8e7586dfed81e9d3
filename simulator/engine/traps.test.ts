import { describe, expect, it } from "vitest";
import { testSimulator } from "../../tests/unit/helpers.ts";

const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
};

describe("trap in a container's shell", () => {
  it("docker stop runs the TERM trap: the script says goodbye and exits 0 at once", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker pull -q busybox");
    await sim.exec(`docker run -d --name polite busybox sh -c "trap 'echo bye; exit 0' TERM; echo started; while true; do sleep 1; done"`);
    await settle();
    let stopped = false;
    const stop = sim.exec("docker stop polite").then((r) => ((stopped = true), r));
    await settle();
    // No clock advance: a trapped TERM ends it before the 10 s stop timeout.
    expect(stopped).toBe(true);
    expect(await stop).toMatchObject({ exitCode: 0, stdout: "polite\n" });
    expect((await sim.exec("docker ps -a --format '{{.Status}}'")).stdout).toMatch(/^Exited \(0\) /);
    expect((await sim.exec("docker logs polite")).stdout).toBe("started\nbye\n");
  });

  it("without a trap, PID 1 ignores TERM and docker stop kills it after the timeout", async () => {
    const { sim, clock } = testSimulator();
    await sim.exec("docker pull -q busybox");
    await sim.exec(`docker run -d --name stubborn busybox sh -c "while true; do sleep 1; done"`);
    await settle();
    let stopped = false;
    const stop = sim.exec("docker stop stubborn").then(() => (stopped = true));
    await settle();
    expect(stopped).toBe(false);
    for (let i = 0; i < 11 && !stopped; i++) {
      clock.increment(1000);
      await settle();
    }
    await stop;
    expect((await sim.exec("docker ps -a --format '{{.Status}}'")).stdout).toMatch(/^Exited \(137\) /);
  });

  it("runs the EXIT trap when the script ends, lists traps, and refuses a bad signal", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker pull -q busybox");
    const r = await sim.exec(`docker run --rm busybox sh -c "trap 'echo cleanup' EXIT; trap 'echo int' INT; trap; echo work"`);
    expect(r).toMatchObject({ exitCode: 0, stdout: "trap -- 'echo cleanup' EXIT\ntrap -- 'echo int' INT\nwork\ncleanup\n" });
    const bad = await sim.exec(`docker run --rm busybox sh -c "trap 'echo x' FOO"`);
    expect(bad).toMatchObject({ exitCode: 1, stderr: "trap: FOO: bad trap\n" });
  });
});
