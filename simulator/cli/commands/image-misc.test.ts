import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { testSimulator } from "../../../tests/unit/helpers.ts";

const golden = (path: string) => new URL(`../../../../shared/oracles/docker-cli-golden/cli/command/${path}`, import.meta.url);

describe("docker tag and rmi", () => {
  it("tags an image under a second name and untags it again", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker pull busybox");
    expect((await sim.exec("docker tag busybox myorg/box:1.0")).exitCode).toBe(0);
    expect((await sim.exec("docker images --format '{{.Repository}}:{{.Tag}}'")).stdout).toBe("busybox:latest\nmyorg/box:1.0\n");
    expect((await sim.exec("docker rmi myorg/box:1.0")).stdout).toBe("Untagged: myorg/box:1.0\n");
  });

  it("deletes an image and its repo digest, then reports it missing", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker pull hello-world");
    const r = await sim.exec("docker rmi hello-world");
    expect(r.stdout).toMatch(/^Untagged: hello-world:latest\nUntagged: hello-world@sha256:[0-9a-f]{64}\nDeleted: sha256:[0-9a-f]{64}\n$/);
    const again = await sim.exec("docker rmi hello-world");
    expect(again).toMatchObject({ exitCode: 1, stderr: "Error response from daemon: No such image: hello-world:latest\n" });
  });

  it("refuses to remove an image a container uses, unless forced", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run --name used hello-world");
    const r = await sim.exec("docker rmi hello-world");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^Error response from daemon: conflict: unable to remove repository reference "hello-world" \(must force\) - container [0-9a-f]{12} is using its referenced image [0-9a-f]{12}\n$/);
    expect((await sim.exec("docker rmi -f hello-world")).stdout).toMatch(/^Untagged: hello-world:latest\n/);
  });

  it("rejects an invalid target name", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker pull busybox");
    expect((await sim.exec("docker tag busybox 'Bad Name'")).stderr).toBe('Error parsing reference: "Bad Name" is not a valid repository/tag: invalid reference format: repository name (library/Bad Name) must be lowercase\n');
    expect((await sim.exec("docker tag nosuch x")).stderr).toBe("Error response from daemon: No such image: nosuch:latest\n");
  });
});

describe("docker history, search and image prune", () => {
  it("lists an image's steps newest first, metadata steps included", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker pull hello-world");
    const r = await sim.exec("docker history hello-world");
    expect(r.stdout).toMatch(/^IMAGE {10}CREATED {9}CREATED BY {16}SIZE {6}COMMENT\n[0-9a-f]{12}   15 months ago   CMD \["\/hello"\] {12}0B        buildkit\.dockerfile\.v0\n<missing>      15 months ago   COPY hello \/ # buildkit   13\.3kB    buildkit\.dockerfile\.v0\n$/);
  });

  it("shows a legacy-built image's CMD as the legacy builder wrote it, and keeps the base's times after a commit", async () => {
    const { sim, clock } = testSimulator();
    await sim.exec("docker pull -q ubuntu");
    await sim.exec("docker run --name box ubuntu bash -c 'echo hi > /f'");
    clock.increment(120_000);
    await sim.exec("docker commit box mine");
    const lines = (await sim.exec("docker history --format '{{.CreatedSince}}|{{.CreatedBy}}|{{.Size}}' mine")).stdout.split("\n");
    expect(lines[0]).toBe("Less than a second ago|bash -c echo hi > /f|3B");
    expect(lines[1]).toMatch(/^\d+ months ago\|\/bin\/sh -c #\(nop\)  CMD \["\/bin\/bash"\]\|0B$/);
    expect(lines[2]).toMatch(/^\d+ months ago\|\/bin\/sh -c #\(nop\) ADD file:/);
  });

  it("searches the simulated Docker Hub", async () => {
    const { sim } = testSimulator();
    const r = await sim.exec("docker search busybox");
    expect(r.stdout.split("\n")[0]).toMatch(/^NAME +DESCRIPTION +STARS +OFFICIAL$/);
    expect(r.stdout).toMatch(/\nbusybox +Busybox base image\. +\d+ +\[OK\]\n/);
    expect((await sim.exec("docker search --format '{{.Name}}' --limit 1 ubuntu")).stdout).toBe("ubuntu\n");
  });

  it("asks before pruning and prunes with -f", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker pull hello-world");
    expect((await sim.exec("docker image prune -a")).stdout).toBe("WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue? [y/N] \n");
    const r = await sim.exec("docker image prune -a -f");
    expect(r.stdout).toMatch(/^Deleted Images:\nuntagged: hello-world:latest\ndeleted: sha256:[0-9a-f]{64}\n\nTotal reclaimed space: 13\.26kB\n$/);
  });
});

describe("docker inspect", () => {
  it("prints containers and images as indented JSON arrays", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run --name web -e GREETING=hi busybox true");
    const r = await sim.exec("docker inspect web");
    const [c] = JSON.parse(r.stdout);
    expect(c.Name).toBe("/web");
    expect(c.Config.Env).toContain("GREETING=hi");
    expect(r.stdout.split("\n")[1]).toBe("    {");
    expect(JSON.parse((await sim.exec("docker image inspect busybox")).stdout)[0].Config.Cmd).toEqual(["sh"]);
  });

  it("reports objects that do not exist", async () => {
    const { sim } = testSimulator();
    expect(await sim.exec("docker inspect nosuch")).toMatchObject({ exitCode: 1, stdout: "[]\n", stderr: "Error: No such object: nosuch\n" });
    expect((await sim.exec("docker container inspect nosuch")).stderr).toBe("Error response from daemon: No such container: nosuch\n");
  });

  it("formats with Go templates", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run --name tpl -l k=v busybox echo hi");
    expect((await sim.exec(`docker inspect -f '{{json .Config.Cmd}} {{index .Config.Labels "k"}} {{.State.ExitCode}}' tpl`)).stdout).toBe('["echo","hi"] v 0\n');
    expect((await sim.exec("docker inspect -f '{{.Nope' tpl")).stderr).toMatch(/^template parsing error: template: :1: /);
  });
});

