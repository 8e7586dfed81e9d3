/** The normalise step's context and the value casts every key shares: compose-go's strings and numbers, sorted maps, ~ paths, Go durations. */
import type { ComposeHost } from "../model.ts";
import { formatGoDuration, parseGoDuration } from "../duration.ts";
import { listToMapping } from "../merge.ts";

export type Dict = Record<string, unknown>;

export interface NormalizeContext {
  projectName: string;
  workingDir: string;
  /** Interpolation environment (.env overlaid with the OS environment). */
  environment: Record<string, string>;
  host: ComposeHost;
  warn: (message: string) => void;
}

/** Scalars as compose-go casts them into strings (environment, labels, expose...). */
export function str(v: unknown): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  return v === null || v === undefined ? "" : JSON.stringify(v);
}

export function toStringMap(v: unknown, sep = "="): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [k, val] of Object.entries(listToMapping(v, sep))) out[k] = val === null || val === undefined ? null : str(val);
  return out;
}

export function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(o).sort()) out[k] = o[k]!;
  return out;
}

export function expandHome(p: string, env: Record<string, string>, host: ComposeHost): string {
  if (p === "~" || p.startsWith("~/")) {
    const home = env["HOME"] ?? host.env["HOME"] ?? "/root";
    return home + p.slice(1);
  }
  return p;
}

export function normalizeDuration(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === "number") return formatGoDuration(v * 1e9);
  const ns = parseGoDuration(String(v));
  return ns === undefined ? String(v) : formatGoDuration(ns);
}

/** compose-go casts interpolated strings back to numbers where the model wants one. */
export function toNumber(v: unknown): unknown {
  return typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
}
