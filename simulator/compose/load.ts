// Loading a compose project as `docker compose` (v5) does: find the files, read .env,
// parse, interpolate, merge, validate, name the project, normalise, check dependencies.
import { dependencyGraph, checkCycles } from "./deps.ts";
import { readDotEnv } from "./dotenv.ts";
import { ComposeError } from "./errors.ts";
import { interpolateConfig, isPlainObject, substitute, interpolationError } from "./interpolate.ts";
import { mergeDocuments, mergeServices } from "./merge.ts";
import type { ComposeHost, Project } from "./model.ts";
import { normalizeProject } from "./normalize.ts";
import { basename, dirname, isAbsolute, resolve } from "./path.ts";
import { validateSchema } from "./schema.ts";
import { cloneDoc, stripTags } from "./tags.ts";
import { parseComposeYaml } from "./yaml.ts";

type Dict = Record<string, unknown>;

/** The file names `docker compose` looks for, in order. */
export const DEFAULT_FILE_NAMES = ["compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"] as const;
/** Override files merged automatically after the default file. */
export const DEFAULT_OVERRIDE_FILE_NAMES = [
  "compose.override.yml",
  "compose.override.yaml",
  "docker-compose.override.yml",
  "docker-compose.override.yaml",
] as const;

/** The options of `docker compose` that affect loading. */
export interface LoadOptions {
  /** `-f`: compose files, merged in order (relative to the host's cwd). */
  files?: string[];
  /** `-p`: the project name. */
  projectName?: string;
  /** `--project-directory`: the project's working directory. */
  projectDirectory?: string;
  /** `--env-file`: env files read instead of `<project dir>/.env`. */
  envFiles?: string[];
}

/** Normalise a project name as compose-go does: lowercase, keep [a-z0-9_-], no leading `_` or `-`. */
export function normalizeProjectName(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, "")
    .replace(/^[_-]+/, "");
}

function invalidProjectName(v: string): ComposeError {
  return new ComposeError(
    "project",
    `invalid project name ${JSON.stringify(v)}: must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number`,
  );
}

/** The warning `docker compose` prints for a top-level `version:`. */
export function obsoleteVersionWarning(file: string): string {
  return `${file}: the attribute \`version\` is obsolete, it will be ignored, please remove it to avoid potential confusion`;
}

/** Find the compose files: `-f`, else COMPOSE_FILE, else the first default name found from cwd upwards (plus its override file). */
export async function findComposeFiles(host: ComposeHost, opts: LoadOptions = {}, warn: (m: string) => void = () => {}): Promise<string[]> {
  const explicit = opts.files && opts.files.length > 0 ? opts.files : undefined;
  const fromEnv = host.env["COMPOSE_FILE"];
  const listed = explicit ?? (fromEnv ? fromEnv.split(host.env["COMPOSE_PATH_SEPARATOR"] ?? ":").filter((f) => f !== "") : undefined);
  const base = opts.projectDirectory ? resolve(host.cwd, opts.projectDirectory) : host.cwd;
  if (listed) {
    const files = listed.map((f) => resolve(explicit ? host.cwd : base, f));
    for (const f of files) {
      if (!(await host.exists(f))) {
        throw new ComposeError("file", `open ${f}: no such file or directory`, { file: f });
      }
    }
    return files;
  }
  let dir = base;
  for (;;) {
    const found: string[] = [];
    for (const name of DEFAULT_FILE_NAMES) {
      const f = resolve(dir, name);
      if (await host.exists(f)) found.push(f);
    }
    if (found.length > 0) {
      const winner = found[0]!;
      if (found.length > 1) {
        warn(`Found multiple config files with supported names: ${found.join(", ")}`);
        warn(`Using ${winner}`);
      }
      const overrides: string[] = [];
      for (const name of DEFAULT_OVERRIDE_FILE_NAMES) {
        const f = resolve(dir, name);
        if (await host.exists(f)) overrides.push(f);
      }
      if (overrides.length > 1) {
        warn(`Found multiple override files with supported names: ${overrides.join(", ")}`);
        warn(`Using ${overrides[0]}`);
      }
      return overrides.length > 0 ? [winner, overrides[0]!] : [winner];
    }
    if (dir === "/") break;
    dir = dirname(dir);
  }
  throw new ComposeError("file", "no configuration file provided: not found");
}

/**
 * The interpolation environment: `<project dir>/.env` (or `--env-file`s) overlaid with
 * the OS environment, which wins, as in compose.
 */
