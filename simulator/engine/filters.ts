/** `--filter` for containers, evaluated by the daemon as Docker does: OR within a key, AND across keys. */
import type { ContainerSummary } from "../backend/engine.ts";
import { invalidParameter } from "../backend/errors.ts";
import type { Container } from "./container.ts";

const STATUSES = ["created", "restarting", "running", "removing", "paused", "exited", "dead"];
const KEYS = ["id", "name", "label", "status", "ancestor", "exited", "before", "since", "volume", "network", "publish", "expose", "health", "isolation", "is-task"];

/** Parse `key=value` filter flags into the API's map. */
export function parseFilters(values: string[]): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const value of values) {
    const i = value.indexOf("=");
    if (i < 0) throw invalidParameter(`bad format of filter (expected name=value)`);
    const key = value.slice(0, i).trim().toLowerCase();
    (filters[key] ??= []).push(value.slice(i + 1).trim());
  }
  return filters;
}

export function containerFilter(filters: Record<string, string[]>, imageId: (ref: string) => string | undefined): (summary: ContainerSummary, container: Container) => boolean {
  for (const key of Object.keys(filters)) if (!KEYS.includes(key)) throw invalidParameter(`invalid filter '${key}'`);
  for (const status of filters["status"] ?? []) {
    if (!STATUSES.includes(status)) throw invalidParameter(`invalid filter 'status=${status}'`);
  }
  for (const code of filters["exited"] ?? []) {
    if (!/^-?\d+$/.test(code)) throw invalidParameter(`invalid filter 'exited=${code}'`);
  }
  const any = <T>(values: string[] | undefined, test: (value: string) => T) => !values || values.length === 0 || values.some((v) => test(v));
  return (summary, container) =>
    any(filters["id"], (v) => summary.Id.startsWith(v)) &&
    any(filters["name"], (v) => safeRegExp(v).test(container.name)) &&
    any(filters["status"], (v) => summary.State === v) &&
    any(filters["exited"], (v) => summary.State === "exited" && String(container.actor.getSnapshot().context.exitCode) === v) &&
    any(filters["ancestor"], (v) => summary.ImageID === imageId(v) || summary.Image === v) &&
    (filters["label"] ?? []).every((v) => {
      const i = v.indexOf("=");
      return i < 0 ? v in summary.Labels : summary.Labels[v.slice(0, i)] === v.slice(i + 1);
    });
}

function safeRegExp(pattern: string): RegExp {
  try {
    return new RegExp(pattern);
  } catch {
    return new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  }
}
