/** Shared set-up for the gateway tests: find a real engine, start a gateway on it, connect sessions. */
import { existsSync } from "node:fs";
import { randomBytes } from "node:crypto";
import WebSocket from "ws";
import { DockerClient, endpointFromEnv } from "../../server/docker-client.ts";
import { startGateway, type Gateway, type GatewayOptions } from "../../server/gateway.ts";
import { RemoteEngine, type RemoteStatus, type SocketLike } from "../../simulator/backend/remote-engine.ts";
import { createSimulator, type Simulator } from "../../simulator/simulator.ts";

export const testOrigin = "http://dockyard.test";
const privateSocket = "/tmp/dockyard-dockerd/docker.sock";

/** DOCKER_HOST, else the private dockerd that .ci/dockerd.sh starts. */
export function testEndpointHost(): string | undefined {
  if (process.env["DOCKER_HOST"]) return process.env["DOCKER_HOST"];
  return existsSync(privateSocket) ? `unix://${privateSocket}` : undefined;
}

/** Why the real-engine tests cannot run here, or undefined when dockerd answers and has busybox. */
export async function engineUnavailable(): Promise<string | undefined> {
  const host = testEndpointHost();
  if (!host) return "no Docker engine: DOCKER_HOST is unset and /tmp/dockyard-dockerd/docker.sock does not exist (start one with .ci/dockerd.sh)";
  const docker = new DockerClient(endpointFromEnv({ DOCKER_HOST: host }));
  try {
    await docker.negotiate();
    await docker.json("GET", "/images/busybox:latest/json");
    return undefined;
  } catch (error) {
    return `the Docker engine at ${host} is not usable: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export function testDocker(host = testEndpointHost()!): DockerClient {
  return new DockerClient(endpointFromEnv({ DOCKER_HOST: host }));
}

/** A gateway with its own scope (so its sweep leaves other tests alone) on a free port. */
export async function testGateway(options: Partial<GatewayOptions> = {}): Promise<Gateway> {
  const docker = options.docker ?? testDocker();
  await docker.negotiate();
  return startGateway({ port: 0, origins: [testOrigin], scope: `t${randomBytes(4).toString("hex")}`, reapEveryMs: 3_600_000, ...options, docker });
}

/** A RemoteEngine on the gateway, as a page at testOrigin would open it. */
export async function connectEngine(gateway: Gateway, options: { session?: string; origin?: string; token?: string; onStatus?: (s: RemoteStatus) => void } = {}): Promise<RemoteEngine> {
  const engine = new RemoteEngine({
    url: gateway.url,
    token: options.token ?? gateway.token,
    ...(options.session ? { session: options.session } : {}),
    connect: (url) => new WebSocket(url, { origin: options.origin ?? testOrigin }) as unknown as SocketLike,
    ...(options.onStatus ? { onStatus: options.onStatus } : {}),
  });
  await engine.connect();
  return engine;
}

/** The Dockyard host shell (CLI, compose) on a real-engine session. */
export async function realSimulator(gateway: Gateway): Promise<{ sim: Simulator; engine: RemoteEngine }> {
  const engine = await connectEngine(gateway);
  return { sim: createSimulator({ engine }), engine };
}