export async function loadEnvironment(host: ComposeHost, workingDir: string, envFiles?: string[]): Promise<Record<string, string>> {
  const os: Record<string, string> = {};
  for (const [k, v] of Object.entries(host.env)) if (v !== undefined) os[k] = v;
  const files = envFiles && envFiles.length > 0 ? envFiles.map((f) => resolve(host.cwd, f)) : [resolve(workingDir, ".env")];
  const fromFiles: Record<string, string> = {};
  for (const f of files) {
    if (!(await host.exists(f))) {
      if (envFiles && envFiles.length > 0) throw new ComposeError("file", `couldn't find env file: ${f}`, { file: f });
      continue;
    }
    let text: string;
    try {
      text = await host.readFile(f);
    } catch {
      continue; // e.g. .env is a folder
    }
    const vars = readDotEnv(text, (k) => os[k] ?? fromFiles[k], f);
    for (const [k, v] of vars) fromFiles[k] = v;
  }
  return { ...fromFiles, ...os };
}

const SECTIONS = ["services", "networks", "volumes", "secrets", "configs"] as const;

/** compose-go's structural checks that come before the schema (non-mapping sections and entries). */
function checkMappings(doc: Dict, file: string): void {
  for (const section of SECTIONS) {
    const v = doc[section];
    if (v === undefined || v === null) continue;
    if (!isPlainObject(v)) throw new ComposeError("schema", `validating ${file}: ${section} must be a mapping`, { file });
    for (const [name, entry] of Object.entries(v)) {
      if (entry === null) continue; // an empty service is {} for compose-go too
      if (!isPlainObject(entry)) {
        throw new ComposeError("schema", `validating ${file}: ${section}.${name} must be a mapping`, { file });
      }
    }
  }
}

interface FileContext {
  host: ComposeHost;
  environment: Record<string, string>;
  warn: (m: string) => void;
  /** Parsed and interpolated documents per file (for extends and include). */
  cache: Map<string, Dict>;
}

async function readComposeFile(path: string, ctx: FileContext): Promise<unknown[]> {
  let text: string;
  try {
    text = await ctx.host.readFile(path);
  } catch {
    throw new ComposeError("file", `open ${path}: no such file or directory`, { file: path });
  }
  return parseComposeYaml(text, path);
}

/** Parse, check and interpolate every document of a file, merged into one mapping. */
async function loadFileDocument(path: string, ctx: FileContext): Promise<Dict | undefined> {
  const cached = ctx.cache.get(path);
  if (cached) return cached;
  const docs = await readComposeFile(path, ctx);
  let merged: Dict | undefined;
  for (const raw of docs) {
    if (raw === null || raw === undefined) continue;
    if (!isPlainObject(raw)) throw new ComposeError("schema", "top-level object must be a mapping", { file: path });
    checkMappings(raw, path);
    const doc = interpolateConfig(raw, (k) => ctx.environment[k], ctx.warn) as Dict;
    merged = merged ? mergeDocuments(merged, doc) : doc;
  }
  if (merged) ctx.cache.set(path, merged);
  return merged;
}

/** Make the relative paths of a service from another folder absolute (extends / include). */
function rebaseService(svc: Dict, fromDir: string): Dict {
  const out: Dict = { ...svc };
  const b = out["build"];
  if (typeof b === "string") out["build"] = resolve(fromDir, b);
  else if (isPlainObject(b)) out["build"] = { ...b, context: resolve(fromDir, typeof b["context"] === "string" ? b["context"] : ".") };
  const ef = out["env_file"];
  const rebaseEnv = (e: unknown): unknown =>
    typeof e === "string" ? resolve(fromDir, e) : isPlainObject(e) && typeof e["path"] === "string" ? { ...e, path: resolve(fromDir, e["path"]) } : e;
  if (ef !== undefined) out["env_file"] = Array.isArray(ef) ? ef.map(rebaseEnv) : rebaseEnv(ef);
  if (Array.isArray(out["volumes"])) {
    out["volumes"] = out["volumes"].map((v: unknown) => {
      if (typeof v === "string" && v.startsWith(".")) {
        const i = v.indexOf(":");
        return i < 0 ? v : resolve(fromDir, v.slice(0, i)) + v.slice(i);
      }
      if (isPlainObject(v) && v["type"] === "bind" && typeof v["source"] === "string" && !isAbsolute(v["source"]) && !v["source"].startsWith("~")) {
        return { ...v, source: resolve(fromDir, v["source"]) };
      }
      return v;
    });
  }
  return out;
}

