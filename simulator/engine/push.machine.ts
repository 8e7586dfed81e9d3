/**
 * One image push as the daemon runs it: every layer is prepared, up to five upload at once
 * (the rest wait), and each either uploads, is mounted from another repository of the same
 * registry, or is already there. Pure, like the pull actor: every TICK advances one step and
 * leaves the progress messages Docker would stream in `outbox`.
 */
import { assign, setup } from "xstate";
import type { ProgressMessage } from "../backend/engine.ts";

/** What the registry already has of a layer, decided before the upload starts. */
export type LayerOutcome = { kind: "upload" } | { kind: "exists" } | { kind: "mount"; from: string };

export interface PushLayer {
  /** The short layer ID Docker prints (12 hex digits). */
  id: string;
  /** Compressed bytes to upload. */
  size: number;
  outcome: LayerOutcome;
  pushed: number;
  phase: "waiting" | "pushing" | "done";
}

export interface PushContext {
  /** Top-most layer first, the order Docker lists them. */
  layers: PushLayer[];
  /** Bytes one tick moves (shared by the layers uploading); Infinity finishes each upload in one tick. */
  bytesPerTick: number;
  outbox: ProgressMessage[];
}

/** dockerd's default max-concurrent-uploads. */
export const CONCURRENT_UPLOADS = 5;

function step(context: PushContext): PushContext {
  const outbox: ProgressMessage[] = [];
  const layers = context.layers.map((l) => ({ ...l }));
  const active = layers.filter((l) => l.phase !== "done").slice(0, CONCURRENT_UPLOADS);
  const uploading = active.filter((l) => l.outcome.kind === "upload");
  const share = uploading.length > 0 ? context.bytesPerTick / uploading.length : 0;
  for (const layer of active) {
    if (layer.outcome.kind === "exists") {
      layer.phase = "done";
      outbox.push({ id: layer.id, status: "Layer already exists" });
      continue;
    }
    if (layer.outcome.kind === "mount") {
      layer.phase = "done";
      outbox.push({ id: layer.id, status: `Mounted from ${layer.outcome.from}` });
      continue;
    }
    layer.phase = "pushing";
    layer.pushed = Math.min(layer.size, layer.pushed + share);
    if (layer.pushed >= layer.size) {
      layer.phase = "done";
      outbox.push({ id: layer.id, status: "Pushed" });
    } else {
      outbox.push({ id: layer.id, status: "Pushing", progressDetail: { current: Math.floor(layer.pushed), total: layer.size } });
    }
  }
  return { ...context, layers, outbox };
}

export const pushMachine = setup({
  types: {
    context: {} as PushContext,
    events: {} as { type: "TICK" },
    input: {} as { layers: { id: string; size: number; outcome: LayerOutcome }[]; bytesPerTick: number },
  },
  guards: {
    allDone: ({ context }) => context.layers.every((l) => l.phase === "done"),
  },
}).createMachine({
  id: "push",
  context: ({ input }) => ({
    layers: input.layers.map((l) => ({ ...l, pushed: 0, phase: "waiting" as const })),
    bytesPerTick: input.bytesPerTick,
    outbox: [
      ...input.layers.map((l) => ({ id: l.id, status: "Preparing" })),
      ...input.layers.slice(CONCURRENT_UPLOADS).map((l) => ({ id: l.id, status: "Waiting" })),
    ],
  }),
  initial: "transferring",
  states: {
    transferring: {
      always: { guard: "allDone", target: "done" },
      on: { TICK: { actions: assign(({ context }) => step(context)) } },
    },
    done: { type: "final" },
  },
});
