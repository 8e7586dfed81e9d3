/** `docker compose down`, `start`, `stop`, `restart`, `kill`, `rm`, `pause`, `unpause`. */
import type { CommandContext } from "../../command.ts";
import { confirmThen } from "../confirm.ts";
import type { FlagValues } from "../../flags.ts";
import type { Project } from "../../../compose/index.ts";
import { downProject, killContainers, removeStopped, restartContainers, stopContainers } from "../../../compose/down.ts";
import { selectServices, startProject } from "../../../compose/up.ts";
import { engineMessage, failure, projectContainers, type ProjectContainer } from "../../../compose/runtime.ts";
import { loadFor, operation, runtimeFor, type ComposeCommand } from "./shared.ts";

/** The containers of the named services (all services when none are named); compose's error for an unknown one. */
async function containersOf(ctx: CommandContext, project: Project, services: string[], options: { all?: boolean } = {}): Promise<ProjectContainer[]> {
  for (const s of services) if (!(s in project.services)) throw failure(`no such service: ${s}`);
  return projectContainers(ctx.engine, project.name, { all: options.all ?? true, oneOff: false, services });
}

export const down: ComposeCommand = {
  name: "down",
  usage: "[OPTIONS] [SERVICES]",
  short: "Stop and remove containers, networks",
  flags: [
    { long: "volumes", short: "v", type: "bool", usage: "Remove named volumes declared in the \"volumes\" section of the Compose file and anonymous volumes attached to containers" },
    { long: "rmi", type: "string", usage: 'Remove images used by services. "local" remove only images that don\'t have a custom tag ("local"|"all")' },
    { long: "remove-orphans", type: "bool", usage: "Remove containers for services not defined in the Compose file" },
    { long: "timeout", short: "t", type: "int", usage: "Specify a shutdown timeout in seconds" },
  ],
  async run(ctx, global, flags) {
    const rmi = flags["rmi"] as string | undefined;
    if (rmi !== undefined && rmi !== "local" && rmi !== "all") throw failure(`invalid value for --rmi: ${rmi}`);
    const project = await loadFor(ctx, global);
    const rt = runtimeFor(ctx);
    await operation(rt, "down", () => downProject(rt, project, { volumes: flags["volumes"] === true, ...(rmi ? { rmi } : {}), removeOrphans: flags["remove-orphans"] === true, ...(typeof flags["timeout"] === "number" ? { timeout: flags["timeout"] } : {}) }));
    return 0;
  },
};

export const start: ComposeCommand = {
  name: "start",
  usage: "[SERVICE...]",
  short: "Start services",
  flags: [{ long: "wait", type: "bool", usage: "Wait for services to be running|healthy. Implies detached mode." }],
  async run(ctx, global, _flags, args) {
    const project = await loadFor(ctx, global);
    const rt = runtimeFor(ctx);
    rt.progress.detached = true;
    const services = selectServices(project, args, true);
    const existing = await containersOf(ctx, project, args);
    if (existing.length === 0) throw failure("service \"" + (args[0] ?? services[0] ?? "") + "\" has no container to start");
    await operation(rt, "start", () => startProject(rt, project, services.filter((s) => existing.some((c) => c.service === s))));
    return 0;
  },
};

export const stop: ComposeCommand = {
  name: "stop",
  usage: "[OPTIONS] [SERVICE...]",
  short: "Stop services",
  flags: [{ long: "timeout", short: "t", type: "int", usage: "Specify a shutdown timeout in seconds" }],
  async run(ctx, global, flags, args) {
    const project = await loadFor(ctx, global);
    const rt = runtimeFor(ctx);
    const list = await containersOf(ctx, project, args);
    await operation(rt, "stop", () => stopContainers(rt, project, list, flags["timeout"] as number | undefined));
    return 0;
  },
};

