import { describe, expect, it } from "vitest";
import { testSimulator } from "../../../tests/unit/helpers.ts";

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("docker events", () => {
  it("replays past events with --since and stops at --until, in the CLI's line format", async () => {
    const { sim, clock } = testSimulator();
    await sim.exec("docker pull busybox");
    clock.increment(1000);
    await sim.exec("docker run --name web busybox true");
    const r = await sim.exec("docker events --since 1h --until 0s");
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("2026-11-28T12:00:00.000000000Z image pull busybox:latest (name=busybox)");
    expect(lines.some((l) => /^2026-11-28T12:00:01\.\d{9}Z container create [0-9a-f]{64} \(image=busybox, name=web\)$/.test(l))).toBe(true);
    expect(lines.some((l) => / container die [0-9a-f]{64} \(exitCode=0, image=busybox, name=web\)$/.test(l))).toBe(true);
    // --until alone also replays what the daemon remembers, up to that time.
    expect((await sim.exec("docker events --until 0s --filter event=pull --format '{{.Actor.ID}}'")).stdout).toBe("busybox:latest\n");
  });

  it("filters by type, event, container and label, and formats with templates or json", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run --name web --label tier=front busybox true");
    await sim.exec("docker run --name db busybox true");
    const byEvent = await sim.exec("docker events --since 1h --until 0s -f event=start --format '{{.Type}} {{.Action}} {{.Actor.Attributes.name}} {{.Scope}}'");
    expect(byEvent.stdout).toBe("container start web local\ncontainer start db local\n");
    const byContainer = await sim.exec("docker system events --since 1h --until 0s -f container=db -f event=die --format '{{.Actor.Attributes.exitCode}}'");
    expect(byContainer.stdout).toBe("0\n");
    const byLabel = await sim.exec("docker events --since 1h --until 0s -f label=tier=front -f event=create --format '{{.Actor.Attributes.name}}'");
    expect(byLabel.stdout).toBe("web\n");
    const json = await sim.exec("docker events --since 1h --until 0s -f type=image --format json");
    expect(JSON.parse(json.stdout)).toMatchObject({ Type: "image", Action: "pull", Actor: { ID: "busybox:latest", Attributes: { name: "busybox" } }, scope: "local" });
  });

  it("streams new events until interrupted", async () => {
    const { sim } = testSimulator();
    const controller = new AbortController();
    let seen = "";
    const watching = sim.exec("docker events --format '{{.Type}} {{.Action}} {{.Actor.ID}}'", { signal: controller.signal, onOutput: (_s, t) => (seen += t) });
    for (let i = 0; i < 10; i++) await tick();
    await sim.engine.volumeCreate({ Name: "data" });
    await tick();
    expect(seen).toBe("volume create data\n");
    controller.abort();
    const r = await watching;
    expect(r.exitCode).toBe(130);
    expect(r.stdout).toBe("volume create data\n");
  });

  it("streams until a future --until passes on the daemon's clock", async () => {
    const { sim, clock } = testSimulator();
    let done = false;
    const watching = sim.exec("docker events --until 2026-11-28T12:00:05Z --format '{{.Action}} {{.Actor.ID}}'");
    void watching.then(() => (done = true));
    for (let i = 0; i < 10; i++) await tick();
    await sim.engine.networkCreate("backend");
    clock.increment(6000);
    for (let i = 0; i < 5 && !done; i++) await tick();
    expect(done).toBe(true);
    expect((await watching).stdout).toMatch(/^create [0-9a-f]{64}\n$/);
  });

  it("ignores unknown filters as dockerd does, and rejects broken templates", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker volume create v1");
    expect(await sim.exec("docker events --since 1h --until 0s --filter foo=bar --format '{{.Action}}'")).toMatchObject({ stdout: "create\n", exitCode: 0 });
    expect(await sim.exec("docker events --since 1h --until 0s --format '{{.Nope'")).toMatchObject({ stderr: "Error parsing format: template: :1: unclosed action\n", exitCode: 64 });
  });
});
