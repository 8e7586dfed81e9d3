/**
 * One container's lifecycle. The process runs as the invoked `runProcess` actor while the
 * container is up; leaving that state aborts it, as SIGKILL would.
 */
import { assign, fromPromise, setup } from "xstate";

export interface ContainerMachineContext {
  /** The engine's clock, so timestamps follow simulated time in tests. */
  now: () => number;
  exitCode: number;
  startedAt: number;
  finishedAt: number;
  error: string;
}

export type ContainerMachineEvent =
  | { type: "START"; now: number }
  | { type: "KILL"; exitCode: number; now: number }
  | { type: "PAUSE" }
  | { type: "UNPAUSE" }
  | { type: "REMOVE" };

export const containerMachine = setup({
  types: {
    context: {} as ContainerMachineContext,
    events: {} as ContainerMachineEvent,
    input: {} as { now: () => number },
  },
  actors: {
    // Provided by the engine: runs the container's main process, resolves with its exit code.
    runProcess: fromPromise<number, Record<string, never>>(async () => 0),
  },
}).createMachine({
  id: "container",
  context: ({ input }) => ({ now: input.now, exitCode: 0, startedAt: 0, finishedAt: 0, error: "" }),
  initial: "created",
  states: {
    created: {
      on: {
        START: { target: "up", actions: assign({ startedAt: ({ event }) => event.now }) },
        REMOVE: "removing",
      },
    },
    up: {
      invoke: {
        src: "runProcess",
        input: {},
        onDone: { target: "exited", actions: assign({ exitCode: ({ event }) => event.output, finishedAt: ({ context }) => context.now() }) },
        onError: { target: "exited", actions: assign({ exitCode: 1, finishedAt: ({ context }) => context.now(), error: ({ event }) => String(event.error) }) },
      },
      initial: "running",
      states: {
        running: { on: { PAUSE: "paused" } },
        paused: { on: { UNPAUSE: "running" } },
      },
      on: {
        KILL: { target: "exited", actions: assign({ exitCode: ({ event }) => event.exitCode, finishedAt: ({ event }) => event.now }) },
      },
    },
    exited: {
      on: {
        START: { target: "up", actions: assign({ startedAt: ({ event }) => event.now, exitCode: 0, error: "" }) },
        REMOVE: "removing",
      },
    },
    removing: { type: "final" },
  },
});
