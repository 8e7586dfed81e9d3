/**
 * Which Python is running and where its packages live: the python images' own build in /usr/local,
 * a distribution's python (apt, apk), or a virtual environment made with `python3 -m venv`.
 */
import type { ProcessContext } from "../../engine/process.ts";
import { normalizeName } from "../packages/pypi.ts";

export interface PythonEnv {
  version: string;
  minor: string;
  major: 2 | 3;
  /** The python images' build (/usr/local), not a distribution's. */
  image: boolean;
  alpine: boolean;
  /** Where `pip install` puts packages. */
  installSite: string;
  /** Where `import` looks, in order. */
  searchPath: string[];
  /** Where console scripts go. */
  binDir: string;
  /** The interpreter's path, for shebangs and messages. */
  executable: string;
  /** pip's version here. */
  pip: string;
  /** The venv directory, when inside one. */
  venv?: string;
  /** The PEP 668 marker's path, when the distribution refuses pip installs. */
  externallyManaged?: string;
}

const minorOf = (version: string) => version.split(".").slice(0, 2).join(".");
/** The pip each python image's ensurepip bundles (the images no longer upgrade it). */
export const imagePip = (minor: string) => (minor === "3.12" ? "25.0.1" : "25.2");
/** The newest pip on PyPI, and the newest that still runs on Python 2 and 3.5. */
export const LATEST_PIP = "25.3";
export const LATEST_LEGACY_PIP = "20.3.4";

/** The file argv[0] names, found on PATH as the shell found it. */
async function invokedPath(ctx: ProcessContext): Promise<string | undefined> {
  const name = ctx.argv[0] ?? "";
  if (name.includes("/")) return name.startsWith("/") ? name : `${ctx.cwd.replace(/\/$/, "")}/${name}`;
  for (const dir of (ctx.env["PATH"] ?? "").split(":").filter(Boolean)) {
    if (await ctx.fs.exists(`${dir}/${name}`)) return `${dir}/${name}`;
  }
  return undefined;
}

/**
 * The environment of this process. `fixed` is the version a distribution's python names in its
 * executable (`python-3.12.3`); the images' python takes PYTHON_VERSION from its environment.
 */
export async function pythonEnv(ctx: ProcessContext, fixed?: { python: string; pip?: string }): Promise<PythonEnv> {
  const version = fixed?.python ?? ctx.env["PYTHON_VERSION"] ?? "3.13.9";
  const minor = minorOf(version);
  const major = version.startsWith("2.") ? 2 : 3;
  const alpine = !fixed ? false : await ctx.fs.exists("/etc/alpine-release");
  const home = ctx.env["HOME"] ?? "/root";
  const user = `${home}/.local/lib/python${minor}/site-packages`;
  const invoked = await invokedPath(ctx);
  const binDir = invoked ? invoked.slice(0, invoked.lastIndexOf("/")) : "/usr/bin";
  const venvRoot = binDir.slice(0, binDir.lastIndexOf("/")) || "/";
  if (invoked && (await ctx.fs.exists(`${venvRoot}/pyvenv.cfg`))) {
    const site = `${venvRoot}/lib/python${minor}/site-packages`;
    return { version, minor, major, image: !fixed, alpine, installSite: site, searchPath: [site], binDir, executable: `${binDir}/python`, pip: fixed ? venvPip(minor) : imagePip(minor), venv: venvRoot };
  }
  if (!fixed) {
    const site = `/usr/local/lib/python${minor}/site-packages`;
    return { version, minor, major, image: true, alpine, installSite: site, searchPath: [user, site], binDir: "/usr/local/bin", executable: `/usr/local/bin/python${minor}`, pip: imagePip(minor) };
  }
  const marker = `/usr/lib/python${minor}/EXTERNALLY-MANAGED`;
  const externallyManaged = (await ctx.fs.exists(marker)) ? marker : undefined;
  const pip = fixed.pip ?? "";
  if (alpine) {
    const site = `/usr/lib/python${minor}/site-packages`;
    return { version, minor, major, image: false, alpine, installSite: site, searchPath: [user, site], binDir: "/usr/bin", executable: `/usr/bin/python${minor}`, pip, ...(externallyManaged ? { externallyManaged } : {}) };
  }
  const local = `/usr/local/lib/python${minor}/dist-packages`;
  const system = major === 2 ? "/usr/lib/python2.7/dist-packages" : "/usr/lib/python3/dist-packages";
  return { version, minor, major, image: false, alpine, installSite: local, searchPath: [user, local, system], binDir: "/usr/local/bin", executable: `/usr/bin/python${minor}`, pip, ...(externallyManaged ? { externallyManaged } : {}) };
}

/** The pip that `python3 -m venv` seeds from the interpreter's bundled wheel. */
const venvPip = (minor: string) => ({ "3.5": "8.1.1", "3.6": "9.0.1", "3.8": "20.0.2", "3.10": "22.0.2", "3.11": "23.0.1", "3.12": "24.0", "3.13": "25.1.1" } as Record<string, string>)[minor] ?? "24.0";

/** Whether a module can be imported: the standard library, or a package installed on the search path. */
export async function importable(ctx: ProcessContext, env: PythonEnv, module: string): Promise<boolean> {
  const top = module.split(".")[0]!;
  if (STDLIB.has(top)) return true;
  for (const dir of env.searchPath) {
    if ((await ctx.fs.exists(`${dir}/${top}/__init__.py`)) || (await ctx.fs.exists(`${dir}/${top}.py`))) return true;
  }
  return false;
}

/** The installed distribution (name, version) that provides an import name, if any. */
export async function installedDistribution(ctx: ProcessContext, env: PythonEnv, project: string): Promise<{ dir: string; version: string } | undefined> {
  const key = normalizeName(project);
  for (const dir of env.searchPath) {
    const entries = await ctx.fs.readdir(dir).catch(() => [] as string[]);
    for (const entry of entries) {
      const match = /^(.+)-([^-]+)\.dist-info$/.exec(entry);
      if (match && normalizeName(match[1]!) === key) return { dir, version: match[2]! };
    }
  }
  return undefined;
}

const STDLIB = new Set(
  "__future__ abc argparse array ast asyncio base64 binascii bisect builtins bz2 calendar cgi cmath codecs collections colorsys concurrent configparser contextlib copy csv ctypes dataclasses datetime decimal difflib dis email encodings enum errno fnmatch fractions functools gc getopt getpass gettext glob gzip hashlib heapq hmac html http importlib inspect io ipaddress itertools json keyword locale logging lzma math mimetypes multiprocessing numbers operator os pathlib pickle platform pprint queue random re sched secrets select shlex shutil signal site socket socketserver sqlite3 ssl stat statistics string struct subprocess sys sysconfig tarfile tempfile textwrap threading time timeit tkinter token tokenize traceback types typing unicodedata unittest urllib uuid venv warnings weakref wsgiref xml zipfile zlib zoneinfo urllib2 urlparse httplib BaseHTTPServer SimpleHTTPServer ConfigParser Queue StringIO cPickle".split(" "),
);
