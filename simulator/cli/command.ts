/** How a docker subcommand is declared: usage, arguments and flags drive --help and usage errors. */
import type { ContainerConsole, Engine } from "../backend/engine.ts";
import { flagUsages, type FlagSpec, type FlagValues } from "./flags.ts";

/** Where a command writes, and what it knows of the terminal it writes to. */
export interface CommandIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal (tables and progress differ when piped). */
  isTTY: boolean;
  /** Terminal width in columns; 0 when not a terminal. */
  columns: number;
  /** What was piped into the command, when anything was. */
  stdin?: string;
  signal?: AbortSignal;
}

/** The host the docker client runs on: its files, environment and working directory. */
export interface ClientHost {
  readFile(path: string): Promise<string>;
  /** A file's bytes, for binary files (docker build sends archives as they are). */
  readFileBuffer?(path: string): Promise<Uint8Array>;
  /** Write a file (docker login keeps credentials in ~/.docker/config.json). */
  writeFile(path: string, text: string): Promise<void>;
  /** Write a file's bytes as they are (docker cp of a binary file from the real engine). */
  writeFileBuffer?(path: string, bytes: Uint8Array): Promise<void>;
  /** Create a directory and its parents. */
  mkdir(path: string): Promise<void>;
  /** What a path is, or undefined when nothing is there (docker cp). */
  stat?(path: string): Promise<{ type: "file" | "dir"; size: number } | undefined>;
  /** Whether a file or folder exists (docker compose looks for its files). */
  exists?(path: string): Promise<boolean>;
  /**
   * Every file and folder under a directory (docker build sends them as the context), by path
   * relative to it; rejects when `path` is not a directory.
   */
  listTree?(path: string): Promise<{ path: string; type: "file" | "dir" }[]>;
  env: Record<string, string>;
  cwd: string;
}

/** The person's terminal, when there is one: `-it` hands it to a container's shell. */
export interface Terminal {
  attach(console: ContainerConsole): void;
}

export interface CommandContext {
  engine: Engine;
  /** Present only when stdin and stdout are a terminal. */
  terminal?: Terminal;
  io: CommandIO;
  /** Current time in ms, from the simulator's clock. */
  now(): number;
  host: ClientHost;
}

export interface CommandSpec {
  /** The word that invokes it: `run`, `ls`. */
  name: string;
  /** Other words for it within its group (`ps`, `list` for `container ls`). */
  aliases?: string[];
  /** Everything after the command path in the usage line: `[OPTIONS] IMAGE [COMMAND] [ARG...]`. */
  usage: string;
  short: string;
  args?: { min?: number; max?: number };
  flags: FlagSpec[];
  /** False for commands that pass the rest of argv to a container (run, exec). */
  interspersed?: boolean;
  /** Exit code for usage errors and failures to start: 125 for run and create. */
  usageExitCode?: number;
  run(ctx: CommandContext, flags: FlagValues, args: string[]): Promise<number>;
}

/** A management group such as `docker container` or `docker image`. */
export interface CommandGroup {
  name: string;
  short: string;
  commands: CommandSpec[];
}

/** `Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]` body, as --help prints it. */
export function helpText(path: string, spec: CommandSpec, aliases: string[]): string {
  let text = `\nUsage:  ${path} ${spec.usage}\n\n${spec.short}\n`;
  if (aliases.length > 0) text += `\nAliases:\n  ${aliases.join(", ")}\n`;
  const options = flagUsages(spec.flags);
  if (options) text += `\nOptions:\n${options}`;
  return text;
}

export function groupHelpText(group: CommandGroup): string {
  const width = Math.max(...group.commands.map((c) => c.name.length));
  const lines = group.commands
    .slice()
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((c) => `  ${c.name.padEnd(width)}   ${c.short}\n`)
    .join("");
  return `\nUsage:  docker ${group.name} COMMAND\n\n${group.short}\n\nCommands:\n${lines}\nRun 'docker ${group.name} COMMAND --help' for more information on a command.\n`;
}
