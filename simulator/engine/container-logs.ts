/** GET /containers/{id}/logs: a container's past output, by stream, time window and tail, then followed while it runs. */
import type { LogsOptions, OutputChunk } from "../backend/engine.ts";
import { follow, splitLines, type Container } from "./container.ts";

export async function* containerLogLines(c: Container, options: LogsOptions): AsyncIterable<OutputChunk> {
  const wanted = (chunk: OutputChunk) =>
    (chunk.stream === "stdout" ? options.stdout ?? true : options.stderr ?? true) &&
    (options.since === undefined || chunk.time >= options.since) &&
    (options.until === undefined || chunk.time < options.until);
  let past = splitLines(c.logs).filter(wanted);
  if (options.tail !== undefined) past = options.tail <= 0 ? [] : past.slice(-options.tail);
  if (!options.follow || !(c.running || c.status === "restarting")) {
    yield* past;
    return;
  }
  for await (const chunk of follow(c, past, options.signal)) if (wanted(chunk)) yield chunk;
}
