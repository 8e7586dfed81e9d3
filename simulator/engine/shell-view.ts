/**
 * How a container's shell sees its filesystem. just-bash runs a command it knows only when
 * PATH finds it as /bin/NAME or /usr/bin/NAME; an executable anywhere else it runs as a
 * script. Program models live where the real images put them (/usr/sbin/nginx,
 * /usr/local/bin/python3 -> python3.13), so in the shell's view each program name appears as
 * /usr/bin/NAME, and its other places on PATH do not "exist" for the command lookup (stat,
 * ls and cat still see them).
 */
import type { FsStat, IFileSystem } from "just-bash";
import type { LayeredFs } from "./layered-fs.ts";
import { LIVE_STDERR, LIVE_STDOUT } from "./live-output.ts";

/** Where PID 1's stdout and stderr go: what the shell writes to /proc/1/fd/1 and 2 arrives here at once. */
export interface LiveOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

const PATH_DIRS = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];

/** Image programs are fixed per image: their names are found once. */
const namesByImage = new WeakMap<Record<string, string>, Map<string, string>>();

/** Every name a program model answers to on PATH (its file and the links to it) -> its real path. */
export async function programNames(fs: LayeredFs, programs: Record<string, string>): Promise<Map<string, string>> {
  const cached = namesByImage.get(programs);
  if (cached) return cached;
  const names = new Map<string, string>();
  for (const path of Object.keys(programs)) names.set(path.slice(path.lastIndexOf("/") + 1), path);
  if (names.size > 0) {
    for (const dir of PATH_DIRS) {
      const entries = await fs.readdirWithFileTypes(dir).catch(() => []);
      for (const entry of entries) {
        if (!entry.isSymbolicLink) continue;
        const real = await fs.realpath(`${dir}/${entry.name}`).catch(() => "");
        if (programs[real]) names.set(entry.name, real);
      }
    }
  }
  namesByImage.set(programs, names);
  return names;
}

/** The command a program model's executable runs as when the shell executes it by its path. */
export const EXEC_COMMAND = "__dockyard_exec";
/** just-bash runs an executable given by path as a script: for a program model, this script hands it to EXEC_COMMAND. */
const TRAMPOLINE = `${EXEC_COMMAND} "$#" "$0" "$1" "$2" "$3" "$4" "$5" "$6" "$7" "$8" "$9"\n`;

/**
 * `isProgram` tells whether a file is a binary (read as a script, it hands itself to EXEC_COMMAND, which runs its model);
 * `live` receives what is written to /proc/1/fd/1 and /proc/1/fd/2 (the main process's shell only).
 */
export function shellView(fs: IFileSystem, names: Map<string, string>, isProgram?: (path: string) => Promise<boolean>, live?: LiveOutput): IFileSystem {
  const liveStream = (path: string) => (!live ? undefined : path === LIVE_STDOUT ? live.stdout : path === LIVE_STDERR ? live.stderr : undefined);
  const text = (content: unknown) => (typeof content === "string" ? content : content instanceof Uint8Array ? new TextDecoder().decode(content) : String(content));
  const split = (path: string) => [path.slice(0, path.lastIndexOf("/")) || "/", path.slice(path.lastIndexOf("/") + 1)] as const;
  const moved = (path: string) => {
    const [dir, name] = split(path);
    return dir === "/usr/bin" ? names.get(name) : undefined;
  };
  const hidden = (path: string) => {
    const [dir, name] = split(path);
    return names.has(name) && dir !== "/usr/bin" && PATH_DIRS.includes(dir);
  };
  return new Proxy(fs, {
    get(target, property, receiver) {
      const original = Reflect.get(target, property, receiver) as unknown;
      if (typeof original !== "function") return original;
      switch (property) {
        case "exists":
          return async (path: string) => (path === `/usr/bin/${EXEC_COMMAND}` || liveStream(path) ? true : hidden(path) ? false : moved(path) ? true : target.exists(path));
        case "appendFile":
        case "writeFile":
          return async (path: string, content: unknown, options?: unknown) => {
            const stream = liveStream(path);
            if (!stream) return (target[property] as (p: string, c: unknown, o?: unknown) => Promise<void>)(path, content, options);
            const written = text(content);
            if (written !== "") stream(written);
          };
        case "stat":
        case "lstat":
          return async (path: string): Promise<FsStat> => {
            if (path === `/usr/bin/${EXEC_COMMAND}`) return { isFile: true, isDirectory: false, isSymbolicLink: false, mode: 0o100755, size: 0, mtime: new Date(0) };
            if (liveStream(path)) return { isFile: true, isDirectory: false, isSymbolicLink: false, mode: 0o100620, size: 0, mtime: new Date(0) };
            const real = moved(path);
            return real ? target.stat(real) : target[property as "stat"](path);
          };
        case "readFile":
          return async (path: string, options?: unknown) => {
            const file = moved(path) ?? path;
            if (isProgram && options === undefined && (await isProgram(file))) return TRAMPOLINE;
            return target.readFile(file, options as never);
          };
        default:
          return original.bind(target);
      }
    },
  });
}
