// Print a project the way `docker compose config` does (go-yaml v3 marshalling, 2-space indent).
import type { Project } from "./model.ts";

const TOP_LEVEL_ORDER = ["name", "services", "networks", "volumes", "secrets", "configs"] as const;

/** YAML 1.1 words go-yaml quotes so they stay strings. */
const NEEDS_QUOTE_WORDS = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/;

function looksLikeNumber(s: string): boolean {
  return /^[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(s) || /^0[xob][0-9a-fA-F_]+$/i.test(s) || /^[-+]?\.(inf|Inf|INF)$/.test(s) || /^\.(nan|NaN|NAN)$/.test(s) || /^\d+(:\d+)+(\.\d*)?$/.test(s);
}

/** A string scalar as go-yaml v3 prints it. */
export function yamlString(s: string): string {
  if (s === "") return '""';
  if (s.includes("\n")) return JSON.stringify(s); // values use a literal block instead (see inline)
  const plainUnsafe =
    NEEDS_QUOTE_WORDS.test(s) ||
    looksLikeNumber(s) ||
    /^[\s]|[\s]$/.test(s) ||
    /^[,\[\]{}#&*!|>'"%@`]/.test(s) ||
    /^[-?:](\s|$)/.test(s) ||
    /: |:$| #/.test(s) ||
    /[\x00-\x08\x0b-\x1f\x7f]/.test(s) ||
    /^(---|\.\.\.)/.test(s);
  if (!plainUnsafe) return s;
  if (!/[\x00-\x1f\x7f"\\]/.test(s)) return `"${s}"`;
  return JSON.stringify(s);
}

function scalar(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : v > 0 ? ".inf" : v < 0 ? "-.inf" : ".nan";
  return yamlString(String(v));
}

function isEmptyCollection(v: unknown): boolean {
  return (Array.isArray(v) && v.length === 0) || (typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);
}

function emit(v: unknown, indent: number, lines: string[], keyPrefix: string): void {
  const pad = " ".repeat(indent);
  if (Array.isArray(v)) {
    if (v.length === 0) {
      lines.push(`${keyPrefix} []`);
      return;
    }
    if (keyPrefix !== "") lines.push(keyPrefix);
    for (const item of v) {
      if (typeof item === "object" && item !== null && !isEmptyCollection(item)) {
        const sub: string[] = [];
        emit(item, indent + 2, sub, "");
        // first line of the item goes after "- "
        const first = sub[0]!.slice(indent + 2);
        lines.push(`${pad}- ${first}`);
        for (const l of sub.slice(1)) lines.push(l);
      } else {
        lines.push(`${pad}- ${inline(item, indent + 2)}`);
      }
    }
    return;
  }
  if (typeof v === "object" && v !== null) {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, val]) => val !== undefined);
    if (entries.length === 0) {
      lines.push(`${keyPrefix} {}`);
      return;
    }
    if (keyPrefix !== "") lines.push(keyPrefix);
    for (const [k, val] of entries) {
      const key = `${pad}${yamlString(k)}:`;
      if (typeof val === "object" && val !== null && !isEmptyCollection(val)) emit(val, indent + 2, lines, key);
      else lines.push(`${key} ${inline(val, indent + 2)}`);
    }
    return;
  }
  lines.push(`${keyPrefix} ${inline(v, indent)}`);
}

function inline(v: unknown, indent: number): string {
  if (Array.isArray(v) && v.length === 0) return "[]";
  if (typeof v === "object" && v !== null && Object.keys(v).length === 0) return "{}";
  if (typeof v === "string" && v.includes("\n")) {
    const pad = " ".repeat(indent);
    const chomp = v.endsWith("\n") ? (v.endsWith("\n\n") ? "+" : "") : "-";
    const body = (chomp === "" ? v.slice(0, -1) : chomp === "+" ? v.slice(0, -1) : v).split("\n");
    return `|${chomp}\n${body.map((l) => (l === "" ? "" : pad + l)).join("\n")}`;
  }
  return scalar(v);
}

/** Serialise any plain value as block YAML (2-space indent, sequences indented under their key). */
export function toYaml(value: unknown): string {
  const lines: string[] = [];
  emit(value, 0, lines, "");
  return lines.join("\n") + "\n";
}

/** The project as `docker compose config` prints it. */
export function projectToYaml(project: Project): string {
  const doc: Record<string, unknown> = {};
  for (const k of TOP_LEVEL_ORDER) {
    const v = project[k];
    if (v === undefined) continue;
    if (k !== "name" && k !== "services" && isEmptyCollection(v)) continue;
    doc[k] = v;
  }
  for (const [k, v] of Object.entries(project.extensions ?? {})) doc[k] = v;
  return toYaml(doc);
}
