import type { CommandSpec } from "../command.ts";
import { parseReference } from "../../engine/reference.ts";
import { describeError } from "./errors.ts";

/** docker commit / docker container commit */
export const commit: CommandSpec = {
  name: "commit",
  usage: "[OPTIONS] CONTAINER [REPOSITORY[:TAG]]",
  short: "Create a new image from a container's changes",
  args: { min: 1, max: 2 },
  flags: [
    { long: "author", short: "a", type: "string", usage: 'Author (e.g., "John Hannibal Smith <hannibal@a-team.com>")' },
    { long: "change", short: "c", type: "list", usage: "Apply Dockerfile instruction to the created image" },
    { long: "message", short: "m", type: "string", usage: "Commit message" },
    { long: "pause", short: "p", type: "bool", usage: "Pause container during commit", default: true },
  ],
  async run({ engine, io }, flags, [container, reference]) {
    if (reference !== undefined) {
      try {
        parseReference(reference);
      } catch (error) {
        io.stderr(`${describeError(error)}\n`);
        return 1;
      }
    }
    try {
      const { Id } = await engine.containerCommit(container!, {
        ...(reference !== undefined ? { reference } : {}),
        ...(typeof flags["message"] === "string" ? { comment: flags["message"] } : {}),
        ...(typeof flags["author"] === "string" ? { author: flags["author"] } : {}),
        ...(flags["change"] ? { changes: flags["change"] as string[] } : {}),
      });
      io.stdout(`${Id}\n`);
      return 0;
    } catch (error) {
      io.stderr(`${describeError(error)}\n`);
      return 1;
    }
  },
};
