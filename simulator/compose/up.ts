// `up`/`create`/`start`: make the engine match the project, as compose's convergence does.
import type { ContainerInspect, Engine } from "../backend/engine.ts";
import { EngineError } from "../backend/errors.ts";
import { containerPlan, serviceHash, serviceImage, serviceReplicas } from "./convert.ts";
import { dependencyGraph, startOrder, withDependencies } from "./deps.ts";
import { ensureImages } from "./images.ts";
import { COMPOSE_LABEL_VERSION, LABEL, containerName } from "./labels.ts";
import type { Project } from "./model.ts";
import { engineMessage, failure, projectContainers, waitForContainer, type ComposeRuntime, type ProjectContainer } from "./runtime.ts";

export interface CreateOptions {
  /** Services named on the command line (empty: all). */
  services: string[];
  noDeps?: boolean;
  build?: boolean;
  noBuild?: boolean;
  forceRecreate?: boolean;
  noRecreate?: boolean;
  removeOrphans?: boolean;
  /** `--scale svc=n` */
  scale?: Record<string, number>;
  pull?: "always" | "missing" | "never";
}

/** The services an operation covers, in start order: the named ones and (unless noDeps) their dependencies. */
export function selectServices(project: Project, services: string[], noDeps = false): string[] {
  const graph = dependencyGraph(project.services);
  if (services.length === 0) return startOrder(graph);
  for (const s of services) if (!(s in project.services)) throw failure(`no such service: ${s}`);
  if (noDeps) return startOrder(graph).filter((s) => services.includes(s));
  return withDependencies(graph, services);
}

/** Networks and volumes: created once, found again by name and labels. */
async function ensureNetworks(rt: ComposeRuntime, project: Project, services: string[]): Promise<void> {
  const used = new Set(services.flatMap((s) => Object.keys(project.services[s]!.networks ?? {})));
  const existing = await rt.engine.networkList();
  for (const [key, network] of Object.entries(project.networks).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!used.has(key)) continue;
    const found = existing.find((n) => n.Name === network.name);
    if (network.external) {
      if (!found) throw failure(`network ${network.name} declared as external, but could not be found`);
      continue;
    }
    if (found) {
      if (found.Labels[LABEL.project] !== project.name) rt.warn(`a network with name ${network.name} exists but was not created for project "${project.name}".\nSet \`external: true\` to use an existing network`);
      continue;
    }
    const id = `Network ${network.name}`;
    rt.progress.event(id, "working", "Creating");
    try {
      await rt.engine.networkCreate(network.name, {
        Driver: network.driver ?? "bridge",
        Labels: { ...((network["labels"] as Record<string, string> | undefined) ?? {}), [LABEL.network]: key, [LABEL.project]: project.name, [LABEL.version]: COMPOSE_LABEL_VERSION },
        ...(network["internal"] === true ? { Internal: true } : {}),
        ...(network["attachable"] === true ? { Attachable: true } : {}),
      });
    } catch (error) {
      rt.progress.event(id, "error", "Error", engineMessage(error));
      throw failure(`failed to create network ${network.name}: ${engineMessage(error)}`);
    }
    rt.progress.event(id, "done", "Created");
  }
}

async function ensureVolumes(rt: ComposeRuntime, project: Project, services: string[]): Promise<void> {
  const used = new Set(services.flatMap((s) => (project.services[s]!.volumes ?? []).filter((v) => v.type === "volume" && v.source).map((v) => v.source!)));
  const existing = await rt.engine.volumeList();
  for (const [key, volume] of Object.entries(project.volumes).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!used.has(key)) continue;
    const found = existing.find((v) => v.Name === volume.name);
    if (volume.external) {
      if (!found) throw failure(`external volume "${volume.name}" not found`);
      continue;
    }
    if (found) {
      if (found.Labels?.[LABEL.project] !== project.name) rt.warn(`volume "${volume.name}" already exists but was not created by Docker Compose. Use \`external: true\` to use an existing volume`);
      continue;
    }
    const id = `Volume ${volume.name}`;
    rt.progress.event(id, "working", "Creating");
    await rt.engine.volumeCreate({ Name: volume.name, Labels: { ...((volume["labels"] as Record<string, string> | undefined) ?? {}), [LABEL.project]: project.name, [LABEL.version]: COMPOSE_LABEL_VERSION, [LABEL.volume]: key } });
    rt.progress.event(id, "done", "Created");
  }
}

