import { describe, expect, it } from "vitest";
import { composeScene, events } from "./compose-helpers.ts";

const APP = `services:
  web:
    image: busybox
    command: sh -c "echo web says hi; echo oops >&2"
  worker:
    image: busybox
    command: sh -c "echo working; echo done"
`;

describe("docker compose logs", () => {
  it("prefixes each line with the container's name, padded to the longest", async () => {
    const scene = await composeScene(APP);
    await scene.sim.exec("docker compose up -d");
    await scene.wait(500);
    const r = await scene.sim.exec("docker compose logs");
    expect(r.stdout).toBe("web-1     | web says hi\nworker-1  | working\nworker-1  | done\n");
    expect(r.stderr).toBe("web-1     | oops\n");
    expect((await scene.sim.exec("docker compose logs worker --tail 1")).stdout).toBe("worker-1  | done\n");
    expect((await scene.sim.exec("docker compose logs --no-log-prefix worker")).stdout).toBe("working\ndone\n");
    expect((await scene.sim.exec("docker compose logs -t worker")).stdout).toBe("worker-1  | 2026-11-28T12:00:00.000000000Z working\nworker-1  | 2026-11-28T12:00:00.000000000Z done\n");
    expect(await scene.sim.exec("docker compose logs nope")).toMatchObject({ exitCode: 1, stderr: "no such service: nope\n" });
  });

  it("colours the prefixes on a terminal, unless --no-color", async () => {
    const scene = await composeScene(APP, { interactive: true });
    await scene.sim.exec("docker compose up -d");
    await scene.wait(500);
    const r = await scene.sim.exec("docker compose logs");
    expect(r.stdout).toBe("\u001b[36mweb-1     | \u001b[0mweb says hi\n\u001b[33mworker-1  | \u001b[0mworking\n\u001b[33mworker-1  | \u001b[0mdone\n");
    expect((await scene.sim.exec("docker compose logs --no-color worker")).stdout).toBe("worker-1  | working\nworker-1  | done\n");
  });

  it("follows with -f until the containers stop", async () => {
    const scene = await composeScene(`services:\n  tick:\n    image: busybox\n    command: sh -c "sleep 1; echo one; sleep 1; echo two"\n`);
    await scene.sim.exec("docker compose up -d");
    const r = await scene.run("docker compose logs -f");
    expect(r).toMatchObject({ exitCode: 0, stdout: "tick-1  | one\ntick-1  | two\n" });
  });
});

describe("docker compose up (attached)", () => {
  it("prints Attaching, the logs with prefixes, and the exit codes", async () => {
    const scene = await composeScene(APP);
    const r = await scene.run("docker compose up");
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("Attaching to web-1, worker-1");
    expect(r.stdout).toContain("web-1     | web says hi\n");
    // Both start at once: their lines interleave as they are printed, each container's in order.
    expect(r.stdout.indexOf("worker-1  | working\n")).toBeGreaterThan(0);
    expect(r.stdout.indexOf("worker-1  | done\n")).toBeGreaterThan(r.stdout.indexOf("worker-1  | working\n"));
    expect(r.stdout).toContain("web-1 exited with code 0\n");
    expect(r.stdout).toContain("worker-1 exited with code 0\n");
    expect(r.stderr).toContain("web-1     | oops\n");
  });

  it("stops the containers on Ctrl-C, as compose does", async () => {
    const scene = await composeScene(`services:\n  web:\n    image: nginx\n`);
    await scene.sim.exec("docker pull nginx");
    const abort = new AbortController();
    let seen = "";
    const pending = scene.run("docker compose up", { signal: abort.signal, onOutput: (_s, t) => { seen += t; } });
    for (let i = 0; i < 50 && !seen.includes("start worker processes"); i++) await scene.wait(100);
    abort.abort();
    const r = await pending;
    expect(r.exitCode).toBe(130);
    expect(r.stdout).toContain("web-1  | /docker-entrypoint.sh: Configuration complete; ready for start up\n");
    expect(events(r.stderr)).toEqual(expect.arrayContaining(["Compose Stopping Gracefully Stopping... press Ctrl+C again to force", "Container shop-web-1 Stopping", "Container shop-web-1 Stopped"]));
    expect(r.stdout).toContain("web-1 exited with code 0\n");
    expect((await scene.sim.exec("docker ps -a --format '{{.Names}} {{.State}}'")).stdout).toBe("shop-web-1 exited\n");
  });

  it("--abort-on-container-exit stops everything when one container exits", async () => {
    const scene = await composeScene(`services:\n  job:\n    image: busybox\n    command: sh -c "sleep 1; exit 4"\n  web:\n    image: nginx\n`);
    const r = await scene.run("docker compose up --abort-on-container-exit");
    expect(r.exitCode).toBe(4);
    expect(r.stdout).toContain("job-1 exited with code 4\n");
    expect(events(r.stderr)).toEqual(expect.arrayContaining(["Compose Stopping Aborting on container exit...", "Container shop-web-1 Stopped"]));
  });
});
