/** docker network create, ls, inspect, rm, connect, disconnect, prune. */
import type { CommandSpec } from "../command.ts";
import { FormatError, renderRows } from "../format/output.ts";
import { describeError } from "./errors.ts";
import { confirmThen } from "./confirm.ts";
import { forEach } from "./each.ts";
import { printInspected } from "./inspect.ts";

export const networkCreate: CommandSpec = {
  name: "create",
  usage: "[OPTIONS] NETWORK",
  short: "Create a network",
  args: { min: 1, max: 1 },
  flags: [
    { long: "attachable", type: "bool", usage: "Enable manual container attachment" },
    { long: "driver", short: "d", type: "string", usage: "Driver to manage the Network", default: "bridge" },
    { long: "gateway", type: "stringArray", valueName: "strings", usage: "IPv4 or IPv6 Gateway for the master subnet" },
    { long: "internal", type: "bool", usage: "Restrict external access to the network" },
    { long: "label", type: "list", usage: "Set metadata on a network" },
    { long: "subnet", type: "stringArray", valueName: "strings", usage: "Subnet in CIDR format that represents a network segment" },
  ],
  async run({ engine, io }, flags, [name]) {
    try {
      const subnet = (flags["subnet"] as string[] | undefined)?.[0];
      const gateway = (flags["gateway"] as string[] | undefined)?.[0];
      const labels = Object.fromEntries(((flags["label"] as string[] | undefined) ?? []).map((l) => { const i = l.indexOf("="); return i < 0 ? [l, ""] : [l.slice(0, i), l.slice(i + 1)]; }));
      const { Id } = await engine.networkCreate(name!, {
        Driver: String(flags["driver"] ?? "bridge"),
        Internal: flags["internal"] === true,
        Attachable: flags["attachable"] === true,
        Labels: labels,
        ...(subnet !== undefined ? { Subnet: subnet } : {}),
        ...(gateway !== undefined ? { Gateway: gateway } : {}),
      });
      io.stdout(`${Id}\n`);
      return 0;
    } catch (error) {
      io.stderr(`${describeError(error)}\n`);
      return 1;
    }
  },
};

export const networkLs: CommandSpec = {
  name: "ls",
  aliases: ["list"],
  usage: "[OPTIONS]",
  short: "List networks",
  args: { max: 0 },
  flags: [
    { long: "filter", short: "f", type: "list", valueName: "filter", usage: "Provide filter values (e.g. \"driver=bridge\")" },
    { long: "format", type: "string", usage: "Format output using a custom template" },
    { long: "no-trunc", type: "bool", usage: "Do not truncate the output" },
    { long: "quiet", short: "q", type: "bool", usage: "Only display network IDs" },
  ],
  async run({ engine, io }, flags) {
    try {
      let networks = await engine.networkList();
      for (const filter of (flags["filter"] as string[] | undefined) ?? []) {
        const [key, value = ""] = filter.split("=");
        if (key === "name") networks = networks.filter((n) => n.Name.includes(value));
        else if (key === "driver") networks = networks.filter((n) => n.Driver === value);
        else if (key === "id") networks = networks.filter((n) => n.Id.startsWith(value));
        else if (key === "type") networks = networks.filter((n) => (value === "builtin") === ["bridge", "host", "none"].includes(n.Name));
        else {
          io.stderr(`Error response from daemon: invalid filter '${key}'\n`);
          return 1;
        }
      }
      const trunc = flags["no-trunc"] !== true;
      const rows = networks.map((n) => ({ ID: trunc ? n.Id.slice(0, 12) : n.Id, Name: n.Name, Driver: n.Driver, Scope: n.Scope, IPv6: String(n.EnableIPv6), Internal: String(n.Internal), CreatedAt: n.Created }));
      const format = flags["quiet"] === true ? "{{.ID}}" : (flags["format"] as string | undefined);
      io.stdout(renderRows(format, "table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}", rows, { ID: "NETWORK ID", Name: "NAME", Driver: "DRIVER", Scope: "SCOPE", IPv6: "IPV6", Internal: "INTERNAL", CreatedAt: "CREATED" }));
      return 0;
    } catch (error) {
      io.stderr(`${error instanceof FormatError ? error.message : describeError(error)}\n`);
      return 1;
    }
  },
};

