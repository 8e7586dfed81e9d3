/** docker top, rename, diff and container prune. */
import type { CommandSpec } from "../command.ts";
import { humanSize } from "../format/units.ts";
import { tabwrite } from "../format/tabwriter.ts";
import { describeError } from "./errors.ts";
import { confirmThen } from "./confirm.ts";

export const top: CommandSpec = {
  name: "top",
  usage: "CONTAINER [ps OPTIONS]",
  short: "Display the running processes of a container",
  args: { min: 1 },
  interspersed: false,
  flags: [],
  async run({ engine, io }, _flags, [name, ...psArgs]) {
    try {
      const { Titles, Processes } = await engine.containerTop(name!, psArgs.length > 0 ? psArgs.join(" ") : undefined);
      io.stdout(tabwrite([Titles, ...Processes], 20, 3));
      return 0;
    } catch (error) {
      io.stderr(`${describeError(error)}\n`);
      return 1;
    }
  },
};

export const rename: CommandSpec = {
  name: "rename",
  usage: "CONTAINER NEW_NAME",
  short: "Rename a container",
  args: { min: 2, max: 2 },
  flags: [],
  async run({ engine, io }, _flags, [name, newName]) {
    if (newName!.trim() === "") {
      io.stderr("Error: Neither old nor new names may be empty\n");
      return 1;
    }
    try {
      await engine.containerRename(name!, newName!);
      return 0;
    } catch (error) {
      io.stderr(`${describeError(error)}\nError: failed to rename container named ${name}\n`);
      return 1;
    }
  },
};

export const diff: CommandSpec = {
  name: "diff",
  usage: "CONTAINER",
  short: "Inspect changes to files or directories on a container's filesystem",
  args: { min: 1, max: 1 },
  flags: [],
  async run({ engine, io }, _flags, [name]) {
    try {
      const changes = await engine.containerChanges(name!);
      io.stdout(changes.map((c) => `${"CAD"[c.Kind]} ${c.Path}\n`).join(""));
      return 0;
    } catch (error) {
      io.stderr(`${describeError(error)}\n`);
      return 1;
    }
  },
};

export const containerPrune: CommandSpec = {
  name: "prune",
  usage: "[OPTIONS]",
  short: "Remove all stopped containers",
  args: { max: 0 },
  flags: [
    { long: "filter", type: "list", valueName: "filter", usage: "Provide filter values (e.g. \"until=<timestamp>\")" },
    { long: "force", short: "f", type: "bool", usage: "Do not prompt for confirmation" },
  ],
  async run(ctx, flags) {
    const { engine } = ctx;
    return confirmThen(ctx, flags["force"] === true, "WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ", async (io) => {
      try {
        const { ContainersDeleted, SpaceReclaimed } = await engine.containerPrune();
        if (ContainersDeleted.length > 0) io.stdout(`Deleted Containers:\n${ContainersDeleted.map((id) => `${id}\n`).join("")}\n`);
        io.stdout(`Total reclaimed space: ${humanSize(SpaceReclaimed)}\n`);
        return 0;
      } catch (error) {
        io.stderr(`${describeError(error)}\n`);
        return 1;
      }
    });
  },
};
