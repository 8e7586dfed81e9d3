import { SimulatedClock } from "xstate";
import { createSimulator, type Simulator } from "../../simulator/index.ts";
import { seededIds } from "../../simulator/engine/digest.ts";

/** 2026-11-28T12:00:00Z: tests run on simulated time from here. */
export const T0 = Date.UTC(2026, 10, 28, 12, 0, 0);

/** A simulator on a simulated clock with deterministic IDs. */
export function testSimulator(options: { interactive?: boolean; columns?: number } = {}): { sim: Simulator; clock: SimulatedClock } {
  const clock = new SimulatedClock();
  clock.set(T0);
  const sim = createSimulator({ clock, ids: seededIds("test"), ...options });
  return { sim, clock };
}
