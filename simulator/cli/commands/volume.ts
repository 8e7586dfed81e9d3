/** docker volume create, ls, inspect, rm, prune. */
import type { CommandSpec } from "../command.ts";
import { humanSize } from "../format/units.ts";
import { FormatError, renderRows } from "../format/output.ts";
import { describeError } from "./errors.ts";
import { confirmThen } from "./confirm.ts";
import { forEach } from "./each.ts";
import { printInspected } from "./inspect.ts";

const labelsOf = (values: string[] | undefined) => Object.fromEntries((values ?? []).map((l) => { const i = l.indexOf("="); return i < 0 ? [l, ""] : [l.slice(0, i), l.slice(i + 1)]; }));

export const volumeCreate: CommandSpec = {
  name: "create",
  usage: "[OPTIONS] [VOLUME]",
  short: "Create a volume",
  args: { max: 1 },
  flags: [
    { long: "driver", short: "d", type: "string", usage: "Specify volume driver name", default: "local" },
    { long: "label", type: "list", usage: "Set metadata for a volume" },
    { long: "name", type: "string", usage: "Specify volume name", hidden: true },
    { long: "opt", short: "o", type: "list", valueName: "map", usage: "Set driver specific options" },
  ],
  async run({ engine, io }, flags, [name]) {
    const given = name ?? (typeof flags["name"] === "string" ? flags["name"] : undefined);
    if (name !== undefined && typeof flags["name"] === "string" && flags["name"] !== name) {
      io.stderr(`conflicting options: cannot specify a volume-name through both --name and as a positional arg\n`);
      return 1;
    }
    if (flags["driver"] !== "local") {
      io.stderr(`Error response from daemon: create ${given ?? ""}: error looking up volume plugin ${flags["driver"]}: plugin "${flags["driver"]}" not found\n`);
      return 1;
    }
    try {
      const volume = await engine.volumeCreate({ ...(given !== undefined ? { Name: given } : {}), Labels: labelsOf(flags["label"] as string[] | undefined) });
      io.stdout(`${volume.Name}\n`);
      return 0;
    } catch (error) {
      io.stderr(`${describeError(error)}\n`);
      return 1;
    }
  },
};

export const volumeLs: CommandSpec = {
  name: "ls",
  aliases: ["list"],
  usage: "[OPTIONS]",
  short: "List volumes",
  args: { max: 0 },
  flags: [
    { long: "cluster", type: "bool", usage: "Display only cluster volumes, and use cluster volume list formatting", hidden: true },
    { long: "filter", short: "f", type: "list", valueName: "filter", usage: "Provide filter values (e.g. \"dangling=true\")" },
    { long: "format", type: "string", usage: "Format output using a custom template" },
    { long: "quiet", short: "q", type: "bool", usage: "Only display volume names" },
  ],
  async run({ engine, io }, flags) {
    try {
      let volumes = await engine.volumeList();
      for (const filter of (flags["filter"] as string[] | undefined) ?? []) {
        const [key, value = ""] = filter.split("=");
        if (key === "name") volumes = volumes.filter((v) => v.Name.includes(value));
        else if (key === "driver") volumes = volumes.filter((v) => v.Driver === value);
        else if (key === "label") volumes = volumes.filter((v) => v.Labels !== null && (value.includes("=") ? v.Labels[value.split("=")[0]!] === value.split("=")[1] : value in v.Labels));
        else if (key !== "dangling") {
          io.stderr(`Error response from daemon: invalid filter '${key}'\n`);
          return 1;
        }
      }
      const rows = volumes.map((v) => ({ Driver: v.Driver, Name: v.Name, Mountpoint: v.Mountpoint, Scope: v.Scope, Labels: Object.entries(v.Labels ?? {}).map(([k, val]) => `${k}=${val}`).join(","), Links: "N/A", Size: "N/A" }));
      const format = flags["quiet"] === true ? "{{.Name}}" : (flags["format"] as string | undefined);
      io.stdout(renderRows(format, "table {{.Driver}}\t{{.Name}}", rows, { Driver: "DRIVER", Name: "VOLUME NAME", Mountpoint: "MOUNTPOINT", Scope: "SCOPE", Labels: "LABELS", Links: "LINKS", Size: "SIZE" }));
      return 0;
    } catch (error) {
      io.stderr(`${error instanceof FormatError ? error.message : describeError(error)}\n`);
      return 1;
    }
  },
};

