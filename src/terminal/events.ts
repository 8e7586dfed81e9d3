import type { Engine } from "../../simulator/backend/engine.ts";
import type { Simulator } from "../../simulator/index.ts";

/** Fired on `document` by ▶ buttons and `<Cmd>`; the page's terminal types and runs `detail.command`. */
export const runEvent = "dockyard:run";

export interface RunEventDetail {
  command: string;
}

/** Fired on `document` after each command the terminal ran: exercises check the engine's state then. */
export const stateEvent = "dockyard:state";

export interface StateEventDetail {
  engine: Engine;
}

/**
 * Fired on `document` once the terminal's simulator has loaded, before any setup command runs:
 * the architecture view subscribes to `detail.sim.traces` then. A view that connects later reads
 * the same simulator from the terminal element's `simulator` property.
 */
export const simEvent = "dockyard:sim";

export interface SimEventDetail {
  sim: Simulator;
}
