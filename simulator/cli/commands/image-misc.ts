/** docker rmi, tag, history, search and image prune. */
import type { CommandSpec } from "../command.ts";
import { humanDuration, humanSize } from "../format/units.ts";
import { FormatError, renderRows } from "../format/output.ts";
import { parseReference } from "../../engine/reference.ts";
import { describeError } from "./errors.ts";
import { confirmThen } from "./confirm.ts";
import { ellipsis } from "./ps.ts";

export const rmi: CommandSpec = {
  name: "rm",
  aliases: ["remove"],
  usage: "[OPTIONS] IMAGE [IMAGE...]",
  short: "Remove one or more images",
  args: { min: 1 },
  flags: [
    { long: "force", short: "f", type: "bool", usage: "Force removal of the image" },
    { long: "no-prune", type: "bool", usage: "Do not delete untagged parents" },
  ],
  async run({ engine, io }, flags, names) {
    let failed = false;
    for (const name of names) {
      try {
        for (const item of await engine.imageRemove(name, { force: flags["force"] === true })) {
          io.stdout("Untagged" in item ? `Untagged: ${item.Untagged}\n` : `Deleted: ${item.Deleted}\n`);
        }
      } catch (error) {
        io.stderr(`${describeError(error)}\n`);
        failed = true;
      }
    }
    return failed ? 1 : 0;
  },
};

export const tag: CommandSpec = {
  name: "tag",
  usage: "SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]",
  short: "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE",
  args: { min: 2, max: 2 },
  flags: [],
  async run({ engine, io }, _flags, [source, target]) {
    try {
      try {
        parseReference(target!);
      } catch (error) {
        io.stderr(`Error parsing reference: "${target}" is not a valid repository/tag: ${describeError(error)}\n`);
        return 1;
      }
      await engine.imageTag(source!, target!);
      return 0;
    } catch (error) {
      io.stderr(`${describeError(error)}\n`);
      return 1;
    }
  },
};

export const history: CommandSpec = {
  name: "history",
  usage: "[OPTIONS] IMAGE",
  short: "Show the history of an image",
  args: { min: 1, max: 1 },
  flags: [
    { long: "format", type: "string", usage: "Format output using a custom template" },
    { long: "human", short: "H", type: "bool", usage: "Print sizes and dates in human readable format", default: true },
    { long: "no-trunc", type: "bool", usage: "Don't truncate output" },
    { long: "quiet", short: "q", type: "bool", usage: "Only show image IDs" },
  ],
  async run({ engine, io, now }, flags, [name]) {
    try {
      const items = await engine.imageHistory(name!);
      const noTrunc = flags["no-trunc"] === true;
      const human = flags["human"] !== false;
      if (flags["quiet"] === true) {
        io.stdout(items.map((i) => `${noTrunc ? i.Id : i.Id.replace("sha256:", "").slice(0, 12)}\n`).join(""));
        return 0;
      }
      const rows = items.map((i) => ({
        ID: i.Id === "<missing>" ? i.Id : noTrunc ? i.Id : i.Id.replace("sha256:", "").slice(0, 12),
        CreatedSince: human ? `${humanDuration(now() - i.Created * 1000)} ago` : new Date(i.Created * 1000).toISOString().replace(".000Z", "Z"),
        CreatedAt: new Date(i.Created * 1000).toISOString().replace(".000Z", "Z"),
        CreatedBy: noTrunc ? i.CreatedBy : ellipsis(i.CreatedBy.replace(/\t/g, " "), 45),
        Size: human ? humanSize(i.Size, 3) : String(i.Size),
        Comment: i.Comment,
      }));
      const defaultFormat = human ? "table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}" : "table {{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}";
      io.stdout(renderRows(flags["format"] as string | undefined, defaultFormat, rows, { ID: "IMAGE", CreatedSince: "CREATED", CreatedAt: "CREATED AT", CreatedBy: "CREATED BY", Size: "SIZE", Comment: "COMMENT" }));
      return 0;
    } catch (error) {
      io.stderr(`${error instanceof FormatError ? error.message : describeError(error)}\n`);
      return 1;
    }
  },
};

export const search: CommandSpec = {
  name: "search",
  usage: "[OPTIONS] TERM",
  short: "Search Docker Hub for images",
  args: { min: 1, max: 1 },
  flags: [
    { long: "filter", short: "f", type: "list", valueName: "filter", usage: "Filter output based on conditions provided" },
    { long: "format", type: "string", usage: "Pretty-print search using a Go template" },
    { long: "limit", type: "int", usage: "Max number of search results" },
    { long: "no-trunc", type: "bool", usage: "Don't truncate output" },
  ],
  async run({ engine, io }, flags, [term]) {
    try {
      let results = await engine.imageSearch(term!, typeof flags["limit"] === "number" ? { limit: flags["limit"] } : {});
      for (const filter of (flags["filter"] as string[] | undefined) ?? []) {
        const [key, value = ""] = filter.split("=");
        if (key === "is-official") results = results.filter((r) => r.is_official === (value === "true"));
        else if (key === "stars") results = results.filter((r) => r.star_count >= Number(value));
        else {
          io.stderr(`Error response from daemon: invalid filter '${key}'\n`);
          return 1;
        }
      }
      const noTrunc = flags["no-trunc"] === true;
      const rows = results.map((r) => ({
        Name: r.name,
        Description: noTrunc ? r.description : ellipsis(r.description, 45),
        StarCount: String(r.star_count),
        IsOfficial: r.is_official ? "[OK]" : "",
        IsAutomated: r.is_automated ? "[OK]" : "",
      }));
      io.stdout(renderRows(flags["format"] as string | undefined, "table {{.Name}}\t{{.Description}}\t{{.StarCount}}\t{{.IsOfficial}}", rows, { Name: "NAME", Description: "DESCRIPTION", StarCount: "STARS", IsOfficial: "OFFICIAL", IsAutomated: "AUTOMATED" }));
      return 0;
    } catch (error) {
      io.stderr(`${error instanceof FormatError ? error.message : describeError(error)}\n`);
      return 1;
    }
  },
};

export const imagePrune: CommandSpec = {
  name: "prune",
  usage: "[OPTIONS]",
  short: "Remove unused images",
  args: { max: 0 },
  flags: [
    { long: "all", short: "a", type: "bool", usage: "Remove all unused images, not just dangling ones" },
    { long: "filter", type: "list", valueName: "filter", usage: "Provide filter values (e.g. \"until=<timestamp>\")" },
    { long: "force", short: "f", type: "bool", usage: "Do not prompt for confirmation" },
  ],
  async run(ctx, flags) {
    const { engine } = ctx;
    const all = flags["all"] === true;
    const warning = all ? "WARNING! This will remove all images without at least one container associated to them." : "WARNING! This will remove all dangling images.";
    return confirmThen(ctx, flags["force"] === true, `${warning}\nAre you sure you want to continue? [y/N] `, async (io) => {
      try {
        const { ImagesDeleted, SpaceReclaimed } = await engine.imagePrune({ all });
        if (ImagesDeleted.length > 0) io.stdout(`Deleted Images:\n${ImagesDeleted.map((i) => ("Untagged" in i ? `untagged: ${i.Untagged}\n` : `deleted: ${i.Deleted}\n`)).join("")}\n`);
        io.stdout(`Total reclaimed space: ${humanSize(SpaceReclaimed)}\n`);
        return 0;
      } catch (error) {
        io.stderr(`${describeError(error)}\n`);
        return 1;
      }
    });
  },
};

