/** The host's curl and wget reach a real container's published port, and only the session's own. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Gateway } from "../../server/gateway.ts";
import type { RemoteEngine } from "../../simulator/backend/remote-engine.ts";
import type { Simulator } from "../../simulator/simulator.ts";
import { engineUnavailable, realSimulator, testGateway } from "./harness.ts";

const unavailable = await engineUnavailable();
if (unavailable) console.warn(`gateway host curl test skipped: ${unavailable}`);

const httpd = `sh -c 'mkdir -p /www && echo hello > /www/index.html && httpd -f -p 8080 -h /www'`;

/** The host port `docker port` prints for a container port. */
async function hostPort(sim: Simulator, container: string, port: string): Promise<number> {
  const out = (await sim.exec(`docker port ${container} ${port}`)).stdout;
  const m = /:(\d+)$/m.exec(out);
  if (!m) throw new Error(`no published port in ${JSON.stringify(out)}`);
  return Number(m[1]);
}

/** curl until the server inside has started (it needs a moment after `docker run -d`). */
async function curlWhenUp(sim: Simulator, line: string) {
  let r = await sim.exec(line);
  for (let i = 0; i < 40 && r.exitCode !== 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    r = await sim.exec(line);
  }
  return r;
}

describe.skipIf(unavailable !== undefined)("curl on the host, real engine", () => {
  let gateway: Gateway;
  let a: { sim: Simulator; engine: RemoteEngine };
  let b: { sim: Simulator; engine: RemoteEngine };
  let port: number;
  beforeAll(async () => {
    gateway = await testGateway();
    a = await realSimulator(gateway);
    b = await realSimulator(gateway);
    expect((await a.sim.exec(`docker run -d --name web -p 8080 busybox ${httpd}`)).exitCode).toBe(0);
    port = await hostPort(a.sim, "web", "8080");
  }, 60_000);
  afterAll(async () => {
    a?.engine.close();
    b?.engine.close();
    await gateway?.registry.sweep();
    await gateway?.close();
  });

  it("fetches the page a container serves on its published port", async () => {
    const r = await curlWhenUp(a.sim, `curl -s localhost:${port}`);
    expect(r).toMatchObject({ stdout: "hello\n", exitCode: 0 });
    const head = await a.sim.exec(`curl -si http://127.0.0.1:${port}/index.html`);
    expect(head.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(head.stdout).toContain("Content-Length: 6\r\n");
    expect(head.stdout.endsWith("\r\n\r\nhello\n")).toBe(true);
    expect(await a.sim.exec(`wget -qO- localhost:${port}`)).toMatchObject({ stdout: "hello\n", exitCode: 0 });
  }, 30_000);

  it("shows the server's errors as curl does", async () => {
    const missing = await a.sim.exec(`curl -sf localhost:${port}/nope`);
    expect(missing.exitCode).toBe(22);
    const shown = await a.sim.exec(`curl -sS -f localhost:${port}/nope`);
    expect(shown.stderr).toBe("curl: (22) The requested URL returned error: 404\n");
  });

  it("refuses the gateway's own port and any port the session does not publish", async () => {
    const own = await a.sim.exec(`curl localhost:${gateway.port}`);
    expect(own).toMatchObject({ stdout: "", exitCode: 7 });
    expect(own.stderr).toBe(`curl: (7) Failed to connect to localhost port ${gateway.port} after 0 ms: Couldn't connect to server\n`);
    const wget = await a.sim.exec(`wget -q localhost:${gateway.port}`);
    expect(wget.exitCode).toBe(4);
  });

  it("refuses another session's published port", async () => {
    const r = await b.sim.exec(`curl -sS localhost:${port}`);
    expect(r).toMatchObject({ stdout: "", exitCode: 7 });
    expect(r.stderr).toBe(`curl: (7) Failed to connect to localhost port ${port} after 0 ms: Couldn't connect to server\n`);
  });

  it("refuses a port whose container has stopped", async () => {
    const { sim } = a;
    expect((await sim.exec(`docker run -d --name brief -p 8080 busybox ${httpd}`)).exitCode).toBe(0);
    const briefPort = await hostPort(sim, "brief", "8080");
    expect((await curlWhenUp(sim, `curl -s localhost:${briefPort}`)).stdout).toBe("hello\n");
    expect((await sim.exec("docker kill brief")).exitCode).toBe(0);
    expect((await sim.exec(`curl -s localhost:${briefPort}`)).exitCode).toBe(7);
  }, 30_000);

  it("reports a reset when the port is published but nothing listens inside", async () => {
    const { sim } = a;
    expect((await sim.exec("docker run -d --name quiet -p 9090 busybox sleep 300")).exitCode).toBe(0);
    const quietPort = await hostPort(sim, "quiet", "9090");
    const r = await sim.exec(`curl -sS localhost:${quietPort}`);
    expect(r).toMatchObject({ stdout: "", stderr: "curl: (56) Recv failure: Connection reset by peer\n", exitCode: 56 });
  }, 30_000);

  it("refuses requests a page could forge, before anything is sent", async () => {
    const bad = await a.engine.raw("hostRequest", [port, { method: "GET", path: "/ HTTP/1.1\r\nHost: x", headers: {}, body: "" }]).then(() => "sent", (e: Error) => e.message);
    expect(bad).toBe("invalid host request: the path must start with / and hold printable ASCII without spaces");
    const outOfRange = await a.engine.raw("hostRequest", [70000, {}]).then(() => "sent", (e: Error) => e.message);
    expect(outOfRange).toBe("invalid host request: the port must be a whole number from 1 to 65535");
  });
});
