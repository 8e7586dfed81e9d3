/** `GET /events?filters=...`: which events a subscriber wants, matched as dockerd's events filter does. */
import type { DockerEvent } from "./events.ts";

/** Actions that carry a suffix (`exec_start: sh -c ...`): a filter without the suffix matches by prefix. */
const SUFFIXED = ["health_status", "exec_create", "exec_start"];

/** A predicate over events. Unknown keys are ignored, as dockerd's /events does not validate them. */
export function eventFilter(filters: Record<string, string[]> = {}): (event: DockerEvent) => boolean {
  const values = (key: string) => filters[key] ?? [];
  const exact = (key: string, value: string | undefined) => values(key).length === 0 || (value !== undefined && values(key).includes(value));
  const fuzzy = (key: string, value: string | undefined) => values(key).length === 0 || (value !== undefined && value !== "" && values(key).some((v) => v === value || value.startsWith(v)));
  const byName = (key: string, event: DockerEvent) => fuzzy(key, event.Actor.ID) || fuzzy(key, event.Actor.Attributes["name"]);
  const fuzzyEvents = values("event").some((v) => SUFFIXED.includes(v));
  const stripTag = (ref: string) => ref.replace(/:[^:/]+$/, "");
  return (event) => {
    const imageName = event.Actor.Attributes[event.Type === "image" ? "name" : "image"];
    return (
      (fuzzyEvents ? fuzzy("event", event.Action) : exact("event", event.Action)) &&
      exact("type", event.Type) &&
      exact("scope", event.scope) &&
      values("daemon").length === 0 &&
      byName("container", event) &&
      byName("volume", event) &&
      byName("network", event) &&
      (values("image").length === 0 || exact("image", event.Actor.ID) || exact("image", imageName) || exact("image", stripTag(event.Actor.ID)) || exact("image", imageName && stripTag(imageName))) &&
      ["plugin", "node", "service", "secret", "config"].every((k) => values(k).length === 0) &&
      values("label").every((v) => {
        const i = v.indexOf("=");
        return i < 0 ? v in event.Actor.Attributes : event.Actor.Attributes[v.slice(0, i)] === v.slice(i + 1);
      })
    );
  };
}
