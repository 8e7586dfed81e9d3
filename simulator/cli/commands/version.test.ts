import { describe, expect, it } from "vitest";
import { testSimulator } from "../../../tests/unit/helpers.ts";

describe("docker version", () => {
  it("prints client and server sections like Docker 29", async () => {
    const { sim } = testSimulator();
    const r = await sim.exec("docker version");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^Client: Docker Engine - Community\n Version:           29\.\d+\.\d+\n API version:       1\.55\n/);
    expect(r.stdout).toContain("\nServer: Docker Engine - Community\n Engine:\n  Version:          29.");
    expect(r.stdout).toContain("  API version:      1.55 (minimum version 1.44)\n");
    expect(r.stdout).toContain(" containerd:\n  Version:          v2.");
  });

  it("answers --version on the root command", async () => {
    const { sim } = testSimulator();
    expect((await sim.exec("docker --version")).stdout).toMatch(/^Docker version 29\.\d+\.\d+, build [0-9a-f]{7}\n$/);
  });

  it("reports unknown commands", async () => {
    const { sim } = testSimulator();
    const r = await sim.exec("docker frobnicate");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe("docker: unknown command: docker frobnicate\n\nRun 'docker --help' for more information\n");
  });
});
