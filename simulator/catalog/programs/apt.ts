/**
 * apt-get and apt of the Debian and Ubuntu images: `update` fetches the release's indexes into
 * /var/lib/apt/lists, `install` resolves packages from those lists and unpacks them with dpkg.
 */
import type { IFileSystem } from "just-bash";
import type { Program, ProcessContext } from "../../engine/process.ts";
import { ARCHIVES, aptSize, indexFiles, poolOf, type Archive } from "../packages/apt-archive.ts";
import { BASE_PACKAGES, releasePackages, replacement, type DebRelease, type ReleasePackage } from "../packages/debian.ts";
import { unpack } from "../packages/install.ts";

const LISTS = "/var/lib/apt/lists";
const RELEASE_INDEX: Record<DebRelease, number> = { xenial: 0, bionic: 1, focal: 2, jammy: 3, noble: 4, bookworm: 5, trixie: 6 };
const STATUS = "/var/lib/dpkg/status";

/** The release the image is, from /etc/os-release. */
async function archiveOf(fs: IFileSystem): Promise<Archive | undefined> {
  const text = await fs.readFile("/etc/os-release").catch(() => "");
  const codename = /^VERSION_CODENAME=(\S+)$/m.exec(text)?.[1];
  return codename && codename in ARCHIVES ? ARCHIVES[codename as DebRelease] : undefined;
}

/** Package names in the fetched Packages lists (none until `apt-get update`). */
async function available(fs: IFileSystem): Promise<Set<string>> {
  const names = new Set<string>();
  const files = await fs.readdir(LISTS).catch(() => [] as string[]);
  for (const file of files.filter((f) => /_Packages(\.lz4)?$/.test(f))) {
    const text = await fs.readFile(`${LISTS}/${file}`).catch(() => "");
    for (const match of text.matchAll(/^Package: (\S+)$/gm)) names.add(match[1]!);
  }
  return names;
}

async function installed(fs: IFileSystem): Promise<Map<string, string>> {
  const text = await fs.readFile(STATUS).catch(() => "");
  const out = new Map<string, string>();
  for (const stanza of text.split(/\n\n+/)) {
    const name = /^Package: (\S+)$/m.exec(stanza)?.[1];
    const version = /^Version: (\S+)$/m.exec(stanza)?.[1];
    if (name && version && /^Status: install ok installed$/m.test(stanza)) out.set(name, version);
  }
  return out;
}

/** A package the image shipped without dpkg records of it here: its commands are already on disk. */
async function presentOnDisk(fs: IFileSystem, pkg: ReleasePackage): Promise<boolean> {
  const paths = Object.keys(pkg.executables ?? {});
  if (paths.length === 0) return false;
  for (const path of paths) if (!(await fs.exists(path))) return false;
  return true;
}

const packagesStanza = (pkg: ReleasePackage, archive: Archive) =>
  `Package: ${pkg.name}\nArchitecture: ${pkg.arch ?? "amd64"}\nVersion: ${pkg.version}\nInstalled-Size: ${pkg.kb[1]}\n${pkg.depends?.length ? `Depends: ${pkg.depends.join(", ")}\n` : ""}${pkg.recommends?.length ? `Recommends: ${pkg.recommends.join(", ")}\n` : ""}Filename: pool/${pkg.component ?? "main"}/${pkg.name[0]}/${pkg.name}/${debFile(pkg)}\nSize: ${downloadBytes(pkg)}\n${archive.distro === "ubuntu" ? `Section: ${pkg.component ?? "main"}\n` : ""}`;

/** A package's download size in bytes (the catalog has kB; the last digits vary by name, as real sizes do). */
const downloadBytes = (pkg: ReleasePackage) => pkg.kb[0] * 1000 + ([...pkg.name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 997, 7));

const debFile = (pkg: ReleasePackage) => `${pkg.name}_${pkg.version.replace(":", "%3a")}_${pkg.arch ?? "amd64"}.deb`;
/** dpkg shows multi-arch libraries with their architecture (`libcurl4:amd64`). */
const shownName = (pkg: ReleasePackage) => (pkg.name.startsWith("lib") && !pkg.arch ? `${pkg.name}:amd64` : pkg.name);

