/**
 * One image pull as the daemon runs it: up to three layers download at once, then each is
 * extracted in order. Pure: every TICK advances the transfer by one step and leaves the
 * progress messages Docker would stream in `outbox`, so a driver can run it instantly
 * (tests, scripts) or on the clock (the animated terminal).
 */
import { assign, setup } from "xstate";
import type { ProgressMessage } from "../backend/engine.ts";

type Phase = "queued" | "downloading" | "downloaded" | "extracting" | "complete";

export interface LayerProgress {
  /** The short layer ID Docker prints (12 hex digits). */
  id: string;
  /** Compressed bytes to download. */
  size: number;
  downloaded: number;
  extracted: number;
  phase: Phase;
}

export interface PullContext {
  layers: LayerProgress[];
  /** Bytes one tick moves (shared by the layers downloading); Infinity finishes each phase in one tick. */
  bytesPerTick: number;
  outbox: ProgressMessage[];
}

const CONCURRENT_DOWNLOADS = 3;
/** Unpacking is faster than the network. */
const EXTRACT_SPEEDUP = 4;

function step(context: PullContext): PullContext {
  const outbox: ProgressMessage[] = [];
  const layers = context.layers.map((l) => ({ ...l }));
  const active = layers.filter((l) => l.phase === "queued" || l.phase === "downloading").slice(0, CONCURRENT_DOWNLOADS);
  const share = active.length > 0 ? context.bytesPerTick / active.length : 0;
  for (const layer of active) {
    layer.phase = "downloading";
    layer.downloaded = Math.min(layer.size, layer.downloaded + share);
    if (layer.downloaded >= layer.size) {
      layer.phase = "downloaded";
      outbox.push({ id: layer.id, status: "Verifying Checksum" }, { id: layer.id, status: "Download complete" });
    } else {
      outbox.push({ id: layer.id, status: "Downloading", progressDetail: { current: Math.floor(layer.downloaded), total: layer.size } });
    }
  }
  // Layers are applied in order: the next one waits for every layer below it.
  const next = layers.find((l) => l.phase !== "complete");
  if (next && (next.phase === "downloaded" || next.phase === "extracting")) {
    next.phase = "extracting";
    next.extracted = Math.min(next.size, next.extracted + context.bytesPerTick * EXTRACT_SPEEDUP);
    if (next.extracted >= next.size) {
      next.phase = "complete";
      outbox.push({ id: next.id, status: "Pull complete" });
    } else {
      outbox.push({ id: next.id, status: "Extracting", progressDetail: { current: Math.floor(next.extracted), total: next.size } });
    }
  }
  return { ...context, layers, outbox };
}

export const pullMachine = setup({
  types: {
    context: {} as PullContext,
    events: {} as { type: "TICK" },
    input: {} as { layers: { id: string; size: number }[]; bytesPerTick: number },
  },
  guards: {
    allComplete: ({ context }) => context.layers.every((l) => l.phase === "complete"),
  },
}).createMachine({
  id: "pull",
  context: ({ input }) => ({
    layers: input.layers.map((l) => ({ ...l, downloaded: 0, extracted: 0, phase: "queued" as const })),
    bytesPerTick: input.bytesPerTick,
    outbox: input.layers.map((l) => ({ id: l.id, status: "Pulling fs layer" })),
  }),
  initial: "transferring",
  states: {
    transferring: {
      always: { guard: "allComplete", target: "done" },
      on: { TICK: { actions: assign(({ context }) => step(context)) } },
    },
    done: { type: "final" },
  },
});
