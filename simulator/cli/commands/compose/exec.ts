/** `docker compose exec` (a command in a service's running container) and `run` (a one-off container). */
import type { CommandContext } from "../../command.ts";
import type { FlagValues } from "../../flags.ts";
import { isInteractiveShell } from "../../../engine/console.ts";
import { sha256Hex } from "../../../engine/digest.ts";
import { shellSplit } from "../../../compose/shellwords.ts";
import { containerPlan } from "../../../compose/convert.ts";
import { ensureImages } from "../../../compose/images.ts";
import { createProject, selectServices, startProject } from "../../../compose/up.ts";
import { engineMessage, failure, projectContainers } from "../../../compose/runtime.ts";
import { loadFor, operation, runtimeFor, type ComposeCommand } from "./shared.ts";
import { followForeground } from "../signal-proxy.ts";

export const exec: ComposeCommand = {
  name: "exec",
  usage: "[OPTIONS] SERVICE COMMAND [ARGS...]",
  short: "Execute a command in a running container",
  interspersed: false,
  flags: [
    { long: "detach", short: "d", type: "bool", usage: "Detached mode: Run command in the background" },
    { long: "env", short: "e", type: "stringArray", usage: "Set environment variables", valueName: "stringArray" },
    { long: "index", type: "int", usage: "Index of the container if service has multiple replicas", default: 1 },
    { long: "no-tty", short: "T", type: "bool", usage: "Disable pseudo-TTY allocation. By default 'docker compose exec' allocates a TTY." },
    { long: "privileged", type: "bool", usage: "Give extended privileges to the process" },
    { long: "user", short: "u", type: "string", usage: "Run the command as this user" },
    { long: "workdir", short: "w", type: "string", usage: "Path to workdir directory for this command" },
    { long: "interactive", short: "i", type: "bool", usage: "Keep STDIN open even if not attached", hidden: true },
    { long: "tty", short: "t", type: "bool", usage: "Allocate a pseudo-TTY", hidden: true },
  ],
  async run(ctx, global, flags, args) {
    const [service, ...command] = args;
    if (!service || command.length === 0) throw failure(`"docker compose exec" requires at least 2 arguments\nSee 'docker compose exec --help'.`);
    const project = await loadFor(ctx, global);
    if (!(service in project.services)) throw failure(`no such service: ${service}`);
    const index = flags["index"] as number;
    const running = (await projectContainers(ctx.engine, project.name, { all: false, oneOff: false, services: [service] })).find((c) => c.number === index);
    if (!running) throw failure(index === 1 ? `service "${service}" is not running` : `service "${service}" is not running container #${index}`);
    const tty = flags["no-tty"] !== true && ctx.terminal !== undefined;
    const config = {
      Cmd: command,
      ...(flags["env"] ? { Env: flags["env"] as string[] } : {}),
      ...(typeof flags["workdir"] === "string" ? { WorkingDir: flags["workdir"] } : {}),
      ...(typeof flags["user"] === "string" ? { User: flags["user"] } : {}),
      Tty: tty,
    };
    if (tty && ctx.terminal && isInteractiveShell(command) && flags["detach"] !== true) {
      ctx.terminal.attach(await ctx.engine.containerExecConsole(running.id, { ...config, AttachStdin: true }));
      return 0;
    }
    const run = ctx.engine.containerExec(running.id, config, flags["detach"] === true ? {} : {
      onOutput: (chunk) => (chunk.stream === "stdout" ? ctx.io.stdout : ctx.io.stderr)(chunk.text),
      ...(ctx.io.signal ? { signal: ctx.io.signal } : {}),
      ...(ctx.io.stdin !== undefined ? { stdin: ctx.io.stdin } : {}),
    });
    if (flags["detach"] === true) {
      run.catch(() => {});
      return 0;
    }
    try {
      return (await run).ExitCode;
    } catch (error) {
      const message = engineMessage(error);
      if (message.includes("OCI runtime exec failed")) {
        ctx.io.stdout(`${message.replace(/^Error response from daemon: /, "")}\n`);
        return 126;
      }
      throw error;
    }
  },
};

