import { describe, expect, it } from "vitest";
import { testSimulator } from "../../../tests/unit/helpers.ts";

describe("docker run", () => {
  it("pulls a missing image, then streams the container's output and exits with its code", async () => {
    const { sim } = testSimulator();
    const r = await sim.exec("docker run hello-world");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("Hello from Docker!\nThis message shows that your installation appears to be working correctly.");
    expect(r.stderr).toMatch(/^Unable to find image 'hello-world:latest' locally\nlatest: Pulling from library\/hello-world\n[0-9a-f]{12}: Pulling fs layer\n/);
    expect(r.stderr).toMatch(/[0-9a-f]{12}: Pull complete\nDigest: sha256:[0-9a-f]{64}\nStatus: Downloaded newer image for hello-world:latest\n$/);
  });

  it("does not pull again once the image is present", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run hello-world");
    const r = await sim.exec("docker run hello-world");
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("Hello from Docker!");
  });

  it("runs a command in a busybox container and keeps its output for docker logs", async () => {
    const { sim } = testSimulator();
    const r = await sim.exec("docker run --name greeter busybox echo hello from a container");
    expect(r.stdout).toBe("hello from a container\n");
    expect(r.exitCode).toBe(0);
    const logs = await sim.exec("docker logs greeter");
    expect(logs.stdout).toBe("hello from a container\n");
  });

  it("returns the container's exit code", async () => {
    const { sim } = testSimulator();
    const r = await sim.exec("docker run busybox sh -c 'exit 3'");
    expect(r.exitCode).toBe(3);
  });

  it("prints the full ID with -d", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker pull busybox");
    const r = await sim.exec("docker run -d busybox true");
    expect(r.stdout).toMatch(/^[0-9a-f]{64}\n$/);
  });

  it("fails like runc when the executable is not in the image (exit 127)", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker pull hello-world");
    const r = await sim.exec("docker run hello-world ls");
    expect(r.exitCode).toBe(127);
    expect(r.stderr).toBe(
      'docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "ls": executable file not found in $PATH: unknown\n\nRun \'docker run --help\' for more information\n',
    );
    const ps = await sim.exec("docker ps -a");
    expect(ps.stdout).toMatch(/   Created   /);
    expect((await sim.exec("docker ps -a --format '{{.State}}'")).stdout).toBe("created\n");
  });

  it("reports an unknown image with Docker's text and exit code 125", async () => {
    const { sim } = testSimulator();
    const r = await sim.exec("docker run no-such-image");
    expect(r.exitCode).toBe(125);
    expect(r.stderr).toBe(
      "Unable to find image 'no-such-image:latest' locally\ndocker: Error response from daemon: pull access denied for no-such-image, repository does not exist or may require 'docker login'\n\nRun 'docker run --help' for more information\n",
    );
  });

  it("refuses a name already in use", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run --name web hello-world");
    const r = await sim.exec("docker run --name web hello-world");
    expect(r.exitCode).toBe(125);
    expect(r.stderr).toMatch(/^docker: Error response from daemon: Conflict\. The container name "\/web" is already in use by container "[0-9a-f]{64}"\. You have to remove \(or rename\) that container to be able to reuse that name\.\n/);
  });

  it("removes the container afterwards with --rm", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run --rm hello-world");
    const r = await sim.exec("docker ps -aq");
    expect(r.stdout).toBe("");
  });

  it("answers usage errors as the docker CLI does", async () => {
    const { sim } = testSimulator();
    const noImage = await sim.exec("docker run");
    expect(noImage.exitCode).toBe(1);
    expect(noImage.stderr).toBe("docker: 'docker run' requires at least 1 argument\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nSee 'docker run --help' for more information\n");
    const badFlag = await sim.exec("docker run --bogus hello-world");
    expect(badFlag.exitCode).toBe(125);
    expect(badFlag.stderr).toBe("unknown flag: --bogus\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n");
  });

  it("passes flags after the image to the container's command", async () => {
    const { sim } = testSimulator();
    const r = await sim.exec("docker run busybox echo -n no-newline");
    expect(r.stdout).toBe("no-newline");
  });
});
