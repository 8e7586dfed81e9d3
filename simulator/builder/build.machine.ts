/**
 * One build's lifecycle: queued until the daemon starts solving it, running its steps, then done,
 * failed or cancelled. Pure; the builder sends it what happens and asks it whether to go on, so a
 * Ctrl-C (CANCEL) stops the build at its next step, and a finished build ignores a late CANCEL.
 */
import { assign, setup } from "xstate";

export interface BuildMachineContext {
  /** Filesystem steps finished, and how many of them came from the cache. */
  done: number;
  cached: number;
  error?: string;
}

export type BuildMachineEvent =
  | { type: "START" }
  | { type: "STEP_DONE"; cached: boolean }
  | { type: "SUCCEED" }
  | { type: "FAIL"; message: string }
  | { type: "CANCEL" };

export const buildMachine = setup({
  types: { context: {} as BuildMachineContext, events: {} as BuildMachineEvent },
}).createMachine({
  id: "build",
  context: { done: 0, cached: 0 },
  initial: "queued",
  states: {
    queued: {
      on: { START: "running", CANCEL: "cancelled" },
    },
    running: {
      on: {
        STEP_DONE: { actions: assign({ done: ({ context }) => context.done + 1, cached: ({ context, event }) => context.cached + (event.cached ? 1 : 0) }) },
        SUCCEED: "done",
        FAIL: { target: "failed", actions: assign({ error: ({ event }) => event.message }) },
        CANCEL: "cancelled",
      },
    },
    done: { type: "final" },
    failed: { type: "final" },
    cancelled: { type: "final" },
  },
});
