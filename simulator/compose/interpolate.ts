// Variable substitution as compose-go's template package does it:
// $VAR, ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?err}, ${VAR?err},
// ${VAR:+alt}, ${VAR+alt} and $$ for a literal $.
import { ComposeError } from "./errors.ts";
import { OverrideTag } from "./tags.ts";

/** Looks a variable up; undefined means unset (distinct from ""). */
export type Lookup = (name: string) => string | undefined;

/** Called once per unset variable that falls back to "" (compose logs it with logrus). */
export type WarnFn = (message: string) => void;

/** An invalid `${...}` template (compose-go's InvalidTemplateError). */
export class InvalidTemplateError extends Error {
  readonly template: string;
  constructor(template: string) {
    super(`Invalid template: ${goQuote(template)}`);
    this.template = template;
  }
}

/** `${VAR:?reason}` / `${VAR?reason}` on an unset (or empty) variable (compose-go's MissingRequiredError). */
export class MissingRequiredError extends Error {
  readonly variable: string;
  readonly reason: string;
  constructor(variable: string, reason: string) {
    super(
      reason !== ""
        ? `required variable ${variable} is missing a value: ${reason}`
        : `required variable ${variable} is missing a value`,
    );
    this.variable = variable;
    this.reason = reason;
  }
}

// compose-go: \$(?i:(?P<escaped>\$)|(?P<named>[_a-z][_a-z0-9]*)|{(?P<braced>[_a-z][_a-z0-9]*(?::?[-+?](.*}|[^}]*))?)}|(?P<invalid>))
const PATTERN_SOURCE = "\\$(?:(\\$)|([_a-z][_a-z0-9]*)|\\{([_a-z][_a-z0-9]*(?::?[-+?](?:.*\\}|[^}]*))?)\\}|())";
const patternGlobal = () => new RegExp(PATTERN_SOURCE, "gi");
const patternOnce = new RegExp(PATTERN_SOURCE, "i");

/** Go's %q for a string, close enough for messages. */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

type SubstFn = (substitution: string, lookup: Lookup, warn: WarnFn) => { value: string; applied: boolean };

function partition(s: string, sep: string): [string, string] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, ""] : [s.slice(0, i), s.slice(i + sep.length)];
}

function withDefaultWhenAbsence(emptyOrUnset: boolean): SubstFn {
  const sep = emptyOrUnset ? ":-" : "-";
  return (substitution, lookup, warn) => {
    if (!substitution.includes(sep)) return { value: "", applied: false };
    const [name, rawDefault] = partition(substitution, sep);
    const def = substitute(rawDefault, lookup, warn);
    const value = lookup(name);
    if (value === undefined || (emptyOrUnset && value === "")) return { value: def, applied: true };
    return { value, applied: true };
  };
}

function withDefaultWhenPresence(notEmpty: boolean): SubstFn {
  const sep = notEmpty ? ":+" : "+";
  return (substitution, lookup, warn) => {
    if (!substitution.includes(sep)) return { value: "", applied: false };
    const [name, rawAlt] = partition(substitution, sep);
    const alt = substitute(rawAlt, lookup, warn);
    const value = lookup(name);
    if (value !== undefined && (!notEmpty || value !== "")) return { value: alt, applied: true };
    return { value: value ?? "", applied: true };
  };
}

function withRequired(sep: string, valid: (v: string) => boolean): SubstFn {
  return (substitution, lookup, warn) => {
    if (!substitution.includes(sep)) return { value: "", applied: false };
    const [name, rawMessage] = partition(substitution, sep);
    const message = substitute(rawMessage, lookup, warn);
    const value = lookup(name);
    if (value === undefined || !valid(value)) throw new MissingRequiredError(name, message);
    return { value, applied: true };
  };
}

