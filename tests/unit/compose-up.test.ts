import { describe, expect, it } from "vitest";
import { composeScene, events } from "./compose-helpers.ts";

const APP = `services:
  web:
    image: nginx
    ports:
      - "8080:80"
    depends_on:
      - cache
    environment:
      MODE: prod
  cache:
    image: redis
    volumes:
      - data:/data
volumes:
  data:
`;

describe("docker compose up", () => {
  it("pulls, creates the network and volumes, then starts services in dependency order", async () => {
    const { sim } = await composeScene(APP);
    const r = await sim.exec("docker compose up -d");
    expect(r).toMatchObject({ exitCode: 0, stdout: "" });
    expect(r.stderr).toBe([
      " Image redis Pulling ", " Image redis Pulled ", " Image nginx Pulling ", " Image nginx Pulled ",
      " Network shop_default Creating ", " Network shop_default Created ",
      " Volume shop_data Creating ", " Volume shop_data Created ",
      " Container shop-cache-1 Creating ", " Container shop-cache-1 Created ",
      " Container shop-web-1 Creating ", " Container shop-web-1 Created ",
      " Container shop-cache-1 Starting ", " Container shop-cache-1 Started ",
      " Container shop-web-1 Starting ", " Container shop-web-1 Started ", "",
    ].join("\n"));
    expect((await sim.exec("docker ps --format '{{.Names}} {{.Status}}'")).stdout).toBe("shop-web-1 Up Less than a second\nshop-cache-1 Up Less than a second\n");
    expect((await sim.exec("curl -s localhost:8080")).stdout).toContain("Welcome to nginx!");
  });

  it("labels what it creates as Compose does, and finds it again by those labels", async () => {
    const { sim } = await composeScene(APP);
    await sim.exec("docker compose up -d");
    const labels = JSON.parse((await sim.exec("docker inspect -f '{{json .Config.Labels}}' shop-web-1")).stdout) as Record<string, string>;
    expect(labels).toMatchObject({
      "com.docker.compose.project": "shop",
      "com.docker.compose.service": "web",
      "com.docker.compose.container-number": "1",
      "com.docker.compose.oneoff": "False",
      "com.docker.compose.depends_on": "cache:service_started:false",
      "com.docker.compose.project.working_dir": "/home/learner/shop",
      "com.docker.compose.project.config_files": "/home/learner/shop/compose.yaml",
      "com.docker.compose.version": expect.stringMatching(/^5\.\d+\.\d+$/),
    });
    expect(labels["com.docker.compose.config-hash"]).toMatch(/^[0-9a-f]{64}$/);
    expect(labels["com.docker.compose.image"]).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect((await sim.exec("docker network inspect -f '{{json .Labels}}' shop_default")).stdout).toBe('{"com.docker.compose.network":"default","com.docker.compose.project":"shop","com.docker.compose.version":"5.0.2"}\n');
    expect((await sim.exec("docker volume inspect -f '{{json .Labels}}' shop_data")).stdout).toBe('{"com.docker.compose.project":"shop","com.docker.compose.version":"5.0.2","com.docker.compose.volume":"data"}\n');
  });

  it("leaves unchanged services running and recreates changed ones", async () => {
    const scene = await composeScene(APP);
    const { sim } = scene;
    await sim.exec("docker compose up -d");
    const id = (await sim.exec("docker inspect -f '{{.Id}}' shop-web-1")).stdout;
    expect(events((await sim.exec("docker compose up -d")).stderr)).toEqual(["Container shop-cache-1 Running", "Container shop-web-1 Running"]);
    expect((await sim.exec("docker inspect -f '{{.Id}}' shop-web-1")).stdout).toBe(id);

    await scene.write(APP.replace("MODE: prod", "MODE: dev"));
    const r = await sim.exec("docker compose up -d");
    expect(events(r.stderr)).toEqual(["Container shop-cache-1 Running", "Container shop-web-1 Recreate", "Container shop-web-1 Recreated", "Container shop-web-1 Starting", "Container shop-web-1 Started"]);
    expect((await sim.exec("docker inspect -f '{{.Id}}' shop-web-1")).stdout).not.toBe(id);
    expect((await sim.exec("docker exec shop-web-1 printenv MODE")).stdout).toBe("dev\n");
    expect((await sim.exec("docker ps -a --format '{{.Names}}'")).stdout).toBe("shop-web-1\nshop-cache-1\n");

    expect(events((await sim.exec("docker compose up -d --force-recreate cache")).stderr)).toEqual(["Container shop-cache-1 Recreate", "Container shop-cache-1 Recreated", "Container shop-cache-1 Starting", "Container shop-cache-1 Started"]);
  });

  it("scales services with --scale and deploy.replicas, and starts only what is named with --no-deps", async () => {
    const scene = await composeScene(`services:\n  worker:\n    image: busybox\n    command: sleep 600\n    deploy:\n      replicas: 2\n  api:\n    image: busybox\n    command: sleep 600\n    depends_on: [worker]\n`);
    const { sim } = scene;
    await sim.exec("docker compose up -d");
    expect((await sim.exec("docker ps --format '{{.Names}}'")).stdout.split("\n").sort().join(" ")).toBe(" shop-api-1 shop-worker-1 shop-worker-2");
    const r = await sim.exec("docker compose up -d --scale worker=3 --no-deps worker");
    expect(events(r.stderr)).toEqual(["Container shop-worker-1 Running", "Container shop-worker-2 Running", "Container shop-worker-3 Creating", "Container shop-worker-3 Created", "Container shop-worker-3 Starting", "Container shop-worker-3 Started"]);
    const down = await scene.run("docker compose up -d --scale worker=1");
    expect(events(down.stderr)).toEqual(expect.arrayContaining(["Container shop-worker-3 Removed", "Container shop-worker-2 Removed"]));
    expect((await sim.exec("docker ps --format '{{.Names}}'")).stdout.split("\n").sort().join(" ")).toBe(" shop-api-1 shop-worker-1");
    expect(await sim.exec("docker compose up -d --scale worker")).toMatchObject({ exitCode: 1, stderr: 'invalid --scale option "worker". Should be SERVICE=NUM\n' });
    expect(await sim.exec("docker compose up -d nope")).toMatchObject({ exitCode: 1, stderr: "no such service: nope\n" });
  });

  it("sets command, entrypoint, environment, env_file, ports, expose, restart and networks with aliases", async () => {
    const scene = await composeScene(`services:
  hello:
    image: busybox
    entrypoint: ["/bin/sh", "-c"]
    command: ["echo \\"$$GREETING from $$HOSTNAME, $$FROM_FILE\\""]
    env_file: app.env
    environment:
      GREETING: hello
    hostname: app-host
    networks: [back]
  app:
    image: busybox
    command: sleep 600
    expose: ["9000"]
    restart: unless-stopped
    networks:
      front:
        aliases: [api.local]
      back:
  other:
    image: busybox
    command: sleep 600
    networks: [back]
networks:
  front:
  back:
`);
    const { sim } = scene;
    await sim.exec("printf 'FROM_FILE=yes\\n' > app.env");
    expect((await sim.exec("docker compose up -d")).exitCode).toBe(0);
    await scene.wait(500);
    expect((await sim.exec("docker compose logs hello")).stdout).toBe("hello-1  | hello from app-host, yes\n");
    const inspect = (f: string) => sim.exec(`docker inspect -f '${f}' shop-app-1`).then((r) => r.stdout);
    expect(await inspect("{{.HostConfig.RestartPolicy.Name}} {{json .Config.ExposedPorts}}")).toBe('unless-stopped {"9000/tcp":{}}\n');
    expect(await inspect("{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v.Aliases}} {{end}}")).toBe("shop_back=[shop-app-1 app] shop_front=[shop-app-1 app api.local] \n");
    expect((await sim.exec("docker exec shop-other-1 ping -c 1 app")).exitCode).toBe(0);
    expect((await sim.exec("docker exec shop-other-1 ping -c 1 api.local")).exitCode).toBe(1);
  });

  it("waits for service_healthy and service_completed_successfully dependencies", async () => {
    const scene = await composeScene(`services:
  db:
    image: busybox
    command: sh -c "sleep 3; touch /ready; sleep 600"
    healthcheck:
      test: ["CMD", "test", "-f", "/ready"]
      interval: 1s
      retries: 10
  migrate:
    image: busybox
    command: sh -c "sleep 1; echo migrated"
  app:
    image: busybox
    command: sleep 600
    depends_on:
      db:
        condition: service_healthy
      migrate:
        condition: service_completed_successfully
`);
    const r = await scene.run("docker compose up -d");
    expect(r.exitCode).toBe(0);
    const lines = events(r.stderr);
    expect(lines).toEqual(expect.arrayContaining(["Container shop-db-1 Waiting", "Container shop-db-1 Healthy", "Container shop-migrate-1 Waiting", "Container shop-migrate-1 Exited", "Container shop-app-1 Started"]));
    expect(lines.indexOf("Container shop-db-1 Healthy")).toBeLessThan(lines.indexOf("Container shop-app-1 Starting"));
    expect(lines.indexOf("Container shop-migrate-1 Exited")).toBeLessThan(lines.indexOf("Container shop-app-1 Starting"));
    const ps = await scene.sim.exec("docker compose ps -a --format '{{.Name}}: {{.Status}}'");
    expect(ps.stdout).toMatch(/shop-db-1: Up \d+ seconds \(healthy\)/);
    expect(ps.stdout).toMatch(/shop-migrate-1: Exited \(0\)/);
    expect((await scene.sim.exec("docker inspect -f '{{.State.Health.Status}} {{.State.Health.FailingStreak}}' shop-db-1")).stdout).toBe("healthy 0\n");
  });

  it("fails when a dependency is unhealthy, or exits badly", async () => {
    const scene = await composeScene(`services:
  db:
    image: busybox
    command: sleep 600
    healthcheck:
      test: exit 1
      interval: 1s
      retries: 2
  app:
    image: busybox
    command: sleep 600
    depends_on:
      db:
        condition: service_healthy
`);
    const r = await scene.run("docker compose up -d");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(" Container shop-db-1 Error container shop-db-1 is unhealthy");
    expect(r.stderr.endsWith("dependency failed to start: container shop-db-1 is unhealthy\n")).toBe(true);
    expect((await scene.sim.exec("docker ps -a --format '{{.Names}} {{.State}}'")).stdout).toContain("shop-app-1 created");

    await scene.write(`services:\n  job:\n    image: busybox\n    command: sh -c "exit 3"\n  app:\n    image: busybox\n    command: sleep 600\n    depends_on:\n      job:\n        condition: service_completed_successfully\n`);
    const failed = await scene.run("docker compose up -d --remove-orphans");
    expect(failed.exitCode).toBe(1);
    expect(failed.stderr).toContain('service "job" didn\'t complete successfully: exit 3\n');
  });

  it("--wait returns once every service is running or healthy", async () => {
    const scene = await composeScene(`services:\n  web:\n    image: busybox\n    command: sh -c "sleep 2; touch /ok; sleep 600"\n    healthcheck:\n      test: test -f /ok\n      interval: 1s\n`);
    const r = await scene.run("docker compose up --wait");
    expect(r.exitCode).toBe(0);
    expect(events(r.stderr).slice(-2)).toEqual(["Container shop-web-1 Waiting", "Container shop-web-1 Healthy"]);
  });

  it("builds images for build: sections, and rebuilds with --build", async () => {
    const scene = await composeScene(`services:\n  app:\n    build: .\n    command: cat /motd\n`);
    const { sim } = scene;
    await sim.exec("printf 'FROM busybox\\nRUN echo one > /motd\\n' > Dockerfile");
    const r = await sim.exec("docker compose up -d");
    expect(r.exitCode).toBe(0);
    expect(events(r.stderr).slice(0, 2)).toEqual(["Image shop-app Building", "Image shop-app Built"]);
    expect((await sim.exec("docker images --format '{{.Repository}}:{{.Tag}}' shop-app")).stdout).toBe("shop-app:latest\n");
    await scene.wait(500);
    expect((await sim.exec("docker compose logs --no-log-prefix app")).stdout).toBe("one\n");
    await sim.exec("printf 'FROM busybox\\nRUN echo two > /motd\\n' > Dockerfile");
    expect(events((await sim.exec("docker compose up -d")).stderr)).not.toContain("Image shop-app Building");
    const rebuilt = await sim.exec("docker compose up -d --build");
    expect(events(rebuilt.stderr)).toEqual(expect.arrayContaining(["Image shop-app Built", "Container shop-app-1 Recreated"]));
    await scene.wait(500);
    expect((await sim.exec("docker compose logs --no-log-prefix app")).stdout).toBe("two\n");
  });

  it("warns about orphans and removes them with --remove-orphans", async () => {
    const scene = await composeScene(APP);
    const { sim } = scene;
    await sim.exec("docker compose up -d");
    await scene.write(`services:\n  cache:\n    image: redis\n    volumes:\n      - data:/data\nvolumes:\n  data:\n`);
    const r = await sim.exec("docker compose up -d");
    expect(r.stderr).toContain("WARN[0000] Found orphan containers ([shop-web-1]) for this project. If you removed or renamed this service in your compose file, you can run this command with the --remove-orphans flag to clean it up.\n");
    const cleaned = await sim.exec("docker compose up -d --remove-orphans");
    expect(events(cleaned.stderr)).toEqual(expect.arrayContaining(["Container shop-web-1 Stopped", "Container shop-web-1 Removed"]));
  });

  it("draws the progress block on a terminal", async () => {
    const { sim } = await composeScene(APP, { interactive: true });
    await sim.exec("docker pull nginx && docker pull redis");
    const r = await sim.exec("docker compose up -d");
    // Repainted in place as events come: the last frame is what stays on screen.
    const frames = r.stderr.split(/\u001b\[\d+A\r/);
    expect(frames.length).toBeGreaterThan(4);
    const plain = frames.at(-1)!.replace(/\u001b\[[\d;]*[mK]/g, "");
    expect(plain.split("\n")[0]).toBe("[+] up 4/4");
    // IDs padded to the longest one, the elapsed time on the right edge.
    expect(plain).toContain(" ✔ Network shop_default   Created");
    expect(plain).toContain(" ✔ Container shop-cache-1 Started");
    expect(plain).toMatch(/ ✔ Container shop-web-1 {3}Started {2,}\d+\.\ds\n/);
    expect(r.stderr).toContain("\u001b[32m✔\u001b[0m");
  });
});

describe("docker compose volumes", () => {
  it("mounts bind folders from the project directory and anonymous volumes, which down -v removes", async () => {
    const scene = await composeScene(`services:\n  web:\n    image: nginx\n    ports: ["8081:80"]\n    volumes:\n      - ./site:/usr/share/nginx/html:ro\n      - /var/cache/nginx\n`);
    const { sim } = scene;
    await sim.exec("mkdir site && echo '<h1>from the host</h1>' > site/index.html");
    expect((await sim.exec("docker compose up -d")).exitCode).toBe(0);
    await scene.wait(500);
    expect((await sim.exec("curl -s localhost:8081")).stdout).toBe("<h1>from the host</h1>\n");
    expect((await sim.exec("docker inspect -f '{{range .Mounts}}{{.Type}}:{{.Destination}}:{{.RW}} {{end}}' shop-web-1")).stdout).toBe("bind:/usr/share/nginx/html:false volume:/var/cache/nginx:true \n");
    expect((await sim.exec("docker volume ls -q")).stdout).toMatch(/^[0-9a-f]{64}\n$/);
    await scene.run("docker compose down -v");
    expect((await sim.exec("docker volume ls -q")).stdout).toBe("");
  });
});

describe("healthchecks", () => {
  it("runs the image's HEALTHCHECK, shows it in ps and inspect, and reports health_status events", async () => {
    const scene = await composeScene(`services:\n  app:\n    build: .\n`);
    const { sim } = scene;
    await sim.exec(`printf 'FROM busybox\\nHEALTHCHECK --interval=2s --retries=2 CMD test -f /tmp/ok\\nCMD ["sleep", "600"]\\n' > Dockerfile`);
    await sim.exec("docker compose up -d");
    expect((await sim.exec("docker compose ps --format '{{.Status}}'")).stdout).toBe("Up Less than a second (health: starting)\n");
    await scene.wait(5_000);
    expect((await sim.exec("docker inspect -f '{{.State.Health.Status}} {{.State.Health.FailingStreak}} {{len .State.Health.Log}}' shop-app-1")).stdout).toBe("unhealthy 2 2\n");
    await sim.exec("docker exec shop-app-1 touch /tmp/ok");
    await scene.wait(2_000);
    expect((await sim.exec("docker compose ps --format '{{.Status}} {{.Health}}'")).stdout).toBe("Up 7 seconds (healthy) healthy\n");
  });
});
