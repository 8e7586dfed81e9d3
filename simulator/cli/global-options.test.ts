import { describe, expect, it } from "vitest";
import { testSimulator } from "../../tests/unit/helpers.ts";

describe("docker's global options", () => {
  it("accepts --debug, --log-level and the default host and context before the command", async () => {
    const { sim } = testSimulator();
    expect(await sim.exec("docker -D ps -q")).toMatchObject({ stdout: "", exitCode: 0 });
    expect(await sim.exec("docker --log-level=debug -H unix:///var/run/docker.sock --context default ps -q")).toMatchObject({ exitCode: 0 });
    expect((await sim.exec("docker -D")).stdout).toMatch(/^Usage: {2}docker \[OPTIONS\] COMMAND\n/);
  });

  it("cannot reach any other daemon, and says so as the client does", async () => {
    const { sim } = testSimulator();
    expect(await sim.exec("docker -H tcp://10.0.0.1:2375 ps")).toMatchObject({ stderr: "Cannot connect to the Docker daemon at tcp://10.0.0.1:2375. Is the docker daemon running?\n", exitCode: 1 });
    expect(await sim.exec("docker -l loud ps")).toMatchObject({ stderr: "Unable to parse logging level: loud\n", exitCode: 1 });
    expect(await sim.exec("docker --nope ps")).toMatchObject({ stderr: "unknown flag: --nope\n\nUsage:  docker [OPTIONS] COMMAND\n\nRun 'docker --help' for more information\n", exitCode: 125 });
  });

  it("formats docker version with a template", async () => {
    const { sim } = testSimulator();
    expect((await sim.exec("docker version --format '{{.Client.Version}} {{.Server.APIVersion}}'")).stdout).toMatch(/^29\.\d+\.\d+ 1\.55\n$/);
    const json = JSON.parse((await sim.exec("docker version -f json")).stdout);
    expect(json.Server.Components[0].Name).toBe("Engine");
    expect(await sim.exec("docker version --format '{{.Nope'")).toMatchObject({ stderr: "template parsing error: template: :1: unclosed action\n", exitCode: 64 });
  });
});
