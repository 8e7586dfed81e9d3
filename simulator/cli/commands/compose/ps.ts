/** `docker compose ps`, `ls`, `images` and `top`: what the project's labels find on the engine. */
import type { ContainerInspect } from "../../../backend/engine.ts";
import { LABEL } from "../../../compose/labels.ts";
import { failure, projectContainers, toProjectContainer, type ProjectContainer } from "../../../compose/runtime.ts";
import { renderRows } from "../../format/output.ts";
import { displayablePorts } from "../../format/ports.ts";
import { tabwrite } from "../../format/tabwriter.ts";
import { humanDuration, humanSize } from "../../format/units.ts";
import { ellipsis, goTime } from "../ps.ts";
import { loadFor, type ComposeCommand } from "./shared.ts";

const PS_HEADERS = { Name: "NAME", Image: "IMAGE", Command: "COMMAND", Service: "SERVICE", RunningFor: "CREATED", Status: "STATUS", Ports: "PORTS", ID: "CONTAINER ID", State: "STATE", Project: "PROJECT", CreatedAt: "CREATED AT", Health: "HEALTH", ExitCode: "EXIT CODE", Size: "SIZE", Labels: "LABELS", Mounts: "MOUNTS", Networks: "NETWORKS", LocalVolumes: "LOCAL VOLUMES" };
const STATUSES = ["paused", "restarting", "removing", "running", "dead", "created", "exited"];

/** One row of `compose ps`: docker/cli's container fields plus compose's Service, Project, Health, Publishers. */
function psRow(c: ProjectContainer, inspect: ContainerInspect | undefined, now: number, trunc: boolean): Record<string, unknown> {
  const s = c.summary;
  const mounts = (inspect?.Mounts ?? []).map((m) => m.Name ?? m.Source);
  return {
    ID: trunc ? s.Id.slice(0, 12) : s.Id,
    Name: c.name,
    Names: c.name,
    Image: s.Image,
    Command: JSON.stringify(trunc ? ellipsis(s.Command, 20) : s.Command),
    Project: s.Labels[LABEL.project] ?? "",
    Service: c.service,
    CreatedAt: goTime(s.Created),
    RunningFor: `${humanDuration(now - s.Created * 1000)} ago`,
    State: s.State,
    Status: s.Status,
    Health: inspect?.State.Health?.Status ?? "",
    ExitCode: inspect?.State.ExitCode ?? 0,
    Ports: displayablePorts(s.Ports),
    Publishers: s.Ports.map((p) => ({ URL: p.IP ?? "", TargetPort: p.PrivatePort, PublishedPort: p.PublicPort ?? 0, Protocol: p.Type })),
    Labels: Object.entries(s.Labels).map(([k, v]) => `${k}=${v}`).join(","),
    LocalVolumes: String((inspect?.Mounts ?? []).filter((m) => m.Type === "volume").length),
    Mounts: mounts.join(","),
    Networks: Object.keys(inspect?.NetworkSettings.Networks ?? {}).join(","),
    Size: "0B",
  };
}

export const ps: ComposeCommand = {
  name: "ps",
  usage: "[OPTIONS] [SERVICE...]",
  short: "List containers",
  flags: [
    { long: "all", short: "a", type: "bool", usage: "Show all stopped containers (including those created by the run command)" },
    { long: "quiet", short: "q", type: "bool", usage: "Only display IDs" },
    { long: "services", type: "bool", usage: "Display services" },
    { long: "status", type: "stringArray", usage: "Filter services by status. Values: [paused | restarting | removing | running | dead | created | exited]", valueName: "stringArray" },
    { long: "filter", type: "string", usage: "Filter services by a property (supported filters: status)" },
    { long: "format", type: "string", usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates", default: "table" },
    { long: "no-trunc", type: "bool", usage: "Don't truncate output" },
    { long: "orphans", type: "bool", usage: "Include orphaned services (not declared by project)", default: true },
  ],
  async run(ctx, global, flags, args) {
    const project = await loadFor(ctx, global);
    for (const s of args) if (!(s in project.services)) throw failure(`no such service: ${s}`);
    const statuses = [...((flags["status"] as string[] | undefined) ?? [])];
    const filter = flags["filter"] as string | undefined;
    if (filter !== undefined) {
      const [key, value] = filter.split("=");
      if (key !== "status" || value === undefined) throw failure(`no such filter: ${key}`);
      statuses.push(value);
    }
    for (const s of statuses) if (!STATUSES.includes(s)) throw failure(`invalid filter 'status=${s}'`);
    const all = flags["all"] === true || statuses.length > 0;
    let list = await projectContainers(ctx.engine, project.name, { all, oneOff: all ? "include" : false, services: args });
    if (statuses.length > 0) list = list.filter((c) => statuses.includes(c.summary.State));
    if (flags["orphans"] === false) list = list.filter((c) => c.service in project.services);
    list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (flags["services"] === true) {
      const names = [...new Set(list.map((c) => c.service))];
      ctx.io.stdout(names.map((n) => `${n}\n`).join(""));
      return 0;
    }
    if (flags["quiet"] === true) {
      ctx.io.stdout(list.map((c) => `${c.id}\n`).join(""));
      return 0;
    }
    const format = flags["format"] as string;
    const trunc = flags["no-trunc"] !== true;
    const needsInspect = format === "json" || /Health|ExitCode|Mounts|Networks|LocalVolumes/.test(format);
    const inspected = needsInspect ? await Promise.all(list.map((c) => ctx.engine.containerInspect(c.id).catch(() => undefined))) : list.map(() => undefined);
    const rows = list.map((c, i) => psRow(c, inspected[i], ctx.now(), trunc));
    const defaultFormat = "table {{.Name}}\t{{.Image}}\t{{.Command}}\t{{.Service}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}";
    ctx.io.stdout(renderRows(format, defaultFormat, rows, PS_HEADERS));
    return 0;
  },
};

/** `running(2)`, `exited(1), running(1)`: a project's containers counted by state. */
function combinedStatus(states: string[]): string {
  const counts = new Map<string, number>();
  for (const s of states) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts.keys()].sort().map((s) => `${s}(${counts.get(s)})`).join(", ");
}

