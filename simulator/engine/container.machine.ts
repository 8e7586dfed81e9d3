/**
 * One container's lifecycle: created, running, paused, restarting, exited, removing.
 * The main process runs as the invoked `runProcess` actor while the container is up;
 * restart policies and Docker's back-off decide what follows its exit.
 */
import { assign, fromPromise, setup } from "xstate";

export type RestartPolicyName = "no" | "always" | "on-failure" | "unless-stopped";

export interface ContainerMachineContext {
  /** The engine's clock, so timestamps follow simulated time in tests. */
  now: () => number;
  policy: RestartPolicyName;
  maxRetries: number;
  exitCode: number;
  startedAt: number;
  finishedAt: number;
  error: string;
  restartCount: number;
  /** Docker's restart back-off: 100 ms, doubling, at most a minute. */
  restartDelay: number;
  /** Set by docker stop/kill: the policy does not restart a container stopped by hand. */
  manuallyStopped: boolean;
}

export type ContainerMachineEvent =
  | { type: "START" }
  | { type: "STOPPING" }
  | { type: "FAILED_START"; exitCode: number; error: string }
  | { type: "PAUSE" }
  | { type: "UNPAUSE" }
  | { type: "REMOVE" };

const MIN_DELAY = 100;
const MAX_DELAY = 60_000;
/** A container that ran this long is considered healthy again: the back-off resets. */
const RESET_AFTER = 10_000;

export const containerMachine = setup({
  types: {
    context: {} as ContainerMachineContext,
    events: {} as ContainerMachineEvent,
    input: {} as { now: () => number; policy?: RestartPolicyName; maxRetries?: number },
  },
  actors: {
    // Provided by the engine: runs the main process, resolves with its exit code.
    runProcess: fromPromise<number, Record<string, never>>(async () => 0),
  },
  guards: {
    shouldRestart: ({ context }) => {
      if (context.manuallyStopped) return false;
      switch (context.policy) {
        case "always":
        case "unless-stopped":
          return true;
        case "on-failure":
          return context.exitCode !== 0 && (context.maxRetries === 0 || context.restartCount < context.maxRetries);
        default:
          return false;
      }
    },
  },
  delays: {
    restartDelay: ({ context }) => context.restartDelay,
  },
  actions: {
    markStarted: assign({ startedAt: ({ context }) => context.now(), error: "" }),
    markFinished: assign({ finishedAt: ({ context }) => context.now() }),
  },
}).createMachine({
  id: "container",
  context: ({ input }) => ({
    now: input.now,
    policy: input.policy ?? "no",
    maxRetries: input.maxRetries ?? 0,
    exitCode: 0,
    startedAt: 0,
    finishedAt: 0,
    error: "",
    restartCount: 0,
    restartDelay: MIN_DELAY,
    manuallyStopped: false,
  }),
  initial: "created",
  states: {
    created: {
      on: {
        START: { target: "up", actions: "markStarted" },
        // runc could not exec the entrypoint: the container stays created, with the error recorded.
        FAILED_START: { actions: assign({ exitCode: ({ event }) => event.exitCode, error: ({ event }) => event.error }) },
        REMOVE: "removing",
      },
    },
    up: {
      invoke: {
        src: "runProcess",
        input: {},
        onDone: { target: "deciding", actions: [assign({ exitCode: ({ event }) => event.output }), "markFinished"] },
        onError: { target: "deciding", actions: [assign({ exitCode: 1, error: ({ event }) => String(event.error) }), "markFinished"] },
      },
      initial: "running",
      states: {
        running: { on: { PAUSE: "paused" } },
        paused: { on: { UNPAUSE: "running" } },
      },
      on: {
        STOPPING: { actions: assign({ manuallyStopped: true }) },
      },
    },
    deciding: {
      always: [
        {
          guard: "shouldRestart",
          target: "restarting",
          actions: assign({
            restartCount: ({ context }) => context.restartCount + 1,
            restartDelay: ({ context }) =>
              context.finishedAt - context.startedAt >= RESET_AFTER ? MIN_DELAY : context.restartCount === 0 ? MIN_DELAY : Math.min(context.restartDelay * 2, MAX_DELAY),
          }),
        },
        { target: "exited" },
      ],
    },
    restarting: {
      after: { restartDelay: { target: "up", actions: "markStarted" } },
      on: {
        STOPPING: { target: "exited", actions: assign({ manuallyStopped: true }) },
        REMOVE: "removing",
      },
    },
    exited: {
      on: {
        START: { target: "up", actions: ["markStarted", assign({ manuallyStopped: false, exitCode: 0 })] },
        FAILED_START: { actions: assign({ exitCode: ({ event }) => event.exitCode, error: ({ event }) => event.error }) },
        REMOVE: "removing",
      },
    },
    removing: { type: "final" },
  },
});
