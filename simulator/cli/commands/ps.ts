import type { CommandSpec } from "../command.ts";
import type { ContainerSummary } from "../../backend/engine.ts";
import { humanDuration, humanSize } from "../format/units.ts";
import { FormatError, renderRows } from "../format/output.ts";
import { parseFilters } from "../../engine/filters.ts";
import { describeError } from "./errors.ts";
import { displayablePorts } from "../format/ports.ts";

/** Cut to `width` columns with an ellipsis, as formatter.Ellipsis does. */
export const ellipsis = (text: string, width: number) => ([...text].length <= width ? text : `${[...text].slice(0, width - 1).join("")}…`);

/** Go's time.Time String(): `2026-11-28 12:00:00 +0000 UTC`. */
export const goTime = (seconds: number) => `${new Date(seconds * 1000).toISOString().replace("T", " ").replace(/\.\d+Z$/, "")} +0000 UTC`;

const HEADERS = { ID: "CONTAINER ID", Image: "IMAGE", Command: "COMMAND", CreatedAt: "CREATED AT", RunningFor: "CREATED", Ports: "PORTS", State: "STATE", Status: "STATUS", Size: "SIZE", Names: "NAMES", Labels: "LABELS", Mounts: "MOUNTS", LocalVolumes: "LOCAL VOLUMES", Networks: "NETWORKS" };

/** `{{.Label "key"}}` is a method in docker/cli's container context, so templates can call it. */
class ContainerRow {
  readonly #labels: Record<string, string>;

  constructor(fields: Record<string, unknown>, labels: Record<string, string>) {
    Object.assign(this, fields);
    this.#labels = labels;
  }

  Label(name: string): string {
    return this.#labels[name] ?? "";
  }
}

/** The fields `--format` templates see for one container (docker/cli's container context). */
export function containerContext(c: ContainerSummary, now: number, trunc: boolean): Record<string, unknown> {
  const labels = Object.entries(c.Labels).map(([k, v]) => `${k}=${v}`).join(",");
  return new ContainerRow({
    ID: trunc ? c.Id.slice(0, 12) : c.Id,
    Names: c.Names.map((n) => n.slice(1)).join(","),
    Image: c.Image,
    Command: JSON.stringify(trunc ? ellipsis(c.Command, 20) : c.Command),
    CreatedAt: goTime(c.Created),
    RunningFor: `${humanDuration(now - c.Created * 1000)} ago`,
    Ports: displayablePorts(c.Ports),
    State: c.State,
    Status: c.Status,
    Size: c.SizeRw === undefined ? "0B" : `${humanSize(c.SizeRw, 3)} (virtual ${humanSize(c.SizeRootFs ?? 0, 3)})`,
    Labels: labels,
    Mounts: "",
    LocalVolumes: "0",
    Networks: "bridge",
  }, c.Labels) as unknown as Record<string, unknown>;
}

/** docker ps / docker container ls */
export const ps: CommandSpec = {
  name: "ls",
  aliases: ["list", "ps"],
  usage: "[OPTIONS]",
  short: "List containers",
  args: { max: 0 },
  flags: [
    { long: "all", short: "a", type: "bool", usage: "Show all containers (default shows just running)" },
    { long: "filter", short: "f", type: "list", valueName: "filter", usage: "Filter output based on conditions provided" },
    { long: "format", type: "string", usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { long: "last", short: "n", type: "int", usage: "Show n last created containers (includes all states)", default: -1 },
    { long: "latest", short: "l", type: "bool", usage: "Show the latest created container (includes all states)" },
    { long: "no-trunc", type: "bool", usage: "Don't truncate output" },
    { long: "quiet", short: "q", type: "bool", usage: "Only display container IDs" },
    { long: "size", short: "s", type: "bool", usage: "Display total file sizes" },
  ],
  async run(ctx, flags) {
    try {
      const last = flags["latest"] === true ? 1 : (flags["last"] as number);
      const size = flags["size"] === true;
      const list = await ctx.engine.containerList({
        all: flags["all"] === true,
        size,
        ...(last > 0 ? { limit: last } : {}),
        filters: parseFilters((flags["filter"] as string[] | undefined) ?? []),
      });
      const trunc = flags["no-trunc"] !== true;
      const format = flags["quiet"] === true ? "{{.ID}}" : (flags["format"] as string | undefined);
      const defaultFormat = `table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}${size ? "\t{{.Size}}" : ""}`;
      const now = ctx.now();
      ctx.io.stdout(renderRows(format, defaultFormat, list.map((c) => containerContext(c, now, trunc)), HEADERS));
      return 0;
    } catch (error) {
      ctx.io.stderr(`${error instanceof FormatError ? error.message : describeError(error)}\n`);
      return 1;
    }
  },
};