async function resolveExtends(file: string, doc: Dict, ctx: FileContext, workingDir: string): Promise<void> {
  const services = doc["services"];
  if (!isPlainObject(services)) return;
  const resolved = new Map<string, Dict>();
  const resolveOne = async (svcFile: string, fileDoc: Dict, name: string, stack: string[]): Promise<Dict> => {
    const key = `${svcFile}#${name}`;
    const done = resolved.get(key);
    if (done) return done;
    if (stack.includes(key)) {
      throw new ComposeError("project", `Circular reference with extends: ${[...stack, key].map((k) => k.replace("#", ":")).join(" -> ")}`);
    }
    const svcs = fileDoc["services"];
    const found = isPlainObject(svcs) ? svcs[name] : undefined;
    const svc = found === null ? {} : found;
    if (!isPlainObject(svc)) throw new ComposeError("project", `cannot extend service "${name}" in ${svcFile}: service not found`);
    const ext = svc["extends"];
    if (ext === undefined || ext === null) return svc;
    const spec: Dict = typeof ext === "string" ? { service: ext } : isPlainObject(ext) ? ext : {};
    const baseName = String(spec["service"] ?? "");
    let baseFile = svcFile;
    let baseDoc = fileDoc;
    if (typeof spec["file"] === "string") {
      if (/^[a-z]+:/i.test(spec["file"]) && !spec["file"].startsWith("/")) {
        throw new ComposeError("file", `remote resources are not supported: ${spec["file"]}`);
      }
      baseFile = resolve(dirname(svcFile), spec["file"]);
      if (!(await ctx.host.exists(baseFile))) throw new ComposeError("file", `open ${baseFile}: no such file or directory`, { file: baseFile });
      const loaded = await loadFileDocument(baseFile, ctx);
      if (!loaded) throw new ComposeError("project", `cannot extend service "${baseName}" in ${baseFile}: service not found`);
      baseDoc = loaded;
    }
    let base = await resolveOne(baseFile, baseDoc, baseName, [...stack, key]);
    if (dirname(baseFile) !== dirname(svcFile)) base = rebaseService(base, dirname(baseFile));
    const { extends: _drop, ...local } = svc;
    const merged = mergeServices(base, local);
    resolved.set(key, merged);
    return merged;
  };
  const out: Dict = {};
  for (const name of Object.keys(services)) out[name] = await resolveOne(file, doc, name, []);
  doc["services"] = out;
  void workingDir;
}

async function applyInclude(file: string, doc: Dict, ctx: FileContext, chain: string[]): Promise<Dict> {
  const inc = doc["include"];
  if (inc === undefined || inc === null) return doc;
  const { include: _drop, ...rest } = doc;
  let result: Dict = rest;
  for (const entry of Array.isArray(inc) ? inc : []) {
    const paths = typeof entry === "string" ? [entry] : isPlainObject(entry) ? (Array.isArray(entry["path"]) ? entry["path"] : [entry["path"]]) : [];
    const projectDir = isPlainObject(entry) && typeof entry["project_directory"] === "string" ? resolve(dirname(file), entry["project_directory"]) : undefined;
    for (const p of paths) {
      if (typeof p !== "string") continue;
      const target = resolve(dirname(file), p);
      if (chain.includes(target)) {
        throw new ComposeError("project", `include cycle detected:\n${chain[0]}\n include ${[...chain.slice(1), target].join("\n include ")}`);
      }
      if (!(await ctx.host.exists(target))) throw new ComposeError("file", `open ${target}: no such file or directory`, { file: target });
      const loaded = await loadFileDocument(target, ctx);
      if (!loaded) continue;
      let included = await applyInclude(target, cloneDoc(loaded), ctx, [...chain, target]);
      await resolveExtends(target, included, ctx, dirname(target));
      if (isPlainObject(included["services"])) {
        const svcs: Dict = {};
        for (const [n, s] of Object.entries(included["services"])) svcs[n] = isPlainObject(s) ? rebaseService(s, projectDir ?? dirname(target)) : s;
        included = { ...included, services: svcs };
      }
      for (const section of SECTIONS) {
        const mine = result[section];
        const theirs = included[section];
        if (!isPlainObject(theirs)) continue;
        const merged: Dict = isPlainObject(mine) ? { ...mine } : {};
        for (const [n, v] of Object.entries(theirs)) {
          if (n in merged && JSON.stringify(merged[n]) !== JSON.stringify(v)) {
            throw new ComposeError("project", `${section}.${n} conflicts with imported resource`);
          }
          merged[n] = v;
        }
        result = { ...result, [section]: merged };
      }
    }
  }
  return result;
}

