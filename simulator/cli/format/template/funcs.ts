// Builtin template functions (Go's text/template funcs.go) and docker/cli's template funcs.
import { marshalJSON } from "./json.ts";
import { formatArg, noFlags, sprint, sprintln } from "./printing.ts";
import { sprintf } from "./printf.ts";
import { isPrint, utf8Bytes, utf8Decode } from "./strconv.ts";
import { byteLength, isTrue, kindOf, mapGet, mapHas, mapEntries, typeName } from "./values.ts";

/** Parameter types checked before a call, mirroring the Go signatures. */
export type ParamType = "any" | "string" | "int" | "strings";

export interface FuncSpec {
  fn: (...args: unknown[]) => unknown;
  params: ParamType[];
  /** Type of the variadic tail, if the function is variadic. */
  variadic?: ParamType;
  /** True for Go's builtins (and/or short-circuit, call gets the callee name). */
  builtin: boolean;
}

/** An error whose message is used verbatim after "error calling NAME: ". */
export class FuncError extends Error {}

const fail = (msg: string): never => {
  throw new FuncError(msg);
};

const MAX_REPEAT = 1 << 24;

function repeat(s: string, n: number): string {
  if (n < 0) fail("strings: negative Repeat count");
  if (s.length * n > MAX_REPEAT) fail("strings: Repeat output length overflow");
  return s.repeat(n);
}

// ---- comparison -------------------------------------------------------------

type Basic = "bool" | "number" | "string" | "invalid";

function basicKind(v: unknown): Basic {
  switch (kindOf(v)) {
    case "bool":
      return "bool";
    case "int":
    case "float":
      return "number";
    case "string":
      return "string";
    default:
      return "invalid";
  }
}

const isNil = (v: unknown): boolean => v === undefined || v === null;

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const ka = kindOf(a);
  if (ka !== kindOf(b)) return false;
  if (ka === "time") return (a as Date).getTime() === (b as Date).getTime();
  if (ka === "struct") {
    const ea = Object.entries(a as object);
    const eb = Object.entries(b as object);
    return ea.length === eb.length && ea.every(([k, v], i) => eb[i]?.[0] === k && deepEqual(v, eb[i]?.[1]));
  }
  if (typeof a === "bigint" || typeof b === "bigint") return Number(a) === Number(b);
  return false;
}

function eq(arg1: unknown, ...arg2: unknown[]): boolean {
  if (arg2.length === 0) fail("missing argument for comparison");
  const k1 = basicKind(arg1);
  for (const arg of arg2) {
    const k2 = basicKind(arg);
    let truth = false;
    if (k1 !== k2) {
      if (!isNil(arg1) && !isNil(arg)) {
        fail(`incompatible types for comparison: ${typeName(arg1)} and ${typeName(arg)}`);
      }
    } else if (k1 !== "invalid") {
      truth = k1 === "number" ? Number(arg1) === Number(arg) : arg1 === arg;
    } else if (isNil(arg1) || isNil(arg)) {
      truth = isNil(arg1) === isNil(arg);
    } else {
      const c1 = kindOf(arg1);
      const c2 = kindOf(arg);
      if (c1 !== c2) {
        fail(`non-comparable types ${formatArg(arg1, "v", noFlags())}: ${typeName(arg1)}, ${typeName(arg)}: ${formatArg(arg, "v", noFlags())}`);
      }
      if (c1 === "slice" || c1 === "map" || c1 === "func") {
        fail(`non-comparable type ${formatArg(arg, "v", noFlags())}: ${typeName(arg)}`);
      }
      truth = deepEqual(arg1, arg);
    }
    if (truth) return true;
  }
  return false;
}

function lt(arg1: unknown, arg2: unknown): boolean {
  const k1 = basicKind(arg1);
  const k2 = basicKind(arg2);
  if (k1 === "invalid" || k2 === "invalid") fail("invalid type for comparison");
  if (k1 !== k2) fail(`incompatible types for comparison: ${typeName(arg1)} and ${typeName(arg2)}`);
  if (k1 === "bool") fail("invalid type for comparison");
  if (k1 === "number") return Number(arg1) < Number(arg2);
  return (arg1 as string) < (arg2 as string);
}

const le = (a: unknown, b: unknown): boolean => lt(a, b) || eq(a, b);

// ---- indexing ---------------------------------------------------------------

