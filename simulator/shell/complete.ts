/**
 * Tab completion for the host shell: docker's subcommands and flags (read from the CLI's own
 * declarations in cli/registry.ts), object names from the engine, and file names from the host.
 * Pure logic over a `CompletionSource`, so it is tested without a terminal.
 */
import type { CommandSpec } from "../cli/command.ts";
import type { FlagSpec } from "../cli/flags.ts";
import { groups, shortcuts } from "../cli/registry.ts";
import type { Completion } from "./completion.ts";

export type { Completion } from "./completion.ts";

/** Where names come from: the engine's objects and the host's folders. */
export interface CompletionSource {
  containers(): Promise<string[]>;
  /** `repo:tag` of every tagged image. */
  images(): Promise<string[]>;
  volumes(): Promise<string[]>;
  networks(): Promise<string[]>;
  /** Entries of a folder (relative to the shell's cwd, `~` for home); folders end with `/`. */
  listDir(dir: string): Promise<string[]>;
}

type NameKind = "container" | "image" | "volume" | "network" | "path" | "any";

/** Compose v5's subcommands (the plugin's own list; `docker compose --help`). */
const COMPOSE_COMMANDS = ["attach", "build", "commit", "config", "cp", "create", "down", "events", "exec", "export", "images", "kill", "logs", "ls", "pause", "port", "ps", "publish", "pull", "push", "restart", "rm", "run", "scale", "start", "stats", "stop", "top", "unpause", "up", "version", "volumes", "wait", "watch"];
const COMPOSE_FLAGS: FlagSpec[] = [
  { long: "file", short: "f", type: "stringArray", usage: "" },
  { long: "project-name", short: "p", type: "string", usage: "" },
  { long: "project-directory", type: "string", usage: "" },
  { long: "env-file", type: "stringArray", usage: "" },
];
const DOCKER_GLOBAL_FLAGS: FlagSpec[] = [{ long: "version", short: "v", type: "bool", usage: "" }];

/** The words of the shell command under the cursor, with where the current word starts. */
export function wordsBefore(line: string, cursor: number): { words: string[]; current: string; start: number } {
  const words: string[] = [];
  let word = "";
  let start = 0;
  let quote: string | undefined;
  let inWord = false;
  const text = line.slice(0, cursor);
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else word += c;
      continue;
    }
    if (c === "'" || c === '"') {
      if (!inWord) start = i;
      quote = c;
      inWord = true;
      continue;
    }
    if (c === "\\" && i + 1 < text.length) {
      if (!inWord) start = i;
      word += text[++i];
      inWord = true;
      continue;
    }
    if (/\s/.test(c) || c === "|" || c === ";" || c === "&" || c === "(" || c === ")") {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
      // A new command starts after a pipe or a list operator.
      if (c !== " " && c !== "\t" && c !== "\n") words.length = 0;
      continue;
    }
    if (!inWord) start = i;
    word += c;
    inWord = true;
  }
  return { words, current: word, start: inWord ? start : text.length };
}

/** Candidates for the word at `cursor` in `line`. */
export async function completeLine(line: string, cursor: number, source: CompletionSource): Promise<Completion> {
  const { words, current, start } = wordsBefore(line, cursor);
  const done = (candidates: string[]) => ({ start, candidates: unique(candidates.filter((c) => c.startsWith(current))) });
  if (words.length === 0) {
    if (current.includes("/")) return done(await paths(current, source));
    return done(["docker", "docker-compose"]);
  }
  const [command, ...rest] = words;
  if (command === "docker") return done(await dockerCandidates(rest, current, source));
  if (command === "docker-compose") return done(await composeCandidates(rest, current, source));
  return done(await paths(current, source));
}

async function dockerCandidates(args: string[], current: string, source: CompletionSource): Promise<string[]> {
  const positional = args.filter((a) => !a.startsWith("-"));
  if (args.length === 0 || positional.length === 0) {
    if (current.startsWith("-")) return flagWords(DOCKER_GLOBAL_FLAGS, true);
    // `compose` is a plugin the CLI dispatches itself, not a registry group.
    return [...shortcuts.map((s) => s.word), ...groups.map((g) => g.name), "compose"];
  }
  const first = args[0]!;
  if (first === "compose") return composeCandidates(args.slice(1), current, source);
  const group = groups.find((g) => g.name === first);
  if (group) {
    const sub = args[1];
    if (sub === undefined) return current.startsWith("-") ? ["--help"] : group.commands.flatMap((c) => [c.name, ...(c.aliases ?? [])]);
    const spec = group.commands.find((c) => c.name === sub || c.aliases?.includes(sub));
    return spec ? specCandidates(spec, args.slice(2), current, source) : [];
  }
  const shortcut = shortcuts.find((s) => s.word === first);
  return shortcut ? specCandidates(shortcut.spec, args.slice(1), current, source) : [];
}

/** Flags, a flag's value, or the next positional argument of one command. */
async function specCandidates(spec: CommandSpec, args: string[], current: string, source: CompletionSource): Promise<string[]> {
  const previous = args.at(-1);
  const valueOf = previous ? flagTakingValue(previous, spec.flags) : undefined;
  if (valueOf) return flagValueCandidates(valueOf, current, source);
  const positionals = positionalArgs(args, spec.flags);
  // run/exec: after the image or container, the words belong to the container's command.
  if (spec.interspersed === false && positionals.length > 0) return paths(current, source);
  if (current.startsWith("-")) return flagWords(spec.flags, false);
  return names(kindAt(spec.usage, positionals.length), current, source);
}

