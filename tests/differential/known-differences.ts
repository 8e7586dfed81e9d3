/**
 * Where the reference engine (Debian's dockerd 20.10.24 + containerd 1.6 + runc 1.1, driven by
 * docker CLI 28) is known to print something other than Docker 29, the simulator's target.
 * Each entry either rewrites the real result (already normalised) into Docker 29's text, or stops
 * comparing some parts. Keep it short: anything not listed here is a simulator bug until shown otherwise.
 */
import type { CommandResult } from "./result.ts";
import type { Part } from "./transcript.ts";

export interface KnownDifference {
  /** The commands it concerns. */
  command: RegExp;
  /** Optional predicate over the two normalised results (real first) and the command. */
  when?: (real: CommandResult, sim: CommandResult, command: string) => boolean;
  /** Rewrite the real result into what Docker 29 prints. */
  rewrite?: (real: CommandResult, command: string) => CommandResult;
  /** Or stop comparing these parts. */
  ignore?: Part[];
  /** One line: why. */
  reason: string;
}

const onStderr = (f: (s: string, command: string) => string) => (r: CommandResult, command: string): CommandResult => ({ ...r, stderr: f(r.stderr, command) });

/** The container operands of `docker rm ...` (words that are not flags). */
const rmOperands = (command: string): string[] => command.split(/\s+/).slice(2).filter((w) => !w.startsWith("-"));

export const knownDifferences: KnownDifference[] = [
  {
    command: /^docker\s+(images|image\s+(ls|list))\b(?!.*\s(-q|--quiet|--format|--digests|--tree)\b)/,
    ignore: ["stdout", "stderr"],
    reason: "plain `docker images` is a tree (IMAGE ID DISK USAGE CONTENT SIZE EXTRA) since Docker 29; CLI 28 prints the classic table",
  },
  {
    command: /^docker\s+(container\s+)?(rm|remove)\b/,
    when: (real) => /You cannot remove a running container/.test(real.stderr),
    rewrite: onStderr((s, command) => {
      const [name] = rmOperands(command);
      return s.replace(
        /You cannot remove a running container <ID64>\. Stop the container before attempting removal or force remove/,
        `cannot remove container "/${name}": container is running: stop the container before removing or force remove`,
      );
    }),
    reason: "Docker 25+ says `cannot remove container \"/NAME\": container is running: ...`; 20.10 said `You cannot remove a running container ID. ...`",
  },
  {
    command: /^docker\s+(container\s+)?(run|start)\b/,
    when: (real) => real.stderr.includes("Error response from daemon: failed to create shim task:"),
    rewrite: onStderr((s) =>
      s
        .replace("Error response from daemon: failed to create shim task:", "Error response from daemon: failed to create task for container: failed to create shim task:")
        .replace("unable to start container process: exec:", "unable to start container process: error during container init: exec:"),
    ),
    reason: "moby 23+ prefixes `failed to create task for container:`; runc 1.2+ (Docker 29 ships 1.3) adds `error during container init:`",
  },
  {
    command: /^docker\s+(container\s+)?(kill|pause|unpause|exec|stop|restart)\b/,
    when: (real) => /Container <ID64> is (not running|already paused|not paused)|Cannot kill container:/.test(real.stderr),
    rewrite: onStderr((s) => s.replace(/\bContainer (<ID64> is (?:not running|already paused|not paused))/g, "container $1").replace(/Cannot kill container:/g, "cannot kill container:")),
    reason: "moby lower-cased these daemon errors after 20.10 (`container ID is not running`, `cannot kill container: ...`); least certain entry: confirm on a Docker 29 engine",
  },
  {
    command: /^docker\s+(rmi|image\s+(rm|remove))\b/,
    when: (real) => /^(Deleted: sha256:<DIGEST>\n){2,}/m.test(real.stdout),
    rewrite: (real) => ({ ...real, stdout: real.stdout.replace(/(Deleted: sha256:<DIGEST>\n)+/, "Deleted: sha256:<DIGEST>\n") }),
    reason: "20.10's graph driver also lists each deleted layer; Docker 29's containerd image store prints one Deleted line for the image",
  },
  {
    command: /^docker\s+(port|ps|container\s+(port|ls|ps))\b/,
    when: (real) => /:::\d/.test(real.stdout),
    rewrite: (real) => ({ ...real, stdout: real.stdout.replace(/:::(\d)/g, "[::]:$1") }),
    reason: "20.10 writes the IPv6 any-address as `:::8080`; current docker/cli brackets it: `[::]:8080`",
  },
];
