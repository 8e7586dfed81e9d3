import type { CommandSpec } from "../command.ts";
import { describeError } from "./errors.ts";
import { isInteractiveShell } from "../../engine/console.ts";

/** docker exec / docker container exec */
export const exec: CommandSpec = {
  name: "exec",
  usage: "[OPTIONS] CONTAINER COMMAND [ARG...]",
  short: "Execute a command in a running container",
  args: { min: 2 },
  interspersed: false,
  usageExitCode: 126,
  flags: [
    { long: "detach", short: "d", type: "bool", usage: "Detached mode: run command in the background" },
    { long: "env", short: "e", type: "list", usage: "Set environment variables" },
    { long: "interactive", short: "i", type: "bool", usage: "Keep STDIN open even if not attached" },
    { long: "privileged", type: "bool", usage: "Give extended privileges to the command" },
    { long: "tty", short: "t", type: "bool", usage: "Allocate a pseudo-TTY" },
    { long: "user", short: "u", type: "string", usage: "Username or UID (format: \"<name|uid>[:<group|gid>]\")" },
    { long: "workdir", short: "w", type: "string", usage: "Working directory inside the container" },
  ],
  async run(ctx, flags, [container, ...command]) {
    const { engine, io } = ctx;
    const detach = flags["detach"] === true;
    const wantsConsole = flags["tty"] === true && flags["interactive"] === true && !detach;
    if (wantsConsole && !ctx.terminal) {
      ctx.io.stderr("the input device is not a TTY\n");
      return 1;
    }
    try {
      if (wantsConsole && ctx.terminal && isInteractiveShell(command)) {
        ctx.terminal.attach(await ctx.engine.containerExecConsole(container!, { Cmd: command, Tty: true, AttachStdin: true, ...(typeof flags["workdir"] === "string" ? { WorkingDir: flags["workdir"] } : {}) }));
        return 0;
      }
      const run = engine.containerExec(
        container!,
        {
          Cmd: command,
          ...(flags["env"] ? { Env: flags["env"] as string[] } : {}),
          ...(typeof flags["workdir"] === "string" ? { WorkingDir: flags["workdir"] } : {}),
          ...(typeof flags["user"] === "string" ? { User: flags["user"] } : {}),
          Tty: flags["tty"] === true,
        },
        detach ? {} : {
          onOutput: (chunk) => (chunk.stream === "stdout" ? io.stdout : io.stderr)(chunk.text),
          ...(io.signal ? { signal: io.signal } : {}),
          ...(flags["interactive"] === true && io.stdin !== undefined ? { stdin: io.stdin } : {}),
        },
      );
      if (detach) {
        run.catch(() => {});
        return 0;
      }
      return (await run).ExitCode;
    } catch (error) {
      const message = describeError(error);
      // runc's exec failure arrives on the attached stream (stdout), not as a daemon error.
      if (message.includes("OCI runtime exec failed")) {
        io.stdout(`${message.replace(/^Error response from daemon: /, "")}\n`);
        return 126;
      }
      io.stderr(`${message}\n`);
      return 1;
    }
  },
};
