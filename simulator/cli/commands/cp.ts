/** docker cp / docker container cp: files between a container and the host, with docker's path rules. */
import type { ArchiveEntry } from "../../backend/api-types.ts";
import type { ClientHost, CommandSpec } from "../command.ts";
import type { Engine } from "../../backend/engine.ts";
import { humanSize } from "../format/units.ts";
import { describeError } from "./errors.ts";

export const cp: CommandSpec = {
  name: "cp",
  usage: "[OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH",
  short: "Copy files/folders between a container and the local filesystem",
  args: { min: 2, max: 2 },
  flags: [
    { long: "archive", short: "a", type: "bool", usage: "Archive mode (copy all uid/gid information)" },
    { long: "follow-link", short: "L", type: "bool", usage: "Always follow symlinks in SRC_PATH" },
    { long: "quiet", short: "q", type: "bool", usage: "Suppress progress output during copy. Progress output is automatically suppressed if no terminal is attached" },
  ],
  async run({ engine, io, host }, flags, [source, destination]) {
    const fail = (message: string) => {
      io.stderr(`${message}\n`);
      return 1;
    };
    if (source === "") return fail("source can not be empty");
    if (destination === "") return fail("destination can not be empty");
    const [srcContainer, srcPath] = splitCpArg(source!);
    const [dstContainer, dstPath] = splitCpArg(destination!);
    if (srcContainer && dstContainer) return fail("copying between containers is not supported");
    if (!srcContainer && !dstContainer) return fail("must specify at least one container source");
    if (srcPath === "-" || dstPath === "-") return fail("tar archives on stdin and stdout are not available in this sandbox: copy to or from a path");
    const quiet = flags["quiet"] === true || !io.isTTY;
    try {
      const summary = srcContainer ? await copyOut(engine, host, srcContainer, srcPath, dstPath) : await copyIn(engine, host, srcPath, dstContainer, dstPath);
      if (!quiet) io.stderr(summary);
      return 0;
    } catch (error) {
      return fail(describeError(error));
    }
  },
};

/** `web:/etc/hosts` → ["web", "/etc/hosts"]; a path with `:` is local when it starts with `/` or `.`. */
function splitCpArg(arg: string): [string, string] {
  if (arg.startsWith("/")) return ["", arg];
  const i = arg.indexOf(":");
  if (i < 0 || arg.startsWith(".")) return ["", arg];
  return [arg.slice(0, i), arg.slice(i + 1)];
}

/** What `docker cp` says when a terminal is attached: the content size, and the tar's when it differs. */
function summary(content: number, transferred: number, dest: string): string {
  const size = (n: number) => humanSize(n, 3);
  return content !== transferred ? `Successfully copied ${size(content)} (transferred ${size(transferred)}) to ${dest}\n` : `Successfully copied ${size(content)} to ${dest}\n`;
}

/** A file's size in bytes: its bytes when binary, else its text as UTF-8. */
const fileSize = (e: ArchiveEntry) => e.bytes?.length ?? new TextEncoder().encode(e.content ?? "").length;
/** Bytes of the tar that carries `entries`: a 512-byte header each, contents padded to 512, two zero blocks. */
const tarSize = (entries: ArchiveEntry[]) => entries.reduce((n, e) => n + 512 + Math.ceil(fileSize(e) / 512) * 512, 1024);
const contentSize = (entries: ArchiveEntry[]) => entries.reduce((n, e) => n + (e.type === "file" ? fileSize(e) : 0), 0);

