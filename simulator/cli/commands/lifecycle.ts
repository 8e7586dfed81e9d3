/** docker start, stop, restart, kill, pause, unpause, wait: one action over each named container. */
import type { CommandSpec } from "../command.ts";
import { forEach } from "./each.ts";
import { describeError } from "./errors.ts";

const timeoutFlags = [
  { long: "signal", short: "s", type: "string" as const, usage: "Signal to send to the container" },
  { long: "timeout", short: "t", type: "int" as const, usage: "Seconds to wait before killing the container" },
];

const timeoutOf = (value: unknown) => (typeof value === "number" ? value : undefined);
const stopOptions = (flags: Record<string, unknown>) => ({
  ...(timeoutOf(flags["timeout"]) !== undefined ? { timeout: timeoutOf(flags["timeout"])! } : {}),
  ...(typeof flags["signal"] === "string" ? { signal: flags["signal"] } : {}),
});

export const stop: CommandSpec = {
  name: "stop",
  usage: "[OPTIONS] CONTAINER [CONTAINER...]",
  short: "Stop one or more running containers",
  args: { min: 1 },
  flags: timeoutFlags,
  run: ({ engine, io }, flags, names) => forEach(io, names, (n) => engine.containerStop(n, stopOptions(flags))),
};

export const restart: CommandSpec = {
  name: "restart",
  usage: "[OPTIONS] CONTAINER [CONTAINER...]",
  short: "Restart one or more containers",
  args: { min: 1 },
  flags: timeoutFlags,
  run: ({ engine, io }, flags, names) => forEach(io, names, (n) => engine.containerRestart(n, stopOptions(flags))),
};

export const kill: CommandSpec = {
  name: "kill",
  usage: "[OPTIONS] CONTAINER [CONTAINER...]",
  short: "Kill one or more running containers",
  args: { min: 1 },
  flags: [{ long: "signal", short: "s", type: "string", usage: "Signal to send to the container" }],
  run: ({ engine, io }, flags, names) => forEach(io, names, (n) => engine.containerKill(n, typeof flags["signal"] === "string" ? flags["signal"] : "SIGKILL")),
};

export const pause: CommandSpec = {
  name: "pause",
  usage: "CONTAINER [CONTAINER...]",
  short: "Pause all processes within one or more containers",
  args: { min: 1 },
  flags: [],
  run: ({ engine, io }, _flags, names) => forEach(io, names, (n) => engine.containerPause(n)),
};

export const unpause: CommandSpec = {
  name: "unpause",
  usage: "CONTAINER [CONTAINER...]",
  short: "Unpause all processes within one or more containers",
  args: { min: 1 },
  flags: [],
  run: ({ engine, io }, _flags, names) => forEach(io, names, (n) => engine.containerUnpause(n)),
};

export const wait: CommandSpec = {
  name: "wait",
  usage: "CONTAINER [CONTAINER...]",
  short: "Block until one or more containers stop, then print their exit codes",
  args: { min: 1 },
  flags: [],
  async run({ engine, io }, _flags, names) {
    let failed = false;
    for (const name of names) {
      try {
        const { StatusCode } = await engine.containerWait(name, io.signal ? { signal: io.signal } : {});
        io.stdout(`${StatusCode}\n`);
      } catch (error) {
        io.stderr(`${describeError(error)}\n`);
        failed = true;
      }
    }
    return failed ? 1 : 0;
  },
};

export const start: CommandSpec = {
  name: "start",
  usage: "[OPTIONS] CONTAINER [CONTAINER...]",
  short: "Start one or more stopped containers",
  args: { min: 1 },
  flags: [
    { long: "attach", short: "a", type: "bool", usage: "Attach STDOUT/STDERR and forward signals" },
    { long: "interactive", short: "i", type: "bool", usage: "Attach container's STDIN" },
  ],
  async run(ctx, flags, names) {
    const { engine, io } = ctx;
    const attach = flags["attach"] === true || flags["interactive"] === true;
    if (attach && names.length > 1) {
      io.stderr("you cannot start and attach multiple containers at once\n");
      return 1;
    }
    if (!attach) {
      const failed: string[] = [];
      await forEach(io, names, async (n) => {
        try {
          await engine.containerStart(n);
        } catch (error) {
          failed.push(n);
          throw error;
        }
      });
      if (failed.length === 0) return 0;
      io.stderr(`Error: failed to start containers: ${failed.join(", ")}\n`);
      return 1;
    }
    const name = names[0]!;
    try {
      if (flags["interactive"] === true && ctx.terminal) {
        await engine.containerStart(name);
        const console = await engine.containerConsole(name).catch(() => undefined);
        if (console) {
          ctx.terminal.attach(console);
          return 0;
        }
      }
      const output = engine.containerAttach(name, io.signal ? { signal: io.signal } : {});
      const streaming = (async () => {
        for await (const chunk of output) (chunk.stream === "stdout" ? io.stdout : io.stderr)(chunk.text);
      })();
      await engine.containerStart(name);
      const { StatusCode } = await engine.containerWait(name, io.signal ? { signal: io.signal } : {});
      await streaming;
      return StatusCode;
    } catch (error) {
      io.stderr(`${describeError(error)}\n`);
      return 1;
    }
  },
};
