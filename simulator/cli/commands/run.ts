import type { ClientHost, CommandContext, CommandSpec } from "../command.ts";
import type { ContainerConfig } from "../../backend/engine.ts";
import { EngineError } from "../../backend/errors.ts";
import type { FlagSpec, FlagValues } from "../flags.ts";
import { familiarString, parseReference, withDefaultTag } from "../../engine/reference.ts";
import { describeError } from "./errors.ts";
import { pullWithProgress } from "./pull.ts";
import { absoluteBinds, parseMount, parsePublish } from "./publish.ts";
import { applyResourceFlags, resourceFlags } from "./resource-flags.ts";
import { followForeground } from "./signal-proxy.ts";

/** Flags shared by `docker create` and `docker run`. */
export const containerFlags: FlagSpec[] = ([
  { long: "env", short: "e", type: "list", usage: "Set environment variables" },
  { long: "entrypoint", type: "string", usage: "Overwrite the default ENTRYPOINT of the image" },
  { long: "env-file", type: "list", usage: "Read in a file of environment variables" },
  { long: "expose", type: "list", usage: "Expose a port or a range of ports" },
  { long: "hostname", short: "h", type: "string", usage: "Container host name" },
  { long: "interactive", short: "i", type: "bool", usage: "Keep STDIN open even if not attached" },
  { long: "ip", type: "string", usage: "IPv4 address (e.g., 172.30.100.104)" },
  { long: "label", short: "l", type: "list", usage: "Set meta data on a container" },
  { long: "mount", type: "list", valueName: "mount", usage: "Attach a filesystem mount to the container" },
  { long: "name", type: "string", usage: "Assign a name to the container" },
  { long: "network", type: "string", valueName: "network", usage: "Connect a container to a network" },
  { long: "network-alias", type: "list", usage: "Add network-scoped alias for the container" },
  { long: "publish", short: "p", type: "list", usage: "Publish a container's port(s) to the host" },
  { long: "publish-all", short: "P", type: "bool", usage: "Publish all exposed ports to random ports" },
  { long: "pull", type: "string", usage: 'Pull image before creating ("always", "missing", "never")', default: "missing" },
  { long: "restart", type: "string", usage: "Restart policy to apply when a container exits", default: "no" },
  { long: "rm", type: "bool", usage: "Automatically remove the container and its associated anonymous volumes when it exits" },
  { long: "tty", short: "t", type: "bool", usage: "Allocate a pseudo-TTY" },
  { long: "user", short: "u", type: "string", usage: "Username or UID (format: <name|uid>[:<group|gid>])" },
  { long: "volume", short: "v", type: "list", usage: "Bind mount a volume" },
  { long: "workdir", short: "w", type: "string", usage: "Working directory inside the container" },
  ...resourceFlags,
] satisfies FlagSpec[]).sort((a, b) => (a.long < b.long ? -1 : 1));

const runHint = "\n\nRun 'docker run --help' for more information";

/** `no`, `always`, `unless-stopped`, `on-failure[:N]` as the API's RestartPolicy. */
export function parseRestartPolicy(text: string): NonNullable<NonNullable<ContainerConfig["HostConfig"]>["RestartPolicy"]> {
  const [name = "", count, ...extra] = text.split(":");
  if (extra.length > 0) throw new Error(`invalid restart policy format: maximum retry count must be an integer`);
  if (!["no", "always", "on-failure", "unless-stopped"].includes(name)) {
    throw new Error(`invalid restart policy format: unknown policy '${name}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`);
  }
  if (count !== undefined && !/^\d+$/.test(count)) throw new Error(`invalid restart policy format: maximum retry count must be an integer`);
  return { Name: name as "no", MaximumRetryCount: count === undefined ? 0 : Number(count) };
}

/** `KEY=value` lines of an --env-file; `KEY` alone takes the host's value; comments skipped. */
export function parseEnvFile(text: string, hostEnv: Record<string, string>): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s+/, ""))
    .filter((line) => line !== "" && !line.startsWith("#"))
    .flatMap((line) => (line.includes("=") ? [line] : line in hostEnv ? [`${line}=${hostEnv[line]}`] : []));
}