/** apt's package lists wrap at 80 columns, two spaces in. */
function wrapList(names: string[]): string {
  const lines: string[] = [];
  let line = " ";
  for (const name of names) {
    if (line.length + name.length + 1 > 79 && line.trim()) {
      lines.push(line);
      line = " ";
    }
    line += ` ${name}`;
  }
  lines.push(line);
  return lines.join("\n") + "\n";
}

interface Options {
  yes: boolean;
  recommends: boolean;
  quiet: number;
  words: string[];
}

function parseOptions(args: string[]): Options | string {
  const options: Options = { yes: false, recommends: true, quiet: 0, words: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--yes" || arg === "--assume-yes" || arg === "-y") options.yes = true;
    else if (arg === "--no-install-recommends") options.recommends = false;
    else if (arg === "--install-recommends") options.recommends = true;
    else if (arg === "--quiet" || arg === "-q") options.quiet++;
    else if (arg === "-o" || arg === "-c" || arg === "-t" || arg === "--target-release") i++;
    else if (/^-[a-zA-Z]+$/.test(arg)) {
      for (const flag of arg.slice(1)) {
        if (flag === "y") options.yes = true;
        else if (flag === "q") options.quiet++;
        else if (!"fmsdbuV".includes(flag)) return `E: Command line option '${flag}' [from -${arg.slice(1)}] is not understood in combination with the other options.`;
      }
    } else if (arg.startsWith("--")) continue; // --fix-missing, --reinstall, --allow-*, --no-upgrade ...
    else options.words.push(arg);
  }
  return options;
}

const states = (tty: boolean) => (tty ? "Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n" : "Reading package lists...\nBuilding dependency tree...\nReading state information...\n");

async function update(ctx: ProcessContext, archive: Archive, apt: boolean): Promise<number> {
  const files = indexFiles(archive);
  const packages = releasePackages(archive.release);
  await ctx.fs.mkdir(`${LISTS}/partial`, { recursive: true });
  let out = "";
  let total = 0;
  // Indexes already fetched are unchanged: their InRelease is a Hit and their lists are not fetched again.
  const fresh = !(await ctx.fs.exists(`${LISTS}/${files[0]!.file}`));
  let n = 0;
  for (const file of files) {
    if (fresh) {
      out += `Get:${++n} ${file.shown} [${aptSize(file.bytes)}]\n`;
      total += file.bytes;
    } else if (file.shown.endsWith(" InRelease")) out += `Hit:${++n} ${file.shown}\n`;
  }
  for (const file of files) {
    const stanzas = file.component ? [...packages.values()].filter((p) => (archive.distro === "debian" ? true : (p.component ?? "main") === file.component)).map((p) => packagesStanza(p, archive)) : [];
    await ctx.fs.writeFile(`${LISTS}/${file.file}`, file.component ? stanzas.join("\n") : `Origin: ${archive.distro === "ubuntu" ? "Ubuntu" : "Debian"}\nSuite: ${file.shown.split(" ")[1]}\nCodename: ${archive.release}\nArchitectures: amd64\n`);
  }
  await ctx.fs.writeFile(`${LISTS}/lock`, "");
  if (fresh) out += `Fetched ${aptSize(total)} in 2s (${aptSize(total / 2).replace(/ (\w+)$/, " $1/s")})\n`;
  out += ctx.tty ? "Reading package lists... Done\n" : "Reading package lists...\n";
  if (apt) {
    out += ctx.tty ? "Building dependency tree... Done\nReading state information... Done\n" : "Building dependency tree...\nReading state information...\n";
    out += archive.upgradable === 0 ? "All packages are up to date.\n" : archive.upgradable === 1 ? "1 package can be upgraded. Run 'apt list --upgradable' to see it.\n" : `${archive.upgradable} packages can be upgraded. Run 'apt list --upgradable' to see them.\n`;
  }
  ctx.stdout(out);
  return 0;
}