const OPERATORS: [string, SubstFn][] = [
  [":?", withRequired(":?", (v) => v !== "")],
  ["?", withRequired("?", () => true)],
  [":-", withDefaultWhenAbsence(true)],
  ["-", withDefaultWhenAbsence(false)],
  [":+", withDefaultWhenPresence(true)],
  ["+", withDefaultWhenPresence(false)],
];

/** The operator that appears first in the matched text (compose-go's getSubstitutionFunctionForTemplate). */
function functionFor(text: string): SubstFn {
  let best: SubstFn = OPERATORS[0]![1];
  let bestIndex = Infinity;
  for (const [op, fn] of OPERATORS) {
    const i = text.indexOf(op);
    if (i >= 0 && i < bestIndex) {
      best = fn;
      bestIndex = i;
    }
  }
  return best;
}

function firstBraceClosingIndex(s: string): number {
  let open = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "}") {
      open--;
      if (open === 0) return i;
    }
    if (s.startsWith("${", i)) {
      open++;
      i++;
    }
  }
  return -1;
}

/**
 * Substitute variables in `template`. Throws InvalidTemplateError or MissingRequiredError
 * (plain errors: the caller adds the path, see interpolateConfig).
 */
export function substitute(template: string, lookup: Lookup, warn: WarnFn = () => {}): string {
  if (!template.includes("$")) return template;
  let firstError: Error | undefined;
  const result = template.replace(patternGlobal(), (whole: string) => {
    if (firstError) return "";
    const fn = functionFor(whole);
    let text = whole;
    let rest = "";
    const close = firstBraceClosingIndex(text);
    if (close > -1) {
      rest = text.slice(close + 1);
      text = text.slice(0, close + 1);
    }
    const m = patternOnce.exec(text);
    if (m === null) return "";
    if (m[1] !== undefined && m[1] !== "") return m[1];
    let substitution = m[2] ?? "";
    let braced = false;
    if (substitution === "") {
      substitution = m[3] ?? "";
      braced = true;
    }
    if (substitution === "") {
      firstError = new InvalidTemplateError(template);
      return "";
    }
    if (braced) {
      let r: { value: string; applied: boolean };
      try {
        r = fn(substitution, lookup, warn);
      } catch (e) {
        firstError = e instanceof Error ? e : new Error(String(e));
        return "";
      }
      if (r.applied) {
        try {
          return r.value + substitute(rest, lookup, warn);
        } catch {
          return "";
        }
      }
    }
    const value = lookup(substitution);
    if (value === undefined) {
      warn(`The ${goQuote(substitution)} variable is not set. Defaulting to a blank string.`);
      return "";
    }
    return value;
  });
  if (firstError) throw firstError;
  return result;
}

/** The path compose-go prints: keys joined by ".", list items as "[]". */
function pathString(path: readonly string[]): string {
  return path.join(".");
}

/** Wrap a substitution failure in compose-go's interpolation error text. */
export function interpolationError(path: readonly string[], err: unknown): ComposeError {
  if (err instanceof InvalidTemplateError) {
    return new ComposeError(
      "interpolation",
      `invalid interpolation format for ${pathString(path)}.\nYou may need to escape any $ with another $.\n${err.template}`,
    );
  }
  const msg = err instanceof Error ? err.message : String(err);
  return new ComposeError("interpolation", `error while interpolating ${pathString(path)}: ${msg}`);
}

/** Interpolate every string of a parsed compose document (keys are left alone, as compose does). */
export function interpolateConfig(value: unknown, lookup: Lookup, warn: WarnFn, path: string[] = []): unknown {
  if (typeof value === "string") {
    try {
      return substitute(value, lookup, warn);
    } catch (e) {
      throw interpolationError(path, e);
    }
  }
  if (value instanceof OverrideTag) return new OverrideTag(interpolateConfig(value.value, lookup, warn, path));
  if (Array.isArray(value)) return value.map((v) => interpolateConfig(v, lookup, warn, [...path, "[]"]));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = interpolateConfig(v, lookup, warn, [...path, k]);
    return out;
  }
  return value;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
