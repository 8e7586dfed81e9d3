/** `RUN --mount=...` values (BuildKit's instructions/commands_runmount.go, simplified). */
import { withSuggestion } from "./bflags.ts";
import type { RunMount } from "./instruction-types.ts";

const MOUNT_TYPES = ["bind", "cache", "tmpfs", "secret", "ssh"] as const;
const KEYS = [
  "type", "from", "source", "src", "target", "dst", "destination", "readonly", "ro",
  "readwrite", "rw", "id", "sharing", "mode", "uid", "gid", "required", "size", "env",
];

export class MountError extends Error {}

/** encoding/csv reading of one record: commas separate fields, `"` quotes. */
function csvFields(val: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let field = "";
    if (val[i] === '"') {
      i++;
      for (;;) {
        if (i >= val.length) throw new MountError(`parse error on line 1, column ${val.length + 1}: extraneous or missing " in quoted-field`);
        if (val[i] === '"') {
          if (val[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += val[i];
        i++;
      }
      if (i < val.length && val[i] !== ",") throw new MountError(`parse error on line 1, column ${i + 1}: extraneous or missing " in quoted-field`);
    } else {
      const j = val.indexOf(",", i);
      field = j < 0 ? val.slice(i) : val.slice(i, j);
      if (field.includes('"')) throw new MountError(`parse error on line 1, column ${i + field.indexOf('"') + 1}: bare " in non-quoted-field`);
      i = j < 0 ? val.length : j;
    }
    out.push(field);
    if (i >= val.length) return out;
    i++; // the comma
  }
}

function parseBool(key: string, value: string): boolean {
  const v = value.toLowerCase();
  if (["1", "t", "true"].includes(v)) return true;
  if (["0", "f", "false"].includes(v)) return false;
  throw new MountError(`invalid value for ${key}: ${value}`);
}

export function parseMount(raw: string): RunMount {
  const m: RunMount = { type: "bind", raw };
  for (const field of csvFields(raw)) {
    const eq = field.indexOf("=");
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    const value = eq < 0 ? "" : field.slice(eq + 1);
    if (eq < 0) {
      if (key === "readonly" || key === "ro") {
        m.readOnly = true;
        continue;
      }
      if (key === "readwrite" || key === "rw") {
        m.readOnly = false;
        continue;
      }
      if (key === "required") {
        if (m.type === "secret" || m.type === "ssh") {
          m.required = true;
          continue;
        }
        throw new MountError(`unexpected key '${key}' for mount type '${m.type}'`);
      }
      throw new MountError(`invalid field '${field}' must be a key=value pair`);
    }
    switch (key) {
      case "type": {
        const t = value.toLowerCase();
        if (!(MOUNT_TYPES as readonly string[]).includes(t)) {
          throw new MountError(withSuggestion(`unsupported mount type "${value}"`, value, MOUNT_TYPES, true));
        }
        m.type = t as RunMount["type"];
        break;
      }
      case "target": case "dst": case "destination": m.target = value; break;
      case "src": case "source": m.source = value; break;
      case "from": m.from = value; break;
      case "readonly": case "ro": m.readOnly = parseBool(key, value); break;
      case "readwrite": case "rw": m.readOnly = !parseBool(key, value); break;
      case "required": m.required = parseBool(key, value); break;
      case "id": m.id = value; break;
      case "sharing": {
        if (!["shared", "private", "locked"].includes(value.toLowerCase())) {
          throw new MountError(`unsupported sharing value "${value}"`);
        }
        m.sharing = value.toLowerCase();
        break;
      }
      case "mode": m.mode = value; break;
      case "uid": m.uid = value; break;
      case "gid": m.gid = value; break;
      case "size": m.size = value; break;
      case "env": m.env = value; break;
      default:
        throw new MountError(withSuggestion(`unexpected key '${key}' in '${field}'`, key, KEYS, true));
    }
  }
  if (m.readOnly === undefined) m.readOnly = m.type === "bind" || m.type === "secret" || m.type === "ssh";
  return m;
}
