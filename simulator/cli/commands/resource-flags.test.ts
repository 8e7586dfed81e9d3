import { describe, expect, it } from "vitest";
import { testSimulator } from "../../../tests/unit/helpers.ts";
import { goDurationNs, ramInBytes } from "./resource-flags.ts";

describe("docker run limits and runtime options", () => {
  it("parse sizes and durations as the CLI does", () => {
    expect(ramInBytes("256m")).toBe(268435456);
    expect(ramInBytes("1g")).toBe(1073741824);
    expect(ramInBytes("1.5GiB")).toBe(1610612736);
    expect(ramInBytes("1024")).toBe(1024);
    expect(() => ramInBytes("abc")).toThrow("invalid size: 'abc'");
    expect(goDurationNs("1m30s")).toBe(90e9);
    expect(goDurationNs("500ms")).toBe(5e8);
    expect(() => goDurationNs("5 seconds")).toThrow('time: invalid duration "5 seconds"');
  });

  it("carries limits into inspect and makes --read-only refuse writes", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run -d --name lim -m 256m --cpus 0.5 --pids-limit 100 --read-only --privileged busybox sleep 600");
    const r = await sim.exec("docker inspect -f '{{.HostConfig.Memory}} {{.HostConfig.NanoCpus}} {{.HostConfig.PidsLimit}} {{.HostConfig.ReadonlyRootfs}} {{.HostConfig.Privileged}}' lim");
    expect(r.stdout).toBe("268435456 500000000 100 true true\n");
    expect(await sim.exec("docker exec lim sh -c 'echo x > /x'")).toMatchObject({ stderr: "sh: can't create /x: Read-only file system\n", exitCode: 1 });
    await sim.exec("docker run -d --name plain busybox sleep 600");
    expect((await sim.exec("docker inspect -f '{{.HostConfig.Memory}} {{.HostConfig.ReadonlyRootfs}}' plain")).stdout).toBe("0 false\n");
  });

  it("writes --add-host and --dns into the container's files", async () => {
    const { sim } = testSimulator();
    expect((await sim.exec("docker run --rm --add-host db.local:10.0.0.5 busybox grep db.local /etc/hosts")).stdout).toBe("10.0.0.5\tdb.local\n");
    expect((await sim.exec("docker run --rm --dns 1.1.1.1 busybox cat /etc/resolv.conf")).stdout).toBe("nameserver 1.1.1.1\n");
  });

  it("stops with --stop-signal and --stop-timeout", async () => {
    const { sim, clock } = testSimulator();
    await sim.exec("docker run -d --name quick --stop-timeout 1 busybox sleep 600");
    let done = false;
    const stopping = sim.exec("docker stop quick");
    void stopping.then(() => (done = true));
    for (let i = 0; i < 20 && !done; i++) {
      clock.increment(200);
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(done).toBe(true);
    expect((await sim.exec("docker inspect -f '{{.Config.StopTimeout}} {{.State.ExitCode}}' quick")).stdout).toBe("1 137\n");
  });

  it("builds a healthcheck from --health-* flags", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run -d --name hc --health-cmd 'true' --health-interval 2s --health-retries 2 busybox sleep 600");
    expect((await sim.exec("docker inspect -f '{{json .Config.Healthcheck}}' hc")).stdout).toBe('{"Interval":2000000000,"Retries":2,"Test":["CMD-SHELL","true"]}\n');
  });

  it("rejects bad values with the CLI's and the daemon's texts", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker pull busybox");
    const usage = "\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n";
    expect(await sim.exec("docker run --rm -m abc busybox true")).toMatchObject({ stderr: `invalid argument "abc" for "-m, --memory" flag: invalid size: 'abc'${usage}`, exitCode: 125 });
    expect(await sim.exec("docker run --rm --cpus x busybox true")).toMatchObject({ stderr: `invalid argument "x" for "--cpus" flag: failed to parse x as a rational number${usage}`, exitCode: 125 });
    const hint = "\n\nRun 'docker run --help' for more information\n";
    expect(await sim.exec("docker run --rm -m 1m busybox true")).toMatchObject({ stderr: `docker: Error response from daemon: Minimum memory limit allowed is 6MB${hint}`, exitCode: 125 });
    expect(await sim.exec("docker run --rm --cpus 4 busybox true")).toMatchObject({ stderr: `docker: Error response from daemon: Range of CPUs is from 0.01 to 2.00, as there are only 2 CPUs available${hint}`, exitCode: 125 });
    expect(await sim.exec("docker run --rm --no-healthcheck --health-cmd true busybox true")).toMatchObject({ stderr: `docker: --no-healthcheck conflicts with --health-* options${hint}`, exitCode: 125 });
  });
});
