import type { CommandSpec } from "../command.ts";
import { describeError } from "./errors.ts";
import { parseTimeFlag, rfc3339NanoFixed } from "./time-flags.ts";

/** docker logs / docker container logs */
export const logs: CommandSpec = {
  name: "logs",
  usage: "[OPTIONS] CONTAINER",
  short: "Fetch the logs of a container",
  args: { min: 1, max: 1 },
  flags: [
    { long: "details", type: "bool", usage: "Show extra details provided to logs" },
    { long: "follow", short: "f", type: "bool", usage: "Follow log output" },
    { long: "since", type: "string", usage: 'Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)' },
    { long: "tail", short: "n", type: "string", usage: "Number of lines to show from the end of the logs", default: "all" },
    { long: "timestamps", short: "t", type: "bool", usage: "Show timestamps" },
    { long: "until", type: "string", usage: 'Show logs before a timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)' },
  ],
  async run({ engine, io, now }, flags, [name]) {
    try {
      const tailText = String(flags["tail"] ?? "all");
      const tail = tailText === "all" ? undefined : Number.parseInt(tailText, 10);
      const since = typeof flags["since"] === "string" ? parseTimeFlag(flags["since"], now()) : undefined;
      const until = typeof flags["until"] === "string" ? parseTimeFlag(flags["until"], now()) : undefined;
      const stamp = flags["timestamps"] === true;
      for await (const chunk of engine.containerLogs(name!, {
        follow: flags["follow"] === true,
        ...(tail !== undefined && !Number.isNaN(tail) ? { tail } : {}),
        ...(since !== undefined ? { since } : {}),
        ...(until !== undefined ? { until } : {}),
        ...(io.signal ? { signal: io.signal } : {}),
      })) {
        const text = stamp ? `${rfc3339NanoFixed(chunk.time * 1e6)} ${chunk.text}` : chunk.text;
        (chunk.stream === "stdout" ? io.stdout : io.stderr)(text);
      }
      return 0;
    } catch (error) {
      io.stderr(`${describeError(error)}\n`);
      return 1;
    }
  },
};