async function install(ctx: ProcessContext, archive: Archive, options: Options): Promise<number> {
  const packages = releasePackages(archive.release);
  const listed = await available(ctx.fs);
  const dpkg = await installed(ctx.fs);
  let out = states(ctx.tty);
  const errors: string[] = [];
  const wanted: ReleasePackage[] = [];
  const baseInstalled: string[] = [];
  for (const word of options.words) {
    const name = word.replace(/[:=].*$/, "");
    const pkg = packages.get(name);
    const instead = replacement(name, archive.release);
    const base = BASE_PACKAGES[name]?.[RELEASE_INDEX[archive.release]];
    if (base && listed.size > 0) {
      baseInstalled.push(`${name} is already the newest version (${base}).\n`);
      continue;
    }
    if (instead && listed.size > 0) {
      out += `Package ${name} is not available, but is referred to by another package.\nThis may mean that the package is missing, has been obsoleted, or\nis only available from another source\nHowever the following packages replace it:\n  ${instead}\n\n`;
      errors.push(`E: Package '${name}' has no installation candidate`);
    } else if (!pkg || !listed.has(name)) errors.push(`E: Unable to locate package ${name}`);
    else wanted.push(pkg);
  }
  if (errors.length > 0) {
    ctx.stdout(out);
    ctx.stderr(errors.join("\n") + "\n");
    return 100;
  }
  const isInstalled = async (pkg: ReleasePackage) => dpkg.has(pkg.name) || (await presentOnDisk(ctx.fs, pkg));
  // Dependencies first, as dpkg unpacks them; recommends too unless --no-install-recommends.
  const order: ReleasePackage[] = [];
  const seen = new Set<string>();
  const skippedRecommends: string[] = [];
  const visit = async (pkg: ReleasePackage) => {
    if (seen.has(pkg.name)) return;
    seen.add(pkg.name);
    if (await isInstalled(pkg)) return;
    for (const dep of pkg.depends ?? []) {
      const d = packages.get(dep);
      if (d) await visit(d);
    }
    order.push(pkg);
    for (const rec of pkg.recommends ?? []) {
      const r = packages.get(rec);
      if (!r) continue;
      if (options.recommends) await visit(r);
      else if (!(await isInstalled(r)) && !skippedRecommends.includes(r.name)) skippedRecommends.push(r.name);
    }
  };
  out += baseInstalled.join("");
  for (const pkg of wanted) {
    if (await isInstalled(pkg)) out += `${pkg.name} is already the newest version (${dpkg.get(pkg.name) ?? pkg.version}).\n`;
    else await visit(pkg);
  }
  const requested = new Set(wanted.map((p) => p.name));
  const extra = order.filter((p) => !requested.has(p.name));
  if (extra.length > 0) out += `The following additional packages will be installed:\n${wrapList(extra.map((p) => p.name).sort())}`;
  const recommended = skippedRecommends.filter((n) => !order.some((p) => p.name === n));
  if (recommended.length > 0) out += `Recommended packages:\n${wrapList(recommended)}`;
  if (order.length > 0) out += `The following NEW packages will be installed:\n${wrapList(order.map((p) => p.name).sort())}`;
  out += `0 upgraded, ${order.length} newly installed, 0 to remove and ${archive.upgradable} not upgraded.\n`;
  if (order.length === 0) {
    ctx.stdout(out);
    return 0;
  }
  const download = order.reduce((sum, p) => sum + downloadBytes(p), 0);
  const disk = order.reduce((sum, p) => sum + p.kb[1] * 1000, 0);
  out += `Need to get ${aptSize(download)} of archives.\nAfter this operation, ${aptSize(disk)} of additional disk space will be used.\n`;
  if (extra.length > 0 && !options.yes) {
    // No one answers the prompt: stdin is not a terminal, so apt reads end-of-file.
    ctx.stdout(`${out}Do you want to continue? [Y/n] Abort.\n`);
    return 1;
  }
  order.forEach((pkg, i) => {
    out += `Get:${i + 1} ${poolOf(archive, pkg.version, pkg.component ?? "main")} amd64 ${pkg.name} ${pkg.arch ?? "amd64"} ${pkg.version} [${aptSize(downloadBytes(pkg))}]\n`;
  });
  ctx.stdout(out);
  ctx.stderr("debconf: delaying package configuration, since apt-utils is not installed\n");
  out = `Fetched ${aptSize(download)} in 1s (${aptSize(download).replace(/ (\w+)$/, " $1/s")})\n`;
  let files = archive.databaseFiles + [...dpkg.keys()].length * 12;
  let status = await ctx.fs.readFile(STATUS).catch(() => "");
  await ctx.fs.mkdir("/var/lib/dpkg/info", { recursive: true });
  for (const [i, pkg] of order.entries()) {
    out += `Selecting previously unselected package ${shownName(pkg)}.\n`;
    // Without a terminal, dpkg's progress through its database comes out one step per line.
    if (i === 0) out += `${ctx.tty ? "" : `(Reading database ... \n${Array.from({ length: 20 }, (_, k) => `(Reading database ... ${(k + 1) * 5}%\n`).join("")}`}(Reading database ... ${files} files and directories currently installed.)\n`;
    out += `Preparing to unpack .../${i === 0 && order.length === 1 ? "" : `${String(i).padStart(String(order.length - 1).length, "0")}-`}${debFile(pkg)} ...\nUnpacking ${shownName(pkg)} (${pkg.version}) ...\n`;
    const { payload: bulk, ...contents } = pkg;
    const written = await unpack(ctx.fs, pkg.name, { ...contents, ...(bulk ? { payload: { dir: bulk, bytes: pkg.kb[1] * 1000 } } : {}) });
    files += written.length;
    await ctx.fs.writeFile(`/var/lib/dpkg/info/${pkg.name}.list`, written.join("\n") + "\n");
    status += `${status && !status.endsWith("\n\n") ? "\n" : ""}Package: ${pkg.name}\nStatus: install ok installed\nPriority: optional\nArchitecture: ${pkg.arch ?? "amd64"}\nVersion: ${pkg.version}\nInstalled-Size: ${pkg.kb[1]}\n\n`;
  }
  await ctx.fs.writeFile(STATUS, status);
  for (const pkg of order) {
    out += `Setting up ${shownName(pkg)} (${pkg.version}) ...\n`;
    if (pkg.name === "ca-certificates") out += "Updating certificates in /etc/ssl/certs...\n146 added, 0 removed; done.\n";
  }
  if (order.some((p) => p.name.startsWith("lib"))) out += `Processing triggers for libc-bin (${archive.libcBin}) ...\n`;
  if (order.some((p) => p.name === "ca-certificates")) out += `Processing triggers for ca-certificates (${packages.get("ca-certificates")!.version}) ...\nUpdating certificates in /etc/ssl/certs...\n0 added, 0 removed; done.\nRunning hooks in /etc/ca-certificates/update.d...\ndone.\n`;
  ctx.stdout(out);
  return 0;
}

async function remove(ctx: ProcessContext, archive: Archive, options: Options, purge: boolean): Promise<number> {
  const dpkg = await installed(ctx.fs);
  let out = states(ctx.tty);
  const names = options.words.map((w) => w.replace(/[:=].*$/, ""));
  const gone = names.filter((n) => dpkg.has(n));
  for (const n of names.filter((n) => !dpkg.has(n))) out += `Package '${n}' is not installed, so not removed\n`;
  if (gone.length > 0) out += `The following packages will be REMOVED:\n${wrapList(gone.map((n) => (purge ? `${n}*` : n)))}`;
  out += `0 upgraded, 0 newly installed, ${gone.length} to remove and ${archive.upgradable} not upgraded.\n`;
  if (gone.length === 0) {
    ctx.stdout(out);
    return 0;
  }
  if (!options.yes) {
    ctx.stdout(`${out}After this operation, some disk space will be freed.\nDo you want to continue? [Y/n] Abort.\n`);
    return 1;
  }
  let status = await ctx.fs.readFile(STATUS).catch(() => "");
  for (const name of gone) {
    const list = await ctx.fs.readFile(`/var/lib/dpkg/info/${name}.list`).catch(() => "");
    for (const path of list.split("\n").filter(Boolean)) await ctx.fs.rm(path, { force: true, recursive: true }).catch(() => undefined);
    await ctx.fs.rm(`/var/lib/dpkg/info/${name}.list`, { force: true });
    status = status.split(/\n\n+/).filter((s) => !new RegExp(`^Package: ${name.replace(/[.+]/g, "\\$&")}$`, "m").test(s)).join("\n\n");
    out += `Removing ${name} (${dpkg.get(name)}) ...\n`;
  }
  await ctx.fs.writeFile(STATUS, status ? `${status.trimEnd()}\n\n` : "");
  ctx.stdout(out);
  return 0;
}

const USAGE = (apt: boolean) =>
  apt
    ? "apt 2.4.14 (amd64)\nUsage: apt [options] command\n\napt is a commandline package manager and provides commands for\nsearching and managing as well as querying information about packages.\n\nMost used commands:\n  list - list packages based on package names\n  search - search in package descriptions\n  show - show package details\n  install - install packages\n  remove - remove packages\n  update - update list of available packages\n  upgrade - upgrade the system by installing/upgrading packages\n"
    : "apt 2.4.14 (amd64)\nUsage: apt-get [options] command\n       apt-get [options] install|remove pkg1 [pkg2 ...]\n       apt-get [options] source pkg1 [pkg2 ...]\n\napt-get is a command line interface for retrieval of packages\nand information about them from authenticated sources and\nfor installation, upgrade and removal of packages together\nwith their dependencies.\n\nMost used commands:\n  update - Retrieve new lists of packages\n  upgrade - Perform an upgrade\n  install - Install new packages (pkg is libc6 not libc6.deb)\n  remove - Remove packages\n  purge - Remove packages and config files\n  autoremove - Remove automatically all unused packages\n  clean - Erase downloaded archive files\n";

/** apt-get (and apt, which warns that its CLI is not stable for scripts). */
function aptProgram(apt: boolean): Program {
  return async (ctx) => {
    const parsed = parseOptions(ctx.argv.slice(1));
    if (typeof parsed === "string") {
      ctx.stderr(`${parsed}\n`);
      return 100;
    }
    const [command, ...words] = parsed.words;
    if (command === undefined) {
      ctx.stdout(USAGE(apt));
      return 1;
    }
    if (apt && !ctx.tty && ["update", "install", "upgrade", "remove", "purge", "full-upgrade", "autoremove", "list", "search", "show"].includes(command)) ctx.stderr("\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n");
    const archive = await archiveOf(ctx.fs);
    if (!archive) {
      ctx.stderr("E: The list of sources could not be read.\n");
      return 100;
    }
    const options = { ...parsed, words };
    // -qq prints nothing but errors.
    if (parsed.quiet >= 2) ctx = { ...ctx, stdout: () => {} };
    switch (command) {
      case "update":
        return update(ctx, archive, apt);
      case "install":
        return install(ctx, archive, options);
      case "remove":
      case "purge":
      case "autoremove":
        return command === "autoremove" ? (ctx.stdout(`${states(ctx.tty)}0 upgraded, 0 newly installed, 0 to remove and ${archive.upgradable} not upgraded.\n`), 0) : remove(ctx, archive, options, command === "purge");
      case "upgrade":
      case "dist-upgrade":
      case "full-upgrade": {
        const lists = await available(ctx.fs);
        ctx.stdout(`${states(ctx.tty)}Calculating upgrade...${ctx.tty ? " Done" : ""}\n0 upgraded, 0 newly installed, 0 to remove and ${lists.size > 0 ? archive.upgradable : 0} not upgraded.\n`);
        return 0;
      }
      case "clean":
      case "autoclean":
      case "dist-clean":
        if (command === "dist-clean") for (const f of await ctx.fs.readdir(LISTS).catch(() => [] as string[])) if (f !== "partial" && f !== "lock") await ctx.fs.rm(`${LISTS}/${f}`, { force: true });
        return 0;
      default:
        ctx.stderr(`E: Invalid operation ${command}\n`);
        return 100;
    }
  };
}

export const aptGet = aptProgram(false);
export const aptCli = aptProgram(true);