/** Create a service's container `number` and connect its other networks. */
async function createContainer(rt: ComposeRuntime, project: Project, service: string, number: number, imageId: string | undefined, hash: string, inherit?: ProjectContainer): Promise<string> {
  const plan = containerPlan(project, service, number, { hash, ...(imageId ? { imageId } : {}) });
  if (inherit) plan.config.Labels![LABEL.replace] = inherit.id;
  const { Id } = await rt.engine.containerCreate(plan.config, { name: plan.name });
  for (const extra of plan.connect) await rt.engine.networkConnect(extra.network, Id, { Aliases: extra.aliases, ...(extra.ip ? { IPAddress: extra.ip } : {}) });
  return Id;
}

/** What a running convergence leaves for the start phase: the containers of each service, in number order. */
export type Converged = Map<string, string[]>;

/** Create what is missing and recreate what changed; returns each service's container IDs. */
export async function createProject(rt: ComposeRuntime, project: Project, options: CreateOptions): Promise<Converged> {
  const services = selectServices(project, options.services, options.noDeps);
  for (const s of services) {
    const cfg = project.services[s]!;
    const replicas = options.scale?.[s] ?? serviceReplicas(cfg);
    if (cfg.container_name && replicas > 1) throw failure(`services.${s}: can't set container_name and ${s} as container name must be unique: invalid compose project`);
  }
  const images = await ensureImages(rt, project, services, { build: options.build === true, noBuild: options.noBuild === true, pull: options.pull ?? "missing" });
  await ensureNetworks(rt, project, services);
  await ensureVolumes(rt, project, services);
  const observed = await projectContainers(rt.engine, project.name, { oneOff: false });
  const orphans = observed.filter((c) => !(c.service in project.services));
  if (orphans.length > 0) {
    if (options.removeOrphans) {
      for (const c of orphans) await removeContainer(rt, c);
    } else {
      rt.warn(`Found orphan containers ([${orphans.map((c) => c.name).join(" ")}]) for this project. If you removed or renamed this service in your compose file, you can run this command with the --remove-orphans flag to clean it up.`);
    }
  }
  const converged: Converged = new Map();
  for (const s of services) {
    const cfg = project.services[s]!;
    const want = options.scale?.[s] ?? serviceReplicas(cfg);
    const hash = serviceHash(cfg);
    const imageId = images.get(serviceImage(project, s));
    const mine = observed.filter((c) => c.service === s);
    const ids: string[] = [];
    const kept = mine.slice(0, want);
    for (const c of mine.slice(want).reverse()) await removeContainer(rt, c);
    for (const c of kept) {
      const outdated = c.summary.Labels[LABEL.configHash] !== hash || (imageId !== undefined && c.summary.Labels[LABEL.image] !== undefined && c.summary.Labels[LABEL.image] !== imageId);
      const recreate = !options.noRecreate && (options.forceRecreate || outdated);
      if (recreate) {
        ids.push(await recreateContainer(rt, project, s, c, imageId, hash));
      } else {
        if (c.summary.State === "running") rt.progress.event(`Container ${c.name}`, "done", "Running");
        ids.push(c.id);
      }
    }
    const taken = new Set(kept.map((c) => c.number));
    for (let number = 1; ids.length < want; number++) {
      if (taken.has(number)) continue;
      const name = `Container ${containerName(project.name, s, number, cfg.container_name)}`;
      rt.progress.event(name, "working", "Creating");
      try {
        ids.push(await createContainer(rt, project, s, number, imageId, hash));
      } catch (error) {
        rt.progress.event(name, "error", "Error", engineMessage(error));
        throw failure(engineMessage(error));
      }
      rt.progress.event(name, "done", "Created");
    }
    converged.set(s, ids);
  }
  return converged;
}

async function recreateContainer(rt: ComposeRuntime, project: Project, service: string, old: ProjectContainer, imageId: string | undefined, hash: string): Promise<string> {
  const id = `Container ${old.name}`;
  rt.progress.event(id, "working", "Recreate");
  try {
    if (old.summary.State === "running" || old.summary.State === "restarting" || old.summary.State === "paused") await rt.engine.containerStop(old.id);
    await rt.engine.containerRename(old.id, `${old.id.slice(0, 12)}_${old.name}`);
    const fresh = await createContainer(rt, project, service, old.number, imageId, hash, old);
    await rt.engine.containerRemove(old.id, { force: true });
    rt.progress.event(id, "done", "Recreated");
    return fresh;
  } catch (error) {
    rt.progress.event(id, "error", "Error", engineMessage(error));
    throw failure(engineMessage(error));
  }
}

