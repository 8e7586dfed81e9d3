// Images a project needs: pulled when missing, built from `build:` sections.
import { EngineError } from "../backend/errors.ts";
import { serviceImage } from "./convert.ts";
import type { Project } from "./model.ts";
import { engineMessage, failure, type ComposeRuntime } from "./runtime.ts";

/** The image's ID, or undefined when the engine does not have it. */
async function imageId(rt: ComposeRuntime, ref: string): Promise<string | undefined> {
  try {
    return (await rt.engine.imageInspect(ref)).Id;
  } catch (error) {
    if (error instanceof EngineError && error.statusCode === 404) return undefined;
    throw error;
  }
}

/** Pull one image with compose's `Image x Pulling` / `Pulled` events. */
export async function pullImage(rt: ComposeRuntime, ref: string, options: { ignoreFailure?: boolean } = {}): Promise<boolean> {
  const id = `Image ${ref}`;
  rt.progress.event(id, "working", "Pulling");
  try {
    await rt.engine.imagePull(ref, rt.signal ? { signal: rt.signal } : {});
  } catch (error) {
    rt.progress.event(id, "error", "Error", engineMessage(error));
    if (options.ignoreFailure) return false;
    throw failure(engineMessage(error));
  }
  rt.progress.event(id, "done", "Pulled");
  return true;
}

/** Build a service's image from its `build:` section; returns the image ID. */
export async function buildImage(rt: ComposeRuntime, project: Project, service: string, options: { noCache?: boolean } = {}): Promise<string> {
  const cfg = project.services[service]!;
  const build = cfg.build!;
  const tag = serviceImage(project, service);
  const id = `Image ${tag}`;
  if (!rt.build) throw failure(`service "${service}" has a build section, but this client cannot send a build context`);
  const dockerfileName = typeof build.dockerfile === "string" ? build.dockerfile : "Dockerfile";
  rt.progress.event(id, "working", "Building");
  const source = await rt.build.context(build.context, dockerfileName).catch((error: unknown) => {
    rt.progress.event(id, "error", "Error");
    throw failure(`unable to prepare context: ${error instanceof Error ? error.message : String(error)}`);
  });
  const args: Record<string, string> = {};
  for (const [k, v] of Object.entries(build.args ?? {})) if (v !== null) args[k] = v;
  const result = await rt.engine.imageBuild(source.entries, {
    ...(source.dockerfile !== undefined ? { dockerfile: source.dockerfile } : {}),
    dockerfileName,
    ignoreBytes: source.ignoreBytes,
    tags: [tag],
    buildArgs: args,
    ...(typeof build["target"] === "string" ? { target: build["target"] } : {}),
    noCache: options.noCache === true,
    ...(rt.signal ? { signal: rt.signal } : {}),
  });
  if (result.error || !result.Id) {
    rt.progress.event(id, "error", "Error");
    const where = result.error?.step ? `target ${service}: ${result.error.step}` : `target ${service}`;
    throw failure(`failed to solve: ${where}: ${result.error?.message ?? "build failed"}`.replace(/: : /, ": "));
  }
  rt.progress.event(id, "done", "Built");
  return result.Id;
}

/** Make sure every service's image is there: build (`--build`, or missing with a build section), else pull. */
export async function ensureImages(rt: ComposeRuntime, project: Project, services: string[], options: { build: boolean; noBuild: boolean; pull: "always" | "missing" | "never" }): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const s of services) {
    const cfg = project.services[s]!;
    const ref = serviceImage(project, s);
    if (ids.has(ref)) continue;
    const policy = (cfg["pull_policy"] as string | undefined) ?? options.pull;
    let id = await imageId(rt, ref);
    if (cfg.build && !options.noBuild && (options.build || policy === "build" || id === undefined)) {
      ids.set(ref, await buildImage(rt, project, s));
      continue;
    }
    if (id === undefined || policy === "always") {
      if (policy === "never" && id === undefined) throw failure(`No such image: ${ref}`);
      if (cfg.image === undefined) throw failure(`service "${s}" has neither an image nor a build context specified: ${"invalid compose project"}`);
      await pullImage(rt, ref);
      id = await imageId(rt, ref);
    }
    if (id) ids.set(ref, id);
  }
  return ids;
}