function indexArg(index: unknown, cap: number): number {
  if (isNil(index)) fail("cannot index slice/array with nil");
  const k = kindOf(index);
  if (k !== "int") fail(`cannot index slice/array with type ${typeName(index)}`);
  const x = Number(index);
  if (x < 0 || x > cap) fail(`index out of range: ${x}`);
  return x;
}

function index(item: unknown, ...indexes: unknown[]): unknown {
  if (isNil(item)) fail("index of untyped nil");
  let cur = item;
  for (const idx of indexes) {
    if (isNil(cur)) fail("index of nil pointer");
    switch (kindOf(cur)) {
      case "slice": {
        const arr = cur as unknown[];
        const x = indexArg(idx, arr.length);
        if (x === arr.length) fail("reflect: slice index out of range");
        cur = arr[x] ?? null;
        break;
      }
      case "string": {
        const bytes = utf8Bytes(cur as string);
        const x = indexArg(idx, bytes.length);
        if (x === bytes.length) fail("reflect: string index out of range");
        cur = bytes[x];
        break;
      }
      case "map": {
        if (!(cur instanceof Map)) {
          if (isNil(idx)) fail("value is nil; should be of type string");
          if (typeof idx !== "string") fail(`value has type ${typeName(idx)}; should be string`);
        }
        if (mapHas(cur, idx)) cur = mapGet(cur, idx);
        else {
          // Zero value of the element type: "" for string-valued maps (map[string]string,
          // e.g. labels), otherwise a nil interface.
          const values = mapEntries(cur).map((e) => e[1]);
          cur = values.every((v) => typeof v === "string") ? "" : null;
        }
        break;
      }
      default:
        fail(`can't index item of type ${typeName(cur)}`);
    }
  }
  return cur;
}

function slice(item: unknown, ...indexes: unknown[]): unknown {
  if (isNil(item)) fail("slice of untyped nil");
  if (indexes.length > 3) fail(`too many slice indexes: ${indexes.length}`);
  const k = kindOf(item);
  let seq: unknown[] | Uint8Array;
  if (k === "string") {
    if (indexes.length === 3) fail("cannot 3-index slice a string");
    seq = utf8Bytes(item as string);
  } else if (k === "slice") seq = item as unknown[];
  else return fail(`can't slice item of type ${typeName(item)}`);
  const cap = seq.length;
  const idx = [0, seq.length, 0];
  indexes.forEach((x, i) => {
    idx[i] = indexArg(x, cap);
  });
  const [lo = 0, hi = 0, max = 0] = idx;
  if (lo > hi) fail(`invalid slice index: ${lo} > ${hi}`);
  if (indexes.length === 3 && hi > max) fail(`invalid slice index: ${hi} > ${max}`);
  return seq instanceof Uint8Array ? utf8Decode(seq.slice(lo, hi)) : seq.slice(lo, hi);
}

function length(item: unknown): number {
  switch (kindOf(item)) {
    case "invalid":
    case "nil":
      return fail("reflect: call of reflect.Value.Type on zero Value");
    case "string":
      return byteLength(item as string);
    case "slice":
      return (item as unknown[]).length;
    case "map":
      return mapEntries(item).length;
    default:
      return fail(`len of type ${typeName(item)}`);
  }
}

// ---- escaping ---------------------------------------------------------------

/** Go's evalArgs: a lone string as is, otherwise fmt.Sprint with nil shown as <no value>. */
function evalArgs(args: unknown[]): string {
  if (args.length === 1 && typeof args[0] === "string") return args[0];
  return sprint(args.map((a) => (isNil(a) ? "<no value>" : a)));
}

const htmlMap: Record<string, string> = { "\0": "\uFFFD", '"': "&#34;", "'": "&#39;", "&": "&amp;", "<": "&lt;", ">": "&gt;" };

export function htmlEscape(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) => htmlMap[c] ?? c);
}

const jsMap: Record<string, string> = {
  "\\": "\\\\", "'": "\\'", '"': '\\"', "<": "\\u003C", ">": "\\u003E", "&": "\\u0026", "=": "\\u003D",
};

export function jsEscape(s: string): string {
  let out = "";
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    const m = jsMap[ch];
    if (m !== undefined) out += m;
    else if (cp < 0x20) out += "\\u00" + cp.toString(16).toUpperCase().padStart(2, "0");
    else if (cp < 0x80 || isPrint(ch)) out += ch;
    else out += "\\u" + cp.toString(16).toUpperCase().padStart(4, "0");
  }
  return out;
}

