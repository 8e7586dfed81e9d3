// `down`, `stop`, `kill`, `rm`, `restart`, `pause`: the project's containers in reverse dependency order.
import { EngineError } from "../backend/errors.ts";
import { serviceImage } from "./convert.ts";
import { dependencyGraph, stopOrder } from "./deps.ts";
import { LABEL } from "./labels.ts";
import type { Project } from "./model.ts";
import { engineMessage, failure, projectContainers, type ComposeRuntime, type ProjectContainer } from "./runtime.ts";
import { removeContainer } from "./up.ts";

/** Containers ordered for stopping: dependents before what they depend on, one-off and orphans first. */
export function stopSorted(project: Project | undefined, containers: ProjectContainer[]): ProjectContainer[] {
  const order = project ? stopOrder(dependencyGraph(project.services)) : [];
  const rank = (c: ProjectContainer) => (c.oneOff ? -2 : order.includes(c.service) ? order.indexOf(c.service) : -1);
  return containers.slice().sort((a, b) => rank(a) - rank(b) || a.number - b.number);
}

export interface DownOptions {
  volumes?: boolean;
  rmi?: "local" | "all";
  removeOrphans?: boolean;
  timeout?: number;
}

/** Stop and remove the project's containers and networks (volumes and images on request). */
export async function downProject(rt: ComposeRuntime, project: Project, options: DownOptions): Promise<void> {
  let resources = 0;
  const all = await projectContainers(rt.engine, project.name, { oneOff: "include" });
  const containers = all.filter((c) => options.removeOrphans || c.oneOff || c.service in project.services);
  const orphans = all.filter((c) => !c.oneOff && !(c.service in project.services));
  if (orphans.length > 0 && !options.removeOrphans) {
    rt.warn(`Found orphan containers ([${orphans.map((c) => c.name).join(" ")}]) for this project. If you removed or renamed this service in your compose file, you can run this command with the --remove-orphans flag to clean it up.`);
  }
  for (const c of stopSorted(project, containers)) {
    resources++;
    await removeContainer(rt, c, { ...(options.timeout !== undefined ? { timeout: options.timeout } : {}), ...(options.volumes ? { volumes: true } : {}) });
  }
  const networks = (await rt.engine.networkList()).filter((n) => n.Labels[LABEL.project] === project.name);
  const declared = new Set(Object.values(project.networks).filter((n) => !n.external).map((n) => n.name));
  for (const n of networks.sort((a, b) => (a.Name < b.Name ? -1 : 1))) {
    if (!declared.has(n.Name) && !options.removeOrphans) continue;
    resources++;
    const id = `Network ${n.Name}`;
    rt.progress.event(id, "working", "Removing");
    try {
      await rt.engine.networkRemove(n.Id);
      rt.progress.event(id, "done", "Removed");
    } catch (error) {
      rt.progress.event(id, "error", "Error", engineMessage(error));
      rt.warn(`error while removing network ${n.Name}: ${engineMessage(error)}`);
    }
  }
  if (options.volumes) {
    const volumes = (await rt.engine.volumeList()).filter((v) => v.Labels?.[LABEL.project] === project.name);
    for (const v of volumes.sort((a, b) => (a.Name < b.Name ? -1 : 1))) {
      resources++;
      const id = `Volume ${v.Name}`;
      rt.progress.event(id, "working", "Removing");
      try {
        await rt.engine.volumeRemove(v.Name);
        rt.progress.event(id, "done", "Removed");
      } catch (error) {
        rt.progress.event(id, "error", "Error", engineMessage(error));
        throw failure(engineMessage(error));
      }
    }
  }
  if (options.rmi) {
    const refs = new Set<string>();
    for (const [name, cfg] of Object.entries(project.services)) {
      if (options.rmi === "all" || cfg.image === undefined) refs.add(serviceImage(project, name));
    }
    for (const ref of [...refs].sort()) {
      const id = `Image ${ref}`;
      try {
        await rt.engine.imageInspect(ref);
      } catch {
        continue;
      }
      resources++;
      rt.progress.event(id, "working", "Removing");
      try {
        await rt.engine.imageRemove(ref);
        rt.progress.event(id, "done", "Removed");
      } catch (error) {
        rt.progress.event(id, "error", "Error", engineMessage(error));
      }
    }
  }
  if (resources === 0) rt.warn(`No resource found to remove for project "${project.name}".`);
}

/** `stop`: the stop signal, then SIGKILL after the timeout. */
export async function stopContainers(rt: ComposeRuntime, project: Project | undefined, containers: ProjectContainer[], timeout?: number): Promise<void> {
  for (const c of stopSorted(project, containers)) {
    if (c.summary.State !== "running" && c.summary.State !== "restarting" && c.summary.State !== "paused") continue;
    const id = `Container ${c.name}`;
    rt.progress.event(id, "working", "Stopping");
    await rt.engine.containerStop(c.id, timeout !== undefined ? { timeout } : {});
    rt.progress.event(id, "done", "Stopped");
  }
}

/** `kill`: a signal to each running container. */
export async function killContainers(rt: ComposeRuntime, project: Project | undefined, containers: ProjectContainer[], signal: string): Promise<void> {
  const running = stopSorted(project, containers).filter((c) => c.summary.State === "running" || c.summary.State === "restarting");
  if (running.length === 0) throw failure("no container to kill");
  for (const c of running) {
    const id = `Container ${c.name}`;
    rt.progress.event(id, "working", "Killing");
    try {
      await rt.engine.containerKill(c.id, signal);
    } catch (error) {
      rt.progress.event(id, "error", "Error", engineMessage(error));
      throw failure(engineMessage(error));
    }
    rt.progress.event(id, "done", "Killed");
  }
}

/** `restart`: stop then start, each container in turn. */
export async function restartContainers(rt: ComposeRuntime, project: Project | undefined, containers: ProjectContainer[], timeout?: number): Promise<void> {
  for (const c of containers) {
    const id = `Container ${c.name}`;
    rt.progress.event(id, "working", "Restarting");
    try {
      await rt.engine.containerRestart(c.id, timeout !== undefined ? { timeout } : {});
    } catch (error) {
      rt.progress.event(id, "error", "Error", engineMessage(error));
      throw failure(engineMessage(error));
    }
    rt.progress.event(id, "done", "Started");
  }
  void project;
}

/** `rm`: remove stopped containers (`-s` stops them first). */
export async function removeStopped(rt: ComposeRuntime, containers: ProjectContainer[], volumes: boolean): Promise<void> {
  for (const c of containers) {
    const id = `Container ${c.name}`;
    rt.progress.event(id, "working", "Removing");
    try {
      await rt.engine.containerRemove(c.id, { volumes });
    } catch (error) {
      if (error instanceof EngineError && error.statusCode === 404) continue;
      rt.progress.event(id, "error", "Error", engineMessage(error));
      throw failure(engineMessage(error));
    }
    rt.progress.event(id, "done", "Removed");
  }
}
