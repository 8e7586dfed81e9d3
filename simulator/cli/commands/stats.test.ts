import { describe, expect, it } from "vitest";
import { testSimulator } from "../../../tests/unit/helpers.ts";

describe("docker stats", () => {
  it("prints one table of running containers with --no-stream", async () => {
    const { sim, clock } = testSimulator();
    await sim.exec("docker run -d --name web nginx:alpine");
    await sim.exec("docker run -d --name small -m 64m busybox sleep 600");
    clock.increment(5000);
    const r = await sim.exec("docker stats --no-stream");
    const [header, ...rows] = r.stdout.trimEnd().split("\n");
    expect(header).toMatch(/^CONTAINER ID +NAME +CPU % +MEM USAGE \/ LIMIT +MEM % +NET I\/O +BLOCK I\/O +PIDS$/);
    expect(rows).toHaveLength(2);
    expect(rows.find((row) => row.includes(" web "))).toMatch(/^[0-9a-f]{12} +web +\d+\.\d\d% +[\d.]+MiB \/ 3\.82GiB +\d+\.\d\d% +\d+B \/ 0B +0B \/ 0B +3$/);
    expect(rows.find((row) => row.includes(" small "))).toMatch(/ [\d.]+KiB \/ 64MiB /);
  });

  it("formats chosen containers with a template, and lists stopped ones with -a", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run -d --name web nginx:alpine");
    await sim.exec("docker run --name done busybox true");
    expect((await sim.exec("docker stats --no-stream --format '{{.Container}} {{.PIDs}}' web")).stdout).toBe("web 3\n");
    const all = await sim.exec("docker stats -a --no-stream --format '{{.Name}} {{.MemUsage}} {{.PIDs}}'");
    expect(all.stdout).toContain("done 0B / 0B 0\n");
  });

  it("refuses unknown containers, and streams until Ctrl-C", async () => {
    const { sim } = testSimulator();
    expect(await sim.exec("docker stats --no-stream ghost")).toMatchObject({ stderr: "Error response from daemon: No such container: ghost\n", exitCode: 1 });
    await sim.exec("docker run -d --name web nginx:alpine");
    let seen = "";
    const ctrlC = new AbortController();
    const onOutput = (_s: string, t: string) => {
      seen += t;
      if (seen === "web\nweb\n") ctrlC.abort();
    };
    const streamed = await sim.exec("docker stats --format '{{.Name}}'", { signal: ctrlC.signal, onOutput });
    expect(streamed.exitCode).toBe(130);
    expect(seen).toBe("web\nweb\n");
  });
});
