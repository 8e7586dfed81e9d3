import { describe, expect, it } from "vitest";
import { composeScene, events } from "./compose-helpers.ts";

const APP = `services:
  web:
    image: nginx
    ports:
      - "8080:80"
    depends_on: [cache]
  cache:
    image: redis
`;

async function upApp(text = APP) {
  const scene = await composeScene(text);
  expect((await scene.sim.exec("docker compose up -d")).exitCode).toBe(0);
  return scene;
}

describe("docker compose ps", () => {
  it("lists running containers, -a all of them, -q IDs, --services names", async () => {
    const scene = await upApp();
    const { sim } = scene;
    await scene.run("docker stop shop-cache-1");
    const ps = await sim.exec("docker compose ps");
    expect(ps.stdout).toMatch(/^NAME\s+IMAGE\s+COMMAND\s+SERVICE\s+CREATED\s+STATUS\s+PORTS\nshop-web-1\s+nginx\s+"\/docker-entrypoint\.…"\s+web\s+/);
    expect(ps.stdout).not.toContain("shop-cache-1");
    expect((await sim.exec("docker compose ps -a --format '{{.Name}} {{.Service}} {{.State}}'")).stdout).toBe("shop-cache-1 cache exited\nshop-web-1 web running\n");
    expect((await sim.exec("docker compose ps -q")).stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect((await sim.exec("docker compose ps -a --services")).stdout).toBe("cache\nweb\n");
    expect((await sim.exec("docker compose ps --status exited --format '{{.Name}}'")).stdout).toBe("shop-cache-1\n");
    const json = JSON.parse((await sim.exec("docker compose ps --format json web")).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ Name: "shop-web-1", Service: "web", Project: "shop", State: "running", Image: "nginx", Networks: "shop_default", Publishers: [{ URL: "0.0.0.0", TargetPort: 80, PublishedPort: 8080, Protocol: "tcp" }, { URL: "::", TargetPort: 80, PublishedPort: 8080, Protocol: "tcp" }] });
    expect(await sim.exec("docker compose ps --status bogus")).toMatchObject({ exitCode: 1, stderr: "invalid filter 'status=bogus'\n" });
  });

  it("ls lists projects with their states and files; images and top show what they run", async () => {
    const scene = await upApp();
    const { sim } = scene;
    await scene.run("docker stop shop-cache-1");
    expect((await sim.exec("docker compose ls")).stdout).toBe("NAME      STATUS                  CONFIG FILES\nshop      exited(1), running(1)   /home/learner/shop/compose.yaml\n");
    expect(JSON.parse((await sim.exec("docker compose ls --format json")).stdout)).toEqual([{ Name: "shop", Status: "exited(1), running(1)", ConfigFiles: "/home/learner/shop/compose.yaml" }]);
    const images = await sim.exec("docker compose images");
    expect(images.stdout.split("\n")[0]).toMatch(/^CONTAINER\s+REPOSITORY\s+TAG\s+PLATFORM\s+IMAGE ID\s+SIZE\s+CREATED$/);
    expect(images.stdout).toMatch(/shop-web-1\s+nginx\s+latest\s+linux\/amd64\s+[0-9a-f]{12}\s+\d+MB/);
    const top = await sim.exec("docker compose top");
    expect(top.stdout).toMatch(/^shop-web-1\nUID\s+PID\s+PPID\s+C\s+STIME\s+TTY\s+TIME\s+CMD\nroot\s+\d+/);
    await scene.run("docker compose stop");
    expect((await sim.exec("docker compose ls")).stdout).toBe("NAME      STATUS    CONFIG FILES\n");
    expect((await sim.exec("docker compose ls -a -q")).stdout).toBe("shop\n");
  });
});

