import { describe, expect, it } from "vitest";
import { testSimulator } from "../../../tests/unit/helpers.ts";

describe("docker commit", () => {
  it("turns a container's changes into an image that new containers start from", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run --name maker busybox sh -c 'echo hello > /greeting'");
    const r = await sim.exec("docker commit -m 'add greeting' -c 'CMD [\"cat\", \"/greeting\"]' maker greeter:1.0");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect((await sim.exec("docker run --rm greeter:1.0")).stdout).toBe("hello\n");
    expect((await sim.exec("docker inspect -f '{{json .Config.Cmd}} {{.Comment}}' greeter:1.0")).stdout).toBe('["cat","/greeting"] add greeting\n');
    const history = await sim.exec("docker history --format '{{.CreatedBy}}|{{.Comment}}' greeter:1.0");
    expect(history.stdout.split("\n")[0]).toBe("sh -c echo hello > /greeting|add greeting");
    expect((await sim.exec("docker images --format '{{.Repository}}:{{.Tag}}' greeter")).stdout).toBe("greeter:1.0\n");
  });

  it("shares the base image's layers", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run --name c1 busybox touch /x");
    await sim.exec("docker commit c1 layered");
    const base = (await sim.exec("docker inspect -f '{{len .RootFS.Layers}}' busybox")).stdout;
    const made = (await sim.exec("docker inspect -f '{{len .RootFS.Layers}}' layered")).stdout;
    expect(Number(made)).toBe(Number(base) + 1);
  });

  it("reports a missing container and a bad name", async () => {
    const { sim } = testSimulator();
    expect((await sim.exec("docker commit nosuch")).stderr).toBe("Error response from daemon: No such container: nosuch\n");
    await sim.exec("docker run --name c2 busybox true");
    expect((await sim.exec("docker commit c2 Bad")).stderr).toBe("invalid reference format: repository name (library/Bad) must be lowercase\n");
  });
});
