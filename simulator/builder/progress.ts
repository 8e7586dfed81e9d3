/** BuildKit's solve status as events: numbered vertices, their statuses and logs, timed on the simulator's clock. */
import type { BuildEvent } from "../backend/engine.ts";
import type { Clock } from "../engine/clock.ts";

/** A failed solve: the message after `ERROR: failed to build: `, and the step and lines it comes from. */
export class BuildFailure extends Error {
  constructor(message: string, readonly step?: string, readonly line?: number, readonly endLine?: number) {
    super(message);
  }
}

/** A build stopped by its client (Ctrl-C): BuildKit's `Canceled: context canceled`. */
export class Canceled extends BuildFailure {
  constructor() {
    super("Canceled: context canceled");
  }
}

/** The error a vertex cut short by cancellation carries (the progress view shows it as CANCELED). */
export const CANCELED_VERTEX = "context canceled";

export class Progress {
  #next = 1;
  /** Whether a step made a new layer (the exporter then reports the time it took to export them). */
  freshLayers = false;
  readonly #started = new Map<number, number>();

  constructor(readonly clock: Clock, readonly emit: (event: BuildEvent) => void) {}

  start(name: string): number {
    const id = this.#next++;
    this.#started.set(id, this.clock.now());
    this.emit({ kind: "start", id, name });
    return id;
  }

  seconds(id: number): number {
    return (this.clock.now() - (this.#started.get(id) ?? this.clock.now())) / 1000;
  }

  status(id: number, text: string): void {
    this.emit({ kind: "status", id, text });
  }

  log(id: number, text: string): void {
    this.emit({ kind: "log", id, text, seconds: this.seconds(id) });
  }

  done(id: number, cached = false): void {
    this.emit({ kind: "done", id, cached, seconds: this.seconds(id) });
  }

  error(id: number, message: string): void {
    this.emit({ kind: "error", id, message });
  }
}
