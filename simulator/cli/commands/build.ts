/** docker build / docker image build / docker buildx build: send a context to the builder and show BuildKit's progress. */
import type { BuildContextEntry, BuildResult } from "../../backend/engine.ts";
import type { ClientHost, CommandContext, CommandSpec } from "../command.ts";
import type { FlagValues } from "../flags.ts";
import { parseReference } from "../../engine/reference.ts";
import { isIgnored, parseDockerignore } from "../../builder/dockerignore.ts";
import { BuildOutput, checkReport, errorReport, warningsText, type ProgressMode } from "./build-output.ts";

const USAGE = "[OPTIONS] PATH | URL | -";
const PATH = "docker buildx build";
const PROGRESS_MODES = ["auto", "plain", "tty", "quiet", "rawjson", "none"];

const join = (dir: string, rel: string) => (dir === "" || dir === "." ? rel : `${dir.replace(/\/+$/, "")}/${rel}`);
const baseName = (path: string) => path.replace(/\/+$/, "").slice(path.replace(/\/+$/, "").lastIndexOf("/") + 1);

async function readOr(host: ClientHost, path: string): Promise<string | undefined> {
  try {
    return await host.readFile(path);
  } catch {
    return undefined;
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** A context file as text; one that is not UTF-8 (an archive for ADD) also as its bytes. */
async function fileContent(host: ClientHost, path: string): Promise<{ content: string; bytes?: Uint8Array }> {
  if (host.readFileBuffer) {
    try {
      const bytes = await host.readFileBuffer(path);
      try {
        return { content: utf8.decode(bytes) };
      } catch {
        return { content: new TextDecoder().decode(bytes), bytes };
      }
    } catch {
      return { content: "" };
    }
  }
  return { content: (await readOr(host, path)) ?? "" };
}

/** The context the client sends: every file under `dir` not left out by .dockerignore. */
async function readContext(host: ClientHost, dir: string, ignoreText: string | undefined): Promise<BuildContextEntry[]> {
  const listed = host.listTree ? await host.listTree(dir) : [];
  const rules = parseDockerignore(ignoreText ?? "");
  const entries: BuildContextEntry[] = [];
  for (const entry of listed) {
    if (isIgnored(entry.path, rules)) continue;
    if (entry.type === "dir") entries.push({ path: entry.path, type: "dir" });
    else entries.push({ path: entry.path, type: "file", ...(await fileContent(host, join(dir, entry.path))) });
  }
  return entries;
}

function buildArgs(flags: FlagValues, env: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of (flags["build-arg"] as string[] | undefined) ?? []) {
    const eq = raw.indexOf("=");
    if (eq >= 0) out[raw.slice(0, eq)] = raw.slice(eq + 1);
    else if (env[raw] !== undefined) out[raw] = env[raw]!;
  }
  return out;
}

async function runBuild(ctx: CommandContext, flags: FlagValues, args: string[]): Promise<number> {
  const { io, host } = ctx;
  if (args.length !== 1) {
    io.stderr(`docker: '${PATH}' requires 1 argument\n\nUsage:  ${PATH} ${USAGE}\n\nRun '${PATH} --help' for more information\n`);
    return 1;
  }
  const fail = (message: string) => {
    io.stderr(`ERROR: ${message}\n`);
    return 1;
  };
  const progressFlag = String(flags["progress"] ?? "auto");
  if (!PROGRESS_MODES.includes(progressFlag)) return fail(`failed to build: invalid progress mode "${progressFlag}"`);
  if (progressFlag === "rawjson") return fail(`failed to build: progress mode "rawjson" is not available in Dockyard's simulated builder (use "plain" or "tty")`);
  const quiet = flags["quiet"] === true || progressFlag === "quiet" || progressFlag === "none";
  const mode: ProgressMode = quiet ? "quiet" : progressFlag === "plain" || (progressFlag === "auto" && !io.isTTY) ? "plain" : "tty";
  const tags = (flags["tag"] as string[] | undefined) ?? [];
  for (const tag of tags) {
    try {
      parseReference(tag);
    } catch (error) {
      return fail(`failed to build: invalid tag "${tag}": ${(error instanceof Error ? error.message : String(error)).replace(/^invalid reference format: /, "")}`);
    }
  }
  const contextArg = args[0]!;
  const fileFlag = typeof flags["file"] === "string" ? flags["file"] : undefined;
  if (/^(https?|git):\/\/|^git@/.test(contextArg)) return fail(`failed to build: unable to prepare context: Dockyard's simulator cannot fetch remote contexts: ${contextArg}`);
  let context: BuildContextEntry[] = [];
  let dockerfile: string | undefined;
  let ignoreText: string | undefined;
  const name = fileFlag && fileFlag !== "-" ? baseName(fileFlag) : "Dockerfile";
  if (contextArg === "-") {
    dockerfile = io.stdin ?? "";
  } else {
    const exists = host.exists ? await host.exists(contextArg) : true;
    if (!exists) return fail(`failed to build: unable to prepare context: path "${contextArg}" not found`);
    if (host.listTree) {
      try {
        await host.listTree(contextArg);
      } catch {
        return fail(`failed to build: unable to prepare context: context must be a directory: ${contextArg}`);
      }
    }
    const dockerfilePath = fileFlag && fileFlag !== "-" ? fileFlag : join(contextArg, "Dockerfile");
    dockerfile = fileFlag === "-" ? (io.stdin ?? "") : await readOr(host, dockerfilePath);
    ignoreText = (fileFlag && fileFlag !== "-" ? await readOr(host, `${dockerfilePath}.dockerignore`) : undefined) ?? (await readOr(host, join(contextArg, ".dockerignore")));
    try {
      context = await readContext(host, contextArg, ignoreText);
    } catch (error) {
      return fail(`failed to build: unable to prepare context: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const output = new BuildOutput((t) => io.stderr(t), mode, { columns: io.columns, now: () => ctx.now() });
  const result: BuildResult = await ctx.engine.imageBuild(context, {
    ...(dockerfile !== undefined ? { dockerfile } : {}),
    dockerfileName: name,
    ignoreBytes: ignoreText !== undefined ? new TextEncoder().encode(ignoreText).length : 0,
    tags,
    buildArgs: buildArgs(flags, host.env),
    ...(typeof flags["target"] === "string" ? { target: flags["target"] } : {}),
    noCache: flags["no-cache"] === true,
    check: flags["check"] === true,
    onProgress: (e) => output.event(e),
    ...(io.signal ? { signal: io.signal } : {}),
  });
  output.finish();
  if (flags["check"] === true && !result.error) {
    io.stdout(checkReport(result.warnings, dockerfile ?? "", name));
    return result.warnings.length > 0 ? 1 : 0;
  }
  const warnings = warningsText(result.warnings);
  if (warnings) io.stderr(`\n${warnings}`);
  if (result.error) {
    io.stderr(errorReport(result, output, dockerfile, name));
    return 1;
  }
  if (quiet) io.stdout(`${result.Id}\n`);
  return 0;
}

/** docker build (and its other names). */
export const build: CommandSpec = {
  name: "build",
  usage: USAGE,
  short: "Start a build",
  flags: [
    { long: "build-arg", type: "stringArray", usage: "Set build-time variables" },
    { long: "check", type: "bool", usage: 'Shorthand for "--call=check"' },
    { long: "file", short: "f", type: "string", usage: 'Name of the Dockerfile (default: "PATH/Dockerfile")' },
    { long: "load", type: "bool", usage: 'Shorthand for "--output=type=docker"' },
    { long: "no-cache", type: "bool", usage: "Do not use cache when building the image" },
    { long: "platform", type: "stringArray", usage: "Set target platform for build" },
    { long: "progress", type: "string", usage: 'Set type of progress output ("auto", "none", "plain", "quiet", "rawjson", "tty"). Use plain to show container output', default: "auto" },
    { long: "pull", type: "bool", usage: "Always attempt to pull all referenced images" },
    { long: "quiet", short: "q", type: "bool", usage: "Suppress the build output and print image ID on success" },
    { long: "tag", short: "t", type: "stringArray", usage: 'Image identifier (format: "[registry/]repository[:tag]")' },
    { long: "target", type: "string", usage: "Set the target build stage to build" },
  ],
  run: runBuild,
};
