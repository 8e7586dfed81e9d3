import { describe, expect, it } from "vitest";
import { testSimulator } from "../../../tests/unit/helpers.ts";

describe("interactive containers (-it)", () => {
  it("takes the terminal into the container's shell until exit, whose code comes back", async () => {
    const { sim } = testSimulator({ interactive: true });
    await sim.exec("docker pull ubuntu");
    const run = await sim.exec("docker run -it --name shell ubuntu bash");
    expect(run.exitCode).toBe(0);
    expect(sim.prompt()).toMatch(/^root@[0-9a-f]{12}:\/# $/);
    expect((await sim.exec("cat /etc/os-release")).stdout).toContain('PRETTY_NAME="Ubuntu 24.04.3 LTS"');
    await sim.exec("cd /root && echo kept > notes");
    expect(sim.prompt()).toMatch(/^root@[0-9a-f]{12}:~# $/);
    expect((await sim.exec("exit 3")).stdout).toBe("exit\n");
    expect(sim.prompt()).toBe("learner@dockyard:~$ ");
    expect((await sim.exec("echo $?")).stdout).toBe("3\n");
    expect((await sim.exec("docker ps -a --format '{{.Names}} {{.Status}}'")).stdout).toBe("shell Exited (3) Less than a second ago\n");
  });

  it("uses busybox's prompt, and exec -it opens a second shell in a running container", async () => {
    const { sim } = testSimulator({ interactive: true });
    await sim.exec("docker run -d -it --name bb busybox sh");
    expect(sim.prompt()).toBe("learner@dockyard:~$ ");
    await sim.exec("docker exec -it bb sh");
    expect(sim.prompt()).toBe("/ # ");
    await sim.exec("echo hi > /tmp/x");
    await sim.exec("exit");
    expect(sim.prompt()).toBe("learner@dockyard:~$ ");
    expect((await sim.exec("docker exec bb cat /tmp/x")).stdout).toBe("hi\n");
    expect((await sim.exec("docker ps --format '{{.Names}}'")).stdout).toBe("bb\n");
  });

  it("says the input is not a TTY when there is no terminal", async () => {
    const { sim } = testSimulator();
    expect(await sim.exec("docker run -it busybox sh")).toMatchObject({ exitCode: 1, stderr: "the input device is not a TTY\n" });
  });

  it("without -it a shell reads nothing and exits at once", async () => {
    const { sim } = testSimulator({ interactive: true });
    expect((await sim.exec("docker run ubuntu bash")).exitCode).toBe(0);
    expect(sim.prompt()).toBe("learner@dockyard:~$ ");
  });
});

describe("entrypoints that hand over to a command (exec \"$@\")", () => {
  it("docker run -it nginx bash passes nginx's entrypoint and opens bash", async () => {
    const { sim } = testSimulator({ interactive: true });
    await sim.exec("docker pull nginx");
    await sim.exec("docker run -it --rm nginx bash");
    expect(sim.prompt()).toMatch(/^root@[0-9a-f]{12}:\/# $/);
    expect((await sim.exec("nginx -v")).stderr).toMatch(/^nginx version: nginx\/1\.\d+\.\d+\n$/);
    expect((await sim.exec("cd /etc/nginx && ls")).stdout).toContain("nginx.conf\n");
    await sim.exec("exit");
    expect(sim.prompt()).toBe("learner@dockyard:~$ ");
  });

  it("program models run from a container's shell by any of their names", async () => {
    const { sim } = testSimulator();
    const r = await sim.exec("docker run --rm python:3.13 sh -c 'python3 --version && which python3'");
    expect(r.stdout).toMatch(/^Python 3\.13\.\d+\n\/usr\/bin\/python3\n$/);
    expect((await sim.exec("docker run --rm node:24 sh -c 'node -v; npm -v'")).stdout).toMatch(/^v24\.\d+\.\d+\n\d+\.\d+\.\d+\n$/);
  });
});
