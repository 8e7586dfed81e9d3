/** The registry image (CNCF Distribution): /entrypoint.sh and /bin/registry. */
import type { Program, ProcessContext } from "../../engine/process.ts";
import { execNext, serve, timestamps } from "./service.ts";

const INSTANCE = "4d5e3a9c-7b1f-4f0e-9a61-2c8d7e5b1a30";

function flavour(ctx: ProcessContext) {
  // registry:3 reads /etc/distribution/config.yml; registry:2 reads /etc/docker/registry/config.yml.
  const v3 = ctx.env["OTEL_TRACES_EXPORTER"] !== undefined;
  return v3 ? { version: "3.0.0", go: "go1.23.7", purge: "52m0s" } : { version: "2.8.3", go: "go1.20.8", purge: "20m0s" };
}

export const registry: Program = async (ctx) => {
  const f = flavour(ctx);
  const [command, config] = ctx.argv.slice(1);
  if (command === "--version" || command === "-v") {
    ctx.stdout(`${ctx.argv[0]} github.com/distribution/distribution/v3 v${f.version}\n`);
    return 0;
  }
  if (command !== "serve") {
    ctx.stdout(`\`registry\`\n\nUsage:\n  registry [flags]\n  registry [command]\n\nAvailable Commands:\n  garbage-collect \`garbage-collect\` deletes layers not referenced by any manifests\n  help            Help about any command\n  serve           \`serve\` stores and distributes Docker images\n\nFlags:\n  -h, --help      help for registry\n  -v, --version   show the version and exit\n\nUse "registry [command] --help" for more information about a command.\n`);
    return command === undefined || command === "help" || command === "--help" ? 0 : 1;
  }
  if (!config || !(await ctx.fs.exists(config))) {
    ctx.stderr(`configuration error: open ${config ?? ""}: no such file or directory\n\nUsage:\n  registry serve <config> [flags]\nFlags:\n  -h, --help=false: help for serve\n\n`);
    return 1;
  }
  const fields = `go.version=${f.go} instance.id=${INSTANCE} service=registry version=${f.version}`;
  const log = (level: string, msg: string) => ctx.stderr(`time="${timestamps.logrus(ctx.clock.now())}" level=${level} msg="${msg}" ${fields}\n`);
  log("warning", "No HTTP secret provided - generated random secret. This may cause problems with uploads if multiple registries are behind a load-balancer. To provide a shared secret, set the REGISTRY_HTTP_SECRET environment variable.");
  log("info", "redis not configured");
  log("info", `Starting upload purge in ${f.purge}`);
  if (f.version.startsWith("2")) log("info", "using inmemory blob descriptor cache");
  log("info", "listening on [::]:5000");
  return serve(ctx, (signal) => {
    if (signal !== "SIGTERM" && signal !== "SIGINT") return undefined;
    // Distribution 3 drains and exits 0; 2.8 only traps SIGTERM with a drain timeout set, so Go's default handler exits 2.
    if (f.version.startsWith("2")) return 2;
    log("info", "stopping server gracefully. Draining connections for 0s");
    return 0;
  });
};

/** /entrypoint.sh: a config file as first argument means `registry serve <config>`. */
export const registryEntrypoint: Program = async (ctx) => {
  let args = ctx.argv.slice(1);
  if (/\.ya?ml$/.test(args[0] ?? "")) args = ["registry", "serve", ...args];
  else if (["serve", "garbage-collect", "help"].includes(args[0] ?? "") || args[0]?.startsWith("-")) args = ["registry", ...args];
  if (args.length === 0) return 0;
  return execNext(ctx, args, { registry });
};
