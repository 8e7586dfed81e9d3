import { describe, expect, it } from "vitest";
import { testSimulator } from "../../../tests/unit/helpers.ts";

describe("docker images", () => {
  it("prints Docker 29's tree view with sizes and the in-use mark", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker pull busybox");
    await sim.exec("docker run hello-world");
    const r = await sim.exec("docker images");
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("IMAGE                ID             DISK USAGE   CONTENT SIZE   EXTRA");
    expect(lines[1]).toMatch(/^busybox:latest       [0-9a-f]{12}       4\.43MB         2\.22MB        $/);
    expect(lines[2]).toMatch(/^hello-world:latest   [0-9a-f]{12}       13\.3kB         3\.21kB   U    $/);
    expect(r.stderr).toBe("WARNING: This output is designed for human readability. For machine-readable output, please use --format.\n");
  });

  it("shows a legend and no warning on a terminal", async () => {
    const { sim } = testSimulator({ interactive: true, columns: 80 });
    await sim.exec("docker run hello-world");
    const r = await sim.exec("docker images");
    expect(r.stderr).toBe("");
    expect(r.stdout.split("\n")[0]).toBe(`${" ".repeat(60)}i Info →   U  In Use`);
  });

  it("prints the classic table with -q", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker pull hello-world");
    const r = await sim.exec("docker images -q");
    expect(r.stdout).toMatch(/^[0-9a-f]{12}\n$/);
  });
});
