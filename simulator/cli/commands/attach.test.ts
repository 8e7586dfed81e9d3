import { describe, expect, it } from "vitest";
import { testSimulator } from "../../../tests/unit/helpers.ts";

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("docker attach", () => {
  it("streams a running container's output until it exits, and returns its exit code", async () => {
    const { sim, clock } = testSimulator();
    await sim.exec("docker run -d --name counter busybox sh -c 'sleep 1; echo one; sleep 1; echo two; exit 3'");
    let done = false;
    const attached = sim.exec("docker attach counter");
    void attached.then(() => (done = true));
    for (let i = 0; i < 40 && !done; i++) {
      clock.increment(250);
      await tick();
    }
    expect(await attached).toMatchObject({ stdout: "one\ntwo\n", exitCode: 3 });
  });

  it("forwards Ctrl-C to the container as SIGINT", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run -d --name web nginx:alpine");
    const r = await sim.exec("docker attach web", { signal: AbortSignal.timeout(50) });
    expect(r.exitCode).toBe(130);
    for (let i = 0; i < 20; i++) await tick();
    expect((await sim.exec("docker ps -a --format '{{.Names}} {{.State}}'")).stdout).toBe("web exited\n");
  });

  it("refuses stopped containers and unknown names", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker create --name idle busybox");
    expect(await sim.exec("docker attach idle")).toMatchObject({ stderr: "You cannot attach to a stopped container, start it first\n", exitCode: 1 });
    expect(await sim.exec("docker attach ghost")).toMatchObject({ stderr: "Error response from daemon: No such container: ghost\n", exitCode: 1 });
  });

  it("joins the shell of an interactive container at a terminal", async () => {
    const { sim } = testSimulator({ interactive: true });
    await sim.exec("docker run -dit --name box busybox sh");
    expect((await sim.exec("docker attach box")).exitCode).toBe(0);
    expect(sim.prompt()).toBe("/ # ");
    expect((await sim.exec("echo inside")).stdout).toBe("inside\n");
  });
});