async function runOneOff(ctx: CommandContext, global: FlagValues, flags: FlagValues, args: string[]): Promise<number> {
  const [service, ...command] = args;
  if (!service) throw failure(`"docker compose run" requires at least 1 argument\nSee 'docker compose run --help'.`);
  const project = await loadFor(ctx, global, { labelsOnly: false });
  if (!(service in project.services)) throw failure(`no such service: ${service}`);
  const rt = runtimeFor(ctx, flags["quiet-pull"] === true ? {} : {});
  rt.progress.detached = true;
  const deps = flags["no-deps"] === true ? [] : selectServices(project, [service]).filter((s) => s !== service);
  if (deps.length > 0) {
    await operation(rt, "up", async () => {
      await createProject(rt, project, { services: deps, noDeps: true, ...(flags["remove-orphans"] === true ? { removeOrphans: true } : {}) });
      await startProject(rt, project, deps);
    });
  }
  const images = await operation(rt, "run", () => ensureImages(rt, project, [service], { build: flags["build"] === true, noBuild: false, pull: "missing" }));
  const existing = await projectContainers(ctx.engine, project.name, { oneOff: true });
  const slug = sha256Hex(`${project.name}:${service}:${ctx.now()}:${existing.length}:${command.join(" ")}`);
  const env = (flags["env"] as string[] | undefined) ?? [];
  const tty = flags["no-TTY"] !== true && ctx.terminal !== undefined;
  const entrypoint = typeof flags["entrypoint"] === "string" ? shellSplit(flags["entrypoint"]) : undefined;
  const plan = containerPlan(project, service, 1, {
    oneOff: { slug, ...(typeof flags["name"] === "string" ? { name: flags["name"] } : {}) },
    ...(command.length > 0 ? { command } : {}),
    ...(entrypoint ? { entrypoint } : {}),
    env,
    autoRemove: flags["rm"] === true,
    tty,
    interactive: flags["interactive"] !== false,
    publish: flags["service-ports"] === true,
    ...(images.get(project.services[service]!.image ?? `${project.name}-${service}`) ? { imageId: images.get(project.services[service]!.image ?? `${project.name}-${service}`)! } : {}),
    ...(typeof flags["user"] === "string" ? { user: flags["user"] } : {}),
    ...(typeof flags["workdir"] === "string" ? { workdir: flags["workdir"] } : {}),
  });
  for (const p of (flags["publish"] as string[] | undefined) ?? []) {
    const [published, target] = p.includes(":") ? [p.slice(0, p.lastIndexOf(":")), p.slice(p.lastIndexOf(":") + 1)] : ["", p];
    const key = target!.includes("/") ? target! : `${target}/tcp`;
    plan.config.HostConfig!.PortBindings = { ...(plan.config.HostConfig!.PortBindings ?? {}), [key]: [{ HostIp: "", HostPort: published ?? "" }] };
  }
  const { Id: id } = await ctx.engine.containerCreate(plan.config, { name: plan.name });
  for (const extra of plan.connect) await ctx.engine.networkConnect(extra.network, id, { Aliases: extra.aliases });
  const detach = flags["detach"] === true;
  const abort = new AbortController();
  const output = detach ? undefined : ctx.engine.containerAttach(id, { signal: abort.signal, ...(ctx.io.stdin !== undefined ? { stdin: ctx.io.stdin } : {}) });
  const streaming = output ? (async () => {
    for await (const chunk of output) (chunk.stream === "stdout" ? ctx.io.stdout : ctx.io.stderr)(chunk.text);
  })() : undefined;
  try {
    await ctx.engine.containerStart(id);
  } catch (error) {
    abort.abort();
    await streaming;
    throw failure(engineMessage(error));
  }
  if (detach) {
    ctx.io.stdout(`${plan.name}\n`);
    return 0;
  }
  const code = await followForeground(ctx, id, tty, { abort, done: streaming });
  if (code === "attached") return 0;
  if (flags["rm"] === true) await ctx.engine.containerRemove(id, { force: true }).catch(() => {});
  return code;
}

export const run: ComposeCommand = {
  name: "run",
  usage: "[OPTIONS] SERVICE [COMMAND] [ARGS...]",
  short: "Run a one-off command on a service",
  interspersed: false,
  flags: [
    { long: "build", type: "bool", usage: "Build image before starting container" },
    { long: "detach", short: "d", type: "bool", usage: "Run container in background and print container ID" },
    { long: "entrypoint", type: "string", usage: "Override the entrypoint of the image" },
    { long: "env", short: "e", type: "stringArray", usage: "Set environment variables", valueName: "stringArray" },
    { long: "interactive", short: "i", type: "bool", usage: "Keep STDIN open even if not attached", default: true },
    { long: "name", type: "string", usage: "Assign a name to the container" },
    { long: "no-TTY", short: "T", type: "bool", usage: "Disable pseudo-TTY allocation (default: auto-detected)" },
    { long: "no-deps", type: "bool", usage: "Don't start linked services" },
    { long: "publish", short: "p", type: "stringArray", usage: "Publish a container's port(s) to the host", valueName: "stringArray" },
    { long: "quiet-pull", type: "bool", usage: "Pull without printing progress information" },
    { long: "remove-orphans", type: "bool", usage: "Remove containers for services not defined in the Compose file" },
    { long: "rm", type: "bool", usage: "Automatically remove the container when it exits" },
    { long: "service-ports", short: "P", type: "bool", usage: "Run command with all service's ports enabled and mapped to the host" },
    { long: "user", short: "u", type: "string", usage: "Run as specified username or uid" },
    { long: "workdir", short: "w", type: "string", usage: "Working directory inside the container" },
  ],
  run: runOneOff,
};
