/**
 * python and pip: the python images' own (PYTHON_VERSION from the environment) and the ones
 * apt and apk install (their version named in the executable). Scripts run their imports against
 * what is installed; a Flask app serves its routes; other code runs print() of literals.
 */
import type { Program, ProcessContext } from "../../engine/process.ts";
import { ALPINE_PIP, ALPINE_PYTHON } from "../packages/alpine.ts";
import { DISTRO_PIP, PYTHON3 } from "../packages/debian.ts";
import { programFile } from "../packages/files.ts";
import { flaskCommand, isFlaskScript, runFlask } from "./flask.ts";
import { importable, pythonEnv, type PythonEnv } from "./python-env.ts";
import { pipInstall } from "./python-pip.ts";
import { runSnippet, SnippetError, Unsupported } from "./snippet.ts";

/** Python's stdout is block-buffered without a TTY: nothing shows in `docker logs` until it is flushed. */
function pythonStdout(ctx: ProcessContext, unbuffered: boolean) {
  const direct = unbuffered || ctx.tty || Boolean(ctx.env["PYTHONUNBUFFERED"]);
  let held = "";
  return {
    write: (text: string) => (direct ? ctx.stdout(text) : (held += text)),
    flush: () => {
      if (held) ctx.stdout(held);
      held = "";
    },
  };
}

function runCode(ctx: ProcessContext, env: PythonEnv, code: string, file: string, write: (t: string) => void): number {
  try {
    write(runSnippet(code, "python"));
    return 0;
  } catch (error) {
    if (error instanceof SnippetError) {
      const syntax = error.message.startsWith("SyntaxError");
      ctx.stderr(syntax ? `  File "${file}", line 1\n    ${code.split("\n")[0]}\n    ^\n${error.message}\n` : `Traceback (most recent call last):\n  File "${file}", line 1, in <module>\n${error.message}\n`);
      return 1;
    }
    if (error instanceof Unsupported) {
      ctx.stderr(`python${env.major} (simulated): this sandbox runs print() of literals, arithmetic and variables only; '${error.message}' is not available\n`);
      return 1;
    }
    throw error;
  }
}

