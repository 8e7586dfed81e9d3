/** Twenty sessions at once, ten containers each, on a private dockerd of this test: no errors, no leaks between sessions. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Gateway } from "../../server/gateway.ts";
import { createSimulator } from "../../simulator/simulator.ts";
import { connectEngine, engineUnavailable, testGateway } from "./harness.ts";
import { privateDockerd, privateDockerdUnavailable, type PrivateDockerd } from "./private-dockerd.ts";

const unavailable = (await engineUnavailable()) ?? privateDockerdUnavailable();
if (unavailable) console.warn(`gateway load test skipped: ${unavailable}`);

describe.skipIf(unavailable !== undefined)("the gateway under load", () => {
  let dockerd: PrivateDockerd;
  let gateway: Gateway;

  beforeAll(async () => {
    dockerd = privateDockerd(`/tmp/dygw-load-${process.pid}`, "dygwload0", "10.213.2.1/24");
    await dockerd.start();
    gateway = await testGateway({ docker: dockerd.docker });
  }, 120_000);
  afterAll(async () => {
    await gateway?.close();
    await dockerd?.destroy();
  }, 180_000);

  it("20 concurrent sessions with 10 containers each", async () => {
    const sessions = await Promise.all(Array.from({ length: 20 }, () => connectEngine(gateway)));
    const results = await Promise.all(
      sessions.map(async (engine, s) => {
        const sim = createSimulator({ engine });
        const failures: string[] = [];
        for (let c = 0; c < 10; c++) {
          const r = await sim.exec(`docker run -d --name c${c} busybox sleep 300`);
          if (r.exitCode !== 0) failures.push(`session ${s} c${c}: ${r.stderr}`);
        }
        const echo = await sim.exec(`docker exec c3 echo session-${s}`);
        const names = (await sim.exec("docker ps --format '{{.Names}}'")).stdout.trim().split("\n").sort();
        const removed = await sim.exec("docker rm -f $(docker ps -aq)");
        const left = (await sim.exec("docker ps -aq")).stdout;
        engine.close();
        return { failures, echo: echo.stdout, names, removed: removed.exitCode, left };
      }),
    );
    const expected = Array.from({ length: 10 }, (_, c) => `c${c}`).sort();
    results.forEach((r, s) => {
      expect(r.failures).toEqual([]);
      expect(r.echo).toBe(`session-${s}\n`);
      expect(r.names).toEqual(expected);
      expect(r.removed).toBe(0);
      expect(r.left).toBe("");
    });
  }, 300_000);
});
