import { describe, expect, it } from "vitest";
import { composeScene } from "./compose-helpers.ts";

describe("docker compose and stop_grace_period", () => {
  it("gives the container compose's stop timeout, so stop and down wait that long before SIGKILL", async () => {
    const scene = await composeScene("services:\n  db:\n    image: busybox\n    command: sleep 600\n    stop_grace_period: 2s\n");
    expect((await scene.run("docker compose up -d")).exitCode).toBe(0);
    expect((await scene.sim.exec("docker inspect -f '{{.Config.StopTimeout}}' shop-db-1")).stdout).toBe("2\n");
    const before = scene.clock.now();
    expect((await scene.run("docker compose stop")).exitCode).toBe(0);
    const waited = scene.clock.now() - before;
    expect(waited).toBeGreaterThanOrEqual(2000);
    expect(waited).toBeLessThan(10_000);
    expect((await scene.sim.exec("docker inspect -f '{{.State.ExitCode}}' shop-db-1")).stdout).toBe("137\n");
  });
});
