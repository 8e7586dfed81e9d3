import type { Engine } from "../../simulator/backend/engine.ts";

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
