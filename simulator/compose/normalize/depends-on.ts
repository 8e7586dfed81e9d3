/** A service's `depends_on`: the list form as `service_started` entries, each with its condition, restart and required. */
import { isPlainObject } from "../interpolate.ts";
import type { DependsOnCondition, ServiceDependency } from "../model.ts";
import { sortKeys, str } from "./values.ts";

export function normalizeDependsOn(v: unknown): Record<string, ServiceDependency> | undefined {
  if (v === undefined || v === null) return undefined;
  const out: Record<string, ServiceDependency> = {};
  if (Array.isArray(v)) {
    for (const name of v) out[str(name)] = { condition: "service_started", required: true };
  } else if (isPlainObject(v)) {
    for (const [name, d] of Object.entries(v)) {
      const dep = isPlainObject(d) ? d : {};
      const entry: ServiceDependency = {
        condition: (typeof dep["condition"] === "string" ? dep["condition"] : "service_started") as DependsOnCondition,
        required: dep["required"] === undefined ? true : dep["required"] === true,
      };
      if (dep["restart"] === true) entry.restart = true;
      out[name] = { condition: entry.condition, ...(entry.restart ? { restart: true } : {}), required: entry.required };
    }
  }
  return sortKeys(out);
}
