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
  return `Usage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n\n${section("Common Commands", common)}\n${section("Management Commands", management)}\n${section("Commands", other)}\nGlobal Options:\n  -v, --version            Print version information and quit\n\nRun 'docker COMMAND --help' for more information on a command.\n`;
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
    io.stderr(`unknown flag: ${argv[0]}\n\nUsage:  docker [OPTIONS] COMMAND\n\nRun 'docker --help' for more information\n`);
    return 125;
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
