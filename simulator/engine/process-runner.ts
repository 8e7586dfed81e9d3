/** Starting a container's main process: program models from the catalog, or commands in just-bash. */
import { Bash, InMemoryFs } from "just-bash";
import { programs } from "../catalog/programs/index.ts";
import type { LocalImage } from "./image-store.ts";
import type { Clock } from "./clock.ts";

export interface ProcessSpec {
  path: string;
  args: string[];
  env: string[];
  workingDir: string;
  hostname: string;
}

export interface ProcessIO {
  stdout(text: string): void;
  stderr(text: string): void;
  signal: AbortSignal;
}

/** Thrown when the runtime cannot exec the entrypoint, as runc reports it. */
export class StartError extends Error {
  constructor(readonly exitCode: number, message: string) {
    super(message);
  }
}

const envRecord = (env: string[]): Record<string, string> =>
  Object.fromEntries(env.map((e) => { const i = e.indexOf("="); return i < 0 ? [e, ""] : [e.slice(0, i), e.slice(i + 1)]; }));

/** Files a container sees: its image's layers, with /etc/hostname and /etc/hosts added by the runtime. */
export function containerFiles(image: LocalImage, hostname: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const layer of image.layers) Object.assign(files, layer.files);
  files["/etc/hostname"] = `${hostname}\n`;
  files["/etc/hosts"] = `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n172.17.0.2\t${hostname}\n`;
  return files;
}

/** Quote argv words for the shell so each stays one word. */
export const shellQuote = (words: string[]): string =>
  words.map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(" ");

const notFound = (path: string) =>
  new StartError(127, `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${path}": executable file not found in $PATH`);

/**
 * Check the entrypoint can be exec'd and return a function that runs it to completion.
 * Throws StartError (as `docker start` fails) when the executable is missing.
 */
export async function prepareProcess(image: LocalImage, spec: ProcessSpec, clock: Clock): Promise<(io: ProcessIO) => Promise<number>> {
  const programName = image.programs[spec.path];
  if (programName) {
    const program = programs[programName]!;
    return (io) => program({ argv: [spec.path, ...spec.args], env: envRecord(spec.env), stdout: io.stdout, stderr: io.stderr, signal: io.signal, clock });
  }
  const hasFilesystem = image.layers.some((l) => Object.keys(l.files).length > 0);
  if (!hasFilesystem) throw notFound(spec.path);
  const env = { HOSTNAME: spec.hostname, HOME: "/root", ...envRecord(spec.env) };
  const bash = new Bash({ fs: new InMemoryFs(containerFiles(image, spec.hostname)), cwd: spec.workingDir || "/", env });
  const found = await bash.exec(`command -v ${shellQuote([spec.path])}`, { replaceEnv: true, env });
  if (found.exitCode !== 0) throw notFound(spec.path);
  return async (io) => {
    const result = await bash.exec(shellQuote([spec.path, ...spec.args]), { signal: io.signal, replaceEnv: true, env });
    if (result.stdout) io.stdout(result.stdout);
    if (result.stderr) io.stderr(result.stderr);
    return result.exitCode;
  };
}
