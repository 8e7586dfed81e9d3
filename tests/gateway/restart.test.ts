/**
 * dockerd restarted mid-session, on a private dockerd of this test: the page is told the engine went
 * away and came back, commands in between fail with a clear message, and the session carries on.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Gateway } from "../../server/gateway.ts";
import type { RemoteEngine, RemoteStatus } from "../../simulator/backend/remote-engine.ts";
import { createSimulator, type Simulator } from "../../simulator/simulator.ts";
import { connectEngine, engineUnavailable, testGateway } from "./harness.ts";
import { privateDockerd, privateDockerdUnavailable, type PrivateDockerd } from "./private-dockerd.ts";

const unavailable = (await engineUnavailable()) ?? privateDockerdUnavailable();
if (unavailable) console.warn(`gateway restart test skipped: ${unavailable}`);

const until = async (what: string, check: () => boolean, ms = 60_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe.skipIf(unavailable !== undefined)("the gateway when dockerd restarts", () => {
  let dockerd: PrivateDockerd;
  let gateway: Gateway;
  let engine: RemoteEngine;
  let sim: Simulator;
  const statuses: RemoteStatus[] = [];

  beforeAll(async () => {
    dockerd = privateDockerd(`/tmp/dygw-restart-${process.pid}`, "dygwrestart0", "10.213.1.1/24");
    await dockerd.start();
    gateway = await testGateway({ docker: dockerd.docker, healthEveryMs: 100 });
    engine = await connectEngine(gateway, { onStatus: (s) => statuses.push(s) });
    sim = createSimulator({ engine });
  }, 120_000);
  afterAll(async () => {
    engine?.close();
    await gateway?.close();
    await dockerd?.destroy();
  }, 120_000);

  it("says the engine went away, fails commands clearly meanwhile, and recovers", async () => {
    expect((await sim.exec("docker run -d --name web busybox sleep 300")).exitCode).toBe(0);
    await dockerd.stop();
    await until("the engine-down notice", () => statuses.some((s) => s.state === "engine-down"));
    expect(statuses.find((s) => s.state === "engine-down")).toEqual({ state: "engine-down", message: "the Docker engine behind the gateway stopped answering (it may be restarting); commands fail until it is back" });
    const meanwhile = await sim.exec("docker ps");
    expect(meanwhile.exitCode).toBe(1);
    expect(meanwhile.stderr).toContain("the Docker engine behind the Dockyard gateway is not answering (it may be restarting); try again in a moment, or switch to the simulated engine");

    await dockerd.start();
    await until("the engine-up notice", () => statuses.some((s) => s.state === "engine-up"));
    // The same connection and session carry on: the container is there, stopped by the restart.
    expect((await sim.exec("docker ps -a --format '{{.Names}} {{.State}}'")).stdout).toBe("web exited\n");
    expect((await sim.exec("docker start web")).stdout).toBe("web\n");
    expect((await sim.exec("docker ps --format '{{.Names}} {{.State}}'")).stdout).toBe("web running\n");
    expect((await sim.exec("docker run --rm busybox echo back")).stdout).toBe("back\n");
    expect(statuses.filter((s) => s.state === "closed")).toEqual([]);
  }, 120_000);
});
