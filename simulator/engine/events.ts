/** Events the engine emits: Docker's own event shape, plus traces of the traffic between parts. */

/** A Docker event, as `docker events` and `GET /events` report it. */
export interface DockerEvent {
  Type: "container" | "image" | "network" | "volume" | "builder";
  Action: string;
  Actor: { ID: string; Attributes: Record<string, string> };
  scope: "local";
  time: number;
  timeNano: number;
}

/** One message between the parts of the architecture picture: client, daemon, registry, containers. */
export type TraceEvent =
  | { kind: "api"; from: "client"; to: "daemon"; method: string; path: string; status?: number }
  | { kind: "registry"; from: "daemon"; to: "registry"; action: "resolve" | "layer" | "manifest"; ref: string; layer?: string; status: string }
  | { kind: "engine"; event: DockerEvent }
  | { kind: "traffic"; from: "host"; to: string; hostPort: number; containerPort: number; request: string; status: number }
  | BuildTrace;

/** Why a build step hit or missed the layer cache. */
export type CacheReasonCode = "cached" | "no-cache" | "parent-rebuilt" | "instruction-changed" | "source-changed" | "inputs-changed" | "base-changed" | "first-build";

/**
 * A build in the daemon (`ref` is its first tag, or "" when untagged): it starts, each step hits
 * or misses the cache (and why; `layer` is the diff ID the step gave), and it ends.
 */
export type BuildTrace =
  | { kind: "build"; from: "daemon"; action: "start"; ref: string }
  | { kind: "build"; from: "daemon"; action: "step"; ref: string; step: string; cached: boolean; reason: CacheReasonCode; why: string; files?: string[]; layer?: string }
  | { kind: "build"; from: "daemon"; action: "done"; ref: string; image: string }
  | { kind: "build"; from: "daemon"; action: "failed" | "canceled"; ref: string; message: string };

export type Listener<T> = (event: T) => void;

/** A minimal synchronous event bus; listeners that throw are isolated from the engine. */
export class EventBus<T> {
  readonly #listeners = new Set<Listener<T>>();

  subscribe(listener: Listener<T>): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(event: T): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch {
        // A broken subscriber (a UI view) must never break the engine.
      }
    }
  }
}
