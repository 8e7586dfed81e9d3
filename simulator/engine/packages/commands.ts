/**
 * Programs that package managers install (`apt-get install python3`, `apk add nginx`) carry the
 * name of their program model in the executable itself, so they work in every layer, container
 * and committed image. This makes them commands in the container's shells, as the image's own
 * program models are.
 */
import { defineCommand, type IFileSystem } from "just-bash";
import { modelOf } from "../../catalog/packages/files.ts";
import { commandNames } from "../../catalog/packages/index.ts";

const PLAIN = "\x7fELF (simulated executable)\n";
const PATH_DIRS = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];

/** The program model a file on disk names (by its marker), following symlinks. */
export async function installedModel(fs: IFileSystem, path: string): Promise<string | undefined> {
  try {
    const real = await fs.realpath(path);
    const stat = await fs.stat(real);
    if (!stat.isFile || stat.size > 4096) return undefined;
    return modelOf(await fs.readFile(real));
  } catch {
    return undefined;
  }
}

/** Whether a file is a binary (or a marked console script) rather than a script the shell should read. */
export async function isBinary(fs: IFileSystem, path: string): Promise<boolean> {
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile || stat.size > 4096) return false;
    const text = await fs.readFile(path);
    return text.startsWith("\x7fELF") || modelOf(text) !== undefined;
  } catch {
    return false;
  }
}

export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Runs program model `model` as command `name` with `args` in a shell's context. */
export type RunModel = (model: string, name: string, args: string[], ctx: { cwd: string; env: Map<string, string>; exec?: (command: string, options: { cwd: string }) => Promise<CommandResult> }) => Promise<CommandResult>;

/** Commands for every installable program name not already provided by the image's program models. */
export function installedCommands(fs: IFileSystem, imageNames: Map<string, string>, programs: Record<string, string>, known: (model: string) => boolean, run: RunModel) {
  return [...commandNames].filter((name) => !imageNames.has(name)).map((name) =>
    defineCommand(name, async (args, ctx) => {
      const path = await onPath(fs, name, ctx.env.get("PATH") ?? PATH_DIRS.join(":"));
      if (!path) return { stdout: "", stderr: `bash: ${name}: command not found\n`, exitCode: 127 };
      const real = await fs.realpath(path).catch(() => path);
      const text = await fs.readFile(real).catch(() => "");
      // A marked executable runs its model; an image's plain binary of a modelled tool (git, make) runs that tool's.
      const model = programs[real] ?? (await installedModel(fs, real)) ?? (text === PLAIN && known(name) ? name : undefined);
      if (model && known(model)) return run(model, name, args, ctx);
      // Not one of ours: a script someone put there runs as one; anything else cannot run.
      if (text.startsWith("#!") && ctx.exec) return ctx.exec(`sh ${path} ${args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(" ")}`, { cwd: ctx.cwd });
      return { stdout: "", stderr: `bash: ${path}: cannot execute binary file: Exec format error\n`, exitCode: 126 };
    }),
  );
}

async function onPath(fs: IFileSystem, name: string, path: string): Promise<string | undefined> {
  for (const dir of path.split(":").filter(Boolean)) {
    const stat = await fs.stat(`${dir}/${name}`).catch(() => undefined);
    if (stat?.isFile) return `${dir}/${name}`;
  }
  return undefined;
}
