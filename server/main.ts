/**
 * `npm run gateway [-- --port 2376 --site http://localhost:4321 --origin URL --public-ports]`:
 * the real-engine gateway. Reaches Docker through DOCKER_HOST or /var/run/docker.sock, listens on
 * 127.0.0.1, and prints the site's address with this run's token.
 */
import { parseArgs } from "node:util";
import { DockerClient, endpointFromEnv } from "./docker-client.ts";
import { defaultOrigins, startGateway } from "./gateway.ts";
import { policyFromEnv } from "./policy.ts";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env["DOCKYARD_GATEWAY_PORT"] ?? "2376" },
    host: { type: "string", default: "127.0.0.1" },
    site: { type: "string", default: process.env["DOCKYARD_SITE"] ?? "http://localhost:4321" },
    origin: { type: "string", multiple: true },
    "public-ports": { type: "boolean", default: false },
    images: { type: "string" },
    "idle-minutes": { type: "string", default: "30" },
    scope: { type: "string", default: "default" },
    help: { type: "boolean", short: "h" },
  },
});

if (values.help) {
  process.stdout.write(`Usage: npm run gateway -- [options]

Runs learners' commands on the Docker engine at DOCKER_HOST (or /var/run/docker.sock), under a policy.

  --port N           port on the listening address (default 2376)
  --host ADDR        listening address (default 127.0.0.1; anything else exposes Docker to the network)
  --site URL         the Dockyard site the printed link opens (default http://localhost:4321)
  --origin URL       another page origin allowed to connect (repeatable)
  --public-ports     let containers publish ports on every interface, not only 127.0.0.1
  --images a,b       the image allowlist (default: DOCKYARD_IMAGES or the built-in list)
  --idle-minutes N   reap a session and its objects after N idle minutes (default 30)
  --scope NAME       label scope of this gateway's objects (the start-up sweep removes only its own)
`);
  process.exit(0);
}

const env = { ...process.env, ...(values.images ? { DOCKYARD_IMAGES: values.images } : {}), ...(values["public-ports"] ? { DOCKYARD_PUBLIC_PORTS: "1" } : {}) };
const policy = policyFromEnv(env);
const docker = new DockerClient(endpointFromEnv());
const site = new URL(values.site);

try {
  const gateway = await startGateway({
    docker,
    policy,
    host: values.host,
    port: Number(values.port),
    origins: [...new Set([site.origin, ...defaultOrigins, ...(values.origin ?? [])])],
    scope: values.scope,
    idleMs: Number(values["idle-minutes"]) * 60_000,
    ...(process.env["DOCKYARD_GATEWAY_TOKEN"] ? { token: process.env["DOCKYARD_GATEWAY_TOKEN"] } : {}),
  });
  // Unencoded on purpose (`:` and `/` are fine in a query): the printed link stays readable.
  const link = `${new URL("/en/playground/", site).toString()}?engine=${gateway.url}&token=${encodeURIComponent(gateway.token)}`;
  process.stdout.write(`Dockyard gateway on ${gateway.url}, Docker ${docker.endpoint.host} (API ${docker.apiVersion})
Images allowed: ${policy.images.join(", ")}
Limits per container: ${policy.memoryBytes / 1024 / 1024} MiB, ${policy.nanoCpus / 1e9} CPU, ${policy.pidsLimit} processes; ports on ${policy.allowPublicPorts ? "every interface" : "127.0.0.1 only"}

Open: ${link}
`);
  const stop = () => void gateway.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} catch (error) {
  process.stderr.write(`dockyard gateway: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
