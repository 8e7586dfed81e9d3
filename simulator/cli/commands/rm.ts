import type { CommandSpec } from "../command.ts";
import { describeError } from "./errors.ts";
import { EngineError } from "../../backend/errors.ts";

/** docker rm / docker container rm */
export const rm: CommandSpec = {
  name: "rm",
  aliases: ["remove"],
  usage: "[OPTIONS] CONTAINER [CONTAINER...]",
  short: "Remove one or more containers",
  args: { min: 1 },
  flags: [
    { long: "force", short: "f", type: "bool", usage: "Force the removal of a running container (uses SIGKILL)" },
    { long: "link", short: "l", type: "bool", usage: "Remove the specified link" },
    { long: "volumes", short: "v", type: "bool", usage: "Remove anonymous volumes associated with the container" },
  ],
  async run({ engine, io }, flags, names) {
    let failed = false;
    for (const name of names) {
      try {
        await engine.containerRemove(name, { force: flags["force"] === true, volumes: flags["volumes"] === true });
        io.stdout(`${name}\n`);
      } catch (error) {
        io.stderr(`${describeError(error)}\n`);
        // With -f, a container that is already gone is reported but is not a failure.
        if (flags["force"] === true && error instanceof EngineError && error.statusCode === 404) continue;
        failed = true;
      }
    }
    return failed ? 1 : 0;
  },
};
