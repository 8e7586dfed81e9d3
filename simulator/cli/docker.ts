/** The `docker` command: finds the subcommand, parses its flags, and reports usage errors as Docker does. */
import type { CommandContext, CommandSpec } from "./command.ts";
import { groupHelpText, helpText } from "./command.ts";
import { FlagError, parseFlags } from "./flags.ts";
import { groups, shortcuts } from "./registry.ts";
import { CLIENT_GIT_COMMIT, CLIENT_VERSION } from "../engine/versions.ts";
import { describeError } from "./commands/errors.ts";

interface Resolved {
  path: string;
  spec: CommandSpec;
  aliases: string[];
  rest: string[];
}

const plural = (n: number) => (n === 1 ? "argument" : "arguments");

/** Every way to invoke a command, as --help lists them: the management forms, then the shortcut. */
function aliasesOf(spec: CommandSpec): string[] {
  const found = new Set<string>();
  for (const group of groups) {
    if (group.commands.includes(spec)) {
      for (const word of [spec.name, ...(spec.aliases ?? [])]) found.add(`docker ${group.name} ${word}`);
    }
  }
  for (const s of shortcuts) if (s.spec === spec) found.add(`docker ${s.word}`);
  return found.size > 1 ? [...found] : [];
}

function resolve(argv: string[]): Resolved | { group: string } | { unknown: string } | { unknownIn: string; word: string } | undefined {
  const [first, second, ...rest] = argv;
  if (first === undefined) return undefined;
  const shortcut = shortcuts.find((s) => s.word === first);
  if (shortcut) return { path: `docker ${first}`, spec: shortcut.spec, aliases: [], rest: argv.slice(1) };
  const group = groups.find((g) => g.name === first);
  if (group) {
    if (second === undefined || second.startsWith("-")) return { group: group.name };
    const spec = group.commands.find((c) => c.name === second || c.aliases?.includes(second));
    if (!spec) return { unknownIn: group.name, word: second };
    return { path: `docker ${group.name} ${second}`, spec, aliases: [], rest };
  }
  return { unknown: `docker ${first}` };
}

function rootHelp(): string {
  const section = (title: string, entries: [string, string][]) => {
    const width = Math.max(...entries.map(([w]) => w.length));
    return `${title}:\n${entries.map(([w, s]) => `  ${w.padEnd(width)}  ${s}\n`).join("")}`;
  };
  const common = shortcuts.filter((s) => s.group === "common").map((s) => [s.word, s.spec.short] as [string, string]);
  const management = groups.map((g) => [g.name, g.short] as [string, string]);
  const other = shortcuts.filter((s) => s.group === "other").map((s) => [s.word, s.spec.short] as [string, string]);
  return `Usage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n\n${section("Common Commands", common)}\n${section("Management Commands", management)}\n${section("Commands", other)}\nGlobal Options:\n      --config string      Location of client config files (default \"/home/learner/.docker\")\n  -c, --context string     Name of the context to use to connect to the daemon (overrides DOCKER_HOST env var and default context set with \"docker context use\")\n  -D, --debug              Enable debug mode\n  -H, --host string        Daemon socket to connect to\n  -l, --log-level string   Set the logging level (\"debug\", \"info\", \"warn\", \"error\", \"fatal\") (default \"info\")\n      --tls                Use TLS; implied by --tlsverify\n      --tlscacert string   Trust certs signed only by this CA (default \"/home/learner/.docker/ca.pem\")\n      --tlscert string     Path to TLS certificate file (default \"/home/learner/.docker/cert.pem\")\n      --tlskey string      Path to TLS key file (default \"/home/learner/.docker/key.pem\")\n      --tlsverify          Use TLS and verify the remote\n  -v, --version            Print version information and quit\n\nRun 'docker COMMAND --help' for more information on a command.\n`;
}

const GLOBAL_VALUE_FLAGS = new Map([["-l", "--log-level"], ["--log-level", "--log-level"], ["-H", "--host"], ["--host", "--host"], ["-c", "--context"], ["--context", "--context"], ["--config", "--config"], ["--tlscacert", "--tlscacert"], ["--tlscert", "--tlscert"], ["--tlskey", "--tlskey"]]);
const GLOBAL_BOOL_FLAGS = new Set(["-D", "--debug", "--tls", "--tlsverify"]);
const DEFAULT_HOSTS = new Set(["unix:///var/run/docker.sock", "/var/run/docker.sock"]);

/**
 * The options before the command (`docker -D build .`, `docker -H tcp://host:2375 ps`). This
 * sandbox has one daemon, on the default socket, in the default context: other hosts cannot be
 * reached, as a real client finds when nothing listens there.
 */
