// Service logs as compose prints them: `web-1  | line`, each container's prefix in its own colour on a terminal.
import type { Engine, LogsOptions, OutputChunk } from "../backend/engine.ts";
import type { ProjectContainer } from "./runtime.ts";

const RAINBOW = ["36", "33", "32", "35", "34", "36;1", "33;1", "32;1", "35;1", "34;1"];

export interface LogPrinterOptions {
  stdout(text: string): void;
  stderr(text: string): void;
  color: boolean;
  prefix: boolean;
  timestamps: boolean;
}

/** compose's logConsumer: one presenter per container, prefixes padded to the longest name. */
export class LogPrinter {
  readonly #names: string[] = [];
  readonly #colors = new Map<string, string>();
  #width = 0;
  #partial = new Map<string, string>();

  constructor(private readonly options: LogPrinterOptions) {}

  /** Make a container known before its first line, so prefixes line up from the start. */
  register(name: string): void {
    if (this.#names.includes(name)) return;
    this.#names.push(name);
    if (this.options.color) this.#colors.set(name, RAINBOW[(this.#names.length - 1) % RAINBOW.length]!);
    this.#width = Math.max(...this.#names.map((n) => n.length)) + 1;
  }

  #paint(name: string, text: string): string {
    const code = this.#colors.get(name);
    return code ? `\u001b[${code}m${text}\u001b[0m` : text;
  }

  #prefix(name: string): string {
    return this.options.prefix ? this.#paint(name, `${name.padEnd(this.#width)} | `) : "";
  }

  /** One chunk of a container's output, split into lines; a line without its newline waits for the rest. */
  write(name: string, chunk: OutputChunk): void {
    this.register(name);
    const key = `${name}\u0000${chunk.stream}`;
    const text = (this.#partial.get(key) ?? "") + chunk.text;
    const lines = text.split("\n");
    this.#partial.set(key, lines.pop()!);
    const stamp = this.options.timestamps ? `${new Date(chunk.time).toISOString().replace(/\.(\d{3})Z$/, ".$1000000Z")} ` : "";
    const out = chunk.stream === "stderr" ? this.options.stderr : this.options.stdout;
    for (const line of lines) out(`${this.#prefix(name)}${stamp}${line}\n`);
  }

  /** What is left of unterminated lines, once a container's stream ends. */
  flush(name: string): void {
    for (const stream of ["stdout", "stderr"] as const) {
      const key = `${name}\u0000${stream}`;
      const rest = this.#partial.get(key);
      if (rest) this.write(name, { stream, text: "\n", time: 0 });
    }
  }

  /** A status line in the container's colour: `db-1 exited with code 0`. */
  status(name: string, message: string): void {
    this.register(name);
    this.options.stdout(`${this.#paint(name, `${name} ${message}`)}\n`);
  }
}

/** Everything the containers logged, merged in time order (as compose's concurrent readers mostly print it). */
export async function printLogs(engine: Engine, printer: LogPrinter, containers: { c: ProjectContainer; name: string }[], options: LogsOptions): Promise<void> {
  const all: { name: string; chunk: OutputChunk; seq: number }[] = [];
  let seq = 0;
  for (const { c, name } of containers) {
    printer.register(name);
    for await (const chunk of engine.containerLogs(c.id, { ...options, follow: false })) all.push({ name, chunk, seq: seq++ });
  }
  all.sort((a, b) => a.chunk.time - b.chunk.time || a.seq - b.seq);
  for (const { name, chunk } of all) printer.write(name, chunk);
  for (const { name } of containers) printer.flush(name);
}

/** Follow the containers' logs until every stream ends or the signal aborts. */
export async function followLogs(engine: Engine, printer: LogPrinter, containers: { c: ProjectContainer; name: string }[], options: LogsOptions): Promise<void> {
  for (const { name } of containers) printer.register(name);
  await Promise.all(containers.map(async ({ c, name }) => {
    try {
      for await (const chunk of engine.containerLogs(c.id, { ...options, follow: true })) printer.write(name, chunk);
    } catch {
      // the container went away
    }
    printer.flush(name);
  }));
}
