/** GET /containers/{id}/stats?stream=false: one sample of a container, with its networks' counters. */
import type { ContainerStats } from "../backend/engine.ts";
import type { Container } from "./container.ts";
import type { Daemon } from "./daemon.ts";
import { sampleStats } from "./stats.ts";

export function containerStatsOf(d: Daemon, c: Container): ContainerStats {
  const networks = d.networks.networksOf(c.id).filter(({ network }) => network.name !== "none" && network.name !== "host").map(({ network }) => network.name);
  return sampleStats(c, d.clock.now(), c.actor.getSnapshot().context.startedAt, networks);
}
