import type { CommandSpec } from "../command.ts";
import type { ImageSummary } from "../../backend/engine.ts";
import { humanDuration, humanSize } from "../format/units.ts";
import { displayWidth } from "../format/tabwriter.ts";
import { FormatError, renderRows } from "../format/output.ts";
import { parseFilters } from "../../engine/filters.ts";
import { goTime } from "./ps.ts";
import { describeError } from "./errors.ts";

const shortId = (id: string) => id.replace(/^sha256:/, "").slice(0, 12);

/** The fields `--format` templates see for one image tag (docker/cli's image context). */
function imageRows(images: ImageSummary[], now: number, trunc: boolean): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const image of images) {
    const tags = image.RepoTags.length > 0 ? image.RepoTags : ["<none>:<none>"];
    for (const repoTag of tags) {
      const i = repoTag.lastIndexOf(":");
      const repository = repoTag.slice(0, i);
      const digest = image.RepoDigests.find((d) => d.startsWith(`${repository}@`))?.split("@")[1] ?? "<none>";
      rows.push({
        ID: trunc ? shortId(image.Id) : image.Id,
        Repository: repository,
        Tag: repoTag.slice(i + 1),
        Digest: digest,
        CreatedSince: `${humanDuration(now - image.Created * 1000)} ago`,
        CreatedAt: goTime(image.Created),
        Size: humanSize(image.Size, 3),
        Containers: image.Containers < 0 ? "N/A" : String(image.Containers),
        VirtualSize: humanSize(image.Size, 3),
        SharedSize: "N/A",
        UniqueSize: "N/A",
      });
    }
  }
  return rows;
}

const HEADERS = { ID: "IMAGE ID", Repository: "REPOSITORY", Tag: "TAG", Digest: "DIGEST", CreatedSince: "CREATED", CreatedAt: "CREATED AT", Size: "SIZE", Containers: "CONTAINERS", VirtualSize: "VIRTUAL SIZE", SharedSize: "SHARED SIZE", UniqueSize: "UNIQUE SIZE" };

/** Keep the images that pass `--filter` (reference, dangling, label). */
function filterImages(images: ImageSummary[], filters: Record<string, string[]>): ImageSummary[] {
  for (const key of Object.keys(filters)) {
    if (!["reference", "dangling", "label", "before", "since", "until"].includes(key)) throw new Error(`Error response from daemon: invalid filter '${key}'`);
  }
  const glob = (pattern: string) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, ".")}$`);
  const matchesReference = (image: ImageSummary, pattern: string) =>
    image.RepoTags.some((tag) => glob(pattern).test(pattern.includes(":") ? tag : tag.slice(0, tag.lastIndexOf(":"))));
  const references = filters["reference"] ?? [];
  // Only the names that match a reference filter are listed.
  const narrowed = references.length === 0 ? images : images.map((image) => ({
    ...image,
    RepoTags: image.RepoTags.filter((tag) => references.some((ref) => matchesReference({ ...image, RepoTags: [tag] }, ref))),
  }));
  return narrowed.filter((image) =>
    references.every((ref) => matchesReference(image, ref)) &&
    (filters["dangling"] ?? []).every((d) => (d === "true") === (image.RepoTags.length === 0)) &&
    (filters["label"] ?? []).every((l) => {
      const i = l.indexOf("=");
      return i < 0 ? l in image.Labels : image.Labels[l.slice(0, i)] === l.slice(i + 1);
    }),
  );
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
  aliases: ["list"],
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
      const filters = parseFilters((flags["filter"] as string[] | undefined) ?? []);
      if (args[0]) (filters["reference"] ??= []).push(args[0]);
      list = filterImages(list, filters);
      list.sort((a, b) => b.Created - a.Created);
      const quiet = flags["quiet"] === true;
      const digests = flags["digests"] === true;
      if (quiet || flags["format"] !== undefined || digests) {
        const format = quiet ? "{{.ID}}" : (flags["format"] as string | undefined);
        const defaultFormat = `table {{.Repository}}\t{{.Tag}}${digests ? "\t{{.Digest}}" : ""}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}`;
        ctx.io.stdout(renderRows(format, defaultFormat, imageRows(list, ctx.now(), flags["no-trunc"] !== true), HEADERS));
        return 0;
      }
      if (!ctx.io.isTTY) ctx.io.stderr("WARNING: This output is designed for human readability. For machine-readable output, please use --format.\n");
      ctx.io.stdout(imageTree(list, ctx.io.isTTY, ctx.io.columns));
      return 0;
    } catch (error) {
      ctx.io.stderr(`${error instanceof FormatError ? error.message : describeError(error)}\n`);
      return 1;
    }
  },
};
