import type { CommandContext, CommandIO, CommandSpec } from "../command.ts";
import type { FlagSpec } from "../flags.ts";
import { EngineError } from "../../backend/errors.ts";
import { FormatError, renderOne } from "../format/output.ts";
import { describeError } from "./errors.ts";

/** JSON as the daemon and CLI write it (Go's encoder without HTML escaping). */
export const goJson = (value: unknown, indent?: string) => JSON.stringify(value, null, indent);

type Kind = "container" | "image" | "any";

const inspectFlags: FlagSpec[] = [
  { long: "format", short: "f", type: "string", usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
  { long: "size", short: "s", type: "bool", usage: "Display total file sizes if the type is container" },
];

async function lookup(ctx: CommandContext, kind: Kind, name: string): Promise<unknown> {
  if (kind === "container") return ctx.engine.containerInspect(name);
  if (kind === "image") {
    try {
      return await ctx.engine.imageInspect(name);
    } catch (error) {
      if (error instanceof EngineError && error.statusCode === 404) throw new EngineError(404, `no such image: ${name}: ${error.message}`);
      throw error;
    }
  }
  try {
    return await ctx.engine.containerInspect(name);
  } catch (error) {
    if (!(error instanceof EngineError && error.statusCode === 404)) throw error;
  }
  try {
    return await ctx.engine.imageInspect(name);
  } catch (error) {
    if (error instanceof EngineError && error.statusCode === 404) throw new Error(`No such object: ${name}`);
    throw error;
  }
}

function inspectCommand(kind: Kind): CommandSpec {
  const what = kind === "any" ? "NAME|ID" : kind === "container" ? "CONTAINER" : "IMAGE";
  return {
    name: "inspect",
    usage: `[OPTIONS] ${what} [${what}...]`,
    short: kind === "any" ? "Return low-level information on Docker objects" : `Display detailed information on one or more ${kind}s`,
    args: { min: 1 },
    flags: kind === "image" ? inspectFlags.slice(0, 1) : inspectFlags,
    async run(ctx, flags, names) {
      const found: unknown[] = [];
      const errors: string[] = [];
      for (const name of names) {
        try {
          found.push(await lookup(ctx, kind, name));
        } catch (error) {
          errors.push(kind === "any" && !(error instanceof EngineError) ? `Error: ${describeError(error)}` : describeError(error));
        }
      }
      return printInspected(ctx.io, found, errors, flags["format"]);
    },
  };
}

/**
 * What every `inspect` command prints: a JSON array (or one template line per object), then
 * the errors for the names it could not find; exit 1 when there were any.
 */
export function printInspected(io: CommandIO, found: unknown[], errors: string[], formatFlag: unknown): number {
  const format = typeof formatFlag === "string" ? formatFlag : "";
  try {
    if (format === "" || format === "json") io.stdout(`${goJson(found, "    ")}\n`);
    else {
      for (const item of found) io.stdout(renderOne(format, item));
      // The CLI still runs the template for what it could not find: an empty line each.
      io.stdout("\n".repeat(errors.length));
    }
  } catch (error) {
    if (error instanceof FormatError) {
      io.stderr(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  for (const error of errors) io.stderr(`${error}\n`);
  return errors.length > 0 ? 1 : 0;
}

export const inspect = inspectCommand("any");
export const containerInspect = inspectCommand("container");
export const imageInspect = inspectCommand("image");