export const volumeInspect: CommandSpec = {
  name: "inspect",
  usage: "[OPTIONS] VOLUME [VOLUME...]",
  short: "Display detailed information on one or more volumes",
  args: { min: 1 },
  flags: [{ long: "format", short: "f", type: "string", usage: "Format output using a custom template" }],
  async run({ engine, io }, flags, names) {
    const found: unknown[] = [];
    const errors: string[] = [];
    for (const name of names) {
      try {
        found.push(await engine.volumeInspect(name));
      } catch (error) {
        errors.push(describeError(error));
      }
    }
    return printInspected(io, found, errors, flags["format"]);
  },
};

export const volumeRm: CommandSpec = {
  name: "rm",
  aliases: ["remove"],
  usage: "[OPTIONS] VOLUME [VOLUME...]",
  short: "Remove one or more volumes",
  args: { min: 1 },
  flags: [{ long: "force", short: "f", type: "bool", usage: "Force the removal of one or more volumes" }],
  run: ({ engine, io }, flags, names) => forEach(io, names, (n) => engine.volumeRemove(n, { force: flags["force"] === true })),
};

export const volumePrune: CommandSpec = {
  name: "prune",
  usage: "[OPTIONS]",
  short: "Remove unused local volumes",
  args: { max: 0 },
  flags: [
    { long: "all", short: "a", type: "bool", usage: "Remove all unused volumes, not just anonymous ones" },
    { long: "filter", type: "list", valueName: "filter", usage: "Provide filter values (e.g. \"label=<label>\")" },
    { long: "force", short: "f", type: "bool", usage: "Do not prompt for confirmation" },
  ],
  async run(ctx, flags) {
    const { engine } = ctx;
    const all = flags["all"] === true;
    const warning = all ? "WARNING! This will remove all local volumes not used by at least one container." : "WARNING! This will remove anonymous local volumes not used by at least one container.";
    return confirmThen(ctx, flags["force"] === true, `${warning}\nAre you sure you want to continue? [y/N] `, async (io) => {
      try {
        const { VolumesDeleted, SpaceReclaimed } = await engine.volumePrune({ all });
        if (VolumesDeleted.length > 0) io.stdout(`Deleted Volumes:\n${VolumesDeleted.map((v) => `${v}\n`).join("")}\n`);
        io.stdout(`Total reclaimed space: ${humanSize(SpaceReclaimed)}\n`);
        return 0;
      } catch (error) {
        io.stderr(`${describeError(error)}\n`);
        return 1;
      }
    });
  },
};

export const port: CommandSpec = {
  name: "port",
  usage: "CONTAINER [PRIVATE_PORT[/PROTO]]",
  short: "List port mappings or a specific mapping for the container",
  args: { min: 1, max: 2 },
  flags: [],
  async run({ engine, io }, _flags, [name, wanted]) {
    try {
      const { NetworkSettings, Name } = await engine.containerInspect(name!);
      const show = (hostIp: string, hostPort: string) => `${hostIp === "::" ? "[::]" : hostIp}:${hostPort}`;
      if (wanted !== undefined) {
        const key = wanted.includes("/") ? wanted : `${wanted}/tcp`;
        const bindings = NetworkSettings.Ports[key];
        if (!bindings || bindings.length === 0) {
          io.stderr(`Error: No public port '${key}' published for ${Name.slice(1)}\n`);
          return 1;
        }
        io.stdout(bindings.map((b) => `${show(b.HostIp, b.HostPort)}\n`).join(""));
        return 0;
      }
      const lines = Object.entries(NetworkSettings.Ports)
        .sort(([a], [b]) => Number.parseInt(a, 10) - Number.parseInt(b, 10))
        .flatMap(([key, bindings]) => (bindings ?? []).map((b) => `${key} -> ${show(b.HostIp, b.HostPort)}\n`));
      io.stdout(lines.join(""));
      return 0;
    } catch (error) {
      io.stderr(`${describeError(error)}\n`);
      return 1;
    }
  },
};
