import type { Engine } from "../../backend/engine.ts";

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
