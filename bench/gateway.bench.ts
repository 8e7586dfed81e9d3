/**
 * The gateway's overhead: `docker run --rm busybox true` through Dockyard's CLI, the RemoteEngine
 * and the gateway, against the docker CLI on the same engine. Skipped, with a notice, without an engine.
 */
import { spawn } from "node:child_process";
import WebSocket from "ws";
import { DockerClient, endpointFromEnv } from "../server/docker-client.ts";
import { startGateway } from "../server/gateway.ts";
import { RemoteEngine, type SocketLike } from "../simulator/backend/remote-engine.ts";
import { createSimulator } from "../simulator/simulator.ts";
import type { BenchResult } from "./report.ts";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const runs = 15;
const line = "docker run --rm busybox true";

function dockerCli(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn("docker", ["run", "--rm", "busybox", "true"], { env: { ...process.env, DOCKER_HOST: host, DOCKER_CLI_HINTS: "false" }, stdio: "ignore" });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(performance.now() - start) : reject(new Error(`docker run exited ${code}`))));
  });
}

export async function gatewayOverhead(): Promise<BenchResult[]> {
  const host = process.env["DOCKER_HOST"] || "unix:///tmp/dockyard-dockerd/docker.sock";
  const docker = new DockerClient(endpointFromEnv({ DOCKER_HOST: host }));
  try {
    await docker.negotiate();
    await docker.json("GET", "/images/busybox:latest/json");
    await dockerCli(host);
  } catch (error) {
    process.stdout.write(`gateway bench skipped: no usable Docker engine at ${host} (${error instanceof Error ? error.message : String(error)}); start one with .ci/dockerd.sh\n`);
    return [];
  }
  const origin = "http://bench.local";
  const gateway = await startGateway({ docker, port: 0, origins: [origin], scope: "bench" });
  const engine = new RemoteEngine({ url: gateway.url, token: gateway.token, connect: (url) => new WebSocket(url, { origin }) as unknown as SocketLike });
  await engine.connect();
  const sim = createSimulator({ engine });
  const viaGateway = async () => {
    const start = performance.now();
    const r = await sim.exec(line);
    if (r.exitCode !== 0) throw new Error(`${line} through the gateway failed: ${r.stderr}`);
    return performance.now() - start;
  };
  try {
    await viaGateway();
    await dockerCli(host);
    const cli: number[] = [];
    const gw: number[] = [];
    // Interleaved, so a slow moment of the engine weighs on both sides alike.
    for (let i = 0; i < runs; i++) {
      cli.push(await dockerCli(host));
      gw.push(await viaGateway());
    }
    const ratio = median(gw) / median(cli);
    return [
      { name: `${line}: gateway / docker CLI (median of ${runs})`, value: ratio, unit: "x", target: 1.2, better: "lower", note: `gateway ${median(gw).toFixed(0)} ms, docker CLI ${median(cli).toFixed(0)} ms` },
    ];
  } finally {
    engine.close();
    await gateway.registry.sweep();
    await gateway.close();
  }
}
