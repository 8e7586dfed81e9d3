/** python3 and pip of the python images: versions, `-c` one-liners, small scripts, and pip without a network. */
import type { Program, ProcessContext } from "../../engine/process.ts";
import { runSnippet, SnippetError, Unsupported } from "./snippet.ts";

const version = (ctx: ProcessContext) => ctx.env["PYTHON_VERSION"] ?? "3.13.9";
const minor = (ctx: ProcessContext) => version(ctx).split(".").slice(0, 2).join(".");
/** The pip that each Python's ensurepip bundles (the images no longer upgrade it). */
const pipVersion = (ctx: ProcessContext) => (minor(ctx) === "3.12" ? "25.0.1" : "25.2");

function run(ctx: ProcessContext, code: string, file: string): number {
  try {
    ctx.stdout(runSnippet(code, "python"));
    return 0;
  } catch (error) {
    if (error instanceof SnippetError) {
      const syntax = error.message.startsWith("SyntaxError");
      ctx.stderr(syntax ? `  File "${file}", line 1\n    ${code.split("\n")[0]}\n    ^\n${error.message}\n` : `Traceback (most recent call last):\n  File "${file}", line 1, in <module>\n${error.message}\n`);
      return 1;
    }
    if (error instanceof Unsupported) {
      ctx.stderr(`python3 (simulated): this sandbox runs print() of literals, arithmetic and variables only; '${error.message}' is not available\n`);
      return 1;
    }
    throw error;
  }
}

export const python: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const [first, second] = args;
  if (first === "--version" || first === "-V") {
    ctx.stdout(`Python ${version(ctx)}\n`);
    return 0;
  }
  if (first === "-c") return second === undefined ? (ctx.stderr("Argument expected for the -c option\nusage: python3 [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n"), 2) : run(ctx, second, "<string>");
  if (first === "-m" && second === "pip") return pip({ ...ctx, argv: ["pip", ...args.slice(2)] });
  if (first === "-m") {
    ctx.stderr(`/usr/local/bin/python3: No module named ${second ?? ""}\n`);
    return 1;
  }
  if (first === undefined || first === "-" || first === "-i") return 0; // the REPL reads stdin; without a TTY it is empty
  // No working directory reaches program models yet: relative scripts are looked up from /.
  const path = first.startsWith("/") ? first : `/${first}`;
  try {
    return run(ctx, await ctx.fs.readFile(path), first);
  } catch (error) {
    if (error instanceof Error && /ENOENT|no such file/i.test(error.message)) {
      ctx.stderr(`${ctx.argv[0]}: can't open file '${path}': [Errno 2] No such file or directory\n`);
      return 2;
    }
    throw error;
  }
};

export const pip: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const site = `/usr/local/lib/python${minor(ctx)}/site-packages/pip`;
  if (args[0] === "--version" || args[0] === "-V") {
    ctx.stdout(`pip ${pipVersion(ctx)} from ${site} (python ${minor(ctx)})\n`);
    return 0;
  }
  if (args[0] === "list" || args[0] === "freeze") {
    ctx.stdout(args[0] === "list" ? `Package Version\n------- -------\npip     ${pipVersion(ctx)}\n` : "");
    return 0;
  }
  if (args[0] === "install") {
    const name = args.slice(1).find((a) => !a.startsWith("-")) ?? "";
    if (!name) {
      ctx.stderr("ERROR: You must give at least one requirement to install (see \"pip help install\")\n");
      return 1;
    }
    // The sandbox has no internet: pip fails to resolve pypi.org, as it does in a container without network.
    const package_ = name.replace(/[=<>!~].*$/, "").toLowerCase();
    for (let total = 4; total >= 0; total--) {
      ctx.stdout(`WARNING: Retrying (Retry(total=${total}, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f3a2c1d5e50>: Failed to establish a new connection: [Errno -3] Temporary failure in name resolution')': /simple/${package_}/\n`);
    }
    ctx.stderr(`ERROR: Could not find a version that satisfies the requirement ${name} (from versions: none)\nERROR: No matching distribution found for ${name}\n`);
    return 1;
  }
  ctx.stdout(`\nUsage:   \n  pip <command> [options]\n\nCommands:\n  install                     Install packages.\n  list                        List installed packages.\n  freeze                      Output installed packages in requirements format.\n`);
  return args.length === 0 ? 0 : 1;
};
