/** A service's `env_file` and `environment`: the files read, then the inline values over them. */
import { ComposeError } from "../errors.ts";
import { readDotEnv } from "../dotenv.ts";
import { isPlainObject } from "../interpolate.ts";
import { resolve } from "../path.ts";
import { expandHome, sortKeys, toStringMap, type Dict, type NormalizeContext } from "./values.ts";

async function loadEnvFiles(service: string, v: unknown, ctx: NormalizeContext): Promise<Record<string, string>> {
  const entries = v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
  const out: Record<string, string> = {};
  for (const e of entries) {
    const spec = typeof e === "string" ? { path: e, required: true } : isPlainObject(e) ? e : undefined;
    if (!spec || typeof spec["path"] !== "string") continue;
    const file = resolve(ctx.workingDir, expandHome(spec["path"], ctx.environment, ctx.host));
    const required = spec["required"] !== false;
    if (!(await ctx.host.exists(file))) {
      if (!required) continue;
      throw new ComposeError("file", `env file ${file} not found: stat ${file}: no such file or directory`, { file });
    }
    let text: string;
    try {
      text = await ctx.host.readFile(file);
    } catch {
      throw new ComposeError("file", `failed to read ${file}`, { file });
    }
    const vars = readDotEnv(text, (k) => ctx.environment[k], file);
    for (const [k, val] of vars) out[k] = val;
  }
  void service;
  return out;
}

/** env_file's variables, then `environment` over them, a null value taken from the project environment; undefined when the service sets neither. */
export async function normalizeEnvironment(service: string, s: Dict, ctx: NormalizeContext): Promise<Record<string, string | null> | undefined> {
  const fromFiles = await loadEnvFiles(service, s["env_file"], ctx);
  if (Object.keys(fromFiles).length === 0 && !("environment" in s)) return undefined;
  const env: Record<string, string | null> = { ...fromFiles, ...toStringMap(s["environment"]) };
  for (const [k, v] of Object.entries(env)) {
    if (v === null && ctx.environment[k] !== undefined) env[k] = ctx.environment[k]!;
  }
  return sortKeys(env);
}
