import type { Engine } from "../../backend/engine.ts";
import type { CommandContext } from "../command.ts";

/**
 * Wait for the container the terminal is attached to (`docker run`, `docker attach`,
 * `docker compose run`) and return its exit code. With `proxy` (the CLI's --sig-proxy, on by
 * default), Ctrl-C reaches the container's main process as SIGINT; PID 1 may ignore it.
 */
export async function waitWithSignalProxy(engine: Engine, id: string, signal: AbortSignal | undefined, proxy = true): Promise<number> {
  const forwardInterrupt = () => void engine.containerKill(id, "SIGINT").catch(() => {});
  if (proxy) signal?.addEventListener("abort", forwardInterrupt, { once: true });
  try {
    return (await engine.containerWait(id, signal ? { signal } : {})).StatusCode;
  } finally {
    signal?.removeEventListener("abort", forwardInterrupt);
  }
}

/**
 * A started foreground container (`docker run`, `docker compose run`): with `console` at a terminal,
 * its TTY becomes the terminal's next prompt ("attached"); otherwise its exit code once it ends,
 * Ctrl-C forwarded. `output` is its log stream: drained to the end, then stopped, either way.
 */
export async function followForeground(ctx: Pick<CommandContext, "engine" | "io" | "terminal">, id: string, console: boolean, output: { abort: AbortController; done: Promise<unknown> | undefined }): Promise<number | "attached"> {
  if (console && ctx.terminal) {
    const shell = await ctx.engine.containerConsole(id).catch(() => undefined);
    if (shell) {
      output.abort.abort();
      await output.done;
      ctx.terminal.attach(shell);
      return "attached";
    }
  }
  try {
    const code = await waitWithSignalProxy(ctx.engine, id, ctx.io.signal);
    await output.done;
    return code;
  } finally {
    output.abort.abort();
  }
}
