/**
 * Exercise goals: conditions over the engine's state, never over the words typed. A goal is
 * data in a lesson's frontmatter; `checkGoal` asks the Engine (simulated or real) whether it holds.
 */
import type { Engine } from "../../simulator/backend/engine.ts";
import type { Goal } from "./goal-schema.ts";

export type { Goal };

const repoOf = (ref: string) => (ref.includes(":") && !ref.includes("/") ? ref.split(":")[0]! : ref.replace(/:[^/:]+$/, ""));
const sameImage = (typed: string, wanted: string) => typed === wanted || repoOf(typed) === wanted || typed === `${wanted}:latest` || `${typed}:latest` === wanted;

/** Whether every wanted step is part of some line, each in a later line than the one before. */
function inOrder(lines: string[], wanted: readonly string[]): boolean {
  let at = 0;
  for (const step of wanted) {
    while (at < lines.length && !lines[at]!.includes(step)) at++;
    if (at === lines.length) return false;
    at++;
  }
  return true;
}

/** Whether the engine's state meets the goal now. Engine errors count as "not yet". */
export async function checkGoal(engine: Engine, goal: Goal): Promise<boolean> {
  try {
    switch (goal.kind) {
      case "container": {
        const list = await engine.containerList({ all: true });
        for (const summary of list) {
          if (goal.name && summary.Names[0] !== `/${goal.name}`) continue;
          if (goal.image && !sameImage(summary.Image, goal.image)) continue;
          if (goal.state && summary.State !== goal.state) continue;
          if (goal.publishes !== undefined && !summary.Ports.some((p) => p.PublicPort === goal.publishes)) continue;
          if (goal.exitCode !== undefined || goal.mounts || goal.network) {
            const info = await engine.containerInspect(summary.Id);
            if (goal.exitCode !== undefined && info.State.ExitCode !== goal.exitCode) continue;
            if (goal.mounts && !info.Mounts.some((m) => m.Destination === goal.mounts)) continue;
            if (goal.network && !(goal.network in info.NetworkSettings.Networks)) continue;
          }
          return true;
        }
        return false;
      }
      case "image": {
        let info;
        try {
          info = await engine.imageInspect(goal.ref);
        } catch {
          return goal.present === false;
        }
        if (goal.present === false) return false;
        if (goal.cmd && JSON.stringify(info.Config.Cmd) !== JSON.stringify(goal.cmd)) return false;
        if (goal.entrypoint && JSON.stringify(info.Config.Entrypoint) !== JSON.stringify(goal.entrypoint)) return false;
        if (goal.minLayers !== undefined && info.RootFS.Layers.length < goal.minLayers) return false;
        if (goal.labels && !Object.entries(goal.labels).every(([key, value]) => info.Config.Labels?.[key] === value)) return false;
        if (goal.steps && !inOrder((await engine.imageHistory(goal.ref)).map((h) => h.CreatedBy).reverse(), goal.steps)) return false;
        return true;
      }
      case "volume": {
        const volumes = await engine.volumeList();
        const candidates = goal.name ? volumes.filter((v) => v.Name === goal.name) : volumes;
        if (goal.present === false) return candidates.length === 0;
        if (!goal.unused) return candidates.length > 0;
        const containers = await Promise.all((await engine.containerList({ all: true })).map((c) => engine.containerInspect(c.Id)));
        return candidates.some((v) => !containers.some((c) => c.Mounts.some((m) => m.Name === v.Name)));
      }
      case "network": {
        if (goal.present === false) return !(await engine.networkList()).some((n) => n.Name === goal.name);
        const network = await engine.networkInspect(goal.name);
        const members = Object.values(network.Containers).map((c) => c.Name);
        return (goal.members ?? []).every((m) => members.includes(m));
      }
      case "containers": {
        const all = await engine.containerList({ all: true });
        if (goal.count !== undefined && all.length !== goal.count) return false;
        if (goal.running !== undefined && all.filter((c) => c.State === "running").length !== goal.running) return false;
        return true;
      }
    }
  } catch {
    return false;
  }
}

/** Every goal of an exercise, in order. */
export async function checkGoals(engine: Engine, goals: readonly Goal[]): Promise<boolean[]> {
  const results: boolean[] = [];
  for (const goal of goals) results.push(await checkGoal(engine, goal));
  return results;
}