export const restart: ComposeCommand = {
  name: "restart",
  usage: "[OPTIONS] [SERVICE...]",
  short: "Restart service containers",
  flags: [
    { long: "timeout", short: "t", type: "int", usage: "Specify a shutdown timeout in seconds" },
    { long: "no-deps", type: "bool", usage: "Don't restart dependent services" },
  ],
  async run(ctx, global, flags, args) {
    const project = await loadFor(ctx, global);
    const rt = runtimeFor(ctx);
    rt.progress.detached = true;
    // The named services only (all when none is named), dependencies first.
    const order = selectServices(project, args, true);
    const list = (await containersOf(ctx, project, [])).filter((c) => order.includes(c.service)).sort((a, b) => order.indexOf(a.service) - order.indexOf(b.service) || a.number - b.number);
    await operation(rt, "restart", () => restartContainers(rt, project, list, flags["timeout"] as number | undefined));
    return 0;
  },
};

export const kill: ComposeCommand = {
  name: "kill",
  usage: "[OPTIONS] [SERVICE...]",
  short: "Force stop service containers",
  flags: [
    { long: "signal", short: "s", type: "string", usage: "SIGNAL to send to the container", default: "SIGKILL" },
    { long: "remove-orphans", type: "bool", usage: "Remove containers for services not defined in the Compose file" },
  ],
  async run(ctx, global, flags, args) {
    const signal = flags["signal"] as string;
    const project = await loadFor(ctx, global);
    const rt = runtimeFor(ctx);
    const list = await containersOf(ctx, project, args);
    await operation(rt, "kill", () => killContainers(rt, project, list, signal));
    return 0;
  },
};

export const rm: ComposeCommand = {
  name: "rm",
  usage: "[OPTIONS] [SERVICE...]",
  short: "Removes stopped service containers",
  flags: [
    { long: "force", short: "f", type: "bool", usage: "Don't ask to confirm removal" },
    { long: "stop", short: "s", type: "bool", usage: "Stop the containers, if required, before removing" },
    { long: "volumes", short: "v", type: "bool", usage: "Remove any anonymous volumes attached to containers" },
  ],
  async run(ctx, global, flags, args) {
    const project = await loadFor(ctx, global);
    const rt = runtimeFor(ctx);
    let list = await containersOf(ctx, project, args);
    if (flags["stop"] === true) await operation(rt, "stop", () => stopContainers(rt, project, list));
    if (flags["stop"] === true) list = await containersOf(ctx, project, args);
    const stopped = list.filter((c) => c.summary.State !== "running" && c.summary.State !== "restarting" && c.summary.State !== "paused");
    if (stopped.length === 0) {
      ctx.io.stderr("No stopped containers\n");
      return 0;
    }
    // The question is answered by piped input or the next line typed at the terminal; nothing answers no.
    return confirmThen(ctx, flags["force"] === true, `Going to remove ${stopped.map((c) => c.name).join(", ")}\n? Are you sure? (y/N) `, async (io) => {
      const answered = io === ctx.io ? rt : runtimeFor({ ...ctx, io });
      await operation(answered, "remove", () => removeStopped(answered, stopped, flags["volumes"] === true));
      return 0;
    });
  },
};

function pauseCommand(name: "pause" | "unpause"): ComposeCommand {
  return {
    name,
    usage: "[SERVICE...]",
    short: name === "pause" ? "Pause services" : "Unpause services",
    flags: [],
    async run(ctx, global, _flags: FlagValues, args) {
      const project = await loadFor(ctx, global);
      const rt = runtimeFor(ctx);
      const list = (await containersOf(ctx, project, args)).filter((c) => (name === "pause" ? c.summary.State === "running" : c.summary.State === "paused"));
      await operation(rt, name, async () => {
        for (const c of list) {
          const id = `Container ${c.name}`;
          rt.progress.event(id, "working", name === "pause" ? "Pausing" : "Unpausing");
          try {
            await (name === "pause" ? ctx.engine.containerPause(c.id) : ctx.engine.containerUnpause(c.id));
          } catch (error) {
            rt.progress.event(id, "error", "Error", engineMessage(error));
            throw failure(engineMessage(error));
          }
          rt.progress.event(id, "done", name === "pause" ? "Paused" : "Unpaused");
        }
      });
      return 0;
    },
  };
}

export const pause = pauseCommand("pause");
export const unpause = pauseCommand("unpause");
