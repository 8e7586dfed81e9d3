import type { CommandSpec } from "../command.ts";
import { humanDuration } from "../format/units.ts";
import { tabwrite } from "../format/tabwriter.ts";
import { describeError } from "./errors.ts";

/** Cut to `width` columns with an ellipsis, as formatter.Ellipsis does. */
export const ellipsis = (text: string, width: number) => ([...text].length <= width ? text : `${[...text].slice(0, width - 1).join("")}…`);

/** docker ps / docker container ls */
export const ps: CommandSpec = {
  name: "ls",
  aliases: ["ps", "list"],
  usage: "[OPTIONS]",
  short: "List containers",
  args: { max: 0 },
  flags: [
    { long: "all", short: "a", type: "bool", usage: "Show all containers (default shows just running)" },
    { long: "filter", short: "f", type: "list", valueName: "filter", usage: "Filter output based on conditions provided" },
    { long: "format", type: "string", usage: "Format output using a custom template" },
    { long: "last", short: "n", type: "int", usage: "Show n last created containers (includes all states)", default: -1 },
    { long: "latest", short: "l", type: "bool", usage: "Show the latest created container (includes all states)" },
    { long: "no-trunc", type: "bool", usage: "Don't truncate output" },
    { long: "quiet", short: "q", type: "bool", usage: "Only display container IDs" },
    { long: "size", short: "s", type: "bool", usage: "Display total file sizes" },
  ],
  async run(ctx, flags) {
    try {
      const last = flags["latest"] === true ? 1 : (flags["last"] as number);
      let list = await ctx.engine.containerList({ all: flags["all"] === true || last > 0 });
      if (last > 0) list = list.slice(0, last);
      const noTrunc = flags["no-trunc"] === true;
      const id = (full: string) => (noTrunc ? full : full.slice(0, 12));
      if (flags["quiet"] === true) {
        ctx.io.stdout(list.map((c) => `${id(c.Id)}\n`).join(""));
        return 0;
      }
      const now = ctx.now();
      const rows = list.map((c) => [
        id(c.Id),
        c.Image,
        JSON.stringify(noTrunc ? c.Command : ellipsis(c.Command, 20)),
        `${humanDuration(now - c.Created * 1000)} ago`,
        c.Status,
        "",
        c.Names.map((n) => n.slice(1)).join(","),
      ]);
      ctx.io.stdout(tabwrite([["CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"], ...rows]));
      return 0;
    } catch (error) {
      ctx.io.stderr(`${describeError(error)}\n`);
      return 1;
    }
  },
};
