// The value model: how JS values map onto Go kinds for the template engine.
//
// - undefined            -> Go's invalid reflect.Value ("<no value>" when printed by an action)
// - null                 -> a nil interface ("<nil>" inside print/printf, containers)
// - string, boolean      -> string, bool
// - number               -> int when integral and within int64 range, else float64; bigint -> int64
// - Array                -> slice ([]interface {})
// - Map, plain objects   -> map (keys sorted when printed/ranged); objects are maps unless marked
// - asStruct(obj, name)  -> struct: printed as {v1 v2}, JSON in insertion order, missing fields error
// - Date                 -> time.Time
// - function             -> func (callable via `call`)

const STRUCT = Symbol.for("dockyard.gotemplate.struct");

/**
 * Marks `obj` as a Go struct (rather than a map) and returns it. Structs print as `{v1 v2}`,
 * marshal to JSON in field (insertion) order, and `.Missing` on them is an execution error
 * "can't evaluate field Missing in type <typeName>".
 */
export function asStruct<O extends object>(obj: O, typeName = "struct"): O {
  Object.defineProperty(obj, STRUCT, { value: typeName, enumerable: false, configurable: true });
  return obj;
}

/** The struct type name if `v` was marked with asStruct, else undefined. */
export function structName(v: unknown): string | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  const name = (v as { [STRUCT]?: unknown })[STRUCT];
  return typeof name === "string" ? name : undefined;
}

export type Kind = "invalid" | "nil" | "string" | "bool" | "int" | "float" | "slice" | "map" | "struct" | "time" | "func";

export function kindOf(v: unknown): Kind {
  if (v === undefined) return "invalid";
  if (v === null) return "nil";
  switch (typeof v) {
    case "string":
      return "string";
    case "boolean":
      return "bool";
    case "number":
      // Integral numbers within int64 range are ints; anything else is a float64.
      return Number.isInteger(v) && Math.abs(v as number) < 2 ** 63 ? "int" : "float";
    case "bigint":
      return "int";
    case "function":
      return "func";
    case "object":
      if (Array.isArray(v)) return "slice";
      if (v instanceof Date) return "time";
      if (structName(v) !== undefined) return "struct";
      return "map";
    default:
      return "invalid";
  }
}

/** A Go-ish type name for error messages and %T. */
export function typeName(v: unknown): string {
  switch (kindOf(v)) {
    case "invalid":
    case "nil":
      return "<nil>";
    case "string":
      return "string";
    case "bool":
      return "bool";
    case "int":
      return typeof v === "bigint" ? "int64" : "int";
    case "float":
      return "float64";
    case "slice":
      return "[]interface {}";
    case "map":
      return "map[string]interface {}";
    case "struct":
      return structName(v) ?? "struct";
    case "time":
      return "time.Time";
    case "func":
      return "func(...interface {}) interface {}";
  }
}

function compareKeys(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Entries of a map-kind value, sorted by key as Go's fmtsort does. */
export function mapEntries(v: unknown): [unknown, unknown][] {
  let entries: [unknown, unknown][];
  if (v instanceof Map) entries = [...v.entries()];
  else entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  return entries.sort((x, y) => compareKeys(x[0], y[0]));
}

/** Fields of a struct-kind value in declaration (insertion) order. */
export function structFields(v: unknown): [string, unknown][] {
  return Object.entries(v as Record<string, unknown>);
}

export function mapSize(v: unknown): number {
  return v instanceof Map ? v.size : mapEntries(v).length;
}

/** Looks up a key in a map-kind value; undefined when absent. */
export function mapGet(v: unknown, key: unknown): unknown {
  if (v instanceof Map) return v.get(key);
  if (typeof key !== "string") return undefined;
  const o = v as Record<string, unknown>;
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

export function mapHas(v: unknown, key: unknown): boolean {
  if (v instanceof Map) return v.has(key);
  return typeof key === "string" && Object.prototype.hasOwnProperty.call(v, key) && (v as Record<string, unknown>)[key] !== undefined;
}

/** Go's isTrue: the truth of a value for if/with/and/or/not. */
export function isTrue(v: unknown): boolean {
  switch (kindOf(v)) {
    case "invalid":
    case "nil":
      return false;
    case "string":
      return (v as string).length > 0;
    case "bool":
      return v as boolean;
    case "int":
    case "float":
      return typeof v === "bigint" ? v !== 0n : (v as number) !== 0;
    case "slice":
      return (v as unknown[]).length > 0;
    case "map":
      return mapSize(v) > 0;
    default:
      return true;
  }
}

/** Length of a UTF-8 encoded string in bytes (Go's len for strings). */
export function byteLength(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}
