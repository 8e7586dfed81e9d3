import type { CommandContext, CommandSpec } from "../command.ts";
import { ProgressPrinter } from "../format/progress.ts";
import { parseReference } from "../../engine/reference.ts";
import { describeError } from "./errors.ts";

/** Pull `ref`, writing progress as the CLI does while it arrives; resolves with the full reference pulled. */
export async function pullWithProgress(ctx: CommandContext, ref: string, write: (text: string) => void, quiet = false, allTags = false): Promise<string> {
  const printer = new ProgressPrinter(ctx.io.isTTY, ctx.io.columns, write);
  const result = await ctx.engine.imagePull(ref, { onProgress: (m) => !quiet && printer.push(m), allTags, ...(ctx.io.signal ? { signal: ctx.io.signal } : {}) });
  return result.reference;
}

/** docker pull / docker image pull */
export const pull: CommandSpec = {
  name: "pull",
  usage: "[OPTIONS] NAME[:TAG|@DIGEST]",
  short: "Download an image from a registry",
  args: { min: 1, max: 1 },
  flags: [
    { long: "all-tags", short: "a", type: "bool", usage: "Download all tagged images in the repository" },
    { long: "quiet", short: "q", type: "bool", usage: "Suppress verbose output" },
    { long: "platform", type: "string", usage: "Set platform if server is multi-platform capable" },
  ],
  async run(ctx, flags, [name]) {
    const quiet = flags["quiet"] === true;
    try {
      const ref = parseReference(name!);
      const allTags = flags["all-tags"] === true;
      if (allTags && (ref.tag !== undefined || ref.digest !== undefined)) {
        ctx.io.stderr("tag can't be used with --all-tags/-a\n");
        return 1;
      }
      if (ref.tag === undefined && ref.digest === undefined && !quiet && !allTags) ctx.io.stdout("Using default tag: latest\n");
      const full = await pullWithProgress(ctx, name!, ctx.io.stdout, quiet, allTags);
      ctx.io.stdout(`${full}\n`);
      return 0;
    } catch (error) {
      if (ctx.io.signal?.aborted) return 130;
      ctx.io.stderr(`${describeError(error)}\n`);
      return 1;
    }
  },
};
