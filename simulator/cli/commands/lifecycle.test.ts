import { describe, expect, it } from "vitest";
import { testSimulator } from "../../../tests/unit/helpers.ts";

/** Let pending promises and timers scheduled at the current simulated time run. */
const tick = () => new Promise((r) => setTimeout(r, 0));

describe("stopping, starting and killing containers", () => {
  it("docker stop waits the timeout for PID 1 that ignores SIGTERM, then kills it (137)", async () => {
    const { sim, clock } = testSimulator();
    await sim.exec("docker run -d --name sleeper busybox sleep 300");
    const stopping = sim.exec("docker stop sleeper");
    await tick();
    clock.increment(9_000);
    await tick();
    expect((await sim.exec("docker ps --format '{{.Names}} {{.State}}'")).stdout).toBe("sleeper running\n");
    clock.increment(1_000);
    const r = await stopping;
    expect(r).toEqual({ stdout: "sleeper\n", stderr: "", exitCode: 0 });
    expect((await sim.exec("docker ps -a --format '{{.Status}}'")).stdout).toBe("Exited (137) Less than a second ago\n");
  });

  it("docker stop -t 0 kills at once; docker start runs it again", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run -d --name sl busybox sleep 300");
    expect((await sim.exec("docker stop -t 0 sl")).exitCode).toBe(0);
    expect((await sim.exec("docker inspect -f '{{.State.ExitCode}} {{.State.Status}}' sl")).stdout).toBe("137 exited\n");
    expect((await sim.exec("docker start sl")).stdout).toBe("sl\n");
    expect((await sim.exec("docker inspect -f '{{.State.Status}}' sl")).stdout).toBe("running\n");
  });

  it("docker kill sends SIGKILL by default; a signal PID 1 ignores leaves it running", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run -d --name kk busybox sleep 300");
    expect((await sim.exec("docker kill -s TERM kk")).stdout).toBe("kk\n");
    expect((await sim.exec("docker inspect -f '{{.State.Running}}' kk")).stdout).toBe("true\n");
    await sim.exec("docker kill kk");
    expect((await sim.exec("docker inspect -f '{{.State.ExitCode}}' kk")).stdout).toBe("137\n");
    const again = await sim.exec("docker kill kk");
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toMatch(/^Error response from daemon: cannot kill container: kk: container [0-9a-f]{64} is not running\n$/);
  });

  it("pauses and unpauses", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run -d --name pp busybox sleep 300");
    await sim.exec("docker pause pp");
    expect((await sim.exec("docker ps --format '{{.Status}}'")).stdout).toBe("Up Less than a second (Paused)\n");
    const exec = await sim.exec("docker exec pp echo hi");
    expect(exec.stderr).toMatch(/is paused, unpause the container before exec/);
    await sim.exec("docker unpause pp");
    expect((await sim.exec("docker exec pp echo hi")).stdout).toBe("hi\n");
  });

  it("refuses to remove a running container unless forced", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run -d --name web busybox sleep 300");
    const r = await sim.exec("docker rm web");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('Error response from daemon: cannot remove container "/web": container is running: stop the container before removing or force remove\n');
    expect((await sim.exec("docker rm -f web")).stdout).toBe("web\n");
    expect((await sim.exec("docker ps -aq")).stdout).toBe("");
  });

  it("restarts on failure with Docker's back-off, up to the retry limit", async () => {
    const { sim, clock } = testSimulator();
    await sim.exec("docker run -d --name flaky --restart on-failure:2 busybox sh -c 'exit 3'");
    await tick();
    expect((await sim.exec("docker ps -a --format '{{.Status}}'")).stdout).toMatch(/^Restarting \(3\)/);
    clock.increment(100);
    await tick();
    clock.increment(200);
    await tick();
    await tick();
    expect((await sim.exec("docker inspect -f '{{.RestartCount}} {{.State.Status}} {{.State.ExitCode}}' flaky")).stdout).toBe("2 exited 3\n");
  });

  it("waits for a container and prints its exit code", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run -d --name ww busybox sh -c 'exit 5'");
    expect((await sim.exec("docker wait ww")).stdout).toBe("5\n");
  });
});

describe("exec, logs, top, rename, diff", () => {
  it("runs commands in a running container's filesystem", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run -d --name box busybox sleep 300");
    await sim.exec("docker exec box sh -c 'echo data > /tmp/file'");
    expect((await sim.exec("docker exec box cat /tmp/file")).stdout).toBe("data\n");
    expect((await sim.exec("docker exec -w /tmp box pwd")).stdout).toBe("/tmp\n");
    expect((await sim.exec("docker exec -e X=1 box sh -c 'echo $X'")).stdout).toBe("1\n");
    expect((await sim.exec("docker diff box")).stdout).toBe("C /tmp\nA /tmp/file\n");
    const missing = await sim.exec("docker exec box nosuchcmd");
    expect(missing.exitCode).toBe(126);
    expect(missing.stdout).toBe('OCI runtime exec failed: exec failed: unable to start container process: exec: "nosuchcmd": executable file not found in $PATH: unknown\n');
  });

  it("keeps data in the container's layer across restarts and loses it with the container", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run -d --name keep busybox sleep 300");
    await sim.exec("docker exec keep sh -c 'echo note > /note.txt'");
    await sim.exec("docker stop -t 0 keep");
    await sim.exec("docker start keep");
    expect((await sim.exec("docker exec keep cat /note.txt")).stdout).toBe("note\n");
    await sim.exec("docker rm -f keep");
    await sim.exec("docker run -d --name keep busybox sleep 300");
    expect((await sim.exec("docker exec keep cat /note.txt")).stderr).toContain("No such file or directory");
  });

  it("shows logs with --tail and timestamps", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run --name ll busybox sh -c 'echo one; echo two; echo three'");
    expect((await sim.exec("docker logs --tail 2 ll")).stdout).toBe("two\nthree\n");
    expect((await sim.exec("docker logs -t --tail 1 ll")).stdout).toBe("2026-11-28T12:00:00.000000000Z three\n");
  });

  it("lists processes and renames", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run -d --name old busybox sleep 300");
    expect((await sim.exec("docker top old")).stdout).toMatch(/^UID {17}PID {17}PPID {16}C {19}STIME {15}TTY {17}TIME {16}CMD\nroot {16}\d+ +\d+ +0 +12:00 +\? +00:00:00 +sleep 300\n$/);
    await sim.exec("docker rename old new");
    expect((await sim.exec("docker ps --format '{{.Names}}'")).stdout).toBe("new\n");
  });
});
