import type { CommandSpec } from "../command.ts";
import type { ImageSummary } from "../../backend/engine.ts";
import { humanSize } from "../format/units.ts";
import { humanDuration } from "../format/units.ts";
import { tabwrite, displayWidth } from "../format/tabwriter.ts";
import { describeError } from "./errors.ts";

const shortId = (id: string) => id.replace(/^sha256:/, "").slice(0, 12);

/** The classic table: REPOSITORY TAG IMAGE ID CREATED SIZE (with --format table, -q or --digests). */
function classicTable(images: ImageSummary[], now: number, quiet: boolean): string {
  const rows: string[][] = [];
  for (const image of images) {
    const tags = image.RepoTags.length > 0 ? image.RepoTags : ["<none>:<none>"];
    for (const repoTag of tags) {
      const i = repoTag.lastIndexOf(":");
      rows.push([repoTag.slice(0, i), repoTag.slice(i + 1), shortId(image.Id), `${humanDuration(now - image.Created * 1000)} ago`, humanSize(image.Size, 3)]);
    }
  }
  if (quiet) return [...new Set(rows.map((r) => r[2]))].map((id) => `${id}\n`).join("");
  return tabwrite([["REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"], ...rows]);
}

/** Docker 29's default tree view: IMAGE ID DISK USAGE CONTENT SIZE EXTRA. */
export function imageTree(images: ImageSummary[], isTTY: boolean, columns: number): string {
  const rows = images
    .flatMap((image) => image.RepoTags.slice().sort().map((tag) => ({ name: tag, image })))
    .sort((a, b) => a.name.localeCompare(b.name));
  const inUse = rows.some((r) => r.image.Containers > 0);
  const extraWidth = 5;
  const widest = Math.max("IMAGE".length, ...rows.map((r) => r.name.length));
  const otherColumns = 12 + 10 + 12 + extraWidth + 4 * 3;
  const nameWidth = isTTY && columns > 0 ? Math.max(12, Math.min(widest, columns - otherColumns)) : widest;
  const cell = (text: string, width: number, right = false) => {
    const w = displayWidth(text);
    if (w > width) return `${text.slice(0, Math.max(0, width - 1))}…`;
    return right ? " ".repeat(width - w) + text : text + " ".repeat(width - w);
  };
  const sep = "   ";
  let out = "";
  if (isTTY && columns > 0 && inUse) {
    const legend = "i Info →   U  In Use";
    out += `${" ".repeat(Math.max(0, columns - displayWidth(legend)))}${legend}\n`;
  }
  out += [cell("IMAGE", nameWidth), cell("ID", 12), cell("DISK USAGE", 10, true), cell("CONTENT SIZE", 12, true), cell("EXTRA", extraWidth)].join(sep) + "\n";
  for (const { name, image } of rows) {
    const extra = inUse ? (image.Containers > 0 ? "U" : " ") : "";
    out += [cell(name, nameWidth), cell(shortId(image.Id), 12), cell(humanSize(image.Size, 3), 10, true), cell(humanSize(image.ContentSize, 3), 12, true), cell(extra, extraWidth)].join(sep) + "\n";
  }
  return out;
}

/** docker images / docker image ls */
export const images: CommandSpec = {
  name: "ls",
  aliases: ["images", "list"],
  usage: "[OPTIONS] [REPOSITORY[:TAG]]",
  short: "List images",
  args: { max: 1 },
  flags: [
    { long: "all", short: "a", type: "bool", usage: "Show all images (default hides intermediate and dangling images)" },
    { long: "digests", type: "bool", usage: "Show digests" },
    { long: "filter", short: "f", type: "list", valueName: "filter", usage: "Filter output based on conditions provided" },
    { long: "format", type: "string", usage: "Format output using a custom template" },
    { long: "no-trunc", type: "bool", usage: "Don't truncate output" },
    { long: "quiet", short: "q", type: "bool", usage: "Only show image IDs" },
    { long: "tree", type: "bool", usage: "List multi-platform images as a tree (EXPERIMENTAL)" },
  ],
  async run(ctx, flags, args) {
    try {
      let list = await ctx.engine.imageList();
      if (args[0]) {
        const [repo, tag] = args[0].split(":");
        list = list.filter((i) => i.RepoTags.some((t) => t.startsWith(`${repo}:`) && (tag === undefined || t === `${repo}:${tag}`)));
      }
      list.sort((a, b) => b.Created - a.Created);
      const quiet = flags["quiet"] === true;
      if (quiet || flags["format"] !== undefined || flags["digests"] === true) {
        ctx.io.stdout(classicTable(list, ctx.now(), quiet));
        return 0;
      }
      if (!ctx.io.isTTY) ctx.io.stderr("WARNING: This output is designed for human readability. For machine-readable output, please use --format.\n");
      ctx.io.stdout(imageTree(list, ctx.io.isTTY, ctx.io.columns));
      return 0;
    } catch (error) {
      ctx.io.stderr(`${describeError(error)}\n`);
      return 1;
    }
  },
};
