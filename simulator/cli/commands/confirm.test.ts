import { describe, expect, it } from "vitest";
import { testSimulator } from "../../../tests/unit/helpers.ts";

describe("prune confirmations", () => {
  it("take their answer from piped input: y removes, anything else keeps", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run --name one busybox true");
    const no = await sim.exec("echo n | docker container prune");
    expect(no).toMatchObject({ stdout: "WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ", exitCode: 0 });
    expect((await sim.exec("docker ps -aq")).stdout).not.toBe("");
    const yes = await sim.exec("echo y | docker container prune");
    expect(yes.stdout).toMatch(/^WARNING! This will remove all stopped containers\.\nAre you sure you want to continue\? \[y\/N\] Deleted Containers:\n[0-9a-f]{64}\n\nTotal reclaimed space: /);
    expect((await sim.exec("docker ps -aq")).stdout).toBe("");
  });

  it("answer no when nothing can reply", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker volume create keep");
    const r = await sim.exec("docker volume prune -a");
    expect(r.stdout).toBe("WARNING! This will remove all local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] \n");
    expect((await sim.exec("docker volume ls -q")).stdout).toBe("keep\n");
  });
});

describe("prune at a terminal", () => {
  it("asks, and the next line typed is the answer", async () => {
    const { sim } = testSimulator({ interactive: true });
    await sim.exec("docker run --name one busybox true");
    const asked = await sim.exec("docker container prune");
    expect(asked).toMatchObject({ stdout: "WARNING! This will remove all stopped containers.\n", exitCode: 0 });
    expect(sim.prompt()).toBe("Are you sure you want to continue? [y/N] ");
    const answered = await sim.exec("y");
    expect(answered.stdout).toMatch(/^Deleted Containers:\n[0-9a-f]{64}\n\nTotal reclaimed space: /);
    await Promise.resolve();
    expect(sim.prompt()).toMatch(/\$ $/);
    expect((await sim.exec("docker ps -aq")).stdout).toBe("");
  });

  it("keeps everything when the answer is not y", async () => {
    const { sim } = testSimulator({ interactive: true });
    await sim.exec("docker network create spare");
    await sim.exec("docker network prune");
    expect(await sim.exec("n")).toMatchObject({ stdout: "", stderr: "" });
    await Promise.resolve();
    expect((await sim.exec("docker network ls --format '{{.Name}}' --filter name=spare")).stdout).toBe("spare\n");
  });
});

describe("docker system prune", () => {
  it("lists what it will remove, then removes stopped containers, unused networks and dangling images", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run --name one busybox true");
    await sim.exec("docker network create spare");
    await sim.exec("docker volume create kept");
    const asked = await sim.exec("docker system prune");
    expect(asked.stdout).toBe(
      "WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n  - all dangling images\n  - unused build cache\n\nAre you sure you want to continue? [y/N] \n",
    );
    const r = await sim.exec("docker system prune -f");
    expect(r.stdout).toMatch(/^Deleted Containers:\n[0-9a-f]{64}\n\nDeleted Networks:\nspare\n\nTotal reclaimed space: /);
    expect((await sim.exec("docker volume ls -q")).stdout).toBe("kept\n");
    expect((await sim.exec("docker images -q busybox")).stdout).not.toBe("");
    const everything = await sim.exec("docker system prune -af --volumes");
    expect(everything.stdout).toMatch(/Deleted Images:\nuntagged: busybox:latest\n/);
  });
});
