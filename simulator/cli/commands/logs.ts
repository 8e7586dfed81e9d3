import type { CommandSpec } from "../command.ts";
import { describeError } from "./errors.ts";

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
    { long: "tail", short: "n", type: "string", usage: 'Number of lines to show from the end of the logs', default: "all" },
    { long: "timestamps", short: "t", type: "bool", usage: "Show timestamps" },
    { long: "until", type: "string", usage: 'Show logs before a timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)' },
  ],
  async run({ engine, io }, flags, [name]) {
    try {
      const chunks = await engine.containerLogs(name!);
      const stamp = flags["timestamps"] === true;
      for (const chunk of chunks) {
        const text = stamp ? chunk.text.replace(/^(?=.)/gm, `${new Date(chunk.time).toISOString().replace("Z", "000000Z")} `) : chunk.text;
        (chunk.stream === "stdout" ? io.stdout : io.stderr)(text);
      }
      return 0;
    } catch (error) {
      io.stderr(`${describeError(error)}\n`);
      return 1;
    }
  },
};
