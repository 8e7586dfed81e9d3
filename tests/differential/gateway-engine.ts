/**
 * The "gateway" side of the differential suite: a transcript typed at Dockyard's own CLI whose engine
 * is the real dockerd, reached through the gateway (server/) with a RemoteEngine. Compared with the
 * simulator, it checks that the real backend shows a learner what the simulated one does.
 */
import WebSocket from "ws";
import { DockerClient, endpointFromEnv } from "../../server/docker-client.ts";
import { startGateway } from "../../server/gateway.ts";
import { RemoteEngine, type SocketLike } from "../../simulator/backend/remote-engine.ts";
import { createSimulator } from "../../simulator/simulator.ts";
import type { CommandResult } from "./result.ts";

const origin = "http://differential.local";

/** Run the commands in one fresh gateway session on DOCKER_HOST; each command gets `timeoutMs`. */
export async function runThroughGateway(commands: string[], timeoutMs = 60_000): Promise<{ results: (CommandResult | undefined)[]; problem?: string }> {
  const docker = new DockerClient(endpointFromEnv());
  await docker.negotiate();
  const gateway = await startGateway({ docker, port: 0, origins: [origin], scope: "differential" });
  const engine = new RemoteEngine({ url: gateway.url, token: gateway.token, connect: (url) => new WebSocket(url, { origin }) as unknown as SocketLike });
  const results: (CommandResult | undefined)[] = [];
  let problem: string | undefined;
  try {
    await engine.connect();
    const sim = createSimulator({ engine });
    for (const command of commands) {
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), timeoutMs);
      try {
        const r = await sim.exec(command, { signal: abort.signal });
        results.push(abort.signal.aborted ? { ...r, stderr: `${r.stderr}[differential: timed out after ${timeoutMs} ms]\n`, exitCode: 124 } : r);
      } catch (error) {
        problem ??= `${command}: ${error instanceof Error ? error.message : String(error)}`;
        results.push(undefined);
      } finally {
        clearTimeout(timer);
      }
    }
  } finally {
    engine.close();
    await gateway.registry.sweep();
    await gateway.close();
  }
  return problem ? { results, problem } : { results };
}
