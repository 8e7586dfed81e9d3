import { describe, expect, it } from "vitest";
import { testSimulator } from "../../../tests/unit/helpers.ts";

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("docker logs", () => {
  it("follows a running container's output until it exits", async () => {
    const { sim, clock } = testSimulator();
    await sim.exec("docker run -d --name ticker busybox sh -c 'echo one; sleep 1; echo two; sleep 1; echo three'");
    let seen = "";
    const following = sim.exec("docker logs -f ticker", { onOutput: (_s, t) => (seen += t) });
    let done = false;
    void following.then(() => (done = true));
    await tick();
    // The first echo has run; the rest come as the script gets to them.
    expect(seen).toBe("one\n");
    clock.increment(1000);
    for (let i = 0; i < 5; i++) await tick();
    expect(seen).toBe("one\ntwo\n");
    for (let i = 0; i < 20 && !done; i++) {
      clock.increment(500);
      await tick();
    }
    expect(done).toBe(true);
    expect((await following).stdout).toBe("one\ntwo\nthree\n");
  });

  it("stops following on Ctrl-C", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run -d --name forever busybox sleep 3600");
    const r = await sim.exec("docker logs -f forever", { signal: AbortSignal.timeout(50) });
    expect(r.exitCode).toBe(130);
  });

  it("reports a missing container", async () => {
    const { sim } = testSimulator();
    expect(await sim.exec("docker logs nope")).toMatchObject({ exitCode: 1, stderr: "Error response from daemon: No such container: nope\n" });
  });
});

describe("docker create and start", () => {
  it("creates a container that start -a runs in the foreground", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker pull busybox");
    const created = await sim.exec("docker create --name later busybox echo from later");
    expect(created.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect((await sim.exec("docker ps -a --format '{{.Names}} {{.Status}}'")).stdout).toBe("later Created\n");
    expect((await sim.exec("docker start -a later")).stdout).toBe("from later\n");
    expect((await sim.exec("docker start later")).stdout).toBe("later\n");
  });

  it("reports what failed to start", async () => {
    const { sim } = testSimulator();
    expect((await sim.exec("docker start nosuch")).stderr).toBe("Error response from daemon: No such container: nosuch\nError: failed to start containers: nosuch\n");
  });
});
