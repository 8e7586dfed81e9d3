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