export const ls: ComposeCommand = {
  name: "ls",
  usage: "[OPTIONS]",
  short: "List running compose projects",
  flags: [
    { long: "all", short: "a", type: "bool", usage: "Show all stopped Compose projects" },
    { long: "quiet", short: "q", type: "bool", usage: "Only display project names" },
    { long: "format", type: "string", usage: "Format the output. Values: [table | json]", default: "table" },
    { long: "filter", type: "stringArray", usage: "Filter output based on conditions provided", valueName: "filter" },
  ],
  async run(ctx, _global, flags) {
    const all = flags["all"] === true;
    const containers = (await ctx.engine.containerList({ all: true, filters: { label: [LABEL.project] } })).map(toProjectContainer);
    const projects = new Map<string, { states: string[]; files: string }>();
    for (const c of containers) {
      const name = c.summary.Labels[LABEL.project]!;
      const entry = projects.get(name) ?? { states: [], files: "" };
      entry.states.push(c.summary.State);
      entry.files ||= c.summary.Labels[LABEL.configFiles] ?? "";
      projects.set(name, entry);
    }
    let rows = [...projects].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, p]) => ({ Name: name, Status: combinedStatus(p.states), ConfigFiles: p.files, running: p.states.includes("running") }));
    if (!all) rows = rows.filter((r) => r.running);
    for (const f of (flags["filter"] as string[] | undefined) ?? []) {
      const [key, value = ""] = f.split("=");
      if (key !== "name") throw failure(`invalid filter '${key}'`);
      rows = rows.filter((r) => r.Name.includes(value));
    }
    if (flags["quiet"] === true) {
      ctx.io.stdout(rows.map((r) => `${r.Name}\n`).join(""));
      return 0;
    }
    const format = flags["format"] as string;
    if (format === "json") {
      ctx.io.stdout(`${JSON.stringify(rows.map(({ Name, Status, ConfigFiles }) => ({ Name, Status, ConfigFiles })))}\n`);
      return 0;
    }
    if (format !== "table") throw failure(`format value ${JSON.stringify(format)} could not be parsed: parsing failed`);
    ctx.io.stdout(tabwrite([["NAME", "STATUS", "CONFIG FILES"], ...rows.map((r) => [r.Name, r.Status, r.ConfigFiles])]));
    return 0;
  },
};

export const images: ComposeCommand = {
  name: "images",
  usage: "[OPTIONS] [SERVICE...]",
  short: "List images used by the created containers",
  flags: [
    { long: "quiet", short: "q", type: "bool", usage: "Only display IDs" },
    { long: "format", type: "string", usage: "Format the output. Values: [table | json]", default: "table" },
  ],
  async run(ctx, global, flags, args) {
    const project = await loadFor(ctx, global);
    const list = await projectContainers(ctx.engine, project.name, { oneOff: "include", services: args });
    const rows: { container: string; repo: string; tag: string; id: string; size: number; created: number }[] = [];
    for (const c of list) {
      const image = await ctx.engine.imageInspect(c.summary.ImageID).catch(() => undefined);
      const ref = c.summary.Image;
      const colon = ref.lastIndexOf(":");
      const [repo, tag] = ref.startsWith("sha256:") ? ["", ""] : colon > ref.lastIndexOf("/") ? [ref.slice(0, colon), ref.slice(colon + 1)] : [ref, "latest"];
      rows.push({ container: c.name, repo, tag, id: c.summary.ImageID, size: image?.Size ?? 0, created: image ? Date.parse(image.Created) : 0 });
    }
    rows.sort((a, b) => (a.container < b.container ? -1 : 1));
    if (flags["quiet"] === true) {
      ctx.io.stdout([...new Set(rows.map((r) => r.id))].map((id) => `${id}\n`).join(""));
      return 0;
    }
    if (flags["format"] === "json") {
      ctx.io.stdout(`${JSON.stringify(rows.map((r) => ({ ID: r.id, ContainerName: r.container, Repository: r.repo, Tag: r.tag, Platform: "linux/amd64", Size: r.size, Created: new Date(r.created).toISOString() })))}\n`);
      return 0;
    }
    const table = rows.map((r) => [r.container, r.repo || "<none>", r.tag || "<none>", "linux/amd64", r.id.replace(/^sha256:/, "").slice(0, 12), humanSize(r.size, 3), r.created ? `${humanDuration(ctx.now() - r.created)} ago` : "N/A"]);
    ctx.io.stdout(tabwrite([["CONTAINER", "REPOSITORY", "TAG", "PLATFORM", "IMAGE ID", "SIZE", "CREATED"], ...table]));
    return 0;
  },
};

export const top: ComposeCommand = {
  name: "top",
  usage: "[SERVICES...]",
  short: "Display the running processes",
  flags: [],
  async run(ctx, global, _flags, args) {
    const project = await loadFor(ctx, global);
    const list = (await projectContainers(ctx.engine, project.name, { all: false, oneOff: "include", services: args })).sort((a, b) => (a.name < b.name ? -1 : 1));
    let out = "";
    for (const c of list) {
      const table = await ctx.engine.containerTop(c.id);
      out += `${c.name}\n${tabwrite([table.Titles, ...table.Processes])}\n`;
    }
    ctx.io.stdout(out);
    return 0;
  },
};
