/** docker attach: the terminal joins a running container's output (or its shell), as if it had started it. */
import type { CommandSpec } from "../command.ts";
import { describeError } from "./errors.ts";
import { waitWithSignalProxy } from "./signal-proxy.ts";

export const attach: CommandSpec = {
  name: "attach",
  usage: "[OPTIONS] CONTAINER",
  short: "Attach local standard input, output, and error streams to a running container",
  args: { min: 1, max: 1 },
  flags: [
    { long: "detach-keys", type: "string", usage: "Override the key sequence for detaching a container" },
    { long: "no-stdin", type: "bool", usage: "Do not attach STDIN" },
    { long: "sig-proxy", type: "bool", usage: "Proxy all received signals to the process", default: true },
  ],
  async run(ctx, flags, [name]) {
    const { engine, io } = ctx;
    try {
      const inspect = await engine.containerInspect(name!);
      if (inspect.State.Paused) throw new Error("You cannot attach to a paused container, unpause it first");
      if (inspect.State.Restarting) throw new Error("You cannot attach to a restarting container, wait until it is running");
      if (!inspect.State.Running) throw new Error("You cannot attach to a stopped container, start it first");
      if (inspect.Config.Tty && flags["no-stdin"] !== true && ctx.terminal) {
        const console = await engine.containerConsole(name!).catch(() => undefined);
        if (console) {
          ctx.terminal.attach(console);
          return 0;
        }
      }
      const abort = new AbortController();
      const output = engine.containerAttach(name!, { signal: abort.signal });
      const streaming = (async () => {
        for await (const chunk of output) (chunk.stream === "stdout" ? io.stdout : io.stderr)(chunk.text);
      })();
      try {
        const code = await waitWithSignalProxy(engine, name!, io.signal, flags["sig-proxy"] !== false);
        await streaming;
        return code;
      } finally {
        abort.abort();
      }
    } catch (error) {
      if (io.signal?.aborted) return 130;
      io.stderr(`${describeError(error)}\n`);
      return 1;
    }
  },
};
