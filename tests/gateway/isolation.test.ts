/**
 * Network isolation on a real engine: containers that use the default network get a `bridge` of
 * their session's own, so two sessions cannot reach each other, while a session's `bridge` still
 * looks and behaves like Docker's (inspect, ps, network ls/inspect/rm/create, prune), and is
 * removed with the session.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Gateway } from "../../server/gateway.ts";
import { createSimulator, type Simulator } from "../../simulator/simulator.ts";
import type { RemoteEngine } from "../../simulator/backend/remote-engine.ts";
import { connectEngine, engineUnavailable, testDocker, testGateway } from "./harness.ts";

const unavailable = await engineUnavailable();
if (unavailable) console.warn(`gateway isolation tests skipped: ${unavailable}`);

/**
 * The probe: an HTTP request to ip:80 with a one-second connect timeout (this busybox's nc has no
 * -z; its wget crashes on this engine, so nc speaks HTTP itself). `network` is a `--network` value.
 */
const probe = (ip: string, network?: string) => `docker run --rm${network ? ` --network ${network}` : ""} busybox sh -c 'printf "GET / HTTP/1.0\\r\\n\\r\\n" | nc -w 1 ${ip} 80'`;
const answered = "HTTP/1.1 404 Not Found";

describe.skipIf(unavailable !== undefined)("each session's default network is its own", () => {
  let gateway: Gateway;
  let alice: RemoteEngine;
  let bob: RemoteEngine;
  let a: Simulator;
  let b: Simulator;
  let bobsIp = "";

  beforeAll(async () => {
    gateway = await testGateway();
    alice = await connectEngine(gateway);
    bob = await connectEngine(gateway);
    a = createSimulator({ engine: alice });
    b = createSimulator({ engine: bob });
    expect((await a.exec("docker run -d --name web busybox httpd -f -p 80")).exitCode).toBe(0);
    expect((await b.exec("docker run -d --name web busybox httpd -f -p 80")).exitCode).toBe(0);
    bobsIp = (await b.exec("docker inspect -f '{{.NetworkSettings.Networks.bridge.IPAddress}}' web")).stdout.trim();
  });
  afterAll(async () => {
    alice?.close();
    bob?.close();
    await gateway?.registry.sweep();
    await gateway?.close();
  });

  it("a container of one session cannot reach another session's container; its own session's can", async () => {
    expect(bobsIp).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    // The probe works: a second container of bob's reaches bob's server.
    const own = await b.exec(probe(bobsIp));
    expect(own.exitCode).toBe(0);
    expect(own.stdout).toContain(answered);
    // From alice's session, on the default network or on `--network bridge`, it does not.
    for (const network of [undefined, "bridge", "default"]) {
      const other = await a.exec(probe(bobsIp, network));
      expect(other.exitCode, network).toBe(1);
      expect(other.stdout, network).toBe("");
      expect(other.stderr, network).toContain("nc: timed out");
    }
    // Alice's own server is reachable from alice's containers.
    const alicesIp = (await a.exec("docker inspect -f '{{.NetworkSettings.Networks.bridge.IPAddress}}' web")).stdout.trim();
    expect(alicesIp).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(alicesIp).not.toBe(bobsIp);
    expect((await a.exec(probe(alicesIp))).stdout).toContain(answered);
  });

  it("inspect, ps and network ls/inspect show the session's network as bridge", async () => {
    for (const [sim, engine] of [[a, alice], [b, bob]] as const) {
      const info = await engine.containerInspect("web");
      expect(Object.keys(info.NetworkSettings.Networks)).toEqual(["bridge"]);
      expect(info.HostConfig.NetworkMode).toBe("bridge");
      // API versions that still repeat the default bridge's address at the top show it there.
      if ("IPAddress" in info.NetworkSettings) expect(info.NetworkSettings.IPAddress).toBe(info.NetworkSettings.Networks["bridge"]!.IPAddress);
      expect((await sim.exec("docker ps --format '{{.Names}} {{.Networks}}'")).stdout).toBe("web bridge\n");
      expect((await sim.exec("docker ps --filter network=bridge --format '{{.Names}}'")).stdout).toBe("web\n");
      expect((await sim.exec("docker network ls --format '{{.Name}} {{.Driver}}'")).stdout.split("\n").filter(Boolean).sort()).toEqual(["bridge bridge", "host host", "none null"]);
      const members = await sim.exec("docker network inspect -f '{{range .Containers}}{{.Name}} {{end}}' bridge");
      expect(members.stdout).toBe("web \n");
      expect(JSON.stringify(await engine.networkInspect("bridge"))).not.toContain("dockyard");
    }
    // Two sessions, two different networks, each called bridge.
    const idA = (await alice.networkInspect("bridge")).Id;
    const idB = (await bob.networkInspect("bridge")).Id;
    expect(idA).not.toBe(idB);
    expect((await a.exec(`docker network inspect ${idB}`)).stderr).toContain(`network ${idB} not found`);
  });

  it("bridge cannot be removed or created, and network prune leaves it", async () => {
    const rm = await a.exec("docker network rm bridge");
    expect(rm.exitCode).toBe(1);
    expect(rm.stderr).toContain("bridge is a pre-defined network and cannot be removed");
    const create = await a.exec("docker network create bridge");
    expect(create.exitCode).toBe(1);
    expect(create.stderr).toContain("operation is not permitted on predefined bridge network");
    expect((await b.exec("docker run -d --name idle busybox sleep 300")).exitCode).toBe(0);
    expect((await b.exec("docker rm -f idle")).exitCode).toBe(0);
    expect((await b.exec("docker network create spare")).exitCode).toBe(0);
    const prune = await b.exec("docker network prune -f");
    expect(prune.stdout).toContain("spare");
    expect(prune.stdout).not.toContain("bridge");
    expect((await b.exec("docker network ls --format '{{.Name}}'")).stdout.split("\n").filter(Boolean).sort()).toEqual(["bridge", "host", "none"]);
  });

  it("aliases and fixed addresses are refused on bridge, as on Docker", async () => {
    const alias = await a.exec("docker run --rm --network-alias db busybox true");
    expect(alias.exitCode).toBe(125);
    expect(alias.stderr).toContain("network-scoped alias is supported only for containers in user defined networks");
  });

  it("--network none and user-defined networks still work; host networking stays refused", async () => {
    const none = await a.exec("docker run --rm --network none busybox ls /sys/class/net");
    expect(none.stdout).toBe("lo\n");
    expect((await a.exec("docker network create backend")).exitCode).toBe(0);
    expect((await a.exec("docker run -d --name api --network backend busybox httpd -f -p 80")).exitCode).toBe(0);
    const api = await alice.containerInspect("api");
    expect(Object.keys(api.NetworkSettings.Networks)).toEqual(["backend"]);
    expect((await a.exec("docker ps --filter network=backend --format '{{.Names}}'")).stdout).toBe("api\n");
    const apiIp = api.NetworkSettings.Networks["backend"]!.IPAddress;
    expect((await a.exec(probe(apiIp, "backend"))).stdout).toContain(answered);
    // The session's default network is not part of the network quota.
    const small = await testGateway({ quotas: { networks: 1 } });
    try {
      const e = createSimulator({ engine: await connectEngine(small) });
      expect((await e.exec("docker run --rm busybox true")).exitCode).toBe(0);
      expect((await e.exec("docker network create one")).exitCode).toBe(0);
    } finally {
      await small.registry.sweep();
      await small.close();
    }
    const host = await a.exec("docker run --rm --network host busybox true");
    expect(host.exitCode).toBe(125);
    expect(host.stderr).toContain("the host's network namespace (--network host)");
  });

  it("a session's bridge is removed when the session is reaped", async () => {
    const reaping = await testGateway({ idleMs: 0 });
    try {
      const gone = await connectEngine(reaping);
      const g = createSimulator({ engine: gone });
      expect((await g.exec("docker run -d --name idle busybox sleep 300")).exitCode).toBe(0);
      const id = gone.session!;
      const docker = testDocker();
      const filters = JSON.stringify({ label: [`dockyard.session=${id}`] });
      expect((await docker.json<{ Name: string }[]>("GET", "/networks", { query: { filters } })).map((n) => n.Name)).toEqual([`dy${id}_bridge`]);
      gone.close();
      await new Promise((r) => setTimeout(r, 200));
      expect(await reaping.registry.reap()).toEqual([id]);
      expect(await docker.json("GET", "/networks", { query: { filters } })).toEqual([]);
      expect((await docker.json<{ Name: string }[]>("GET", "/networks")).map((n) => n.Name)).not.toContain(`dy${id}_bridge`);
    } finally {
      await reaping.registry.sweep();
      await reaping.close();
    }
  });
});
