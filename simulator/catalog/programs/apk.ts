/** apk of the Alpine images: `add`, `del`, `update` and `info` over the repositories' package catalog. */
import type { Program, ProcessContext } from "../../engine/process.ts";
import { ALPINE_BASE, ALPINE_PIP, ALPINE_PYTHON, APK_PACKAGES, apkVersion, branchOf, DISTINCT, type AlpineBranch, type ApkPackage } from "../packages/alpine.ts";
import { unpack } from "../packages/install.ts";

const INSTALLED = "/lib/apk/db/installed";
const WORLD = "/etc/apk/world";
const BUSYBOX: Record<AlpineBranch, string> = { "3.20": "1.36.1-r29", "3.21": "1.37.0-r12", "3.22": "1.37.0-r19" };

async function installedDb(ctx: ProcessContext): Promise<Map<string, { version: string; kib: number }>> {
  const text = await ctx.fs.readFile(INSTALLED).catch(() => "");
  const out = new Map<string, { version: string; kib: number }>();
  for (const stanza of text.split(/\n\n+/)) {
    const name = /^P:(.+)$/m.exec(stanza)?.[1];
    if (name) out.set(name, { version: /^V:(.+)$/m.exec(stanza)?.[1] ?? "", kib: Number(/^I:(\d+)$/m.exec(stanza)?.[1] ?? 0) / 1024 });
  }
  return out;
}

const fetchLines = (branch: AlpineBranch) => `fetch https://dl-cdn.alpinelinux.org/alpine/v${branch}/main/x86_64/APKINDEX.tar.gz\nfetch https://dl-cdn.alpinelinux.org/alpine/v${branch}/community/x86_64/APKINDEX.tar.gz\n`;

const summary = (db: Map<string, { kib: number }>) => {
  const kib = [...db.values()].reduce((s, p) => s + p.kib, 0);
  return `OK: ${Math.round(ALPINE_BASE.mib + kib / 1024)} MiB in ${ALPINE_BASE.packages + db.size} packages\n`;
};

/** The package's files for this branch (its python and pip name their versions). */
function filesFor(pkg: ApkPackage, branch: AlpineBranch) {
  const executables = Object.fromEntries(
    Object.entries(pkg.executables ?? {}).map(([path, model]) => [path, model === "python-alpine" ? `python-${ALPINE_PYTHON[branch]}` : model === "pip-alpine" ? `pip-${ALPINE_PIP[branch]}-${ALPINE_PYTHON[branch]}` : model]),
  );
  return { executables, ...(pkg.symlinks ? { symlinks: pkg.symlinks } : {}), ...(pkg.files ? { files: pkg.files } : {}), ...(pkg.payload ? { payload: { dir: pkg.payload, bytes: pkg.kib * 1024 } } : {}) };
}

async function add(ctx: ProcessContext, branch: AlpineBranch, args: string[]): Promise<number> {
  let virtual: string | undefined;
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--virtual" || arg === "-t") virtual = args[++i];
    else if (arg.startsWith("--virtual=")) virtual = arg.slice(10);
    else if (arg.startsWith("-")) continue; // --no-cache, --update, -U, --quiet, --repository ...
    else names.push(arg.replace(/[=<>~].*$/, ""));
  }
  if (names.length === 0 && !virtual) {
    ctx.stderr("ERROR: 'add' needs at least one package\n");
    return 1;
  }
  let out = fetchLines(branch);
  const unknown = names.filter((n) => !APK_PACKAGES[n]);
  if (unknown.length > 0) {
    ctx.stdout(out);
    ctx.stderr(`ERROR: unable to select packages:\n${unknown.map((n) => `  ${n} (no such package):\n    required by: world[${n}]\n`).join("")}`);
    return 1;
  }
  const db = await installedDb(ctx);
  const order: string[] = [];
  const visit = (name: string) => {
    if (order.includes(name) || db.has(name) || !APK_PACKAGES[name]) return;
    for (const dep of APK_PACKAGES[name]!.depends ?? []) visit(dep);
    order.push(name);
  };
  for (const name of names) visit(name);
  const steps = order.length + (virtual ? 1 : 0);
  let installedText = await ctx.fs.readFile(INSTALLED).catch(() => "");
  for (const [i, name] of order.entries()) {
    const pkg = APK_PACKAGES[name]!;
    const version = apkVersion(pkg, branch);
    out += `(${i + 1}/${steps}) Installing ${name} (${version})\n`;
    await unpack(ctx.fs, name, filesFor(pkg, branch));
    db.set(name, { version, kib: pkg.kib });
    installedText += `${installedText && !installedText.endsWith("\n\n") ? "\n" : ""}P:${name}\nV:${version}\nA:x86_64\nI:${pkg.kib * 1024}\nr:${(pkg.depends ?? []).join(" ")}\n\n`;
  }
  if (virtual) {
    const stamp = new Date(ctx.clock.now()).toISOString().replace(/[-:]/g, "").replace("T", ".").slice(0, 15);
    out += `(${steps}/${steps}) Installing ${virtual} (${stamp})\n`;
    db.set(virtual, { version: stamp, kib: 0 });
    installedText += `P:${virtual}\nV:${stamp}\nA:noarch\nI:0\n\n`;
  }
  await ctx.fs.mkdir("/lib/apk/db", { recursive: true });
  await ctx.fs.writeFile(INSTALLED, installedText);
  const world = (await ctx.fs.readFile(WORLD).catch(() => "")).split("\n").filter(Boolean);
  for (const n of virtual ? [virtual] : names) if (!world.includes(n)) world.push(n);
  await ctx.fs.writeFile(WORLD, world.sort().join("\n") + "\n");
  if (order.some((n) => Object.keys(APK_PACKAGES[n]!.executables ?? {}).length > 0)) out += `Executing busybox-${BUSYBOX[branch]}.trigger\n`;
  if (order.includes("ca-certificates")) out += `Executing ca-certificates-${apkVersion(APK_PACKAGES["ca-certificates"]!, branch)}.trigger\n`;
  ctx.stdout(out + summary(db));
  return 0;
}

