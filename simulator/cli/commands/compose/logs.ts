/** `docker compose logs`: every service container's output, prefixed `web-1  | `. */
import { followLogs, LogPrinter, printLogs } from "../../../compose/logs.ts";
import { displayName, failure, projectContainers } from "../../../compose/runtime.ts";
import { parseTimeFlag } from "../time-flags.ts";
import { loadFor, type ComposeCommand } from "./shared.ts";

export const logs: ComposeCommand = {
  name: "logs",
  usage: "[OPTIONS] [SERVICE...]",
  short: "View output from containers",
  flags: [
    { long: "follow", short: "f", type: "bool", usage: "Follow log output" },
    { long: "tail", short: "n", type: "string", usage: "Number of lines to show from the end of the logs for each container", default: "all" },
    { long: "timestamps", short: "t", type: "bool", usage: "Show timestamps" },
    { long: "since", type: "string", usage: 'Show logs since timestamp (e.g. 2013-01-02T13:23:37Z) or relative (e.g. 42m for 42 minutes)' },
    { long: "until", type: "string", usage: 'Show logs before a timestamp (e.g. 2013-01-02T13:23:37Z) or relative (e.g. 42m for 42 minutes)' },
    { long: "no-color", type: "bool", usage: "Produce monochrome output" },
    { long: "no-log-prefix", type: "bool", usage: "Don't print prefix in logs" },
    { long: "index", type: "int", usage: "index of the container if service has multiple replicas" },
  ],
  async run(ctx, global, flags, args) {
    const project = await loadFor(ctx, global);
    for (const s of args) if (!(s in project.services)) throw failure(`no such service: ${s}`);
    const tailText = String(flags["tail"]);
    const tail = tailText === "all" ? undefined : Number.parseInt(tailText, 10);
    if (tail !== undefined && Number.isNaN(tail)) throw failure(`strconv.Atoi: parsing "${tailText}": invalid syntax`);
    const now = ctx.now();
    const since = typeof flags["since"] === "string" ? parseTimeFlag(flags["since"], now) : undefined;
    const until = typeof flags["until"] === "string" ? parseTimeFlag(flags["until"], now) : undefined;
    let list = await projectContainers(ctx.engine, project.name, { oneOff: false, services: args });
    if (typeof flags["index"] === "number") list = list.filter((c) => c.number === flags["index"]);
    const printer = new LogPrinter({
      stdout: (t) => ctx.io.stdout(t),
      stderr: (t) => ctx.io.stderr(t),
      color: ctx.io.isTTY && flags["no-color"] !== true,
      prefix: flags["no-log-prefix"] !== true,
      timestamps: flags["timestamps"] === true,
    });
    const containers = list.map((c) => ({ c, name: displayName(c, project.name) }));
    const options = {
      ...(tail !== undefined ? { tail } : {}),
      ...(since !== undefined ? { since } : {}),
      ...(until !== undefined ? { until } : {}),
      ...(ctx.io.signal ? { signal: ctx.io.signal } : {}),
    };
    if (flags["follow"] === true) await followLogs(ctx.engine, printer, containers, options);
    else await printLogs(ctx.engine, printer, containers, options);
    return 0;
  },
};
