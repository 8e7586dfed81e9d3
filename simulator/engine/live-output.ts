/**
 * A container's main shell script prints as it runs. just-bash hands a script's output back only
 * when the script ends, so `sh -c 'while true; do echo hello; sleep 1; done'` would never reach
 * `docker logs`. Before the script runs, each command whose output goes straight to the script's
 * own stdout and stderr is given redirections to /proc/1/fd/1 and /proc/1/fd/2 first (its own
 * redirections still apply after them), and the container's shell view passes what is written there
 * to the log at once: output arrives command by command, as from a real PID 1.
 * Output that is captured ($(...)), piped into another command, or redirected by an enclosing
 * block is left alone, and so are function bodies (their callers decide where output goes).
 */
import { parse, serialize, type CommandNode, type IFileSystem, type PipelineNode, type ScriptNode, type StatementNode } from "just-bash";

export const LIVE_STDOUT = "/proc/1/fd/1";
export const LIVE_STDERR = "/proc/1/fd/2";

type Redirection = NonNullable<Extract<CommandNode, { type: "SimpleCommand" }>["redirections"]>[number];

const target = (path: string) => ({ type: "Word" as const, parts: [{ type: "Literal" as const, value: path }] });
const toStdout = (): Redirection => ({ type: "Redirection", fd: null, operator: ">>", target: target(LIVE_STDOUT) }) as Redirection;
const toStderr = (): Redirection => ({ type: "Redirection", fd: 2, operator: ">>", target: target(LIVE_STDERR) }) as Redirection;

/** Shells whose scripts get live output. */
const SHELLS = new Set(["sh", "bash", "ash", "dash"]);
const baseName = (path: string) => path.slice(path.lastIndexOf("/") + 1);

/**
 * The main process's argv with live output where it is a shell script: `sh -c SCRIPT [ARG0 ARGS]`,
 * or an executable script with a plain shell shebang (`CMD ["./start.sh"]`), which then runs as
 * `sh -c BODY ./start.sh ARGS` (the same $0 and arguments). Anything else is returned as it is.
 */
export async function liveArgv(argv: string[], fs: IFileSystem, cwd: string, path: string | undefined): Promise<string[]> {
  const [first = "", flag, script, ...rest] = argv;
  if (flag === "-c" && script !== undefined && SHELLS.has(baseName(first))) return [first, flag, liveScript(script), ...rest];
  const file = await scriptFile(first, fs, cwd, path);
  if (!file) return argv;
  const text = await fs.readFile(file).catch(() => "");
  const shebang = /^#!\s*(\S+)(?:\s+(\S+))?\s*\n/.exec(text);
  if (!shebang) return argv;
  // `#!/bin/sh` or `#!/usr/bin/env bash`; a shebang with options is left to the shell as it is.
  const shell = baseName(shebang[1]!) === "env" ? shebang[2] : shebang[2] === undefined ? shebang[1] : undefined;
  if (!shell || !SHELLS.has(baseName(shell))) return argv;
  return [shell.includes("/") ? shell : `/bin/${shell}`, "-c", liveScript(text.slice(shebang[0].length)), first, ...argv.slice(1)];
}

/** The executable file a command name runs, if it is a script the shell would run (by path, or found on PATH). */
async function scriptFile(name: string, fs: IFileSystem, cwd: string, path: string | undefined): Promise<string | undefined> {
  if (name === "") return undefined;
  const candidates = name.includes("/") ? [fs.resolvePath(cwd, name)] : (path ?? "").split(":").filter((dir) => dir.startsWith("/")).map((dir) => `${dir}/${name}`);
  for (const candidate of candidates) {
    const stat = await fs.stat(candidate).catch(() => undefined);
    if (!stat) continue;
    // Not a plain executable file: the shell reports it (permission denied, is a directory) as before.
    return stat.isFile && (stat.mode & 0o111) !== 0 && stat.size < 256 * 1024 ? candidate : undefined;
  }
  return undefined;
}

/** The script with live redirections added, or the script unchanged if it does not parse (the shell then reports why). */
export function liveScript(script: string): string {
  let ast: ScriptNode;
  try {
    ast = parse(script);
  } catch {
    return script;
  }
  if (!liveable(ast)) return script;
  statements(ast.statements);
  try {
    return serialize(ast);
  } catch {
    return script;
  }
}

/**
 * Scripts left as they are (their output then arrives when they end): a here-document, which just-bash
 * prints back with its body straight after `<<` and so breaks a pipeline that follows it
 * (`cat <<EOF | tr ...`); and `exec` with only redirections (`exec 2>&1`, `exec >log`), which changes
 * where every later command writes, as the added redirections would override.
 */
function liveable(ast: ScriptNode): boolean {
  let ok = true;
  const visit = (node: unknown): void => {
    if (!ok || node === null || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as { type?: string; operator?: string; name?: { parts?: { type: string; value?: string }[] } | null; args?: unknown[] };
    if (n.type === "Redirection" && (n.operator === "<<" || n.operator === "<<-")) ok = false;
    if (n.type === "SimpleCommand" && n.args?.length === 0 && n.name?.parts?.length === 1 && n.name.parts[0]!.value === "exec") ok = false;
    for (const value of Object.values(node)) visit(value);
  };
  visit(ast);
  return ok;
}

function statements(list: StatementNode[]): void {
  for (const statement of list) for (const pipeline of statement.pipelines) pipe(pipeline);
}

/** In a pipeline only the last command prints to the script's stdout; the others' stderr still does (unless `|&`). */
function pipe(pipeline: PipelineNode): void {
  const last = pipeline.commands.length - 1;
  pipeline.commands.forEach((command, i) => {
    if (i === last) live(command, true);
    else if (!pipeline.pipeStderr?.[i]) live(command, false);
  });
}

function live(command: CommandNode, stdout: boolean): void {
  switch (command.type) {
    case "SimpleCommand": {
      // Assignments alone print nothing; `exec` would make the redirections the shell's own.
      const name = command.name?.parts.length === 1 && command.name.parts[0]!.type === "Literal" ? command.name.parts[0]!.value : undefined;
      if (command.name === null || name === "exec") return;
      command.redirections = [...(stdout ? [toStdout()] : []), toStderr(), ...command.redirections];
      return;
    }
    case "FunctionDef":
    case "ArithmeticCommand":
    case "ConditionalCommand":
      return;
    default:
      // A block whose output goes elsewhere (`done > file`, `} 2>&1`) keeps it all.
      if (command.redirections.length > 0 || !stdout) return;
      for (const body of blocks(command)) statements(body);
  }
}

function blocks(command: Exclude<CommandNode, { type: "SimpleCommand" | "FunctionDef" | "ArithmeticCommand" | "ConditionalCommand" }>): StatementNode[][] {
  switch (command.type) {
    case "If":
      return [...command.clauses.flatMap((clause) => [clause.condition, clause.body]), ...(command.elseBody ? [command.elseBody] : [])];
    case "While":
    case "Until":
      return [command.condition, command.body];
    case "Case":
      return command.items.map((item) => item.body);
    default:
      return [command.body];
  }
}
