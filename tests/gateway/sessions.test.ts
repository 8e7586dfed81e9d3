/**
 * Sessions on a real engine: two sessions cannot see or touch each other's objects (each may have a
 * container called `web`), limits show in inspect, idle sessions are reaped with their objects,
 * leftovers are swept at start-up, and the token and Origin are checked on every connection.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { Gateway } from "../../server/gateway.ts";
import { createSimulator, type Simulator } from "../../simulator/simulator.ts";
import type { RemoteEngine } from "../../simulator/backend/remote-engine.ts";
import { connectEngine, engineUnavailable, testDocker, testGateway, testOrigin } from "./harness.ts";

const unavailable = await engineUnavailable();
if (unavailable) console.warn(`gateway session tests skipped: ${unavailable}`);

describe.skipIf(unavailable !== undefined)("sessions on the real engine", () => {
  let gateway: Gateway;
  let alice: RemoteEngine;
  let bob: RemoteEngine;
  let a: Simulator;
  let b: Simulator;

  beforeAll(async () => {
    gateway = await testGateway();
    alice = await connectEngine(gateway);
    bob = await connectEngine(gateway);
    a = createSimulator({ engine: alice });
    b = createSimulator({ engine: bob });
  });
  afterAll(async () => {
    alice?.close();
    bob?.close();
    await gateway?.registry.sweep();
    await gateway?.close();
  });

  it("two sessions can both have a container called web, and each sees only its own", async () => {
    expect((await a.exec("docker run -d --name web busybox sleep 300")).exitCode).toBe(0);
    expect((await b.exec("docker run -d --name web busybox sleep 300")).exitCode).toBe(0);
    const psA = await a.exec("docker ps --format '{{.Names}} {{.Command}}'");
    expect(psA.stdout).toBe('web "sleep 300"\n');
    const again = await a.exec("docker run -d --name web busybox true");
    expect(again.exitCode).toBe(125);
    expect(again.stderr).toMatch(/Conflict\. The container name "\/web" is already in use by container "[0-9a-f]{64}"/);
    expect(again.stderr).not.toContain(`dy${alice.session}_`);
  });

  it("a session cannot inspect, stop, exec in, remove or log another's container, by name or ID", async () => {
    const bobsId = (await bob.containerInspect("web")).Id;
    const aliceId = (await alice.containerInspect("web")).Id;
    expect(bobsId).not.toBe(aliceId);
    for (const ref of [bobsId, bobsId.slice(0, 12)]) {
      for (const line of [`docker inspect ${ref}`, `docker stop -t 1 ${ref}`, `docker exec ${ref} true`, `docker rm ${ref}`, `docker logs ${ref}`, `docker kill ${ref}`]) {
        const r = await a.exec(line);
        expect(r.exitCode, line).not.toBe(0);
        expect(r.stderr, line).toMatch(new RegExp(`No such (container|object): ${ref}`));
      }
    }
    expect((await bob.containerInspect(bobsId)).State.Running).toBe(true);
  });

  it("volumes and networks are per session too", async () => {
    expect((await a.exec("docker volume create data")).exitCode).toBe(0);
    expect((await a.exec("docker network create backend")).exitCode).toBe(0);
    expect((await b.exec("docker volume ls -q")).stdout).toBe("");
    const inspect = await b.exec("docker volume inspect data");
    expect(inspect.exitCode).toBe(1);
    expect(inspect.stderr).toContain("no such volume");
    expect((await b.exec("docker network rm backend")).stderr).toContain("network backend not found");
    expect((await b.exec("docker network create backend")).exitCode).toBe(0);
    expect((await a.exec("docker volume ls -q")).stdout).toBe("data\n");
  });

  it("images a session makes are its own; shared images stay", async () => {
    expect((await a.exec("docker tag busybox mine:v1")).exitCode).toBe(0);
    expect((await a.exec("docker images --format '{{.Repository}}:{{.Tag}}'")).stdout).toContain("mine:v1\n");
    expect((await b.exec("docker images --format '{{.Repository}}:{{.Tag}}'")).stdout).not.toContain("mine");
    expect((await b.exec("docker run --rm mine:v1 true")).stderr).toContain("allowlist");
    expect((await a.exec("docker run --rm mine:v1 echo ok")).stdout).toBe("ok\n");
    const rmi = await b.exec("docker rmi busybox");
    expect(rmi.exitCode).toBe(1);
    expect(rmi.stderr).toContain("busybox is shared by every session on this gateway");
    expect((await a.exec("docker rmi mine:v1")).stdout).toBe("Untagged: mine:v1\n");
  });

  it("limits, dropped capabilities, no-new-privileges, the log cap and the labels show in inspect", async () => {
    const out = await a.exec("docker inspect --format '{{.HostConfig.Memory}} {{.HostConfig.NanoCpus}} {{.HostConfig.PidsLimit}} {{.HostConfig.CapDrop}} {{.HostConfig.SecurityOpt}} {{.HostConfig.LogConfig.Type}} {{index .HostConfig.LogConfig.Config \"max-size\"}} {{index .Config.Labels \"dockyard.session\"}}' web");
    expect(out.stdout).toBe(`268435456 500000000 128 [ALL] [no-new-privileges:true] json-file 1m ${alice.session}\n`);
    // Inside, the limits hold: the cgroup says 256 MiB, and the capability set is the safe one.
    const caps = await a.exec("docker exec web sh -c 'grep CapEff /proc/self/status'");
    expect(caps.stdout).toBe("CapEff:\t00000000000004fb\n");
  });

  it("quotas: a session cannot make more containers than its limit", async () => {
    const small = await testGateway({ quotas: { containers: 2 } });
    try {
      const e = createSimulator({ engine: await connectEngine(small) });
      expect((await e.exec("docker create busybox")).exitCode).toBe(0);
      expect((await e.exec("docker create busybox")).exitCode).toBe(0);
      const third = await e.exec("docker create busybox");
      expect(third.exitCode).toBe(125);
      expect(third.stderr).toContain("this session already has 2 containers (the limit is 2); remove some first");
    } finally {
      await small.registry.sweep();
      await small.close();
    }
  });

  it("a reloaded page resumes its session by id", async () => {
    const again = await connectEngine(gateway, { session: alice.session! });
    expect(again.session).toBe(alice.session);
    expect((await again.containerList()).map((c) => c.Names[0])).toEqual(["/web"]);
    again.close();
  });

  it("the token and the Origin are checked on every connection", async () => {
    const attempt = (options: { token?: string; origin?: string }) => connectEngine(gateway, options).then(() => "connected", (e: Error) => e.message);
    expect(await attempt({ token: "wrong" })).toContain("cannot reach the Dockyard gateway");
    expect(await attempt({ origin: "https://evil.example" })).toContain("cannot reach the Dockyard gateway");
    const status = (headers: Record<string, string>, token: string) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(`${gateway.url}/?token=${encodeURIComponent(token)}`, { headers });
        ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
        ws.on("open", () => (ws.close(), resolve(101)));
        ws.on("error", () => {});
      });
    expect(await status({ Origin: testOrigin }, "nope")).toBe(401);
    expect(await status({ Origin: "https://evil.example" }, gateway.token)).toBe(403);
    expect(await status({}, gateway.token)).toBe(403);
    expect(await status({ Origin: testOrigin }, gateway.token)).toBe(101);
  });

  it("an idle session is reaped with its objects; a connected one is not", async () => {
    const reaping = await testGateway({ idleMs: 0 });
    try {
      const gone = await connectEngine(reaping);
      const kept = await connectEngine(reaping);
      const g = createSimulator({ engine: gone });
      const k = createSimulator({ engine: kept });
      await g.exec("docker run -d --name idle busybox sleep 300");
      await g.exec("docker volume create idle-data");
      await g.exec("docker network create idle-net");
      await k.exec("docker run -d --name busy busybox sleep 300");
      const id = gone.session!;
      gone.close();
      await new Promise((r) => setTimeout(r, 200));
      expect(await reaping.registry.reap()).toEqual([id]);
      const docker = testDocker();
      const filters = JSON.stringify({ label: [`dockyard.session=${id}`] });
      expect(await docker.json("GET", "/containers/json", { query: { all: 1, filters } })).toEqual([]);
      expect((await docker.json<{ Volumes: unknown[] | null }>("GET", "/volumes", { query: { filters } })).Volumes ?? []).toEqual([]);
      expect(await docker.json("GET", "/networks", { query: { filters } })).toEqual([]);
      expect((await k.exec("docker ps --format '{{.Names}}'")).stdout).toBe("busy\n");
      kept.close();
    } finally {
      await reaping.registry.sweep();
      await reaping.close();
    }
  });

  it("a gateway starting up sweeps what an earlier run of its scope left behind", async () => {
    const first = await testGateway();
    const scope = first.registry.scope;
    const e = createSimulator({ engine: await connectEngine(first) });
    await e.exec("docker run -d --name leftover busybox sleep 300");
    await e.exec("docker volume create leftover");
    // The first gateway dies without cleaning up; a new one with the same scope starts.
    await first.close();
    const second = await testGateway({ scope });
    try {
      const filters = JSON.stringify({ label: [`dockyard.gateway=${scope}`] });
      const docker = testDocker();
      expect(await docker.json("GET", "/containers/json", { query: { all: 1, filters } })).toEqual([]);
      expect((await docker.json<{ Volumes: unknown[] | null }>("GET", "/volumes", { query: { filters } })).Volumes ?? []).toEqual([]);
    } finally {
      await second.close();
    }
  });
});
