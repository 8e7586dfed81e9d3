import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { testSimulator } from "./helpers.ts";

const words = ["docker", "run", "ps", "images", "pull", "rm", "logs", "version", "container", "image", "ls", "-a", "-q", "-d", "--rm", "--name", "-e", "--help", "hello-world", "busybox", "echo", "sh", "-c", "--", "-", "=", "--no-trunc", "-it", "x=y", ":", "@", "no-such-image:latest", "'", '"'];

describe("the CLI never crashes on bad input", () => {
  it("random argv always ends with an exit code and, on failure, a message", async () => {
    const { sim } = testSimulator();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 8 })), { maxLength: 8 }), async (argv) => {
        const line = `docker ${argv.map((w) => `'${w.replace(/'/g, "'\\''")}'`).join(" ")}`;
        // A foreground container may run forever, as in Docker: Ctrl-C after a while.
        const r = await sim.exec(line, { signal: AbortSignal.timeout(2000) });
        expect(Number.isInteger(r.exitCode)).toBe(true);
        if (r.exitCode !== 0 && r.exitCode !== 130) expect(r.stderr.length + r.stdout.length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });

  it("random bytes as a command line never throw", async () => {
    const { sim } = testSimulator();
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), async (line) => {
        const r = await sim.exec(line, { signal: AbortSignal.timeout(2000) });
        expect(Number.isInteger(r.exitCode)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe("endless loops", () => {
  it("stop with a plain explanation, on the host and in a container, and the engine carries on", async () => {
    const { sim } = testSimulator();
    const host = await sim.exec("while true; do :; done");
    expect(host.exitCode).toBe(152);
    expect(host.stderr).toMatch(/^bash: stopped after 50,000 steps: Dockyard runs commands in your browser and cannot run an endless loop/);
    expect((await sim.exec("echo $?")).stdout).toBe("152\n");
    await sim.exec("docker run --name spin busybox sh -c 'while true; do :; done'");
    expect((await sim.exec("docker logs spin")).stderr).toMatch(/^sh: stopped after 50,000 steps/);
    expect((await sim.exec("docker ps -a --format '{{.Names}} {{.Status}}'")).stdout).toBe("spin Exited (152) Less than a second ago\n");
  });

  it("a flood of commands leaves the engine consistent", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker pull busybox");
    await Promise.all(Array.from({ length: 50 }, (_, i) => sim.exec(`docker run -d --name flood${i} busybox sleep 600`)));
    expect((await sim.exec("docker ps -q | wc -l")).stdout.trim()).toBe("50");
    await Promise.all(Array.from({ length: 50 }, (_, i) => sim.exec(`docker rm -f flood${i}`)));
    expect((await sim.exec("docker ps -aq")).stdout).toBe("");
  });
});
