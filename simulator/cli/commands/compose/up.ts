/** `docker compose up` (and `create`): converge the project, then wait, or stay attached to the logs. */
import type { CommandContext } from "../../command.ts";
import type { FlagSpec, FlagValues } from "../../flags.ts";
import type { Project } from "../../../compose/index.ts";
import { createProject, selectServices, startProject, waitProject, type CreateOptions } from "../../../compose/up.ts";
import { stopContainers } from "../../../compose/down.ts";
import { LogPrinter } from "../../../compose/logs.ts";
import { displayName, failure, projectContainers, type ComposeRuntime, type ProjectContainer } from "../../../compose/runtime.ts";
import { loadFor, operation, runtimeFor, type ComposeCommand } from "./shared.ts";

const CREATE_FLAGS: FlagSpec[] = [
  { long: "build", type: "bool", usage: "Build images before starting containers" },
  { long: "no-build", type: "bool", usage: "Don't build an image, even if it's policy" },
  { long: "force-recreate", type: "bool", usage: "Recreate containers even if their configuration and image haven't changed" },
  { long: "no-recreate", type: "bool", usage: "If containers already exist, don't recreate them. Incompatible with --force-recreate." },
  { long: "remove-orphans", type: "bool", usage: "Remove containers for services not defined in the Compose file" },
  { long: "scale", type: "stringArray", usage: "Scale SERVICE to NUM instances. Overrides the `scale` setting in the Compose file if present.", valueName: "scale" },
  { long: "pull", type: "string", usage: 'Pull image before running ("always"|"missing"|"never")', default: "policy" },
  { long: "quiet-pull", type: "bool", usage: "Pull without printing progress information" },
];

const UP_FLAGS: FlagSpec[] = [
  ...CREATE_FLAGS,
  { long: "detach", short: "d", type: "bool", usage: "Detached mode: Run containers in the background" },
  { long: "no-deps", type: "bool", usage: "Don't start linked services" },
  { long: "no-start", type: "bool", usage: "Don't start the services after creating them" },
  { long: "wait", type: "bool", usage: "Wait for services to be running|healthy. Implies detached mode." },
  { long: "wait-timeout", type: "int", usage: "Maximum duration in seconds to wait for the project to be running|healthy" },
  { long: "no-color", type: "bool", usage: "Produce monochrome output" },
  { long: "no-log-prefix", type: "bool", usage: "Don't print prefix in logs" },
  { long: "timestamps", type: "bool", usage: "Show timestamps" },
  { long: "abort-on-container-exit", type: "bool", usage: "Stops all containers if any container was stopped. Incompatible with -d" },
  { long: "attach-dependencies", type: "bool", usage: "Automatically attach to log output of dependent services" },
  { long: "timeout", short: "t", type: "int", usage: "Use this timeout in seconds for container shutdown when attached or when containers are already running" },
];

/** `--scale web=3` into a map; compose's error for a malformed value. */
function parseScale(values: string[] | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values ?? []) {
    const [name, count] = v.split("=");
    if (!name || count === undefined || !/^\d+$/.test(count)) throw failure(`invalid --scale option "${v}". Should be SERVICE=NUM`);
    out[name] = Number(count);
  }
  return out;
}

function createOptions(project: Project, flags: FlagValues, args: string[]): CreateOptions {
  if (flags["force-recreate"] && flags["no-recreate"]) throw failure("--force-recreate and --no-recreate are incompatible");
  const pull = flags["pull"] as string;
  if (!["policy", "always", "missing", "never", "build"].includes(pull)) throw failure(`invalid --pull option "${pull}"`);
  const scale = parseScale(flags["scale"] as string[] | undefined);
  for (const s of Object.keys(scale)) if (!(s in project.services)) throw failure(`no such service: ${s}`);
  return {
    services: args,
    noDeps: flags["no-deps"] === true,
    build: flags["build"] === true,
    noBuild: flags["no-build"] === true,
    forceRecreate: flags["force-recreate"] === true,
    noRecreate: flags["no-recreate"] === true,
    removeOrphans: flags["remove-orphans"] === true,
    scale,
    ...(pull === "always" || pull === "never" || pull === "missing" ? { pull } : {}),
  };
}