const endsWithDot = (path: string) => path === "." || path.endsWith("/.");
const assertsDir = (path: string) => path.endsWith("/") || endsWithDot(path);
const baseOf = (path: string) => {
  const clean = path.replace(/\/+$/, "");
  return clean.slice(clean.lastIndexOf("/") + 1);
};
const parentOf = (path: string) => {
  const clean = path.replace(/\/+$/, "");
  const i = clean.lastIndexOf("/");
  return i <= 0 ? "/" : clean.slice(0, i);
};
/** Rename the archive's top entry (and everything under it) to `name`; `""` unpacks its contents instead. */
function rebase(entries: ArchiveEntry[], name: string): ArchiveEntry[] {
  const top = entries[0]!.path;
  return entries
    .map((e) => ({ ...e, path: e.path === top ? name : `${name}${e.path.slice(top.length)}`.replace(/^\//, "") }))
    .filter((e) => e.path !== "");
}

/** An absolute host path, keeping a trailing `/` or `/.` (they change what is copied). */
function hostPath(host: ClientHost, path: string): string {
  const absolute = path.startsWith("/") ? path : `${host.cwd.replace(/\/$/, "")}/${path}`;
  const parts: string[] = [];
  for (const part of absolute.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  const clean = `/${parts.join("/")}`;
  return endsWithDot(path) ? `${clean === "/" ? "" : clean}/.` : path.endsWith("/") && clean !== "/" ? `${clean}/` : clean;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** A host file as an archive entry's body: its text when it is UTF-8, else its bytes (and a lossy text). */
async function hostFileBody(host: ClientHost, path: string): Promise<Pick<ArchiveEntry, "content" | "bytes">> {
  if (!host.readFileBuffer) return { content: await host.readFile(path) };
  const bytes = await host.readFileBuffer(path);
  try {
    return { content: utf8.decode(bytes) };
  } catch {
    return { content: new TextDecoder().decode(bytes), bytes };
  }
}

async function hostStat(host: ClientHost, path: string): Promise<{ type: "file" | "dir"; size: number } | undefined> {
  if (host.stat) return host.stat(path);
  if (!(await host.exists?.(path))) return undefined;
  try {
    await host.listTree?.(path);
    return { type: "dir", size: 4096 };
  } catch {
    return { type: "file", size: (await host.readFile(path)).length };
  }
}

async function copyOut(engine: Engine, host: ClientHost, container: string, srcPath: string, rawDst: string): Promise<string> {
  const dst = hostPath(host, rawDst);
  const dir = parentOf(dst.replace(/\/\.$/, "/x"));
  if (!(await hostStat(host, dir))) throw new Error(`invalid output path: directory "${dir}" does not exist`);
  const { stat, entries } = await engine.containerArchive(container, srcPath);
  const srcIsDir = (stat.mode & 0x80000000) !== 0;
  const dstInfo = await hostStat(host, dst.replace(/\/\.?$/, "") || "/");
  let into: string;
  let plan: ArchiveEntry[];
  if (dstInfo?.type === "dir") {
    into = dst.replace(/\/\.?$/, "") || "/";
    plan = srcIsDir && endsWithDot(srcPath) ? rebase(entries, "") : entries;
  } else if (dstInfo) {
    if (srcIsDir) throw new Error("cannot copy directory");
    into = parentOf(dst);
    plan = rebase(entries, baseOf(dst));
  } else {
    if (!srcIsDir && assertsDir(rawDst)) throw new Error("no such directory");
    into = parentOf(dst);
    plan = rebase(entries, baseOf(dst));
  }
  for (const entry of plan) {
    const target = `${into === "/" ? "" : into}/${entry.path}`;
    if (entry.type === "dir") await host.mkdir(target);
    else if (entry.type === "file") await (entry.bytes && host.writeFileBuffer ? host.writeFileBuffer(target, entry.bytes) : host.writeFile(target, entry.content ?? ""));
  }
  const transferred = tarSize(entries);
  return summary(srcIsDir ? transferred : stat.size, transferred, dst);
}

async function copyIn(engine: Engine, host: ClientHost, rawSrc: string, container: string, dstPath: string): Promise<string> {
  const src = hostPath(host, rawSrc);
  const srcClean = src.replace(/\/\.?$/, "") || "/";
  const srcInfo = await hostStat(host, srcClean);
  if (!srcInfo) throw new Error(`lstat ${srcClean}: no such file or directory`);
  const name = baseOf(srcClean) || ".";
  let entries: ArchiveEntry[];
  if (srcInfo.type === "dir") {
    const tree = (await host.listTree?.(srcClean)) ?? [];
    entries = [{ path: name, type: "dir" }];
    for (const e of tree) {
      const full = `${srcClean === "/" ? "" : srcClean}/${e.path}`;
      entries.push(e.type === "dir" ? { path: `${name}/${e.path}`, type: "dir" } : { path: `${name}/${e.path}`, type: "file", ...(await hostFileBody(host, full)) });
    }
  } else entries = [{ path: name, type: "file", ...(await hostFileBody(host, srcClean)) }];
  const dstStat = await engine.containerStatPath(container, dstPath).catch(() => undefined);
  const dstIsDir = dstStat !== undefined && (dstStat.mode & 0x80000000) !== 0;
  let into: string;
  let plan: ArchiveEntry[];
  if (dstStat && dstIsDir) {
    into = dstPath;
    plan = srcInfo.type === "dir" && endsWithDot(rawSrc) ? rebase(entries, "") : entries;
  } else if (dstStat) {
    if (srcInfo.type === "dir") throw new Error("cannot copy directory");
    into = parentOf(dstPath);
    plan = rebase(entries, baseOf(dstPath));
  } else {
    if (srcInfo.type !== "dir" && assertsDir(dstPath)) throw new Error("no such directory");
    into = parentOf(dstPath.startsWith("/") ? dstPath : `/${dstPath}`);
    plan = rebase(entries, baseOf(dstPath));
  }
  await engine.containerExtract(container, into, plan);
  return summary(contentSize(entries), tarSize(plan), `${container}:${dstPath}`);
}