/** Build the create request from flags, image and command. */
export async function containerConfig(flags: FlagValues, image: string, command: string[], host?: ClientHost): Promise<{ config: ContainerConfig; name?: string }> {
  const config: ContainerConfig = { Image: image, HostConfig: {} };
  if (command.length > 0) config.Cmd = command;
  if (typeof flags["entrypoint"] === "string") config.Entrypoint = flags["entrypoint"] === "" ? [] : [flags["entrypoint"]];
  const env: string[] = [];
  for (const file of (flags["env-file"] as string[] | undefined) ?? []) {
    let text: string;
    try {
      text = host ? await host.readFile(file) : "";
    } catch {
      throw new Error(`open ${file}: no such file or directory`);
    }
    env.push(...parseEnvFile(text, host?.env ?? {}));
  }
  for (const e of (flags["env"] as string[] | undefined) ?? []) {
    if (e.includes("=")) env.push(e);
    else if (host && e in host.env) env.push(`${e}=${host.env[e]}`);
  }
  if (env.length > 0) config.Env = env;
  if (typeof flags["workdir"] === "string") config.WorkingDir = flags["workdir"];
  if (typeof flags["hostname"] === "string") config.Hostname = flags["hostname"];
  if (typeof flags["user"] === "string") config.User = flags["user"];
  if (flags["label"]) config.Labels = Object.fromEntries((flags["label"] as string[]).map((l) => { const i = l.indexOf("="); return i < 0 ? [l, ""] : [l.slice(0, i), l.slice(i + 1)]; }));
  config.Tty = flags["tty"] === true;
  config.OpenStdin = flags["interactive"] === true;
  if (flags["rm"] === true) config.HostConfig!.AutoRemove = true;
  const cwd = host?.cwd ?? "/";
  if (flags["volume"]) config.HostConfig!.Binds = absoluteBinds(flags["volume"] as string[], cwd);
  if (flags["mount"]) config.HostConfig!.Mounts = (flags["mount"] as string[]).map((m) => parseMount(m, cwd));
  const { exposed, bindings } = parsePublish((flags["publish"] as string[] | undefined) ?? []);
  for (const port of (flags["expose"] as string[] | undefined) ?? []) exposed[port.includes("/") ? port : `${port}/tcp`] = {};
  if (Object.keys(exposed).length > 0) config.ExposedPorts = exposed;
  if (Object.keys(bindings).length > 0) config.HostConfig!.PortBindings = bindings;
  if (flags["publish-all"] === true) config.HostConfig!.PublishAllPorts = true;
  if (typeof flags["network"] === "string") config.HostConfig!.NetworkMode = flags["network"];
  const aliases = flags["network-alias"] as string[] | undefined;
  if (aliases || typeof flags["ip"] === "string") config.NetworkingConfig = { ...(aliases ? { Aliases: aliases } : {}), ...(typeof flags["ip"] === "string" ? { IPAddress: flags["ip"] } : {}) };
  if (typeof flags["restart"] === "string" && flags["restart"] !== "no") config.HostConfig!.RestartPolicy = parseRestartPolicy(flags["restart"]);
  applyResourceFlags(flags, config);
  return typeof flags["name"] === "string" ? { config, name: flags["name"] } : { config };
}

/** Create a container, pulling its image first when it is missing (as `docker run` does). */
export async function createWithPull(ctx: CommandContext, config: ContainerConfig, name: string | undefined): Promise<string> {
  const create = () => ctx.engine.containerCreate(config, name === undefined ? {} : { name });
  try {
    return (await create()).Id;
  } catch (error) {
    if (!(error instanceof EngineError && error.statusCode === 404 && error.message.startsWith("No such image"))) throw error;
    const shown = familiarString(withDefaultTag(parseReference(config.Image)));
    ctx.io.stderr(`Unable to find image '${shown}' locally\n`);
    await pullWithProgress(ctx, config.Image, ctx.io.stderr);
    return (await create()).Id;
  }
}

/** The exit code docker run gives when a container cannot start. */
const startFailureCode = (message: string) => (message.includes("executable file not found") || message.includes("no such file or directory") ? 127 : message.includes("permission denied") ? 126 : 125);

/** docker run / docker container run */
export const run: CommandSpec = {
  name: "run",
  usage: "[OPTIONS] IMAGE [COMMAND] [ARG...]",
  short: "Create and run a new container from an image",
  args: { min: 1 },
  interspersed: false,
  usageExitCode: 125,
  flags: [...containerFlags, { long: "detach", short: "d", type: "bool", usage: "Run container in background and print container ID" }],
  async run(ctx, flags, [image, ...command]) {
    const wantsConsole = flags["tty"] === true && flags["interactive"] === true && flags["detach"] !== true;
    if (wantsConsole && !ctx.terminal) {
      ctx.io.stderr("the input device is not a TTY\n");
      return 1;
    }
    let id: string;
    try {
      parseReference(image!);
      const { config, name } = await containerConfig(flags, image!, command, ctx.host);
      id = await createWithPull(ctx, config, name);
    } catch (error) {
      if (ctx.io.signal?.aborted) return 130;
      ctx.io.stderr(`docker: ${describeError(error)}${runHint}\n`);
      return 125;
    }
    const detach = flags["detach"] === true;
    const abort = new AbortController();
    const stdin = flags["interactive"] === true && ctx.io.stdin !== undefined ? { stdin: ctx.io.stdin } : {};
    const output = detach ? undefined : ctx.engine.containerAttach(id, { signal: abort.signal, ...stdin });
    const streaming = output ? (async () => {
      for await (const chunk of output) (chunk.stream === "stdout" ? ctx.io.stdout : ctx.io.stderr)(chunk.text);
    })() : undefined;
    try {
      await ctx.engine.containerStart(id);
    } catch (error) {
      abort.abort();
      await streaming;
      const message = describeError(error);
      ctx.io.stderr(`docker: ${message}${runHint}\n`);
      return startFailureCode(message);
    }
    if (detach) {
      ctx.io.stdout(`${id}\n`);
      return 0;
    }
    const code = await followForeground(ctx, id, wantsConsole, { abort, done: streaming });
    return code === "attached" ? 0 : code;
  },
};