/** The first import the environment cannot satisfy, as Python reports it. */
async function missingImport(ctx: ProcessContext, env: PythonEnv, code: string, shown: string): Promise<string | undefined> {
  const lines = code.split("\n");
  for (const [i, line] of lines.entries()) {
    const from = /^\s*from\s+([\w.]+)\s+import\b/.exec(line);
    const plain = /^\s*import\s+([\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*)/.exec(line);
    const modules = from ? [from[1]!] : plain ? plain[1]!.split(",").map((m) => m.trim().split(/\s+/)[0]!) : [];
    for (const module of modules) {
      if (module.startsWith(".") || (await importable(ctx, env, module))) continue;
      const top = module.split(".")[0]!;
      const error = env.major === 2 ? `ImportError: No module named ${top}` : env.minor === "3.5" ? `ImportError: No module named '${top}'` : `ModuleNotFoundError: No module named '${top}'`;
      return `Traceback (most recent call last):\n  File "${shown}", line ${i + 1}, in <module>\n    ${line.trim()}\n${error}\n`;
    }
  }
  return undefined;
}

/** f-strings arrived in Python 3.6: older ones stop at compile time. */
function fStringBefore36(env: PythonEnv, code: string, shown: string): string | undefined {
  if (env.major === 3 && Number(env.minor.split(".")[1]) >= 6) return undefined;
  const lines = code.split("\n");
  for (const [i, line] of lines.entries()) {
    const m = /(^|[^\w'"])[fF][rR]?(["'])/.exec(line.replace(/#.*$/, ""));
    if (!m) continue;
    const start = m.index + m[1]!.length;
    const close = line.indexOf(m[2]!, line.indexOf(m[2]!, start) + 1);
    const indent = line.length - line.trimStart().length;
    return `  File "${shown}", line ${i + 1}\n    ${line.trim()}\n${" ".repeat(4 + (close < 0 ? line.length : close) - indent)}^\nSyntaxError: invalid syntax\n`;
  }
  return undefined;
}

/** `python -m venv DIR`: the interpreter, pip and the activate script. */
async function makeVenv(ctx: ProcessContext, env: PythonEnv, dir: string | undefined, pipModel: string): Promise<number> {
  if (!dir) {
    ctx.stderr(`usage: venv [-h] [--system-site-packages] [--symlinks | --copies] [--clear] [--upgrade] [--without-pip] [--prompt PROMPT] [--upgrade-deps] ENV_DIR [ENV_DIR ...]\nvenv: error: the following arguments are required: ENV_DIR\n`);
    return 2;
  }
  const root = dir.startsWith("/") ? dir : `${ctx.cwd.replace(/\/$/, "")}/${dir}`;
  if (!env.image && !env.alpine && !(await ctx.fs.exists(`/usr/lib/python${env.minor}/ensurepip`))) {
    ctx.stdout(`The virtual environment was not created successfully because ensurepip is not\navailable.  On Debian/Ubuntu systems, you need to install the python3-venv\npackage using the following command.\n\n    apt install python${env.minor}-venv\n\nYou may need to use sudo with that command.  After installing the python3-venv\npackage, recreate your virtual environment.\n\nFailing command: ${root}/bin/python${env.major}\n\n`);
    return 1;
  }
  const bin = `${root}/bin`;
  const site = `${root}/lib/python${env.minor}/site-packages`;
  await ctx.fs.mkdir(bin, { recursive: true });
  await ctx.fs.mkdir(`${site}/pip`, { recursive: true });
  await ctx.fs.writeFile(`${site}/pip/__init__.py`, `__version__ = "${env.pip}"\n`);
  const home = env.executable.slice(0, env.executable.lastIndexOf("/"));
  await ctx.fs.writeFile(`${root}/pyvenv.cfg`, `home = ${home}\ninclude-system-site-packages = false\nversion = ${env.version}\nexecutable = ${env.executable}\ncommand = ${env.executable} -m venv ${root}\n`);
  const link = async (name: string, target: string) => {
    await ctx.fs.rm(`${bin}/${name}`, { force: true });
    await ctx.fs.symlink(target, `${bin}/${name}`);
  };
  await link("python", env.executable);
  await link(`python${env.major}`, "python");
  await link(`python${env.minor}`, "python");
  for (const name of ["pip", `pip${env.major}`, `pip${env.minor}`]) {
    await ctx.fs.writeFile(`${bin}/${name}`, programFile(pipModel));
    await ctx.fs.chmod(`${bin}/${name}`, 0o755);
  }
  await ctx.fs.writeFile(`${bin}/activate`, `# This file must be used with "source bin/activate" *from bash*\n# You cannot run it directly\n\nVIRTUAL_ENV=${root}\nexport VIRTUAL_ENV\n\n_OLD_VIRTUAL_PATH="$PATH"\nPATH="$VIRTUAL_ENV/bin:$PATH"\nexport PATH\n`);
  return 0;
}

/** A python interpreter; `fixed` for a distribution's (its version in the executable), else the image's. */
export function pythonProgram(fixed?: { python: string; pip: string }): Program {
  return async (ctx) => {
    const env = await pythonEnv(ctx, fixed);
    const args = ctx.argv.slice(1);
    let unbuffered = false;
    while (args[0] && /^-[uBEsISOq]+$/.test(args[0])) unbuffered = args.shift()!.includes("u") || unbuffered;
    const [first, second] = args;
    const out = pythonStdout(ctx, unbuffered);
    if (first === "--version" || first === "-V") {
      (env.major === 2 ? ctx.stderr : ctx.stdout)(`Python ${env.version}\n`);
      return 0;
    }
    if (first === "-c") {
      if (second === undefined) {
        ctx.stderr(`Argument expected for the -c option\nusage: python${env.major} [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry \`python -h' for more information.\n`);
        return 2;
      }
      const missing = await missingImport(ctx, env, second, "<string>");
      if (missing) {
        ctx.stderr(missing);
        return 1;
      }
      const code = runCode(ctx, env, second.replace(/^\s*(import|from)\s.*$/gm, ""), "<string>", out.write);
      out.flush();
      return code;
    }
    if (first === "-m") {
      if (second === "pip") {
        const bundled = env.image || env.venv || env.major === 2 || (await ctx.fs.exists(env.alpine ? `/usr/lib/python${env.minor}/site-packages/pip` : "/usr/lib/python3/dist-packages/pip"));
        if (!bundled) {
          ctx.stderr(`${env.executable}: No module named pip\n`);
          return 1;
        }
        return pipProgram(fixed)({ ...ctx, argv: ["pip", ...args.slice(2)] });
      }
      if (second === "venv") return makeVenv(ctx, env, args.slice(2).find((a) => !a.startsWith("-")), fixed ? `pip-${env.pip}-${env.version}` : "pip");
      ctx.stderr(`${env.executable}: No module named ${second ?? ""}\n`);
      return 1;
    }
    if (first === undefined || first === "-" || first === "-i") return 0; // the REPL reads stdin; without a TTY it is empty
    const path = first.startsWith("/") ? first : `${ctx.cwd.replace(/\/$/, "")}/${first.replace(/^\.\//, "")}`;
    // Python 3.9+ shows the script's absolute path in messages and tracebacks; older ones the path as given.
    const shown = env.major === 3 && Number(env.minor.split(".")[1]) >= 9 ? path : first;
    let code: string;
    try {
      code = await ctx.fs.readFile(path);
    } catch {
      ctx.stderr(`${ctx.argv[0]}: can't open file '${shown}': [Errno 2] No such file or directory\n`);
      return 2;
    }
    const syntax = fStringBefore36(env, code, shown);
    if (syntax) {
      ctx.stderr(syntax);
      return 1;
    }
    const missing = await missingImport(ctx, env, code, shown);
    if (missing) {
      out.flush();
      ctx.stderr(missing);
      return 1;
    }
    if (isFlaskScript(code)) return runFlask(ctx, env, code, path, out.write);
    const body = code.replace(/^\s*(import|from)\s.*$/gm, "").replace(/^if __name__ == ['"]__main__['"]:\s*$/m, "");
    const status = runCode(ctx, env, body.split("\n").map((l) => l.replace(/^ {4}/, "")).join("\n"), shown, out.write);
    out.flush();
    return status;
  };
}

/** Where pip itself is installed (`pip --version` says). */
const pipHome = (env: PythonEnv) =>
  env.venv ? `${env.venv}/lib/python${env.minor}/site-packages/pip` : env.image ? `/usr/local/lib/python${env.minor}/site-packages/pip` : env.alpine ? `/usr/lib/python${env.minor}/site-packages/pip` : env.major === 2 ? "/usr/lib/python2.7/dist-packages" : "/usr/lib/python3/dist-packages/pip";

/** pip for an interpreter (see pythonProgram). */
export function pipProgram(fixed?: { python: string; pip: string }): Program {
  return async (ctx) => {
    const env = await pythonEnv(ctx, fixed);
    const args = ctx.argv.slice(1).filter((a) => a !== "--no-cache-dir" && a !== "--disable-pip-version-check" && a !== "-q");
    const quietAll = ctx.argv.includes("-q");
    const [command, ...rest] = args;
    if (command === "--version" || command === "-V") {
      ctx.stdout(`pip ${env.pip} from ${pipHome(env)} (python ${env.minor})\n`);
      return 0;
    }
    if (command === "install") return pipInstall(ctx, env, [...rest, ...(quietAll ? ["-q"] : []), ...(ctx.argv.includes("--disable-pip-version-check") ? ["--disable-pip-version-check"] : [])]);
    if (command === "list" || command === "freeze") {
      const found: [string, string][] = [["pip", env.pip]];
      for (const dir of env.searchPath) {
        for (const entry of await ctx.fs.readdir(dir).catch(() => [] as string[])) {
          const m = /^(.+)-([^-]+)\.dist-info$/.exec(entry);
          if (m && !found.some(([n]) => n.toLowerCase() === m[1]!.toLowerCase())) found.push([m[1]!, m[2]!]);
        }
      }
      found.sort(([a], [b]) => a.toLowerCase().localeCompare(b.toLowerCase()));
      if (command === "freeze") ctx.stdout(found.filter(([n]) => n !== "pip").map(([n, v]) => `${n}==${v}\n`).join(""));
      else {
        const width = Math.max(7, ...found.map(([n]) => n.length));
        const vwidth = Math.max(7, ...found.map(([, v]) => v.length));
        ctx.stdout(`${"Package".padEnd(width)} Version\n${"-".repeat(width)} ${"-".repeat(vwidth)}\n${found.map(([n, v]) => `${n.padEnd(width)} ${v}\n`).join("")}`);
      }
      return 0;
    }
    ctx.stdout(`\nUsage:   \n  pip <command> [options]\n\nCommands:\n  install                     Install packages.\n  list                        List installed packages.\n  freeze                      Output installed packages in requirements format.\n`);
    return command === undefined ? 0 : 1;
  };
}

/** pip's `flask` console script, for an interpreter (see pythonProgram). */
export function flaskCliProgram(fixed?: { python: string; pip: string }): Program {
  return async (ctx) => {
    const env = await pythonEnv(ctx, fixed);
    const out = pythonStdout(ctx, false);
    return flaskCommand(ctx, env, out.write);
  };
}

export const python = pythonProgram();
export const pip = pipProgram();
export const flaskCli = flaskCliProgram();

/** Models for the pythons and pips distributions install (`python-3.12.3`, `pip-24.0-3.12.3`). */
export function systemPythonPrograms(): Record<string, Program> {
  const pythons = new Set(["2.7.12", "2.7.17", ...Object.values(PYTHON3), ...Object.values(ALPINE_PYTHON)]);
  const pips = new Set(["8.1.1", "9.0.1", ...Object.values(DISTRO_PIP), ...Object.values(ALPINE_PIP), "20.0.2", "22.0.2", "23.0.1", "24.0", "25.1.1"]);
  const out: Record<string, Program> = {};
  for (const version of pythons) {
    const defaultPip = version.startsWith("2.") ? "8.1.1" : (Object.entries(PYTHON3).find(([, v]) => v === version)?.[0] as keyof typeof DISTRO_PIP | undefined);
    const pipFor = defaultPip && defaultPip in DISTRO_PIP ? DISTRO_PIP[defaultPip as keyof typeof DISTRO_PIP] : (defaultPip ?? "24.0");
    out[`python-${version}`] = pythonProgram({ python: version, pip: pipFor });
    out[`flask-cli-${version}`] = flaskCliProgram({ python: version, pip: pipFor });
    for (const p of pips) out[`pip-${p}-${version}`] = pipProgram({ python: version, pip: p });
  }
  return out;
}