/** Stop (if needed) and remove one container, with compose's events. */
export async function removeContainer(rt: ComposeRuntime, c: ProjectContainer, options: { volumes?: boolean; timeout?: number } = {}): Promise<void> {
  const id = `Container ${c.name}`;
  if (c.summary.State === "running" || c.summary.State === "restarting" || c.summary.State === "paused") {
    rt.progress.event(id, "working", "Stopping");
    await rt.engine.containerStop(c.id, options.timeout !== undefined ? { timeout: options.timeout } : {});
    rt.progress.event(id, "done", "Stopped");
  }
  rt.progress.event(id, "working", "Removing");
  try {
    await rt.engine.containerRemove(c.id, { force: true, ...(options.volumes ? { volumes: true } : {}) });
  } catch (error) {
    if (!(error instanceof EngineError && error.statusCode === 404)) throw error;
  }
  rt.progress.event(id, "done", "Removed");
}

const isRunning = (c: ContainerInspect) => c.State.Running || c.State.Restarting;

/** Wait for what each dependency's condition asks (healthy, completed) before a service starts. */
async function waitDependencies(rt: ComposeRuntime, project: Project, service: string): Promise<void> {
  for (const [dep, d] of Object.entries(project.services[service]!.depends_on ?? {})) {
    if (d.condition === "service_started") continue;
    const containers = await projectContainers(rt.engine, project.name, { oneOff: false, services: [dep] });
    if (containers.length === 0 && !d.required) continue;
    for (const c of containers) await waitCondition(rt, c, d.condition === "service_healthy" ? "healthy" : "completed", d.required);
  }
}

/** `Waiting` then `Healthy`/`Exited`, or compose's error for a dependency that failed. */
export async function waitCondition(rt: ComposeRuntime, c: ProjectContainer, condition: "healthy" | "completed" | "running-or-healthy", required = true): Promise<void> {
  const id = `Container ${c.name}`;
  rt.progress.event(id, "working", "Waiting");
  const outcome = await waitForContainer<{ ok: string } | { error: string }>(rt.engine, c.id, (state) => {
    if (!state) return { error: `container ${c.name} was removed` };
    if (condition === "completed") {
      if (isRunning(state) || state.State.Status === "created") return undefined;
      return state.State.ExitCode === 0 ? { ok: "Exited" } : { error: `service "${c.service}" didn't complete successfully: exit ${state.State.ExitCode}` };
    }
    const health = state.State.Health;
    if (!health || state.Config.Healthcheck?.Test?.[0] === "NONE") {
      if (condition === "healthy") return { error: `container ${c.name} has no healthcheck configured` };
      if (isRunning(state)) return { ok: "Healthy" };
    } else if (health.Status === "healthy" && isRunning(state)) return { ok: "Healthy" };
    else if (health.Status === "unhealthy") return { error: `container ${c.name} is unhealthy` };
    if (!isRunning(state) && state.State.Status !== "created") return { error: `container ${c.name} exited (${state.State.ExitCode})` };
    return undefined;
  }, rt.signal);
  if ("ok" in outcome) {
    rt.progress.event(id, "done", outcome.ok);
    return;
  }
  rt.progress.event(id, "error", "Error", outcome.error);
  if (!required) {
    rt.warn(`optional dependency failed: ${outcome.error}`);
    return;
  }
  throw failure(condition === "completed" ? outcome.error : `dependency failed to start: ${outcome.error}`);
}

/** Start each service's containers in dependency order, waiting for conditions first. */
export async function startProject(rt: ComposeRuntime, project: Project, services: string[], options: { waitDeps?: boolean } = {}): Promise<void> {
  // One listing for all: starting a service does not change what the others have.
  const all = await projectContainers(rt.engine, project.name, { oneOff: false });
  for (const s of services) {
    if (options.waitDeps !== false) await waitDependencies(rt, project, s);
    for (const c of all.filter((x) => x.service === s)) {
      if (c.summary.State === "running" || c.summary.State === "restarting") continue;
      const id = `Container ${c.name}`;
      rt.progress.event(id, "working", "Starting");
      try {
        await rt.engine.containerStart(c.id);
      } catch (error) {
        rt.progress.event(id, "error", "Error", engineMessage(error));
        throw failure(engineMessage(error));
      }
      rt.progress.event(id, "done", "Started");
    }
  }
}

/** `up --wait`: every container running, and healthy when it has a healthcheck. */
export async function waitProject(rt: ComposeRuntime, project: Project, services: string[]): Promise<void> {
  for (const s of services) {
    for (const c of await projectContainers(rt.engine, project.name, { oneOff: false, services: [s] })) await waitCondition(rt, c, "running-or-healthy");
  }
}

export type { Engine };
