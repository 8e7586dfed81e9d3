/**
 * Docker Compose, unchanged, on the real engine through the gateway: a two-service project with a
 * healthcheck-gated dependency and a named volume goes up, is listed, logs and execs, stays put on a
 * second `up -d`, and `down` / `down -v` remove exactly what Compose says they remove.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Gateway } from "../../server/gateway.ts";
import type { Simulator } from "../../simulator/simulator.ts";
import type { RemoteEngine } from "../../simulator/backend/remote-engine.ts";
import { engineUnavailable, realSimulator, testGateway } from "./harness.ts";

const unavailable = await engineUnavailable();
if (unavailable) console.warn(`gateway compose tests skipped: ${unavailable}`);

// A shell or httpd as PID 1 ignores SIGTERM, so `down` waits out the stop grace period; Compose honours a 1s one.
const composeFile = `services:
  db:
    image: busybox
    command: ["sh", "-c", "echo ready; sleep 600"]
    stop_grace_period: 1s
    healthcheck:
      test: ["CMD", "true"]
      interval: 1s
    volumes:
      - data:/data
  web:
    image: busybox
    command: ["httpd", "-f", "-p", "80"]
    stop_grace_period: 1s
    depends_on:
      db:
        condition: service_healthy
volumes:
  data:
`;

const slow = 120_000;

describe.skipIf(unavailable !== undefined)("docker compose on the real engine", () => {
  let gateway: Gateway;
  let engine: RemoteEngine;
  let sim: Simulator;

  /** Runs a line in the session's shell and expects exit 0, showing the output when it is not. */
  async function ok(line: string): Promise<{ stdout: string; stderr: string }> {
    const r = await sim.exec(line);
    expect(r.exitCode, `${line}\n${r.stdout}${r.stderr}`).toBe(0);
    return r;
  }
  const containerIds = async () => (await ok("docker ps -aq --no-trunc")).stdout.split("\n").filter(Boolean).sort();

  beforeAll(async () => {
    gateway = await testGateway();
    ({ sim, engine } = await realSimulator(gateway));
    await sim.files.write("shop/compose.yaml", composeFile);
    await ok("cd ~/shop");
  }, slow);
  afterAll(async () => {
    engine?.close();
    if (gateway && engine) await gateway.registry.removeObjects({ label: [`dockyard.session=${engine.session}`] }, `dockyard-${gateway.registry.scope}-${engine.session}`);
    await gateway?.registry.sweep();
    await gateway?.close();
  }, slow);

  it("up -d creates the network, the volume and both containers, starting web once db is healthy", async () => {
    const { stderr } = await ok("docker compose up -d");
    for (const line of ["Network shop_default Created", "Volume shop_data Created", "Container shop-db-1 Started", "Container shop-db-1 Healthy", "Container shop-web-1 Started"]) {
      expect(stderr).toMatch(new RegExp(`^ ${line.replace(/ /g, "\\s+")}\\s*$`, "m"));
    }
    expect(stderr.search(/shop-db-1\s+Healthy/)).toBeLessThan(stderr.search(/shop-web-1\s+Starting/));
  }, slow);

  it("ps lists both services running", async () => {
    const { stdout } = await ok("docker compose ps --format '{{.Service}} {{.State}}'");
    expect(stdout.split("\n").filter(Boolean).sort()).toEqual(["db running", "web running"]);
  }, slow);

  it("logs shows what db printed", async () => {
    const { stdout } = await ok("docker compose logs db");
    expect(stdout).toMatch(/^db-1\s+\| ready$/m);
  }, slow);

  it("exec -T runs a command in the db container", async () => {
    expect((await ok("docker compose exec -T db echo hi")).stdout).toBe("hi\n");
  }, slow);

  it("a second up -d leaves the running containers as they are", async () => {
    const before = await containerIds();
    expect(before).toHaveLength(2);
    const { stderr } = await ok("docker compose up -d");
    expect(stderr).toMatch(/Container shop-db-1\s+Running/);
    expect(stderr).toMatch(/Container shop-web-1\s+Running/);
    expect(stderr).not.toMatch(/Recreat|Creating/);
    expect(await containerIds()).toEqual(before);
    const { stdout } = await ok("docker compose ps --format '{{.Service}} {{.State}}'");
    expect(stdout.split("\n").filter(Boolean).sort()).toEqual(["db running", "web running"]);
  }, slow);

  it("down removes the containers and the network but keeps the named volume", async () => {
    const { stderr } = await ok("docker compose down");
    expect(stderr).toMatch(/Container shop-web-1\s+Removed/);
    expect(stderr).toMatch(/Container shop-db-1\s+Removed/);
    expect(stderr).toMatch(/Network shop_default\s+Removed/);
    expect(stderr).not.toContain("Volume");
    expect((await ok("docker ps -a --format '{{.Names}}'")).stdout).toBe("");
    expect((await ok("docker network ls --format '{{.Name}}'")).stdout).not.toContain("shop_default");
    expect((await ok("docker volume ls --format '{{.Name}}'")).stdout).toBe("shop_data\n");
    expect((await ok("docker compose ps -a --format '{{.Service}}'")).stdout).toBe("");
  }, slow);

  it("down -v removes the named volume as well", async () => {
    const up = await ok("docker compose up -d");
    expect(up.stderr).not.toMatch(/Volume shop_data\s+Created/);
    const { stderr } = await ok("docker compose down -v");
    expect(stderr).toMatch(/Network shop_default\s+Removed/);
    expect(stderr).toMatch(/Volume shop_data\s+Removed/);
    expect((await ok("docker ps -a --format '{{.Names}}'")).stdout).toBe("");
    expect((await ok("docker network ls --format '{{.Name}}'")).stdout).not.toContain("shop_default");
    expect((await ok("docker volume ls --format '{{.Name}}'")).stdout).toBe("");
  }, slow);
});