/** Go's url.QueryEscape. */
export function queryEscape(s: string): string {
  let out = "";
  for (const b of utf8Bytes(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === " ") out += "+";
    else out += "%" + b.toString(16).toUpperCase().padStart(2, "0");
  }
  return out;
}

// ---- docker/cli funcs ---------------------------------------------------------

function isSeparator(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp <= 0x7f) return !/[0-9A-Za-z_]/.test(ch);
  if (/[\p{L}\p{Nd}]/u.test(ch)) return false;
  return /\s/u.test(ch);
}

/** Go's strings.Title. */
export function title(s: string): string {
  let prev = " ";
  let out = "";
  for (const ch of s) {
    out += isSeparator(prev) ? ch.toUpperCase() : ch;
    prev = ch;
  }
  return out;
}

function split(s: string, sep: string): string[] {
  if (sep === "") return Array.from(s);
  return s.split(sep);
}

function join(elems: unknown, sep: string): string {
  return (elems as unknown[]).map((e) => (typeof e === "string" ? e : formatArg(e, "v", noFlags()))).join(sep);
}

function truncateWithLength(source: string, len: number): string {
  if (len < 0) fail(`runtime error: slice bounds out of range [:${len}]`);
  const chars = Array.from(source);
  if (chars.length < len) return source;
  return chars.slice(0, len).join("");
}

function padWithSpace(source: string, prefix: number, suffix: number): string {
  if (source === "") return source;
  return repeat(" ", prefix) + source + repeat(" ", suffix);
}

function jsonFunc(v: unknown): string {
  try {
    return marshalJSON(v, false);
  } catch {
    return ""; // docker ignores the encoder error and prints the (empty) buffer
  }
}

const spec = (fn: (...args: never[]) => unknown, params: ParamType[], variadic?: ParamType): FuncSpec =>
  variadic === undefined
    ? { fn: fn as (...args: unknown[]) => unknown, params, builtin: true }
    : { fn: fn as (...args: unknown[]) => unknown, params, variadic, builtin: true };

const unreachable = (): never => fail("unreachable");

/** Go's text/template builtins. */
export const builtinFuncs: Record<string, FuncSpec> = {
  and: spec(unreachable, ["any"], "any"),
  or: spec(unreachable, ["any"], "any"),
  call: spec(unreachable, ["any"], "any"),
  html: spec((...a: unknown[]) => htmlEscape(evalArgs(a)), [], "any"),
  js: spec((...a: unknown[]) => jsEscape(evalArgs(a)), [], "any"),
  urlquery: spec((...a: unknown[]) => queryEscape(evalArgs(a)), [], "any"),
  index: spec(index, ["any"], "any"),
  slice: spec(slice, ["any"], "any"),
  len: spec(length, ["any"]),
  not: spec((a: unknown) => !isTrue(a), ["any"]),
  print: spec((...a: unknown[]) => sprint(a), [], "any"),
  printf: spec((f: string, ...a: unknown[]) => sprintf(f, a), ["string"], "any"),
  println: spec((...a: unknown[]) => sprintln(a), [], "any"),
  eq: spec(eq, ["any"], "any"),
  ne: spec((a: unknown, b: unknown) => !eq(a, b), ["any", "any"]),
  lt: spec(lt, ["any", "any"]),
  le: spec(le, ["any", "any"]),
  gt: spec((a: unknown, b: unknown) => !le(a, b), ["any", "any"]),
  ge: spec((a: unknown, b: unknown) => !lt(a, b), ["any", "any"]),
};

const docker = (fn: (...args: never[]) => unknown, params: ParamType[]): FuncSpec => ({
  ...spec(fn, params),
  builtin: false,
});

/** docker/cli's templates.basicFunctions. */
export const dockerFuncs: Record<string, FuncSpec> = {
  json: docker(jsonFunc, ["any"]),
  split: docker(split, ["string", "string"]),
  join: docker(join, ["strings", "string"]),
  title: docker(title, ["string"]),
  lower: docker((s: string) => s.toLowerCase(), ["string"]),
  upper: docker((s: string) => s.toUpperCase(), ["string"]),
  pad: docker(padWithSpace, ["string", "int", "int"]),
  truncate: docker(truncateWithLength, ["string", "int"]),
};

/** Wraps a caller-supplied JS function: variadic, arguments of any type. */
export function userFunc(fn: (...args: unknown[]) => unknown): FuncSpec {
  return { fn, params: [], variadic: "any", builtin: false };
}
