/**
 * BuildKit's builder-flag parsing (instructions/bflag.go), its "did you mean"
 * suggestions (util/suggest), and Go's time.ParseDuration for HEALTHCHECK.
 */
import { goQuote } from "./go-text.ts";

function levenshtein(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;
  let prev = Array.from({ length: t.length + 1 }, (_, i) => i);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[t.length] ?? 0;
}

function matchCase(val: string, orig: string): string {
  if (orig === orig.toLowerCase()) return val.toLowerCase();
  if (orig === orig.toUpperCase()) return val.toUpperCase();
  return val;
}

/**
 * suggest.Search: the closest option within edit distance 2, or "" when none.
 * `exact` is true when `val` equals an option.
 */
export function suggestSearch(val: string, options: readonly string[], caseSensitive: boolean): { match: string; exact: boolean } {
  const v = caseSensitive ? val : val.toLowerCase();
  let match = "";
  let minDist = 3;
  for (const option of options) {
    const o = caseSensitive ? option : option.toLowerCase();
    if (v === o) return { match: o, exact: true };
    const dist = levenshtein(v, o);
    if (dist < minDist) {
      match = caseSensitive ? o : matchCase(o, val);
      minDist = dist;
    }
  }
  return { match, exact: false };
}

/** suggest.WrapError: append ` (did you mean X?)` when a close option exists. */
export function withSuggestion(message: string, val: string, options: readonly string[], caseSensitive: boolean): string {
  const { match, exact } = suggestSearch(val, options, caseSensitive);
  if (exact || match === "") return message;
  return `${message} (did you mean ${match}?)`;
}

export class FlagError extends Error {}

type FlagType = "bool" | "string" | "strings";

interface FlagDef {
  type: FlagType;
  value: string;
  values: string[];
}

/** BFlags: declare the flags an instruction accepts, then parse `--name=value` arguments. */
export class BFlags {
  private readonly defs = new Map<string, FlagDef>();
  private readonly used = new Set<string>();
  constructor(private readonly args: readonly string[]) {}

  addBool(name: string, def = false): void {
    this.defs.set(name, { type: "bool", value: def ? "true" : "false", values: [] });
  }
  addString(name: string, def = ""): void {
    this.defs.set(name, { type: "string", value: def, values: [] });
  }
  addStrings(name: string): void {
    this.defs.set(name, { type: "strings", value: "", values: [] });
  }

  string(name: string): string {
    return this.defs.get(name)?.value ?? "";
  }
  bool(name: string): boolean {
    return this.defs.get(name)?.value === "true";
  }
  strings(name: string): string[] {
    return [...(this.defs.get(name)?.values ?? [])];
  }
  isUsed(name: string): boolean {
    return this.used.has(name);
  }
  usedFlags(): string[] {
    return [...this.used];
  }

  /** Throws FlagError with BuildKit's messages. */
  parse(): void {
    for (const a of this.args) {
      if (a === "--") break;
      if (!a.startsWith("--")) throw new FlagError(`arg should start with -- : ${a}`);
      const body = a.slice(2);
      const eq = body.indexOf("=");
      const name = eq < 0 ? body : body.slice(0, eq);
      const value = eq < 0 ? "" : body.slice(eq + 1);
      const hasValue = eq >= 0;
      const flag = this.defs.get(name);
      if (!flag) {
        throw new FlagError(withSuggestion(`unknown flag: ${name}`, name, [...this.defs.keys()], true));
      }
      if (this.used.has(name) && flag.type !== "strings") throw new FlagError(`duplicate flag specified: ${name}`);
      this.used.add(name);
      switch (flag.type) {
        case "bool":
          if (hasValue && value === "") throw new FlagError(`missing a value on flag: ${name}`);
          switch (value.toLowerCase()) {
            case "true":
            case "":
              flag.value = "true";
              break;
            case "false":
              flag.value = "false";
              break;
            default:
              throw new FlagError(`expecting boolean value for flag ${name}, not: ${value}`);
          }
          break;
        case "string":
          if (!hasValue) throw new FlagError(`missing a value on flag: ${name}`);
          flag.value = value;
          break;
        case "strings":
          if (!hasValue) throw new FlagError(`missing a value on flag: ${name}`);
          flag.values.push(value);
          break;
      }
    }
  }
}

const UNITS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  "µs": 1e3,
  "μs": 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/** Go's time.ParseDuration, in nanoseconds. Throws FlagError with Go's message. */
export function parseGoDuration(s: string): number {
  const orig = s;
  const invalid = (): FlagError => new FlagError(`time: invalid duration ${goQuote(orig)}`);
  let neg = false;
  if (s.startsWith("-") || s.startsWith("+")) {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  if (s === "0") return 0;
  if (s === "") throw invalid();
  let total = 0;
  while (s !== "") {
    const m = /^([0-9]*)(?:\.([0-9]*))?/.exec(s);
    const intPart = m?.[1] ?? "";
    const fracPart = m?.[2];
    if (!m || (intPart === "" && (fracPart === undefined || fracPart === ""))) throw invalid();
    s = s.slice(m[0].length);
    const u = /^[^0-9.]*/.exec(s)?.[0] ?? "";
    if (u === "") throw new FlagError(`time: missing unit in duration ${goQuote(orig)}`);
    const unit = UNITS[u];
    if (unit === undefined) throw new FlagError(`time: unknown unit ${goQuote(u)} in duration ${goQuote(orig)}`);
    s = s.slice(u.length);
    total += Number(intPart === "" ? "0" : intPart) * unit + (fracPart ? Number("0." + fracPart) * unit : 0);
    if (total > 9223372036854775807) throw invalid();
  }
  return Math.round(neg ? -total : total);
}

/** Format nanoseconds as Go's time.Duration.String() does for the common cases (1ms, 30s, 1m30s). */
export function formatGoDuration(ns: number): string {
  if (ns === 0) return "0s";
  const sign = ns < 0 ? "-" : "";
  let v = Math.abs(ns);
  if (v < 1e3) return `${sign}${v}ns`;
  if (v < 1e6) return `${sign}${trimFloat(v / 1e3)}µs`;
  if (v < 1e9) return `${sign}${trimFloat(v / 1e6)}ms`;
  let out = "";
  const h = Math.floor(v / 3600e9);
  v -= h * 3600e9;
  const m = Math.floor(v / 60e9);
  v -= m * 60e9;
  if (h > 0) out += `${h}h`;
  if (h > 0 || m > 0) out += `${m}m`;
  return `${sign}${out}${trimFloat(v / 1e9)}s`;
}

function trimFloat(x: number): string {
  return String(Number(x.toFixed(9)));
}
