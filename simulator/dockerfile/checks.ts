/**
 * Build checks: what `docker build --check` reports (BuildKit's lint rules),
 * as structured results for the CLI to print.
 */
import { suggestSearch } from "./bflags.ts";
import { RULES, type Rule, type RuleName } from "./check-rules.ts";
import { DockerfileParseError } from "./errors.ts";
import type { Instruction, Stage } from "./instruction-types.ts";
import { parseDockerfile } from "./instructions.ts";
import { processWordWithMatches, processWords, type ProcessResult } from "./shell-lex.ts";

export { RULES, type RuleName } from "./check-rules.ts";

export interface CheckWarning {
  rule: RuleName;
  description: string;
  url: string;
  /** The formatted message, e.g. `JSON arguments recommended for CMD to prevent ...`. */
  message: string;
  line: number;
  endLine: number;
}

export interface CheckOptions {
  /** Environment of a base image (`FROM name`), when the caller knows it; default PATH only. */
  baseImageEnv?: (image: string) => Record<string, string> | undefined;
  /** Whether a base image sets a SHELL (silences JSONArgsRecommended). */
  baseImageShell?: (image: string) => string[] | undefined;
  /** `--build-arg` values. */
  buildArgs?: Record<string, string>;
}

export interface CheckReport {
  warnings: CheckWarning[];
  /** Set when the Dockerfile does not parse: `docker build --check` reports it as an error. */
  error?: DockerfileParseError;
}

const DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
const PLATFORM_ARGS: Record<string, string> = {
  BUILDPLATFORM: "linux/amd64", BUILDOS: "linux", BUILDARCH: "amd64", BUILDVARIANT: "",
  TARGETPLATFORM: "linux/amd64", TARGETOS: "linux", TARGETARCH: "amd64", TARGETVARIANT: "",
};
const NON_ENV_ARGS = new Set(["BUILDKIT_SBOM_SCAN_CONTEXT", "BUILDKIT_SBOM_SCAN_STAGE"]);
const SECRET = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const SECRET_ALLOW = /(?:_|^)(?:public)(?:_|$)/i;
const REFERENCE =
  /^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[a-fA-F0-9:]+\])(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$/;

class Linter {
  readonly warnings: CheckWarning[] = [];
  run<A extends unknown[]>(rule: Rule<A>, line: number, endLine: number, ...args: A): void {
    this.warnings.push({
      rule: rule.name as RuleName,
      description: rule.description,
      url: rule.url,
      message: rule.format(...args),
      line,
      endLine,
    });
  }
}

type Env = Map<string, string>;

function expand(word: string, env: Env, escapeToken: string): ProcessResult | null {
  try {
    return processWordWithMatches(word, env, { escapeToken });
  } catch {
    return null;
  }
}

/** The words BuildKit expands for each instruction (those with a variable-expansion step). */
function expandedWords(ins: Instruction): string[] {
  switch (ins.kind) {
    case "env": return ins.env.flatMap((kv) => [kv.key, kv.value]);
    case "label": return ins.labels.flatMap((kv) => [kv.key, kv.value]);
    case "add":
    case "copy": {
      const w = [...ins.sources, ins.dest];
      if (ins.chown !== undefined) w.push(ins.chown);
      if (ins.chmod !== undefined) w.push(ins.chmod);
      return w;
    }
    case "workdir": return [ins.path];
    case "user": return [ins.user];
    case "expose": return ins.ports;
    case "volume": return ins.volumes;
    case "stopsignal": return [ins.signal];
    default: return [];
  }
}

const isSelfConsistent = (s: string): boolean => s === s.toLowerCase() || s === s.toUpperCase();

function checkCasing(stages: Stage[], lint: Linter): void {
  let lower = 0;
  let upper = 0;
  const all = stages.flatMap((s) => [s.from as Instruction, ...s.instructions]);
  for (const ins of all) {
    if (!isSelfConsistent(ins.keyword)) continue;
    if (ins.keyword === ins.keyword.toLowerCase()) lower++;
    else upper++;
  }
  const majorityLower = lower > upper;
  for (const ins of all) {
    const k = ins.keyword;
    const casing = majorityLower && k.toLowerCase() !== k ? "lowercase" : !majorityLower && k.toUpperCase() !== k ? "uppercase" : "";
    if (casing !== "") lint.run(RULES.ConsistentInstructionCasing, ins.line, ins.endLine, k, casing);
  }
}

function parsePortSpec(raw: string): { ip: string; hostPort: string; proto: string } {
  let rest = raw;
  let proto = "";
  const slash = rest.lastIndexOf("/");
  if (slash >= 0) {
    proto = rest.slice(slash + 1);
    rest = rest.slice(0, slash);
  }
  const parts = rest.split(":");
  if (parts.length === 1) return { ip: "", hostPort: "", proto };
  if (parts.length === 2) return { ip: "", hostPort: parts[0] ?? "", proto };
  return { ip: parts.slice(0, -2).join(":"), hostPort: parts[parts.length - 2] ?? "", proto };
}

interface StageState {
  env: Env;
  shell: boolean;
  workdirSet: boolean;
}

/** Run BuildKit's build checks over a Dockerfile's text. Never throws for bad input. */
export function checkDockerfile(text: string, opts: CheckOptions = {}): CheckReport {
  const lint = new Linter();
  let df;
  try {
    df = parseDockerfile(text);
  } catch (e) {
    if (e instanceof DockerfileParseError) return { warnings: [], error: e };
    throw e;
  }
  const esc = df.escapeToken;
  for (const w of df.warnings) lint.run(RULES.NoEmptyContinuation, w.line, w.line);

  for (const stage of df.stages) {
    const from = stage.from;
    if (stage.name !== undefined) {
      const written = from.original.trim().split(/[\t\v\f\r ]+/);
      const asName = written[written.length - 1] ?? "";
      if (asName !== asName.toLowerCase()) lint.run(RULES.StageNameCasing, from.line, from.endLine, asName);
      const asWord = written[written.length - 2] ?? "";
      const k = from.keyword;
      const fromLower = k === k.toLowerCase();
      const fromUpper = k === k.toUpperCase();
      if ((fromLower && asWord !== asWord.toLowerCase()) || (!fromLower && fromUpper && asWord !== asWord.toUpperCase())) {
        lint.run(RULES.FromAsCasing, from.line, from.endLine, k, asWord);
      }
    }
    for (const ins of stage.instructions) {
      if (ins.kind === "maintainer") lint.run(RULES.MaintainerDeprecated, ins.line, ins.endLine);
    }
  }

  const seen = new Set<string>();
  for (const stage of df.stages) {
    if (stage.name === undefined) continue;
    if (stage.name === "context" || stage.name === "scratch") {
      lint.run(RULES.ReservedStageName, stage.line, stage.from.endLine, stage.name);
    }
    if (seen.has(stage.name)) lint.run(RULES.DuplicateStageName, stage.line, stage.from.endLine, stage.name);
    seen.add(stage.name);
  }
  checkCasing(df.stages, lint);

  // Global ARGs: defaults first (InvalidDefaultArgInFrom), then with --build-arg values.
  const buildArgs = opts.buildArgs ?? {};
  const metaKeys = new Set<string>();
  const defaults: Env = new Map(Object.entries(PLATFORM_ARGS));
  const globals: Env = new Map(Object.entries(PLATFORM_ARGS));
  for (const cmd of df.metaArgs) {
    for (const a of cmd.args) {
      metaKeys.add(a.key);
      if (a.value !== undefined) {
        const d = expand(a.value, defaults, esc);
        if (d) defaults.set(a.key, d.result);
        const g = expand(a.value, globals, esc);
        if (g) globals.set(a.key, g.result);
      }
      const given = buildArgs[a.key];
      if (given !== undefined) globals.set(a.key, given);
    }
  }
  const fromKeys = [...new Set([...metaKeys, ...globals.keys()])];
  for (const stage of df.stages) {
    const d = expand(stage.baseName, defaults, esc);
    if (d && !REFERENCE.test(d.result)) lint.run(RULES.InvalidDefaultArgInFrom, stage.line, stage.from.endLine, stage.baseName);
    const g = expand(stage.baseName, globals, esc);
    for (const name of g?.unmatched ?? []) {
      if (fromKeys.includes(name)) continue;
      lint.run(RULES.UndefinedArgInFrom, stage.line, stage.from.endLine, name, suggestSearch(name, fromKeys, true).match);
    }
    if (stage.platform !== undefined) {
      const p = expand(stage.platform, globals, esc);
      if (p) {
        for (const name of p.unmatched) {
          if (fromKeys.includes(name)) continue;
          lint.run(RULES.UndefinedArgInFrom, stage.line, stage.from.endLine, name, suggestSearch(name, fromKeys, true).match);
        }
        if (p.matched.size === 1 && p.unmatched.size === 0 && p.matched.has("TARGETPLATFORM") && p.result === globals.get("TARGETPLATFORM")) {
          lint.run(RULES.RedundantTargetPlatform, stage.line, stage.from.endLine, stage.platform);
        }
        if (p.matched.size === 0 && p.unmatched.size === 0 && /^[a-z0-9_]+(\/[a-z0-9_]+){0,2}$/i.test(p.result)) {
          const [os = "", arch = ""] = p.result.split("/");
          const name = stage.name ?? "";
          if (!name.includes(os) && (arch === "" || !name.includes(arch))) {
            lint.run(RULES.FromPlatformFlagConstDisallowed, stage.line, stage.from.endLine, p.result);
          }
        }
      }
    }
  }

  const states = new Map<string, StageState>();
  for (const stage of df.stages) {
    const base = expand(stage.baseName, globals, esc)?.result ?? stage.baseName;
    const parent = states.get(base.toLowerCase());
    const st: StageState = parent
      ? { env: new Map(parent.env), shell: parent.shell, workdirSet: parent.workdirSet }
      : {
          env: new Map(Object.entries(opts.baseImageEnv?.(base) ?? (base === "scratch" ? {} : { PATH: DEFAULT_PATH }))),
          shell: (opts.baseImageShell?.(base)?.length ?? 0) > 0,
          workdirSet: false,
        };
    if (st.env.size === 0 && base === "scratch") st.env.set("PATH", DEFAULT_PATH);
    const stageArgs = new Set<string>();
    const used: Partial<Record<"cmd" | "entrypoint" | "healthcheck", { line: number; endLine: number }>> = {};
    for (const ins of stage.instructions) {
      const unmatched = new Set<string>();
      const expandedOf = (w: string): string => {
        const r = expand(w, st.env, esc);
        for (const u of r?.unmatched ?? []) unmatched.add(u);
        return r?.result ?? w;
      };
      const words = expandedWords(ins).map(expandedOf);
      switch (ins.kind) {
        case "env":
          ins.env.forEach((kv, i) => {
            if (kv.legacy) lint.run(RULES.LegacyKeyValueFormat, ins.line, ins.endLine, ins.keyword);
            const key = words[i * 2] ?? kv.key;
            if (SECRET.test(key) && !SECRET_ALLOW.test(key)) lint.run(RULES.SecretsUsedInArgOrEnv, ins.line, ins.endLine, "ENV", key);
          });
          ins.env.forEach((kv, i) => st.env.set(words[i * 2] ?? kv.key, words[i * 2 + 1] ?? ""));
          break;
        case "label":
          for (const kv of ins.labels) if (kv.legacy) lint.run(RULES.LegacyKeyValueFormat, ins.line, ins.endLine, ins.keyword);
          break;
        case "arg":
          for (const a of ins.args) {
            if (SECRET.test(a.key) && !SECRET_ALLOW.test(a.key)) lint.run(RULES.SecretsUsedInArgOrEnv, ins.line, ins.endLine, "ARG", a.key);
            stageArgs.add(a.key);
            let value = buildArgs[a.key];
            if (value === undefined && metaKeys.has(a.key) && a.value === undefined) value = globals.get(a.key);
            if (value === undefined && a.value !== undefined) value = expandedOf(a.value);
            if (value === undefined && a.key in PLATFORM_ARGS) value = PLATFORM_ARGS[a.key];
            if (value !== undefined) st.env.set(a.key, value);
          }
          break;
        case "cmd":
        case "entrypoint":
        case "healthcheck": {
          const prev = used[ins.kind];
          if (prev) lint.run(RULES.MultipleInstructionsDisallowed, prev.line, prev.endLine, ins.keyword);
          used[ins.kind] = { line: ins.line, endLine: ins.endLine };
          if (ins.kind !== "healthcheck" && ins.shell && !st.shell) {
            lint.run(RULES.JSONArgsRecommended, ins.line, ins.endLine, ins.keyword);
          }
          break;
        }
        case "shell":
          st.shell = true;
          break;
        case "workdir": {
          const path = words[0] ?? ins.path;
          if (!path.startsWith("/") && !st.workdirSet) lint.run(RULES.WorkdirRelativePath, ins.line, ins.endLine, path);
          if (path.startsWith("/")) st.workdirSet = true;
          break;
        }
        case "expose":
          for (const raw of ins.ports) {
            let ports: string[];
            try {
              ports = processWords(raw, st.env, { escapeToken: esc });
            } catch {
              continue;
            }
            for (const p of ports) {
              const spec = parsePortSpec(p);
              if (spec.proto !== spec.proto.toLowerCase()) lint.run(RULES.ExposeProtoCasing, ins.line, ins.endLine, p);
              if (spec.ip !== "" || spec.hostPort !== "") lint.run(RULES.ExposeInvalidFormat, ins.line, ins.endLine, p);
            }
          }
          break;
        default:
          break;
      }
      for (const name of unmatched) {
        if (stageArgs.has(name) || NON_ENV_ARGS.has(name)) continue;
        lint.run(RULES.UndefinedVar, ins.line, ins.endLine, name, suggestSearch(name, [...st.env.keys()], true).match);
      }
    }
    if (stage.name !== undefined) states.set(stage.name, st);
  }
  const order = lint.warnings.map((w, i) => ({ w, i }));
  order.sort((a, b) => a.w.line - b.w.line || a.i - b.i);
  return { warnings: order.map((o) => o.w) };
}
