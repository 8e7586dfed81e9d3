/** node, npm, npx and yarn of the node images, and their docker-entrypoint.sh. */
import type { Program, ProcessContext } from "../../engine/process.ts";
import { execNext, onPath } from "./service.ts";
import { runSnippet, SnippetError, Unsupported } from "./snippet.ts";
import { npmInstall } from "./npm-install.ts";

const version = (ctx: ProcessContext) => ctx.env["NODE_VERSION"] ?? "24.11.1";
/** The npm each Node release bundles. */
const npmVersion = (ctx: ProcessContext) => (version(ctx).startsWith("22.") ? "10.9.4" : "11.6.2");

function run(ctx: ProcessContext, code: string, where: string, printResult: boolean): number {
  try {
    ctx.stdout(runSnippet(code, "js", printResult));
    return 0;
  } catch (error) {
    if (error instanceof SnippetError) {
      ctx.stderr(`${where}:1\n${code.split("\n")[0]}\n^\n\n${error.message}\n    at ${where}:1:1\n\nNode.js v${version(ctx)}\n`);
      return 1;
    }
    if (error instanceof Unsupported) {
      ctx.stderr(`node (simulated): this sandbox runs console.log() of literals, arithmetic and variables only; '${error.message}' is not available\n`);
      return 1;
    }
    throw error;
  }
}

export const node: Program = async (ctx) => {
  const [first, second] = ctx.argv.slice(1);
  if (first === "-v" || first === "--version") {
    ctx.stdout(`v${version(ctx)}\n`);
    return 0;
  }
  if (first === "-e" || first === "--eval" || first === "-p" || first === "--print") {
    if (second === undefined) {
      ctx.stderr(`${ctx.argv[0]}: ${first} requires an argument\n`);
      return 9;
    }
    return run(ctx, second, "[eval]", first === "-p" || first === "--print");
  }
  if (first === undefined || first === "-" || first === "-i") return 0; // the REPL reads stdin; without a TTY it is empty
  const path = first.startsWith("/") ? first : `${ctx.cwd.replace(/\/$/, "")}/${first.replace(/^\.\//, "")}`;
  const file = (await ctx.fs.exists(path)) ? path : (await ctx.fs.exists(`${path}.js`)) ? `${path}.js` : undefined;
  if (!file) {
    ctx.stderr(`node:internal/modules/cjs/loader:1386\n  throw err;\n  ^\n\nError: Cannot find module '${path}'\n    at Function._resolveFilename (node:internal/modules/cjs/loader:1383:15)\n    at node:internal/main/run_main_module:36:49 {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n\nNode.js v${version(ctx)}\n`);
    return 1;
  }
  return run(ctx, await ctx.fs.readFile(file), file, false);
};

export const npm: Program = async (ctx) => {
  const [command, ...rest] = ctx.argv.slice(1);
  const v = npmVersion(ctx);
  if (command === "-v" || command === "--version") {
    ctx.stdout(`${v}\n`);
    return 0;
  }
  const log = `/root/.npm/_logs/${new Date(ctx.clock.now()).toISOString().replace(/[:.]/g, "_")}-debug-0.log`;
  if (command === "install" || command === "i" || command === "add" || command === "ci" || command === "clean-install") return npmInstall(ctx, command, rest, log, v);
  if (command === "start" || command === "run" || command === "test") {
    const script = command === "run" ? rest[0] ?? "" : command;
    let pkg: { name?: string; version?: string; scripts?: Record<string, string> } = {};
    try {
      pkg = JSON.parse(await ctx.fs.readFile(`${ctx.cwd.replace(/\/$/, "")}/package.json`)) as typeof pkg;
    } catch {
      const manifest = `${ctx.cwd.replace(/\/$/, "")}/package.json`;
      ctx.stderr(`npm error code ENOENT\nnpm error syscall open\nnpm error path ${manifest}\nnpm error errno -2\nnpm error enoent Could not read package.json: Error: ENOENT: no such file or directory, open '${manifest}'\nnpm error enoent This is related to npm not being able to find a file.\nnpm error enoent\nnpm error A complete log of this run can be found in: ${log}\n`);
      return 254;
    }
    const line = pkg.scripts?.[script] ?? (script === "start" ? "node server.js" : undefined);
    if (!line) {
      ctx.stderr(`npm error Missing script: "${script}"\nnpm error\nnpm error To see a list of scripts, run:\nnpm error   npm run\nnpm error A complete log of this run can be found in: ${log}\n`);
      return 1;
    }
    ctx.stdout(`\n> ${pkg.name ?? ""}@${pkg.version ?? ""} ${script}\n> ${line}\n\n`);
    return execNext(ctx, line.split(/\s+/), { node }, ctx.cwd);
  }
  ctx.stdout(`npm <command>\n\nUsage:\n\nnpm install        install all the dependencies in your project\nnpm install <foo>  add the <foo> dependency to your project\nnpm test           run this project's tests\nnpm run <foo>      run the script named <foo>\nnpm <command> -h   quick help on <command>\nnpm -l             display usage info for all commands\nnpm help <term>    search for help on <term>\nnpm help npm       more involved overview\n\nAll commands:\n\n    access, adduser, audit, bugs, cache, ci, completion,\n    config, dedupe, deprecate, diff, dist-tag, docs, doctor,\n    edit, exec, explain, explore, find-dupes, fund, get, help,\n    help-search, init, install, install-ci-test,\n    install-test, link, ll, login, logout, ls, org, outdated,\n    owner, pack, ping, pkg, prefix, profile, prune, publish,\n    query, rebuild, repo, restart, root, run, sbom, search,\n    set, shrinkwrap, star, stars, start, stop, team, test,\n    token, undeprecate, uninstall, unpublish, unstar, update,\n    version, view, whoami\n\nSpecify configs in the ini-formatted file:\n    /root/.npmrc\nor on the command line via: npm <command> --key=value\n\nMore configuration info: npm help config\nConfiguration fields: npm help 7 config\n\nnpm@${v} /usr/local/lib/node_modules/npm\n`);
  return 1;
};

export const npx: Program = async (ctx) => {
  if (ctx.argv[1] === "-v" || ctx.argv[1] === "--version") {
    ctx.stdout(`${npmVersion(ctx)}\n`);
    return 0;
  }
  return npm({ ...ctx, argv: ["npm", "install", ...ctx.argv.slice(1)] });
};

export const yarn: Program = async (ctx) => {
  if (ctx.argv[1] === "-v" || ctx.argv[1] === "--version") {
    ctx.stdout(`${ctx.env["YARN_VERSION"] ?? "1.22.22"}\n`);
    return 0;
  }
  ctx.stderr("error An unexpected error occurred: \"https://registry.yarnpkg.com: getaddrinfo EAI_AGAIN registry.yarnpkg.com\".\n");
  return 1;
};

/** docker-entrypoint.sh: runs `node "$@"` when the first argument is an option or not a command. */
export const nodeEntrypoint: Program = async (ctx) => {
  let args = ctx.argv.slice(1);
  const models = { node, npm, npx, yarn };
  const first = args[0] ?? "";
  if (args.length === 0) return 0;
  if (first.startsWith("-") || (!(first in models) && !(await onPath(ctx, first)))) args = ["node", ...args];
  return execNext(ctx, args, models, ctx.cwd);
};
