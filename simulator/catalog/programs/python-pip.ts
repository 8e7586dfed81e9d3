/**
 * pip install: resolves requirements against the simulated PyPI, prints what the running pip's
 * version prints (pip 8's older style on Python 2), and unpacks wheels into site-packages.
 */
import type { ProcessContext } from "../../engine/process.ts";
import { payload } from "../packages/files.ts";
import { findProject, normalizeName, type PyProject, type PyRelease } from "../packages/pypi.ts";
import { installedDistribution, LATEST_LEGACY_PIP, LATEST_PIP, type PythonEnv } from "./python-env.ts";

/** A version as a tuple, for comparing pips. */
const at = (version: string, than: string) => {
  const a = version.split(".").map(Number);
  const b = than.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
};

interface Requirement {
  text: string;
  name: string;
  /** `==` pin, if any. */
  pin?: string;
  /** `(from -r requirements.txt (line 1))` */
  from: string;
  /** The chain that asked for it (`flask->-r requirements.txt (line 1)`). */
  parent?: string;
}

interface Options {
  requirements: Requirement[];
  files: string[];
  user: boolean;
  breakSystem: boolean;
  quiet: boolean;
  upgrade: boolean;
  rootIgnore: boolean;
  noVersionCheck: boolean;
}

function parseRequirement(text: string, from: string): Requirement {
  const clean = text.replace(/\s*[;#].*$/, "").trim();
  const name = /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(clean)?.[0] ?? clean;
  const pin = /==\s*([\w.+-]+)/.exec(clean)?.[1];
  return { text: clean.replace(/\s+/g, ""), name, ...(pin ? { pin } : {}), from };
}

async function readRequirements(ctx: ProcessContext, file: string, into: Requirement[], legacy: boolean): Promise<string | undefined> {
  const path = file.startsWith("/") ? file : `${ctx.cwd.replace(/\/$/, "")}/${file}`;
  let text: string;
  try {
    text = await ctx.fs.readFile(path);
  } catch {
    return `${legacy ? "" : "ERROR: "}Could not open requirements file: [Errno 2] No such file or directory: '${file}'`;
  }
  for (const [i, raw] of text.split("\n").entries()) {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    if (!line) continue;
    const nested = /^(?:-r|--requirement)\s*=?\s*(\S+)$/.exec(line);
    if (nested) {
      const error = await readRequirements(ctx, nested[1]!, into, legacy);
      if (error) return error;
      continue;
    }
    if (line.startsWith("-")) continue; // --index-url, --extra-index-url, -e ...
    into.push(parseRequirement(line, `-r ${file} (line ${i + 1})`));
  }
  return undefined;
}

const wheelName = (env: PythonEnv, name: string, release: PyRelease) => {
  if (release.tag !== "cp") return `${name}-${release.version}-${env.major === 2 ? "py2.py3" : "py3"}-none-any.whl`;
  const py = env.minor.replace(".", "");
  if (env.major === 2) return `${name}-${release.version}-cp27-cp27mu-manylinux1_x86_64.whl`;
  return `${name}-${release.version}-cp${py}-cp${py}-${env.alpine ? "musllinux_1_2_x86_64" : "manylinux2014_x86_64.manylinux_2_17_x86_64.manylinux_2_28_x86_64"}.whl`;
};

const kb = (value: number, legacy: boolean) => (legacy ? `${Math.round(value)}kB` : value < 10 ? `${value.toFixed(1)} kB` : `${Math.round(value)} kB`);

/** The PEP 668 refusal, with the distribution's own text from its EXTERNALLY-MANAGED file. */
async function externallyManaged(ctx: ProcessContext, env: PythonEnv): Promise<string> {
  const text = await ctx.fs.readFile(env.externallyManaged!).catch(() => "");
  const lines = (/^Error=(.*(?:\n .*)*)/m.exec(text)?.[1] ?? "").split("\n").map((l, i) => (i === 0 ? l : l.replace(/^ /, "")));
  const body = lines.map((l, i) => (i === 0 ? `╰─> ${l}` : l ? `    ${l}` : "    ")).join("\n");
  return `error: externally-managed-environment\n\n× This environment is externally managed\n${body.replace(/\n+$/, "")}\n\nnote: If you believe this is a mistake, please contact your Python installation or OS distribution provider. You can override this, at the risk of breaking your Python installation or OS, by passing --break-system-packages.\nhint: See PEP 668 for the detailed specification.\n`;
}

/** `pip install ...` for the environment `env`. */
export async function pipInstall(ctx: ProcessContext, env: PythonEnv, args: string[]): Promise<number> {
  const legacy = !at(env.pip, "10.0");
  const options: Options = { requirements: [], files: [], user: false, breakSystem: ctx.env["PIP_BREAK_SYSTEM_PACKAGES"] === "1", quiet: false, upgrade: false, rootIgnore: ctx.env["PIP_ROOT_USER_ACTION"] === "ignore", noVersionCheck: ["1", "true", "yes"].includes(ctx.env["PIP_DISABLE_PIP_VERSION_CHECK"] ?? "") };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "-r" || arg === "--requirement") options.files.push(args[++i] ?? "");
    else if (arg.startsWith("-r") && arg.length > 2) options.files.push(arg.slice(2));
    else if (arg.startsWith("--requirement=")) options.files.push(arg.slice(14));
    else if (arg === "--user") options.user = true;
    else if (arg === "--break-system-packages") options.breakSystem = true;
    else if (arg === "-q" || arg === "--quiet" || arg === "-qq") options.quiet = true;
    else if (arg === "-U" || arg === "--upgrade") options.upgrade = true;
    else if (arg === "--root-user-action=ignore") options.rootIgnore = true;
    else if (arg === "--root-user-action") options.rootIgnore = args[++i] === "ignore";
    else if (arg === "--disable-pip-version-check") options.noVersionCheck = true;
    else if (["-i", "--index-url", "--extra-index-url", "--trusted-host", "-c", "--constraint", "-t", "--target", "--prefix", "--cache-dir"].includes(arg)) i++;
    else if (arg.startsWith("-")) continue; // --no-cache-dir, --no-deps, --pre, --index-url=...
    else options.requirements.push(parseRequirement(arg, ""));
  }
  for (const file of options.files) {
    const error = await readRequirements(ctx, file, options.requirements, legacy);
    if (error) {
      ctx.stderr(`${error}\n`);
      return 1;
    }
  }
  if (options.requirements.length === 0) {
    ctx.stderr(legacy ? "You must give at least one requirement to install (see \"pip help install\")\n" : "ERROR: You must give at least one requirement to install (see \"pip help install\")\n");
    return 1;
  }
  if (env.externallyManaged && !env.venv && !options.breakSystem && at(env.pip, "23.0")) {
    ctx.stderr(await externallyManaged(ctx, env));
    return 1;
  }
  const site = options.user ? `${ctx.env["HOME"] ?? "/root"}/.local/lib/python${env.minor}/site-packages` : env.installSite;
  const bin = options.user ? `${ctx.env["HOME"] ?? "/root"}/.local/bin` : env.binDir;
  const py2 = env.major === 2;
  const modernFrom = at(env.pip, "23.1") || legacy;
  const metadataFirst = at(env.pip, "23.3");
  let out = "";
  const fetched: { name: string; release: PyRelease; project: PyProject }[] = [];
  const order: { name: string; release: PyRelease; project: PyProject }[] = [];
  const seen = new Set<string>();
  const resolve = async (req: Requirement): Promise<string | undefined> => {
    const key = normalizeName(req.name);
    if (seen.has(key)) return undefined;
    seen.add(key);
    const project = findProject(req.name);
    const fromText = modernFrom && (req.parent || req.from) ? ` (from ${req.parent ?? req.from})` : "";
    const present = project ? await installedDistribution(ctx, { ...env, searchPath: [site, ...env.searchPath] }, req.name) : undefined;
    if (present && !options.upgrade) {
      out += legacy ? `Requirement already satisfied (use --upgrade to upgrade): ${req.text} in ${present.dir}${fromText}\n` : `Requirement already satisfied: ${req.text} in ${present.dir}${fromText} (${present.version})\n`;
      return undefined;
    }
    out += `Collecting ${req.text}${fromText}\n`;
    const release = project ? (py2 ? project.py2 : project.py3) : undefined;
    if (!project || !release) {
      const versions = legacy ? "(from versions: )" : "(from versions: none)";
      return legacy ? `  Could not find a version that satisfies the requirement ${req.text} ${versions}\nNo matching distribution found for ${req.text}\n` : `ERROR: Could not find a version that satisfies the requirement ${req.text} ${versions}\nERROR: No matching distribution found for ${req.text}\n`;
    }
    const chosen = req.pin ? { ...release, version: req.pin } : release;
    const name = py2 ? (project.names.py2 ?? project.names.py3) : project.names.py3;
    const file = wheelName(env, name, chosen);
    if (metadataFirst) out += `  Downloading ${file}.metadata (${kb(Math.max(1.2, chosen.kb / 30), false)})\n`;
    else out += `  Downloading ${file}${legacy && chosen.kb < 20 ? "" : ` (${kb(chosen.kb, legacy)})`}\n`;
    const entry = { name, release: chosen, project };
    fetched.push(entry);
    for (const dep of chosen.requires) {
      const error = await resolve({ ...parseRequirement(dep, ""), parent: `${req.text}->${req.parent ?? req.from}`.replace(/->$/, "") });
      if (error) return error;
    }
    order.push(entry);
    return undefined;
  };
  for (const req of options.requirements) {
    const error = await resolve(req);
    if (error) {
      if (!options.quiet) ctx.stdout(out);
      ctx.stderr(error);
      return 1;
    }
  }
  if (metadataFirst) for (const f of fetched) out += `Downloading ${wheelName(env, f.name, f.release)} (${kb(f.release.kb, false)})\n`;
  if (order.length > 0) {
    out += `Installing collected packages: ${order.map((o) => o.name).join(", ")}\n`;
    for (const o of order) await installWheel(ctx, env, site, bin, o.name, o.release, o.project);
    const sorted = order.map((o) => `${o.name}-${o.release.version}`).sort();
    out += `Successfully installed ${sorted.join(" ")}\n`;
  }
  if (!options.quiet) ctx.stdout(out);
  let warnings = "";
  if (legacy) {
    if (!options.noVersionCheck) warnings += `You are using pip version ${env.pip}, however version ${LATEST_LEGACY_PIP} is available.\nYou should consider upgrading via the 'pip install --upgrade pip' command.\n`;
  } else {
    if (!env.venv && !options.user && !options.rootIgnore && at(env.pip, "21.1") && order.length > 0) {
      warnings += at(env.pip, "22.1")
        ? "WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager, possibly rendering your system unusable. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv. Use the --root-user-action option if you want to suppress this warning.\n"
        : "WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv\n";
    }
    // Distributions patch pip's self-check out; the python images' pip runs it.
    if (env.image && !options.noVersionCheck && env.pip !== LATEST_PIP) warnings += `\n[notice] A new release of pip is available: ${env.pip} -> ${LATEST_PIP}\n[notice] To update, run: pip install --upgrade pip\n`;
  }
  if (warnings) ctx.stderr(warnings);
  return 0;
}

