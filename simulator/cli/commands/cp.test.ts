import { describe, expect, it } from "vitest";
import { testSimulator } from "../../../tests/unit/helpers.ts";

describe("docker cp", () => {
  it("copies a file out of a container into the working folder", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run -d --name web nginx:alpine");
    expect(await sim.exec("docker cp web:/etc/nginx/conf.d/default.conf .")).toMatchObject({ stdout: "", stderr: "", exitCode: 0 });
    expect((await sim.exec("grep -c listen default.conf")).stdout).not.toBe("0\n");
    await sim.exec("docker cp web:/etc/hostname myhost");
    expect((await sim.exec("cat myhost")).stdout).toMatch(/^[0-9a-f]{12}\n$/);
  });

  it("copies a folder's contents in with /. and the folder itself without", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run -d --name web nginx:alpine");
    await sim.exec("mkdir site && echo '<h1>hi from cp</h1>' > site/index.html");
    expect((await sim.exec("docker cp site/. web:/usr/share/nginx/html")).exitCode).toBe(0);
    expect((await sim.exec("docker exec web cat /usr/share/nginx/html/index.html")).stdout).toBe("<h1>hi from cp</h1>\n");
    expect((await sim.exec("curl -s localhost:80 || docker exec web cat /usr/share/nginx/html/index.html")).stdout).toContain("hi from cp");
    await sim.exec("docker cp site web:/tmp");
    expect((await sim.exec("docker exec web ls /tmp/site")).stdout).toBe("index.html\n");
    await sim.exec("docker cp web:/tmp/site ./copied");
    expect((await sim.exec("cat copied/index.html")).stdout).toBe("<h1>hi from cp</h1>\n");
  });

  it("works on a stopped container, and the container sees what was copied in when it starts again", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker create --name box busybox cat /greeting.txt");
    await sim.exec("echo hello > greeting.txt");
    expect((await sim.exec("docker cp greeting.txt box:/")).exitCode).toBe(0);
    expect((await sim.exec("docker start -a box")).stdout).toBe("hello\n");
  });

  it("prints the summary only on a terminal", async () => {
    const { sim } = testSimulator({ interactive: true });
    await sim.exec("docker run -d --name web busybox sleep 600");
    await sim.exec("echo 0123456789 > ten.txt");
    const r = await sim.exec("docker cp ten.txt web:/tmp/ten.txt");
    expect(r.stderr).toBe("Successfully copied 11B (transferred 2.05kB) to web:/tmp/ten.txt\n");
    expect((await sim.exec("docker cp -q web:/tmp/ten.txt back.txt")).stderr).toBe("");
  });

  it("reports docker's errors", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run -d --name web busybox sleep 600");
    await sim.exec("mkdir dir && echo x > dir/x");
    const cases: [string, string][] = [
      ["docker cp web:/nope .", "Error response from daemon: Could not find the file /nope in container web\n"],
      ["docker cp nope:/etc/hosts .", "Error response from daemon: No such container: nope\n"],
      ["docker cp web:/etc/hosts /nonexistent/dir/x", 'invalid output path: directory "/nonexistent/dir" does not exist\n'],
      ["docker cp dir web:/etc/hosts", "cannot copy directory\n"],
      ["docker cp dir/x web:/newdir/", "no such directory\n"],
      ["docker cp a b", "must specify at least one container source\n"],
      ["docker cp web:/a other:/b", "copying between containers is not supported\n"],
    ];
    for (const [line, stderr] of cases) expect(await sim.exec(line), line).toMatchObject({ stderr, exitCode: 1 });
    const missing = await sim.exec("docker cp missing.txt web:/tmp");
    expect(missing).toMatchObject({ exitCode: 1 });
    expect(missing.stderr).toMatch(/^lstat \/.+\/missing\.txt: no such file or directory\n$/);
  });
});
