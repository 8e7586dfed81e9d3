import { describe, expect, it } from "vitest";
import { testSimulator } from "../../../tests/unit/helpers.ts";

describe("docker ps", () => {
  it("prints only the header when nothing runs", async () => {
    const { sim } = testSimulator();
    const r = await sim.exec("docker ps");
    expect(r.stdout).toBe("CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n");
  });

  it("lists exited containers with -a, with times from the engine's clock", async () => {
    const { sim, clock } = testSimulator();
    await sim.exec("docker run --name first hello-world");
    clock.increment(75_000);
    const r = await sim.exec("docker ps -a");
    expect(r.stdout).toBe(
      "CONTAINER ID   IMAGE         COMMAND    CREATED              STATUS                          PORTS     NAMES\n" +
        `${r.stdout.split("\n")[1]!.slice(0, 12)}   hello-world   "/hello"   About a minute ago   Exited (0) About a minute ago             first\n`,
    );
  });

  it("quotes and cuts long commands to 20 columns", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run --name long busybox echo a rather long command line");
    const r = await sim.exec("docker ps -a");
    expect(r.stdout).toContain('"echo a rather long …"');
    const full = await sim.exec("docker ps -a --no-trunc");
    expect(full.stdout).toContain('"echo a rather long command line"');
  });

  it("prints IDs only with -q, newest first", async () => {
    const { sim } = testSimulator();
    const a = (await sim.exec("docker run -d busybox true")).stdout.trim();
    const b = (await sim.exec("docker run -d busybox true")).stdout.trim();
    const r = await sim.exec("docker ps -aq");
    expect(r.stdout).toBe(`${b.slice(0, 12)}\n${a.slice(0, 12)}\n`);
  });

  it("rejects arguments", async () => {
    const { sim } = testSimulator();
    const r = await sim.exec("docker ps web");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe("docker: 'docker ps' accepts no arguments\n\nUsage:  docker ps [OPTIONS]\n\nRun 'docker ps --help' for more information\n");
  });
});