/** Foreground `up`: stream the attached containers' logs until they all exit or Ctrl-C stops them. */
async function attached(ctx: CommandContext, rt: ComposeRuntime, project: Project, flags: FlagValues, services: string[], start: () => Promise<void>): Promise<number> {
  const printer = new LogPrinter({
    stdout: (t) => ctx.io.stdout(t),
    stderr: (t) => ctx.io.stderr(t),
    color: ctx.io.isTTY && flags["no-color"] !== true,
    prefix: flags["no-log-prefix"] !== true,
    timestamps: flags["timestamps"] === true,
  });
  const wanted = (await projectContainers(rt.engine, project.name, { oneOff: false, services })).filter((c) => services.includes(c.service));
  ctx.io.stdout(`Attaching to ${wanted.map((c) => displayName(c, project.name)).join(", ")}\n`);
  const detach = new AbortController();
  let exitCode = 0;
  let stopping: Promise<void> | undefined;
  const stopAll = (reason: string) => {
    if (stopping) return stopping;
    rt.progress.event("Compose", "working", "Stopping", reason);
    stopping = operation(rt, "stop", async () => stopContainers(rt, project, await projectContainers(rt.engine, project.name, { oneOff: false, services }), flags["timeout"] as number | undefined));
    return stopping;
  };
  const follow = async (c: ProjectContainer) => {
    const name = displayName(c, project.name);
    printer.register(name);
    try {
      for await (const chunk of rt.engine.containerAttach(c.id, { signal: detach.signal })) printer.write(name, chunk);
    } catch {
      // detached
    }
    printer.flush(name);
    if (detach.signal.aborted) return;
    const state = await rt.engine.containerInspect(c.id).catch(() => undefined);
    if (!state) return;
    printer.status(name, `exited with code ${state.State.ExitCode}`);
    if (flags["abort-on-container-exit"] === true) {
      exitCode = exitCode || state.State.ExitCode;
      void stopAll("Aborting on container exit...");
    }
  };
  const streams = Promise.all(wanted.map(follow));
  const onAbort = () => void stopAll("Gracefully Stopping... press Ctrl+C again to force");
  ctx.io.signal?.addEventListener("abort", onAbort, { once: true });
  // Started/Starting rows stay out of the block: logs follow on the same terminal.
  rt.progress.detached = false;
  await operation(rt, "up", start);
  await streams;
  if (stopping) await stopping;
  ctx.io.signal?.removeEventListener("abort", onAbort);
  detach.abort();
  return ctx.io.signal?.aborted ? 130 : exitCode;
}

async function runUp(ctx: CommandContext, global: FlagValues, flags: FlagValues, args: string[]): Promise<number> {
  const project = await loadFor(ctx, global, { labelsOnly: false });
  const options = createOptions(project, flags, args);
  const rt = runtimeFor(ctx, flags["quiet-pull"] === true ? {} : {});
  const detached = flags["detach"] === true || flags["wait"] === true;
  if (detached && flags["abort-on-container-exit"]) throw failure("--abort-on-container-exit and --detach are incompatible");
  const services = selectServices(project, args, options.noDeps);
  rt.progress.detached = detached;
  if (!detached && flags["no-start"] !== true) {
    const attachTo = args.length > 0 && flags["attach-dependencies"] !== true ? args : services;
    await operation(rt, "up", () => createProject(rt, project, options));
    return attached(ctx, rt, project, flags, attachTo, () => startProject(rt, project, services));
  }
  await operation(rt, "up", async () => {
    await createProject(rt, project, options);
    if (flags["no-start"] === true) return;
    await startProject(rt, project, services);
    if (flags["wait"] === true) await waitProject(rt, project, services);
  });
  return 0;
}

export const up: ComposeCommand = {
  name: "up",
  usage: "[OPTIONS] [SERVICE...]",
  short: "Create and start containers",
  flags: UP_FLAGS,
  run: runUp,
};

export const create: ComposeCommand = {
  name: "create",
  usage: "[OPTIONS] [SERVICE...]",
  short: "Creates containers for a service",
  flags: CREATE_FLAGS,
  async run(ctx, global, flags, args) {
    const project = await loadFor(ctx, global, { labelsOnly: false });
    const rt = runtimeFor(ctx);
    await operation(rt, "create", () => createProject(rt, project, createOptions(project, flags, args)));
    return 0;
  },
};
