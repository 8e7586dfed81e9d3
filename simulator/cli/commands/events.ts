/** docker events / docker system events: the daemon's event stream, past (--since) and live. */
import type { CommandSpec } from "../command.ts";
import type { DockerEvent } from "../../engine/events.ts";
import { parseFilters } from "../../engine/filters.ts";
import { asStruct, parseTemplate, type CompiledTemplate } from "../format/template/index.ts";
import { describeError } from "./errors.ts";
import { parseTimeFlag, rfc3339NanoFixed } from "./time-flags.ts";

export const events: CommandSpec = {
  name: "events",
  usage: "[OPTIONS]",
  short: "Get real time events from the server",
  args: { max: 0 },
  flags: [
    { long: "filter", short: "f", type: "list", valueName: "filter", usage: "Filter output based on conditions provided" },
    { long: "format", type: "string", usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { long: "since", type: "string", usage: "Show all events created since timestamp" },
    { long: "until", type: "string", usage: "Stream events until this timestamp" },
  ],
  async run({ engine, io, now }, flags) {
    try {
      const time = (name: string) => (typeof flags[name] === "string" ? parseTimeFlag(flags[name] as string, now()) : undefined);
      const since = time("since");
      const until = time("until");
      const format = flags["format"] as string | undefined;
      let template: CompiledTemplate | undefined;
      try {
        template = format ? parseTemplate(format === "json" ? "{{json .}}" : format) : undefined;
      } catch (error) {
        io.stderr(`Error parsing format: ${error instanceof Error ? error.message : String(error)}\n`);
        return 64;
      }
      for await (const event of engine.systemEvents({
        filters: parseFilters((flags["filter"] as string[] | undefined) ?? []),
        ...(since !== undefined ? { since } : {}),
        ...(until !== undefined ? { until } : {}),
        ...(io.signal ? { signal: io.signal } : {}),
      })) {
        io.stdout(template ? `${template.execute(eventContext(event))}\n` : prettyEvent(event));
      }
      return 0;
    } catch (error) {
      if (io.signal?.aborted) return 0;
      io.stderr(`${describeError(error)}\n`);
      return 1;
    }
  },
};

/** `2026-11-28T19:30:00.123456789Z container start 3f2a... (image=nginx, name=web)`, as the CLI prints it. */
export function prettyEvent(event: DockerEvent): string {
  const attributes = Object.keys(event.Actor.Attributes)
    .sort()
    .map((k) => `${k}=${event.Actor.Attributes[k]}`);
  return `${rfc3339NanoFixed(event.timeNano)} ${event.Type} ${event.Action} ${event.Actor.ID}${attributes.length > 0 ? ` (${attributes.join(", ")})` : ""}\n`;
}

/** The template's view of an event: Go's field names, and the API's JSON for `{{json .}}`. */
function eventContext(event: DockerEvent): object {
  const actor = asStruct({ ID: event.Actor.ID, Attributes: event.Actor.Attributes }, "events.Actor");
  const context = asStruct({ Type: event.Type, Action: event.Action, Actor: actor, scope: event.scope, time: event.time, timeNano: event.timeNano }, "events.Message");
  for (const [field, key] of [["Scope", "scope"], ["Time", "time"], ["TimeNano", "timeNano"]] as const) {
    Object.defineProperty(context, field, { value: context[key], enumerable: false });
  }
  return context;
}