describe("docker compose stop, start, restart, kill, pause, rm", () => {
  it("stops dependents first and starts dependencies first", async () => {
    const scene = await upApp();
    const stop = await scene.run("docker compose stop");
    expect(events(stop.stderr)).toEqual(["Container shop-web-1 Stopping", "Container shop-web-1 Stopped", "Container shop-cache-1 Stopping", "Container shop-cache-1 Stopped"]);
    const start = await scene.sim.exec("docker compose start");
    expect(events(start.stderr)).toEqual(["Container shop-cache-1 Starting", "Container shop-cache-1 Started", "Container shop-web-1 Starting", "Container shop-web-1 Started"]);
    const restart = await scene.run("docker compose restart web");
    expect(events(restart.stderr)).toEqual(["Container shop-web-1 Restarting", "Container shop-web-1 Started"]);
  });

  it("kill sends a signal; pause and unpause; rm removes stopped containers", async () => {
    const scene = await upApp();
    const { sim } = scene;
    expect(events((await sim.exec("docker compose pause web")).stderr)).toEqual(["Container shop-web-1 Pausing", "Container shop-web-1 Paused"]);
    expect((await sim.exec("docker compose ps --format '{{.Status}}' web")).stdout).toContain("(Paused)");
    await sim.exec("docker compose unpause web");
    const kill = await sim.exec("docker compose kill cache");
    expect(events(kill.stderr)).toEqual(["Container shop-cache-1 Killing", "Container shop-cache-1 Killed"]);
    expect((await sim.exec("docker inspect -f '{{.State.ExitCode}}' shop-cache-1")).stdout).toBe("137\n");
    expect(await sim.exec("docker compose kill cache")).toMatchObject({ exitCode: 1, stderr: "no container to kill\n" });
    expect(await sim.exec("docker compose rm cache")).toMatchObject({ exitCode: 0, stdout: "Going to remove shop-cache-1\n? Are you sure? (y/N) \n" });
    expect(await sim.exec("echo n | docker compose rm cache")).toMatchObject({ exitCode: 0, stdout: "Going to remove shop-cache-1\n? Are you sure? (y/N) " });
    expect(events((await sim.exec("docker compose rm -f")).stderr)).toEqual(["Container shop-cache-1 Removing", "Container shop-cache-1 Removed"]);
    expect((await sim.exec("docker compose rm -f")).stderr).toBe("No stopped containers\n");
    const stopped = await scene.run("docker compose rm -sf web");
    expect(events(stopped.stderr)).toEqual(["Container shop-web-1 Stopping", "Container shop-web-1 Stopped", "Container shop-web-1 Removing", "Container shop-web-1 Removed"]);
    expect((await sim.exec("docker ps -aq")).stdout).toBe("");
  });
});

describe("docker compose exec and run", () => {
  it("exec runs a command in the service's container and returns its exit code", async () => {
    const scene = await upApp();
    const { sim } = scene;
    expect(await sim.exec("docker compose exec web cat /etc/hostname")).toMatchObject({ exitCode: 0, stdout: expect.stringMatching(/^[0-9a-f]{12}\n$/) });
    expect(await sim.exec("docker compose exec -T cache sh -c 'exit 3'")).toMatchObject({ exitCode: 3 });
    expect(await sim.exec("docker compose exec -e X=1 web printenv X")).toMatchObject({ stdout: "1\n" });
    await scene.run("docker compose stop cache");
    expect(await sim.exec("docker compose exec cache redis-cli ping")).toMatchObject({ exitCode: 1, stderr: 'service "cache" is not running\n' });
    expect(await sim.exec("docker compose exec web")).toMatchObject({ exitCode: 1 });
  });

  it("run starts dependencies, then a one-off container named <project>-<service>-run-<id>", async () => {
    const scene = await composeScene(APP);
    const { sim } = scene;
    const r = await scene.run("docker compose run --rm -e GREETING=hi web sh -c 'echo $GREETING from run'");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe("hi from run\n");
    expect(events(r.stderr)).toEqual(expect.arrayContaining(["Container shop-cache-1 Created", "Container shop-cache-1 Started"]));
    expect((await sim.exec("docker ps -a --format '{{.Names}}'")).stdout).toBe("shop-cache-1\n");

    const kept = await scene.run("docker compose run web sh -c 'exit 2'");
    expect(kept.exitCode).toBe(2);
    const oneOff = (await sim.exec("docker ps -a --filter label=com.docker.compose.oneoff=True --format '{{.Names}}'")).stdout;
    expect(oneOff).toMatch(/^shop-web-run-[0-9a-f]{12}\n$/);
    // A one-off container does not publish the service's ports (unless --service-ports).
    expect((await sim.exec(`docker ps -a --filter name=${oneOff.trim()} --format '{{.Label "com.docker.compose.service"}} [{{.Ports}}]'`)).stdout).toBe("web [80/tcp]\n");
    expect((await sim.exec("docker compose run -d --name job --no-deps web sleep 60")).stdout).toBe("job\n");
    // down removes one-off containers too.
    await scene.run("docker compose down");
    expect((await sim.exec("docker ps -aq")).stdout).toBe("");
  });
});