function parseGlobalOptions(argv: string[]): { rest: string[] } | { error: string; code: number } {
  let i = 0;
  while (i < argv.length && argv[i]!.startsWith("-") && argv[i] !== "-v" && argv[i] !== "--version") {
    const arg = argv[i]!;
    const eq = arg.indexOf("=");
    const name = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    if (GLOBAL_BOOL_FLAGS.has(name)) {
      i++;
      continue;
    }
    const long = GLOBAL_VALUE_FLAGS.get(name);
    if (!long) return { error: `unknown flag: ${arg}\n\nUsage:  docker [OPTIONS] COMMAND\n\nRun 'docker --help' for more information\n`, code: 125 };
    const value = eq > 0 && arg.startsWith("--") ? arg.slice(eq + 1) : argv[i + 1];
    if (value === undefined) return { error: `flag needs an argument: '${name.replace(/^-+/, "")}' in ${name}\n\nUsage:  docker [OPTIONS] COMMAND\n\nRun 'docker --help' for more information\n`, code: 125 };
    if (long === "--log-level" && !["debug", "info", "warn", "error", "fatal", "panic", "trace"].includes(value)) {
      return { error: `Unable to parse logging level: ${value}\n`, code: 1 };
    }
    if (long === "--host" && !DEFAULT_HOSTS.has(value)) {
      const shown = /^[a-z]+:\/\//.test(value) ? value : `tcp://${value}`;
      return { error: `Cannot connect to the Docker daemon at ${shown}. Is the docker daemon running?\n`, code: 1 };
    }
    if (long === "--context" && value !== "default") return { error: `context "${value}" does not exist\n`, code: 1 };
    i += eq > 0 && arg.startsWith("--") ? 1 : 2;
  }
  return { rest: argv.slice(i) };
}

/** Run `docker <argv>`; resolves with the exit code. Never throws. */
export async function docker(argv: string[], ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
    io.stdout(rootHelp());
    return 0;
  }
  if (argv[0] === "--version" || argv[0] === "-v") {
    io.stdout(`Docker version ${CLIENT_VERSION}, build ${CLIENT_GIT_COMMIT}\n`);
    return 0;
  }
  if (argv[0]!.startsWith("-")) {
    const global = parseGlobalOptions(argv);
    if ("error" in global) {
      io.stderr(global.error);
      return global.code;
    }
    return docker(global.rest, ctx);
  }
  if (argv[0] === "compose") {
    try {
      // Compose (its YAML parser and the schema validator) loads when it first runs.
      const { compose } = await import("./commands/compose.ts");
      return await compose(argv.slice(1), ctx);
    } catch (error) {
      io.stderr(`${describeError(error)}\n`);
      return 1;
    }
  }
  const found = resolve(argv);
  if (!found) return 0;
  if ("unknown" in found) {
    io.stderr(`docker: unknown command: ${found.unknown}\n\nRun 'docker --help' for more information\n`);
    return 1;
  }
  if ("unknownIn" in found) {
    io.stderr(`docker: unknown command: docker ${found.unknownIn} ${found.word}\n\nUsage:  docker ${found.unknownIn}\n\nRun 'docker ${found.unknownIn} --help' for more information\n`);
    return 1;
  }
  if ("group" in found) {
    io.stdout(groupHelpText(groups.find((g) => g.name === found.group)!));
    return 0;
  }
  const { path, spec, rest } = found;
  const usage = `Usage:  ${path} ${spec.usage}`;
  let parsed;
  try {
    parsed = parseFlags(rest, spec.flags, spec.interspersed ?? true);
  } catch (error) {
    if (error instanceof FlagError) {
      io.stderr(`${error.message}\n\n${usage}\n\nRun '${path} --help' for more information\n`);
      return 125;
    }
    throw error;
  }
  if (parsed.help) {
    io.stdout(helpText(path, spec, aliasesOf(spec)));
    return 0;
  }
  const { min = 0, max = Infinity } = spec.args ?? {};
  const n = parsed.args.length;
  let argError: string | undefined;
  if (max === 0 && n > 0) argError = `docker: '${path}' accepts no arguments\n\n${usage}\n\nRun '${path} --help' for more information`;
  else if (min === max && n !== min) argError = `docker: '${path}' requires ${min} ${plural(min)}\n\n${usage}\n\nRun '${path} --help' for more information`;
  else if (n < min) argError = `docker: '${path}' requires at least ${min} ${plural(min)}\n\n${usage}\n\nSee '${path} --help' for more information`;
  else if (n > max) argError = `docker: '${path}' requires at most ${max} ${plural(max)}\n\n${usage}\n\nRun '${path} --help' for more information`;
  if (argError) {
    io.stderr(`${argError}\n`);
    return 1;
  }
  try {
    return await spec.run(ctx, parsed.flags, parsed.args);
  } catch (error) {
    if (ctx.io.signal?.aborted) return 130;
    io.stderr(`${describeError(error)}\n`);
    return spec.usageExitCode ?? 1;
  }
}