describe("list formats against docker/cli golden files", () => {
  it.skipIf(!existsSync(golden("container/testdata/container-list-format-with-arg.golden")))("{{.Label}} takes an argument", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run -d --name c1 -l some.label=value busybox sleep 60");
    await sim.exec("docker run -d --name c2 -l foo=bar busybox sleep 60");
    const r = await sim.exec(`docker ps --format '{{.Names}} {{.Label "some.label"}}'`);
    expect(r.stdout.split("\n").sort().join("\n")).toBe(readFileSync(golden("container/testdata/container-list-format-with-arg.golden"), "utf8").split("\n").sort().join("\n"));
  });

  it.skipIf(!existsSync(golden("registry/testdata/search-context-write-table.golden")))("search's table has docker's columns", async () => {
    const header = readFileSync(golden("registry/testdata/search-context-write-table.golden"), "utf8").split("\n")[0]!.split(/\s+/);
    const { sim } = testSimulator();
    expect((await sim.exec("docker search nginx")).stdout.split("\n")[0]!.split(/\s+/)).toEqual(header);
  });
});

describe("docker system", () => {
  it("shows disk usage and info", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run hello-world");
    const df = await sim.exec("docker system df");
    expect(df.stdout).toMatch(/^TYPE {12}TOTAL {5}ACTIVE {4}SIZE {6}RECLAIMABLE\nImages {10}1 {9}1 {9}13\.3kB {4}0B \(0%\)\nContainers {6}1 {9}0 {9}0B {8}0B\n/);
    const info = await sim.exec("docker info");
    expect(info.stdout).toContain("Server:\n Containers: 1\n  Running: 0\n  Paused: 0\n  Stopped: 1\n Images: 1\n Server Version: 29.");
  });
});

describe("docker search and pull --all-tags", () => {
  it("lists official and community repositories", async () => {
    const { sim } = testSimulator();
    const r = await sim.exec("docker search --format '{{.Name}} {{.IsOfficial}}' nginx");
    expect(r.stdout).toContain("nginx [OK]\n");
    expect(r.stdout).toContain("bitnami/nginx \n");
    expect((await sim.exec("docker search --filter is-official=false --format '{{.Name}}' redis")).stdout).toBe("bitnami/redis\n");
  });

  it("pulls every tag of a repository with -a", async () => {
    const { sim } = testSimulator();
    const r = await sim.exec("docker pull -a hello-world");
    expect(r.stdout).toMatch(/^latest: Pulling from library\/hello-world\n/);
    expect(r.stdout).toMatch(/\nlinux: Pulling from library\/hello-world\n[0-9a-f]{12}: Already exists\n/);
    expect(r.stdout).toMatch(/\ndocker\.io\/library\/hello-world\n$/);
    expect((await sim.exec("docker pull -a hello-world:latest")).stderr).toBe("tag can't be used with --all-tags/-a\n");
  });
});
