import { describe, expect, it } from "vitest";
import { testSimulator } from "../../../tests/unit/helpers.ts";

describe("volumes", () => {
  it("keep data after the container that wrote it is removed", async () => {
    const { sim } = testSimulator();
    expect((await sim.exec("docker volume create notes")).stdout).toBe("notes\n");
    await sim.exec("docker run --name writer -v notes:/data busybox sh -c 'echo kept > /data/file'");
    await sim.exec("docker rm writer");
    expect((await sim.exec("docker run --rm -v notes:/data busybox cat /data/file")).stdout).toBe("kept\n");
    expect((await sim.exec("docker volume ls")).stdout).toBe("DRIVER    VOLUME NAME\nlocal     notes\n");
  });

  it("while a container's own layer goes with it", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run --name temp busybox sh -c 'echo lost > /file'");
    await sim.exec("docker rm temp");
    expect((await sim.exec("docker run --rm busybox cat /file")).stderr).toContain("No such file or directory");
  });

  it("fills a new volume with what the image has at the mount point", async () => {
    const { sim } = testSimulator();
    expect((await sim.exec("docker run --rm -v html:/usr/share/nginx/html nginx ls /usr/share/nginx/html")).stdout).toBe("50x.html\nindex.html\n");
  });

  it("refuses to remove a volume in use, and inspects as Docker does", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run -d --name user -v busy:/data busybox sleep 600");
    const r = await sim.exec("docker volume rm busy");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^Error response from daemon: remove busy: volume is in use - \[[0-9a-f]{64}\]\n$/);
    const [info] = JSON.parse((await sim.exec("docker volume inspect busy")).stdout);
    expect(info).toEqual({ CreatedAt: "2026-11-28T12:00:00Z", Driver: "local", Labels: null, Mountpoint: "/var/lib/docker/volumes/busy/_data", Name: "busy", Options: null, Scope: "local" });
    expect((await sim.exec("docker volume inspect nope")).stderr).toBe("Error response from daemon: get nope: no such volume\n");
  });

  it("makes anonymous volumes for an image's VOLUMEs, removed with rm -v", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run -d --name db -e MYSQL_ROOT_PASSWORD=secret mysql:8.0");
    expect((await sim.exec("docker volume ls -q")).stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect((await sim.exec("docker inspect -f '{{range .Mounts}}{{.Type}} {{.Destination}}{{end}}' db")).stdout).toBe("volume /var/lib/mysql\n");
    await sim.exec("docker rm -fv db");
    expect((await sim.exec("docker volume ls -q")).stdout).toBe("");
  });

  it("bind-mounts host directories both ways, and :ro refuses writes", async () => {
    const { sim } = testSimulator();
    await sim.exec("mkdir shared && echo from-host > shared/in.txt");
    await sim.exec("docker run --rm -v ./shared:/work busybox sh -c 'cat /work/in.txt; echo from-container > /work/out.txt'");
    expect((await sim.exec("cat shared/out.txt")).stdout).toBe("from-container\n");
    const ro = await sim.exec("docker run --rm -v $PWD/shared:/work:ro busybox sh -c 'echo x > /work/new'");
    expect(ro.exitCode).not.toBe(0);
    expect(ro.stderr).toContain("Read-only file system");
    expect((await sim.exec("docker run --rm --mount type=bind,source=./shared,target=/w,readonly busybox cat /w/in.txt")).stdout).toBe("from-host\n");
    expect((await sim.exec("docker run --rm --mount type=bind,source=/nope,target=/w busybox true")).stderr).toContain('invalid mount config for type "bind": bind source path does not exist: /nope');
  });

  it("prunes unused volumes", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker volume create keepme");
    await sim.exec("docker run --name anon -v /data busybox true");
    await sim.exec("docker rm anon");
    expect((await sim.exec("docker volume prune -f")).stdout).toMatch(/^Deleted Volumes:\n[0-9a-f]{64}\n\nTotal reclaimed space: 0B\n$/);
    expect((await sim.exec("docker volume prune -a -f")).stdout).toBe("Deleted Volumes:\nkeepme\n\nTotal reclaimed space: 0B\n");
  });
});

describe("published ports", () => {
  it("publishes, shows and reaches a port; a second binding fails as Docker reports it", async () => {
    const { sim } = testSimulator();
    await sim.exec("mkdir site && echo '<h1>mine</h1>' > site/index.html");
    await sim.exec("docker run -d --name web -p 8080:80 -v ./site:/usr/share/nginx/html nginx");
    expect((await sim.exec("docker ps --format '{{.Ports}}'")).stdout).toBe("0.0.0.0:8080->80/tcp, [::]:8080->80/tcp\n");
    expect((await sim.exec("docker port web")).stdout).toBe("80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n");
    expect((await sim.exec("docker port web 80/tcp")).stdout).toBe("0.0.0.0:8080\n[::]:8080\n");
    expect((await sim.exec("curl -s localhost:8080")).stdout).toBe("<h1>mine</h1>\n");
    const clash = await sim.exec("docker run -d --name web2 -p 8080:80 nginx");
    expect(clash.exitCode).toBe(125);
    expect(clash.stderr).toMatch(/^docker: Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint web2 \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated\n/);
    await sim.exec("docker stop web");
    expect((await sim.exec("curl localhost:8080")).stderr).toBe("curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server\n");
  });

  it("publishes exposed ports on ephemeral host ports with -P", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run -d --name any -P httpd");
    expect((await sim.exec("docker port any")).stdout).toBe("80/tcp -> 0.0.0.0:32768\n80/tcp -> [::]:32768\n");
    expect((await sim.exec("curl -s localhost:32768")).stdout).toBe("<html><body><h1>It works!</h1></body></html>\n");
  });

  it("binds to one address with -p ip:host:container, and UDP ports", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run -d --name local -p 127.0.0.1:8081:80 -p 5353:53/udp nginx");
    expect((await sim.exec("docker ps --format '{{.Ports}}'")).stdout).toBe("0.0.0.0:5353->53/udp, [::]:5353->53/udp, 127.0.0.1:8081->80/tcp\n");
    expect((await sim.exec("docker port local 80")).stdout).toBe("127.0.0.1:8081\n");
    expect((await sim.exec("curl -s 127.0.0.1:8081")).stdout).toContain("Welcome to nginx!");
  });

  it("rejects malformed port specifications", async () => {
    const { sim } = testSimulator();
    expect((await sim.exec("docker run -p abc busybox true")).stderr).toBe("docker: invalid containerPort: abc\n\nRun 'docker run --help' for more information\n");
  });

  it("answers nothing when the container has no server on the port", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run -d -p 9000:80 busybox sleep 600");
    expect((await sim.exec("curl localhost:9000")).stderr).toBe("curl: (56) Recv failure: Connection reset by peer\n");
    expect((await sim.exec("wget -qO- localhost:9999")).exitCode).toBe(4);
  });
});