describe("docker compose pull, build, down --rmi", () => {
  it("pulls service images and builds build: sections", async () => {
    const scene = await composeScene(`services:\n  web:\n    image: nginx\n  app:\n    build:\n      context: ./app\n      args:\n        MSG: built\n`);
    const { sim } = scene;
    await sim.exec("mkdir app && printf 'FROM busybox\\nARG MSG\\nRUN echo $MSG > /msg\\nCMD [\"cat\", \"/msg\"]\\n' > app/Dockerfile");
    expect(await sim.exec("docker compose pull")).toMatchObject({ exitCode: 0, stderr: " Image nginx Pulling \n Image nginx Pulled \n" });
    expect(await sim.exec("docker compose build")).toMatchObject({ exitCode: 0, stderr: " Image shop-app Building \n Image shop-app Built \n" });
    expect((await sim.exec("docker run --rm shop-app")).stdout).toBe("built\n");
    await sim.exec("printf 'FROM busybox\\nRUN false\\n' > app/Dockerfile");
    const failed = await sim.exec("docker compose build --no-cache");
    expect(failed.exitCode).toBe(1);
    expect(failed.stderr).toContain("failed to solve");
  });

  it("down --rmi local removes the images compose built; a second down finds nothing", async () => {
    const scene = await composeScene(`services:\n  app:\n    build: .\n    command: sleep 60\n`);
    const { sim } = scene;
    await sim.exec("printf 'FROM busybox\\n' > Dockerfile");
    await sim.exec("docker compose up -d");
    const down = await scene.run("docker compose down --rmi local");
    expect(events(down.stderr)).toEqual(expect.arrayContaining(["Image shop-app Removing", "Image shop-app Removed", "Network shop_default Removed"]));
    expect((await sim.exec("docker images -q shop-app")).stdout).toBe("");
    expect((await sim.exec("docker compose down")).stderr).toBe('WARN[0000] No resource found to remove for project "shop".\n');
    expect(await sim.exec("docker compose down --rmi some")).toMatchObject({ exitCode: 1, stderr: "invalid value for --rmi: some\n" });
  });
});

describe("docker compose errors", () => {
  it("prints Compose's messages for bad flags, services and files", async () => {
    const scene = await composeScene(APP);
    const { sim } = scene;
    expect(await sim.exec("docker compose up --bogus")).toMatchObject({ exitCode: 1, stderr: "unknown flag: --bogus\n" });
    expect(await sim.exec("docker compose stop nope")).toMatchObject({ exitCode: 1, stderr: "no such service: nope\n" });
    expect((await sim.exec("docker compose up --help")).stdout).toContain("Usage:  docker compose up [OPTIONS] [SERVICE...]");
    expect((await sim.exec("docker compose --help")).stdout).toMatch(/\n {2}up {7}Create and start containers\n/);
    await sim.exec("cd /tmp");
    expect(await sim.exec("docker compose ps")).toMatchObject({ exitCode: 1, stderr: "no configuration file provided: not found\n" });
  });
});

describe("docker compose on a terminal", () => {
  it("exec opens a shell in the service's container; run -it gives a one-off shell", async () => {
    const scene = await composeScene(`services:\n  box:\n    image: busybox\n    command: sleep 600\n`, { interactive: true });
    const { sim } = scene;
    await sim.exec("docker compose up -d");
    await sim.exec("docker compose exec box sh");
    expect(sim.prompt()).toBe("/ # ");
    await sim.exec("echo hi > /tmp/x");
    await sim.exec("exit");
    expect(sim.prompt()).toBe("learner@dockyard:~/shop$ ");
    expect((await sim.exec("docker compose exec -T box cat /tmp/x")).stdout).toBe("hi\n");

    await sim.exec("docker compose run --rm box sh");
    expect(sim.prompt()).toBe("/ # ");
    expect((await sim.exec("cat /tmp/x")).stderr).toContain("No such file or directory");
    await sim.exec("exit");
    expect(sim.prompt()).toBe("learner@dockyard:~/shop$ ");
  });
});

describe("docker compose -p without a compose file", () => {
  it("finds the project by its labels for ps, logs and down", async () => {
    const scene = await composeScene(`services:\n  web:\n    image: nginx\n`);
    const { sim } = scene;
    await sim.exec("docker compose up -d");
    await sim.exec("cd /tmp");
    expect((await sim.exec("docker compose -p shop ps --format '{{.Name}} {{.Service}}'")).stdout).toBe("shop-web-1 web\n");
    expect(await sim.exec("docker compose -p shop up -d")).toMatchObject({ exitCode: 1, stderr: "no configuration file provided: not found\n" });
    const down = await scene.run("docker compose -p shop down");
    expect(events(down.stderr)).toEqual(["Container shop-web-1 Stopping", "Container shop-web-1 Stopped", "Container shop-web-1 Removing", "Container shop-web-1 Removed", "Network shop_default Removing", "Network shop_default Removed"]);
  });
});