async function composeCandidates(args: string[], current: string, source: CompletionSource): Promise<string[]> {
  const previous = args.at(-1);
  const valueOf = previous ? flagTakingValue(previous, COMPOSE_FLAGS) : undefined;
  if (valueOf) return flagValueCandidates(valueOf, current, source);
  const positionals = positionalArgs(args, COMPOSE_FLAGS);
  if (current.startsWith("-")) return positionals.length === 0 ? flagWords(COMPOSE_FLAGS, false) : ["--help"];
  return positionals.length === 0 ? COMPOSE_COMMANDS : [];
}

/** The flag a word names when that flag takes a value in the next word (`-f`, `--name`). */
function flagTakingValue(word: string, flags: FlagSpec[]): FlagSpec | undefined {
  if (word.startsWith("--")) {
    if (word.includes("=")) return undefined;
    const spec = flags.find((f) => f.long === word.slice(2));
    return spec && spec.type !== "bool" ? spec : undefined;
  }
  if (word.startsWith("-") && word.length >= 2) {
    // In `-it` or `-dp`, only the last letter can take the next word as its value.
    const spec = flags.find((f) => f.short === word.at(-1));
    return spec && spec.type !== "bool" && [...word.slice(1, -1)].every((c) => flags.find((f) => f.short === c)?.type === "bool") ? spec : undefined;
  }
  return undefined;
}

/** Positional arguments so far, skipping flags and the values they consume. */
function positionalArgs(args: string[], flags: FlagSpec[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") return [...out, ...args.slice(i + 1)];
    if (arg.startsWith("-") && arg.length > 1) {
      if (flagTakingValue(arg, flags)) i++;
      continue;
    }
    out.push(arg);
  }
  return out;
}

function flagWords(flags: FlagSpec[], global: boolean): string[] {
  const visible = flags.filter((f) => !f.hidden);
  return [...visible.map((f) => `--${f.long}`), ...visible.filter((f) => f.short).map((f) => `-${f.short}`), ...(global ? [] : ["--help"])];
}

/** What a flag's value names: files after `-f`, networks after `--network`, and so on. */
async function flagValueCandidates(flag: FlagSpec, current: string, source: CompletionSource): Promise<string[]> {
  switch (flag.long) {
    case "file":
    case "env-file":
    case "project-directory":
    case "cidfile":
    case "label-file":
      return paths(current, source);
    case "network":
    case "net":
      return ["bridge", "host", "none", ...(await source.networks())];
    case "volumes-from":
    case "link":
      return source.containers();
    case "volume":
    case "mount":
      return current.startsWith("/") || current.startsWith(".") || current.startsWith("~") ? paths(current, source) : (await source.volumes()).map((v) => `${v}:`);
    default:
      return [];
  }
}

/** The kind of name expected as positional argument number `index`, read from the usage line. */
export function kindAt(usage: string, index: number): NameKind | undefined {
  const tokens = usage.replace(/\[OPTIONS\]\s*/g, "").split(/\s+/).filter(Boolean);
  let token: string | undefined = tokens[index];
  if (token === undefined) {
    // `CONTAINER [CONTAINER...]`: the repeated last operand keeps its kind.
    const repeated = tokens.at(-1)?.match(/^\[([A-Z_|]+)\.\.\.\]$/);
    token = repeated ? repeated[1] : undefined;
  }
  if (!token) return undefined;
  const word = token.replace(/^\[|\]$/g, "").replace(/\[.*$/, "");
  if (word === "NAME|ID") return "any";
  if (word.includes("CONTAINER")) return "container";
  if (word.includes("IMAGE") || word === "NAME" || word === "REPOSITORY") return "image";
  if (word.includes("VOLUME")) return "volume";
  if (word.includes("NETWORK")) return "network";
  if (word.includes("PATH") || word === "CONTEXT") return "path";
  return undefined;
}

async function names(kind: NameKind | undefined, current: string, source: CompletionSource): Promise<string[]> {
  switch (kind) {
    case "container":
      return source.containers();
    case "image":
      return source.images();
    case "volume":
      return source.volumes();
    case "network":
      return source.networks();
    case "path":
      return paths(current, source);
    case "any":
      return [...(await source.containers()), ...(await source.images()), ...(await source.volumes()), ...(await source.networks())];
    default:
      return [];
  }
}

/** File and folder names for a word such as `app/Do` (folder `app/`, prefix `Do`). */
async function paths(current: string, source: CompletionSource): Promise<string[]> {
  const slash = current.lastIndexOf("/");
  const dir = slash >= 0 ? current.slice(0, slash + 1) : "";
  const prefix = current.slice(slash + 1);
  let entries: string[];
  try {
    entries = await source.listDir(dir === "" ? "." : dir);
  } catch {
    return [];
  }
  // Hidden files only when asked for, as bash does.
  return entries.filter((e) => e.startsWith(prefix) && (prefix.startsWith(".") || !e.startsWith("."))).map((e) => dir + e);
}

function unique(values: string[]): string[] {
  return [...new Set(values)].sort();
}