/**
 * Load a compose project as `docker compose config` would: returns the normalised
 * project, or throws a ComposeError with compose's message. Warnings (unset variables,
 * obsolete `version`) are returned in `project.warnings`.
 */
export async function loadProject(host: ComposeHost, opts: LoadOptions = {}): Promise<Project> {
  const warnings: string[] = [];
  const warn = (m: string): void => {
    if (!warnings.includes(m)) warnings.push(m);
  };
  const files = await findComposeFiles(host, opts, warn);
  const workingDir = opts.projectDirectory ? resolve(host.cwd, opts.projectDirectory) : dirname(files[0]!);
  const environment = await loadEnvironment(host, workingDir, opts.envFiles);

  // Project name: -p, then COMPOSE_PROJECT_NAME, then `name:` (last file wins), then the folder.
  let projectName: string;
  if (opts.projectName !== undefined && opts.projectName !== "") {
    if (normalizeProjectName(opts.projectName) !== opts.projectName) throw invalidProjectName(opts.projectName);
    projectName = opts.projectName;
  } else if (environment["COMPOSE_PROJECT_NAME"]) {
    const fromEnv = environment["COMPOSE_PROJECT_NAME"];
    if (normalizeProjectName(fromEnv) !== fromEnv) throw invalidProjectName(fromEnv);
    projectName = fromEnv;
  } else {
    let fromFile = "";
    for (const f of files) {
      let docs: unknown[];
      try {
        docs = await readComposeFile(f, { host, environment, warn, cache: new Map() });
      } catch {
        continue; // reported by the full load below
      }
      for (const d of docs) if (isPlainObject(d) && typeof d["name"] === "string" && d["name"] !== "") fromFile = d["name"];
    }
    if (fromFile !== "") {
      try {
        fromFile = substitute(fromFile, (k) => environment[k], warn);
      } catch (e) {
        throw interpolationError(["name"], e);
      }
    }
    fromFile = normalizeProjectName(fromFile);
    projectName = fromFile !== "" ? fromFile : normalizeProjectName(basename(workingDir));
  }
  environment["COMPOSE_PROJECT_NAME"] = projectName;

  const ctx: FileContext = { host, environment, warn, cache: new Map() };
  let dict: Dict = {};
  let any = false;
  for (const file of files) {
    const loaded = await loadFileDocument(file, ctx);
    if (!loaded) continue;
    any = true;
    let doc: Dict = cloneDoc(loaded);
    await resolveExtends(file, doc, ctx, workingDir);
    doc = await applyInclude(file, doc, ctx, [file]);
    dict = stripTags(mergeDocuments(dict, doc)) as Dict;
    if (isPlainObject(dict["services"])) {
      for (const [n, s] of Object.entries(dict["services"])) if (s === null) dict["services"][n] = {};
    }
    validateSchema(dict, file);
    if ("version" in dict) {
      warn(obsoleteVersionWarning(file));
      delete dict["version"];
    }
  }
  if (!any || Object.keys(dict).length === 0) throw new ComposeError("project", "empty compose file");
  if (projectName === "") throw new ComposeError("project", "project name must not be empty");

  const model = await normalizeProject(dict, { projectName, workingDir, environment, host, warn });
  checkCycles(dependencyGraph(model.services, warn));
  return { ...model, workingDir, composeFiles: files, environment, warnings };
}

/** Load from in-memory file contents (handy for the editor and tests): `files` maps absolute paths to text. */
export function memoryHost(files: Record<string, string>, cwd: string, env: Record<string, string | undefined> = {}): ComposeHost {
  const dirs = new Set<string>();
  for (const f of Object.keys(files)) {
    let d = dirname(f);
    for (;;) {
      dirs.add(d);
      if (d === "/") break;
      d = dirname(d);
    }
  }
  return {
    cwd,
    env,
    readFile: async (p) => {
      const text = files[p];
      if (text === undefined) throw new Error(`open ${p}: no such file or directory`);
      return text;
    },
    exists: async (p) => p in files || dirs.has(p),
  };
}
