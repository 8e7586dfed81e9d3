/** A service's `healthcheck`: the test as an argv, durations in Go's notation. */
import { isPlainObject } from "../interpolate.ts";
import type { HealthCheckConfig } from "../model.ts";
import { normalizeDuration, str, toNumber, type Dict } from "./values.ts";

export function normalizeHealthcheck(v: unknown): HealthCheckConfig | undefined {
  if (!isPlainObject(v)) return undefined;
  const out: Dict = {};
  const test = v["test"];
  if (typeof test === "string") out["test"] = ["CMD-SHELL", test];
  else if (Array.isArray(test)) out["test"] = test.map(str);
  for (const k of ["timeout", "interval"]) if (v[k] !== undefined) out[k] = normalizeDuration(v[k]);
  if (v["retries"] !== undefined) out["retries"] = toNumber(v["retries"]);
  for (const k of ["start_period", "start_interval"]) if (v[k] !== undefined) out[k] = normalizeDuration(v[k]);
  if (v["disable"] !== undefined) out["disable"] = v["disable"];
  for (const [k, val] of Object.entries(v)) if (!(k in out)) out[k] = val;
  return out as HealthCheckConfig;
}