/** Unpack a wheel: the import packages, the .dist-info, console scripts. */
async function installWheel(ctx: ProcessContext, env: PythonEnv, site: string, bin: string, name: string, release: PyRelease, project: PyProject): Promise<void> {
  for (const module of project.modules) {
    const dir = `${site}/${module}`;
    await ctx.fs.mkdir(dir, { recursive: true });
    await ctx.fs.writeFile(`${dir}/__init__.py`, `# ${name} ${release.version}\n__version__ = "${release.version}"\n`);
    for (const [path, bytes] of Object.entries(payload(dir, "_modules.py", release.kb * 2500))) await ctx.fs.writeFile(path, bytes);
  }
  const info = `${site}/${name.replace(/-/g, "_")}-${release.version}.dist-info`;
  await ctx.fs.mkdir(info, { recursive: true });
  await ctx.fs.writeFile(`${info}/METADATA`, `Metadata-Version: 2.1\nName: ${name}\nVersion: ${release.version}\n${release.requires.map((r) => `Requires-Dist: ${r}\n`).join("")}`);
  await ctx.fs.writeFile(`${info}/INSTALLER`, "pip\n");
  await ctx.fs.writeFile(`${info}/RECORD`, project.modules.map((m) => `${m}/__init__.py,,\n`).join(""));
  for (const script of project.scripts ?? []) {
    await ctx.fs.mkdir(bin, { recursive: true });
    const module = project.modules[0]!;
    const model = script === "flask" ? (env.image ? "flask-cli" : `flask-cli-${env.version}`) : undefined;
    await ctx.fs.writeFile(`${bin}/${script}`, `#!${env.venv ? `${env.venv}/bin/python` : env.executable}\n# -*- coding: utf-8 -*-\n${model ? `# Dockyard program: ${model}\n` : ""}import re\nimport sys\nfrom ${module}.cli import main\nif __name__ == "__main__":\n    sys.argv[0] = re.sub(r"(-script\\.pyw|\\.exe)?$", "", sys.argv[0])\n    sys.exit(main())\n`);
    await ctx.fs.chmod(`${bin}/${script}`, 0o755);
  }
}
