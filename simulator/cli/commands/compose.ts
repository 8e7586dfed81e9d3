/**
 * `docker compose`: the Compose plugin's global flags, then its subcommand. The loader
 * (simulator/compose) reads files from the person's shell; the lifecycle commands (up, down,
 * ps, logs...) live in ./compose/ and run against the Engine interface only.
 */
import type { CommandContext } from "../command.ts";
import { FlagError, flagUsages, parseFlags, type FlagSpec, type FlagValues } from "../flags.ts";
import { COMPOSE_VERSION } from "../../engine/versions.ts";
import { ComposeError, dependencyGraph, projectToYaml, startOrder } from "../../compose/index.ts";
import { EngineError } from "../../backend/errors.ts";
import { loadFor, subFlags, type ComposeCommand } from "./compose/shared.ts";
import { create, up } from "./compose/up.ts";
import { down, kill, pause, restart, rm, start, stop, unpause } from "./compose/lifecycle.ts";
import { images, ls, ps, top } from "./compose/ps.ts";
import { logs } from "./compose/logs.ts";
import { exec, run } from "./compose/exec.ts";
import { build, pull } from "./compose/build.ts";

const GLOBAL_FLAGS: FlagSpec[] = [
  { long: "file", short: "f", type: "stringArray", usage: "Compose configuration files", valueName: "stringArray" },
  { long: "project-name", short: "p", type: "string", usage: "Project name" },
  { long: "project-directory", type: "string", usage: "Specify an alternate working directory\n(default: the path of the, first specified, Compose file)" },
  { long: "env-file", type: "stringArray", usage: "Specify an alternate environment file", valueName: "stringArray" },
];

const CONFIG_FLAGS: FlagSpec[] = [
  { long: "services", type: "bool", usage: "Print the service names, one per line." },
  { long: "volumes", type: "bool", usage: "Print the volume names, one per line." },
  { long: "networks", type: "bool", usage: "Print the network names, one per line." },
  { long: "images", type: "bool", usage: "Print the image names, one per line." },
  { long: "quiet", short: "q", type: "bool", usage: "Only validate the configuration, don't print anything" },
];

const VERSION_FLAGS: FlagSpec[] = [
  { long: "short", type: "bool", usage: "Shows only Compose's version number" },
  { long: "format", short: "f", type: "string", usage: "Format the output. Values: [pretty | json]", default: "pretty" },
];

/** Compose commands a person may know from Docker, which Dockyard does not run yet. */
const NOT_YET = new Set(["push", "events", "port", "cp", "wait", "watch", "scale", "stats", "attach", "commit", "export", "publish", "volumes", "bridge", "alpha", "viz"]);

const SUBCOMMANDS: ComposeCommand[] = [build, create, down, exec, images, kill, logs, ls, pause, ps, pull, restart, rm, run, start, stop, top, unpause, up];

const COMMANDS: [string, string][] = ([
  ["config", "Parse, resolve and render compose file in canonical format"],
  ["version", "Show the Docker Compose version information"],
  ...SUBCOMMANDS.map((c): [string, string] => [c.name, c.short]),
] as [string, string][]).sort((x, y) => (x[0] < y[0] ? -1 : 1));

function rootHelp(): string {
  const width = Math.max(...COMMANDS.map(([c]) => c.length));
  return (
    "Usage:  docker compose [OPTIONS] COMMAND\n\nDefine and run multi-container applications with Docker\n\n" +
    `Options:\n${flagUsages(GLOBAL_FLAGS)}\n` +
    `Commands:\n${COMMANDS.map(([c, s]) => `  ${c.padEnd(width)}  ${s}\n`).join("")}\n` +
    "Run 'docker compose COMMAND --help' for more information on a command.\n"
  );
}

async function config(ctx: CommandContext, global: FlagValues, argv: string[]): Promise<number> {
  const parsed = subFlags(ctx, "config", "[OPTIONS] [SERVICE...]", CONFIG_FLAGS, argv);
  if (parsed === "help") return 0;
  if (!parsed) return 1;
  const { flags, args } = parsed;
  const project = await loadFor(ctx, global, { labelsOnly: false });
  for (const service of args) {
    if (!(service in project.services)) {
      ctx.io.stderr(`no such service: ${service}\n`);
      return 1;
    }
  }
  if (flags["quiet"]) return 0;
  const lines = (names: string[]) => ctx.io.stdout(names.map((n) => `${n}\n`).join(""));
  if (flags["services"]) {
    lines(startOrder(dependencyGraph(project.services)));
    return 0;
  }
  if (flags["volumes"]) {
    lines(Object.keys(project.volumes));
    return 0;
  }
  if (flags["networks"]) {
    lines(Object.keys(project.networks));
    return 0;
  }
  if (flags["images"]) {
    lines(startOrder(dependencyGraph(project.services)).map((s) => (project.services[s]!.image as string | undefined) ?? `${project.name}-${s}`));
    return 0;
  }
  const shown = args.length > 0 ? { ...project, services: Object.fromEntries(Object.entries(project.services).filter(([n]) => args.includes(n))) } : project;
  ctx.io.stdout(projectToYaml(shown));
  return 0;
}

function version(ctx: CommandContext, argv: string[]): number {
  const parsed = subFlags(ctx, "version", "[OPTIONS]", VERSION_FLAGS, argv);
  if (parsed === "help") return 0;
  if (!parsed) return 1;
  const { flags } = parsed;
  if (flags["short"]) ctx.io.stdout(`${COMPOSE_VERSION.slice(1)}\n`);
  else if (flags["format"] === "json") ctx.io.stdout(`{"version":"${COMPOSE_VERSION}"}\n`);
  else ctx.io.stdout(`Docker Compose version ${COMPOSE_VERSION}\n`);
  return 0;
}

/** Run `docker compose <argv>`; resolves with the exit code. */
export async function compose(argv: string[], ctx: CommandContext): Promise<number> {
  let parsed;
  try {
    parsed = parseFlags(argv, GLOBAL_FLAGS, false);
  } catch (error) {
    if (error instanceof FlagError) {
      ctx.io.stderr(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const [command, ...rest] = parsed.args;
  if (parsed.help || command === undefined || command === "help") {
    ctx.io.stdout(rootHelp());
    return 0;
  }
  try {
    if (command === "config" || command === "convert") return await config(ctx, parsed.flags, rest);
    if (command === "version") return version(ctx, rest);
    const sub = SUBCOMMANDS.find((c) => c.name === command || c.aliases?.includes(command));
    if (sub) {
      const flags = subFlags(ctx, sub.name, sub.usage, sub.flags, rest, sub.interspersed ?? true, sub.short);
      if (flags === "help") return 0;
      if (!flags) return 1;
      return await sub.run(ctx, parsed.flags, flags.flags, flags.args);
    }
  } catch (error) {
    if (error instanceof ComposeError) {
      ctx.io.stderr(`${error.message}\n`);
      return ctx.io.signal?.aborted ? 130 : 1;
    }
    if (error instanceof EngineError) {
      ctx.io.stderr(`Error response from daemon: ${error.message}\n`);
      return 1;
    }
    if (ctx.io.signal?.aborted) return 130;
    throw error;
  }
  if (NOT_YET.has(command)) {
    ctx.io.stderr(`dockyard: 'docker compose ${command}' is not simulated yet; 'docker compose config' checks and prints your compose file.\n`);
    return 1;
  }
  ctx.io.stderr(`unknown docker command: "compose ${command}"\n`);
  return 1;
}
