// Go's encoding/json marshalling of template values (as used by docker's `json` template func).
import { kindOf, mapEntries, structFields } from "./values.ts";

export class JsonError extends Error {}

const MAX_DEPTH = 1000;

/** Go's JSON string encoding; escapeHTML controls escaping of <, > and &. */
export function jsonString(s: string, escapeHTML: boolean): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x20 && c !== 0x22 && c !== 0x5c && !(escapeHTML && (c === 0x3c || c === 0x3e || c === 0x26))) {
        out += s[i];
        continue;
      }
      switch (c) {
        case 0x22: out += '\\"'; break;
        case 0x5c: out += "\\\\"; break;
        case 0x08: out += "\\b"; break;
        case 0x0c: out += "\\f"; break;
        case 0x0a: out += "\\n"; break;
        case 0x0d: out += "\\r"; break;
        case 0x09: out += "\\t"; break;
        default: out += "\\u00" + c.toString(16).padStart(2, "0");
      }
      continue;
    }
    if (c >= 0xd800 && c < 0xdc00) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo < 0xe000) {
        out += s[i]! + s[i + 1]!;
        i++;
      } else {
        out += "\\ufffd";
      }
      continue;
    }
    if (c >= 0xdc00 && c < 0xe000) {
      out += "\\ufffd";
      continue;
    }
    if (c === 0x2028 || c === 0x2029) {
      out += "\\u" + c.toString(16);
      continue;
    }
    out += s[i];
  }
  return out + '"';
}

function jsonNumber(v: number | bigint): string {
  if (typeof v === "bigint") return v.toString();
  if (!Number.isFinite(v)) throw new JsonError(`json: unsupported value: ${Number.isNaN(v) ? "NaN" : v > 0 ? "+Inf" : "-Inf"}`);
  if (Object.is(v, -0)) return "-0";
  // Go uses ES6 number formatting for floats, which is what JS String() produces.
  return String(v);
}

function rfc3339(d: Date): string {
  return d.toISOString().replace(/\.000Z$/, "Z").replace(/(\.\d*?)0+Z$/, "$1Z");
}

function encode(v: unknown, escapeHTML: boolean, depth: number): string {
  if (depth > MAX_DEPTH) throw new JsonError("json: unsupported value: encountered a cycle");
  switch (kindOf(v)) {
    case "invalid":
    case "nil":
      return "null";
    case "bool":
      return v ? "true" : "false";
    case "int":
    case "float":
      return jsonNumber(v as number | bigint);
    case "string":
      return jsonString(v as string, escapeHTML);
    case "time":
      return jsonString(rfc3339(v as Date), escapeHTML);
    case "func":
      throw new JsonError("json: unsupported type: func()");
    case "slice":
      return `[${(v as unknown[]).map((e) => encode(e, escapeHTML, depth + 1)).join(",")}]`;
    case "map": {
      const parts = mapEntries(v)
        .map(([k, x]) => [typeof k === "string" ? k : String(k), x] as const)
        .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
        .map(([k, x]) => `${jsonString(k, escapeHTML)}:${encode(x, escapeHTML, depth + 1)}`);
      return `{${parts.join(",")}}`;
    }
    case "struct": {
      const parts = structFields(v)
        .filter(([, x]) => x !== undefined)
        .map(([k, x]) => `${jsonString(k, escapeHTML)}:${encode(x, escapeHTML, depth + 1)}`);
      return `{${parts.join(",")}}`;
    }
  }
}

/** Go's json.Marshal. Throws JsonError for unsupported values (NaN, functions, cycles). */
export function marshalJSON(v: unknown, escapeHTML = true): string {
  return encode(v, escapeHTML, 0);
}
