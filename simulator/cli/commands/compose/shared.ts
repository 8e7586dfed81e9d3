/** What the `docker compose` subcommands share: loading the project, flags, the runtime they run on. */
import type { BuildContextEntry } from "../../../backend/engine.ts";
import type { ClientHost, CommandContext } from "../../command.ts";
import { FlagError, flagUsages, parseFlags, type FlagSpec, type FlagValues } from "../../flags.ts";
import { ComposeError, formatWarning, loadProject, type ComposeHost, type LoadOptions, type Project } from "../../../compose/index.ts";
import { LABEL } from "../../../compose/labels.ts";
import { createProgress } from "../../../compose/progress.ts";
import type { BuildSource, ComposeRuntime } from "../../../compose/runtime.ts";
import { isIgnored, parseDockerignore } from "../../../builder/dockerignore.ts";

/** One `docker compose` subcommand, declared as docker/cli declares its commands. */
export interface ComposeCommand {
  name: string;
  aliases?: string[];
  usage: string;
  short: string;
  flags: FlagSpec[];
  /** False for exec and run: flags after the service belong to the command. */
  interspersed?: boolean;
  run(ctx: CommandContext, global: FlagValues, flags: FlagValues, args: string[]): Promise<number>;
}

/** Parse a subcommand's flags; prints the usage error and returns undefined when they are wrong. */
export function subFlags(ctx: CommandContext, name: string, usage: string, specs: FlagSpec[], argv: string[], interspersed = true, short?: string) {
  try {
    const parsed = parseFlags(argv, specs, interspersed);
    if (parsed.help) {
      ctx.io.stdout(`Usage:  docker compose ${name} ${usage}\n\n${short ? `${short}\n\n` : ""}Options:\n${flagUsages(specs)}`);
      return "help" as const;
    }
    return parsed;
  } catch (error) {
    if (error instanceof FlagError) {
      ctx.io.stderr(`${error.message}\n`);
      return undefined;
    }
    throw error;
  }
}

/** The shell's files as the compose loader sees them. */
export function composeHost(ctx: CommandContext): ComposeHost {
  const { host } = ctx;
  return {
    cwd: host.cwd,
    env: host.env,
    readFile: (path) => host.readFile(path),
    exists: (path) => (host.exists ? host.exists(path) : host.readFile(path).then(() => true, () => false)),
  };
}

export function loadOptions(flags: FlagValues): LoadOptions {
  const options: LoadOptions = {};
  if (flags["file"]) options.files = flags["file"] as string[];
  if (flags["project-name"] !== undefined) options.projectName = flags["project-name"] as string;
  if (flags["project-directory"] !== undefined) options.projectDirectory = flags["project-directory"] as string;
  if (flags["env-file"]) options.envFiles = flags["env-file"] as string[];
  return options;
}

/**
 * Load the project and print its warnings (`version` is obsolete...). With `-p NAME` and no compose
 * file, the project is what the engine's labels say of NAME (as `docker compose -p NAME down` works).
 */
export async function loadFor(ctx: CommandContext, global: FlagValues, options: { labelsOnly?: boolean } = {}): Promise<Project> {
  let project: Project;
  try {
    project = await loadProject(composeHost(ctx), loadOptions(global));
  } catch (error) {
    const name = global["project-name"];
    if (options.labelsOnly === false || typeof name !== "string" || !(error instanceof ComposeError) || error.kind !== "file" || !error.message.startsWith("no configuration file provided")) throw error;
    return projectFromLabels(ctx, name);
  }
  for (const warning of project.warnings) ctx.io.stderr(`${formatWarning(warning)}\n`);
  return project;
}

/** A project rebuilt from its containers', networks' and volumes' labels. */
async function projectFromLabels(ctx: CommandContext, name: string): Promise<Project> {
  const containers = await ctx.engine.containerList({ all: true, filters: { label: [`${LABEL.project}=${name}`] } });
  const services: Project["services"] = {};
  for (const c of containers) {
    const service = c.Labels[LABEL.service];
    if (service && c.Labels[LABEL.oneoff] !== "True") services[service] = { image: c.Image };
  }
  const networks: Project["networks"] = {};
  for (const n of await ctx.engine.networkList()) if (n.Labels[LABEL.project] === name) networks[n.Labels[LABEL.network] ?? n.Name] = { name: n.Name };
  const volumes: Project["volumes"] = {};
  for (const v of await ctx.engine.volumeList()) if (v.Labels?.[LABEL.project] === name) volumes[v.Labels[LABEL.volume] ?? v.Name] = { name: v.Name };
  const first = containers[0]?.Labels;
  return { name, services, networks, volumes, workingDir: first?.[LABEL.workingDir] ?? ctx.host.cwd, composeFiles: (first?.[LABEL.configFiles] ?? "").split(",").filter(Boolean), environment: {}, warnings: [] };
}

async function readOr(host: ClientHost, path: string): Promise<string | undefined> {
  try {
    return await host.readFile(path);
  } catch {
    return undefined;
  }
}

const join = (dir: string, rel: string) => (rel.startsWith("/") ? rel : `${dir.replace(/\/+$/, "")}/${rel}`);

/** A build context read from the client's files, filtered by .dockerignore, as `docker build` sends it. */
export function hostBuildSource(host: ClientHost): BuildSource {
  return {
    async context(dir, dockerfileName) {
      if (host.exists && !(await host.exists(dir))) throw new Error(`path "${dir}" not found`);
      const listed = host.listTree ? await host.listTree(dir) : [];
      const dockerfilePath = join(dir, dockerfileName);
      const ignoreText = (await readOr(host, `${dockerfilePath}.dockerignore`)) ?? (await readOr(host, join(dir, ".dockerignore")));
      const rules = parseDockerignore(ignoreText ?? "");
      const entries: BuildContextEntry[] = [];
      for (const entry of listed) {
        if (isIgnored(entry.path, rules)) continue;
        if (entry.type === "dir") entries.push({ path: entry.path, type: "dir" });
        else entries.push({ path: entry.path, type: "file", content: (await readOr(host, join(dir, entry.path))) ?? "" });
      }
      const dockerfile = await readOr(host, dockerfilePath);
      return { entries, ...(dockerfile !== undefined ? { dockerfile } : {}), ignoreBytes: ignoreText !== undefined ? new TextEncoder().encode(ignoreText).length : 0 };
    },
  };
}

/** The engine, a progress writer on stderr and the client's files, for one compose command. */
export function runtimeFor(ctx: CommandContext, options: { quiet?: boolean; progress?: string } = {}): ComposeRuntime {
  const mode = options.quiet ? "quiet" : options.progress === "plain" || options.progress === "tty" || options.progress === "quiet" ? options.progress : "auto";
  return {
    engine: ctx.engine,
    progress: createProgress({ write: (t) => ctx.io.stderr(t), isTTY: ctx.io.isTTY, columns: ctx.io.columns, now: () => ctx.now() }, mode),
    warn: (message) => ctx.io.stderr(`${formatWarning(message)}\n`),
    build: hostBuildSource(ctx.host),
    ...(ctx.io.signal ? { signal: ctx.io.signal } : {}),
  };
}

/** Run one compose operation (`up`, `down`...) between its progress start and done. */
export async function operation<T>(rt: ComposeRuntime, name: string, body: () => Promise<T>): Promise<T> {
  rt.progress.start(name);
  try {
    return await body();
  } finally {
    rt.progress.done();
  }
}