export const networkInspect: CommandSpec = {
  name: "inspect",
  usage: "[OPTIONS] NETWORK [NETWORK...]",
  short: "Display detailed information on one or more networks",
  args: { min: 1 },
  flags: [
    { long: "format", short: "f", type: "string", usage: "Format output using a custom template" },
    { long: "verbose", short: "v", type: "bool", usage: "Verbose output for diagnostics" },
  ],
  async run({ engine, io }, flags, names) {
    const found: unknown[] = [];
    const errors: string[] = [];
    for (const name of names) {
      try {
        found.push(await engine.networkInspect(name));
      } catch (error) {
        errors.push(describeError(error));
      }
    }
    return printInspected(io, found, errors, flags["format"]);
  },
};

export const networkRm: CommandSpec = {
  name: "rm",
  aliases: ["remove"],
  usage: "NETWORK [NETWORK...]",
  short: "Remove one or more networks",
  args: { min: 1 },
  flags: [{ long: "force", short: "f", type: "bool", usage: "Do not error if the network does not exist" }],
  async run({ engine, io }, _flags, names) {
    const status = await forEach(io, names, (n) => engine.networkRemove(n));
    // docker/cli returns a bare StatusError here, which prints as "exit status N".
    if (status !== 0) io.stderr(`exit status ${status}\n`);
    return status;
  },
};

export const networkConnect: CommandSpec = {
  name: "connect",
  usage: "[OPTIONS] NETWORK CONTAINER",
  short: "Connect a container to a network",
  args: { min: 2, max: 2 },
  flags: [
    { long: "alias", type: "stringArray", valueName: "strings", usage: "Add network-scoped alias for the container" },
    { long: "ip", type: "string", usage: "IPv4 address (e.g., \"172.30.100.104\")" },
  ],
  async run({ engine, io }, flags, [network, container]) {
    try {
      await engine.networkConnect(network!, container!, { ...(flags["alias"] ? { Aliases: flags["alias"] as string[] } : {}), ...(typeof flags["ip"] === "string" ? { IPAddress: flags["ip"] } : {}) });
      return 0;
    } catch (error) {
      io.stderr(`${describeError(error)}\n`);
      return 1;
    }
  },
};

export const networkDisconnect: CommandSpec = {
  name: "disconnect",
  usage: "[OPTIONS] NETWORK CONTAINER",
  short: "Disconnect a container from a network",
  args: { min: 2, max: 2 },
  flags: [{ long: "force", short: "f", type: "bool", usage: "Force the container to disconnect from a network" }],
  async run({ engine, io }, _flags, [network, container]) {
    try {
      await engine.networkDisconnect(network!, container!);
      return 0;
    } catch (error) {
      io.stderr(`${describeError(error)}\n`);
      return 1;
    }
  },
};

export const networkPrune: CommandSpec = {
  name: "prune",
  usage: "[OPTIONS]",
  short: "Remove all unused networks",
  args: { max: 0 },
  flags: [
    { long: "filter", type: "list", valueName: "filter", usage: "Provide filter values (e.g. \"until=<timestamp>\")" },
    { long: "force", short: "f", type: "bool", usage: "Do not prompt for confirmation" },
  ],
  async run(ctx, flags) {
    const { engine } = ctx;
    return confirmThen(ctx, flags["force"] === true, "WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] ", async (io) => {
      try {
        const { NetworksDeleted } = await engine.networkPrune();
        if (NetworksDeleted.length > 0) io.stdout(`Deleted Networks:\n${NetworksDeleted.map((n) => `${n}\n`).join("")}`);
        return 0;
      } catch (error) {
        io.stderr(`${describeError(error)}\n`);
        return 1;
      }
    });
  },
};