async function del(ctx: ProcessContext, args: string[]): Promise<number> {
  const names = args.filter((a) => !a.startsWith("-"));
  const db = await installedDb(ctx);
  const world = (await ctx.fs.readFile(WORLD).catch(() => "")).split("\n").filter(Boolean);
  const missing = names.filter((n) => !world.includes(n));
  if (missing.length > 0) {
    ctx.stderr(missing.map((n) => `WARNING: No such package: ${n}\n`).join(""));
  }
  const gone = names.filter((n) => db.has(n));
  let out = "";
  let text = await ctx.fs.readFile(INSTALLED).catch(() => "");
  gone.forEach((name, i) => {
    out += `(${i + 1}/${gone.length}) Purging ${name} (${db.get(name)!.version})\n`;
    db.delete(name);
    text = text.split(/\n\n+/).filter((s) => !s.startsWith(`P:${name}\n`)).join("\n\n");
  });
  for (const name of gone) {
    const pkg = APK_PACKAGES[name];
    for (const path of [...Object.keys(pkg?.executables ?? {}), ...Object.keys(pkg?.symlinks ?? {}), ...Object.keys(pkg?.files ?? {})]) await ctx.fs.rm(path, { force: true });
  }
  if (gone.length > 0) await ctx.fs.writeFile(INSTALLED, text ? `${text.trimEnd()}\n\n` : "");
  await ctx.fs.writeFile(WORLD, world.filter((n) => !gone.includes(n)).join("\n") + (world.length > gone.length ? "\n" : ""));
  ctx.stdout(out + summary(db));
  return 0;
}

export const apk: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const release = (await ctx.fs.readFile("/etc/alpine-release").catch(() => "3.22.2")).trim();
  const branch = branchOf(release) ?? "3.22";
  const command = args.find((a) => !a.startsWith("-"));
  if (args[0] === "--version" || args[0] === "-V") {
    ctx.stdout(`apk-tools ${branch === "3.20" ? "2.14.4" : branch === "3.21" ? "2.14.6" : "2.14.9"}, compiled for x86_64.\n`);
    return 0;
  }
  const rest = args.filter((_, i) => i !== args.indexOf(command ?? ""));
  switch (command) {
    case "add":
      return add(ctx, branch, rest);
    case "del":
      return del(ctx, rest);
    case "update":
      ctx.stdout(`${fetchLines(branch)}v${release}-0-g${"5a3c2f1e8b"} [https://dl-cdn.alpinelinux.org/alpine/v${branch}/main]\nv${release}-0-g${"9d4e7b2c61"} [https://dl-cdn.alpinelinux.org/alpine/v${branch}/community]\nOK: ${DISTINCT[branch].toLocaleString("en-US").replace(/,/g, "")} distinct packages available\n`);
      return 0;
    case "upgrade":
      ctx.stdout(`${fetchLines(branch)}OK: ${ALPINE_BASE.mib} MiB in ${ALPINE_BASE.packages} packages\n`);
      return 0;
    case "info": {
      const db = await installedDb(ctx);
      ctx.stdout(["alpine-baselayout", "alpine-baselayout-data", "alpine-keys", "alpine-release", "apk-tools", "busybox", "busybox-binsh", "ca-certificates-bundle", "libcrypto3", "libssl3", "musl", "musl-utils", "scanelf", "ssl_client", "zlib", "libapk2", ...db.keys()].join("\n") + "\n");
      return 0;
    }
    case undefined:
      ctx.stdout(`apk-tools 2.14.9, compiled for x86_64.\n\nusage: apk [<OPTIONS>...] COMMAND [<ARGUMENTS>...]\n\nPackage installation and removal:\n  add        Add packages to WORLD and commit changes\n  del        Remove packages from WORLD and commit changes\n\nSystem maintenance:\n  update     Update repository indexes\n  upgrade    Install upgrades available from repositories\n`);
      return 1;
    default:
      ctx.stderr(`apk: applet not found: ${command}\n`);
      return 1;
  }
};
