// What compose's commands share: the engine, the progress writer, and the project's containers as the engine lists them.
import type { BuildContextEntry, ContainerInspect, ContainerSummary, Engine } from "../backend/engine.ts";
import { EngineError } from "../backend/errors.ts";
import { ComposeError } from "./errors.ts";
import { LABEL, projectFilters, shortName } from "./labels.ts";
import type { Progress } from "./progress.ts";

/** The build context a `build:` section sends, read from the client's host. */
export interface BuildSource {
  context(dir: string, dockerfile: string): Promise<{ entries: BuildContextEntry[]; dockerfile?: string; ignoreBytes: number }>;
}

export interface ComposeRuntime {
  engine: Engine;
  progress: Progress;
  /** `WARN[0000] ...` lines. */
  warn(message: string): void;
  build?: BuildSource;
  /** Ctrl-C. */
  signal?: AbortSignal;
}

/** A project container with what compose reads from its labels. */
export interface ProjectContainer {
  summary: ContainerSummary;
  id: string;
  /** `shop-db-1` */
  name: string;
  service: string;
  number: number;
  oneOff: boolean;
}

export function toProjectContainer(summary: ContainerSummary): ProjectContainer {
  return {
    summary,
    id: summary.Id,
    name: (summary.Names[0] ?? "").replace(/^\//, ""),
    service: summary.Labels[LABEL.service] ?? "",
    number: Number(summary.Labels[LABEL.containerNumber] ?? "0"),
    oneOff: summary.Labels[LABEL.oneoff] === "True",
  };
}

/** The project's containers (stopped ones too unless `all` is false), sorted by service and number. */
export async function projectContainers(engine: Engine, project: string, options: { all?: boolean; oneOff?: boolean | "include"; services?: string[] } = {}): Promise<ProjectContainer[]> {
  const list = await engine.containerList({ all: options.all ?? true, filters: projectFilters(project, options) });
  return list
    .map(toProjectContainer)
    .filter((c) => !options.services || options.services.length === 0 || options.services.includes(c.service))
    .sort((a, b) => (a.service < b.service ? -1 : a.service > b.service ? 1 : a.number - b.number || (a.name < b.name ? -1 : 1)));
}

/** The log prefix name: `db-1`. */
export const displayName = (c: ProjectContainer, project: string) => shortName(c.name, project);

/** The engine's error text as compose prints it: `Error response from daemon: ...`. */
export function engineMessage(error: unknown): string {
  if (error instanceof EngineError) return `Error response from daemon: ${error.message}`;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** A compose failure carrying the text compose prints. */
export const failure = (message: string) => new ComposeError("project", message);

/**
 * Wait until `done` says yes about the container's state, re-inspecting it on each of its events
 * (start, die, health_status...): the way compose waits, through the API only.
 */
export async function waitForContainer<T>(engine: Engine, id: string, done: (c: ContainerInspect | undefined) => T | undefined, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    let checking = false;
    let again = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      unsubscribe();
      signal?.removeEventListener("abort", onAbort);
      fn();
    };
    const check = async () => {
      if (checking) {
        again = true;
        return;
      }
      checking = true;
      do {
        again = false;
        let state: ContainerInspect | undefined;
        try {
          state = await engine.containerInspect(id);
        } catch (error) {
          if (!(error instanceof EngineError && error.statusCode === 404)) return finish(() => reject(error));
        }
        const result = done(state);
        if (result !== undefined) return finish(() => resolve(result));
      } while (again);
      checking = false;
    };
    const unsubscribe = engine.subscribe((event) => {
      if (event.Type === "container" && event.Actor.ID === id) void check();
    });
    const onAbort = () => finish(() => reject(signal?.reason ?? new Error("aborted")));
    signal?.addEventListener("abort", onAbort, { once: true });
    void check();
  });
}
