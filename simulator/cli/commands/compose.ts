/**
 * `docker compose`: the Compose plugin's global flags, then its subcommand. The loader
 * (simulator/compose) reads files from the person's shell; `config` and `version` work,
 * the lifecycle commands (up, down, ps...) are not simulated yet and say so.
 */
import type { CommandContext } from "../command.ts";
import { FlagError, flagUsages, parseFlags, type FlagSpec, type FlagValues } from "../flags.ts";
import { COMPOSE_VERSION } from "../../engine/versions.ts";
import { ComposeError, dependencyGraph, formatWarning, loadProject, projectToYaml, startOrder, type ComposeHost, type LoadOptions } from "../../compose/index.ts";


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
const NOT_YET = new Set(["up", "down", "ps", "logs", "build", "start", "stop", "restart", "rm", "pull", "push", "exec", "run", "create", "kill", "pause", "unpause", "top", "events", "port", "images", "ls", "cp", "wait", "watch", "scale", "stats", "attach", "commit", "export", "publish", "volumes", "bridge", "alpha", "viz"]);

const COMMANDS: [string, string][] = [
  ["config", "Parse, resolve and render compose file in canonical format"],
  ["version", "Show the Docker Compose version information"],
];

function rootHelp(): string {
  const width = Math.max(...COMMANDS.map(([c]) => c.length));
  return (
    "Usage:  docker compose [OPTIONS] COMMAND\n\nDefine and run multi-container applications with Docker\n\n" +
    `Options:\n${flagUsages(GLOBAL_FLAGS)}\n` +
    `Commands:\n${COMMANDS.map(([c, s]) => `  ${c.padEnd(width)}  ${s}\n`).join("")}\n` +
    "Run 'docker compose COMMAND --help' for more information on a command.\n"
  );
}

/** The shell's files as the compose loader sees them. */
function composeHost(ctx: CommandContext): ComposeHost {
  const { host } = ctx;
  return {
    cwd: host.cwd,
    env: host.env,
    readFile: (path) => host.readFile(path),
    exists: (path) => (host.exists ? host.exists(path) : host.readFile(path).then(() => true, () => false)),
  };
}

function loadOptions(flags: FlagValues): LoadOptions {
  const options: LoadOptions = {};
  if (flags["file"]) options.files = flags["file"] as string[];
  if (flags["project-name"] !== undefined) options.projectName = flags["project-name"] as string;
  if (flags["project-directory"] !== undefined) options.projectDirectory = flags["project-directory"] as string;
  if (flags["env-file"]) options.envFiles = flags["env-file"] as string[];
  return options;
}

/** Parse a subcommand's flags; prints Compose's usage error and returns undefined when they are wrong. */
function subFlags(ctx: CommandContext, name: string, usage: string, specs: FlagSpec[], argv: string[]) {
  try {
    const parsed = parseFlags(argv, specs);
    if (parsed.help) {
      ctx.io.stdout(`Usage:  docker compose ${name} ${usage}\n\nOptions:\n${flagUsages(specs)}`);
      return "help" as const;
    }
    return parsed;
  } catch (error) {
    if (error instanceof FlagError) {
      ctx.io.stderr(`${error.message}\n`);
      return undefined;
    }
    throw error;
  }
}

async function config(ctx: CommandContext, global: FlagValues, argv: string[]): Promise<number> {
  const parsed = subFlags(ctx, "config", "[OPTIONS] [SERVICE...]", CONFIG_FLAGS, argv);
  if (parsed === "help") return 0;
  if (!parsed) return 1;
  const { flags, args } = parsed;
  const project = await loadProject(composeHost(ctx), loadOptions(global));
  for (const warning of project.warnings) ctx.io.stderr(`${formatWarning(warning)}\n`);
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
  } catch (error) {
    if (error instanceof ComposeError) {
      ctx.io.stderr(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  if (NOT_YET.has(command)) {
    ctx.io.stderr(`dockyard: 'docker compose ${command}' is not simulated yet; 'docker compose config' checks and prints your compose file.\n`);
    return 1;
  }
  ctx.io.stderr(`unknown docker command: "compose ${command}"\n`);
  return 1;
}
