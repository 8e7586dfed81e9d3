/** docker push / docker image push */
import type { CommandSpec } from "../command.ts";
import { ProgressPrinter } from "../format/progress.ts";
import { EngineError } from "../../backend/errors.ts";
import { credentialKey } from "../../engine/registries.ts";
import { parseReference, withDefaultTag, familiarString, fullString } from "../../engine/reference.ts";
import { describeError } from "./errors.ts";
import { storedAuth } from "./login.ts";

export const push: CommandSpec = {
  name: "push",
  usage: "[OPTIONS] NAME[:TAG]",
  short: "Upload an image to a registry",
  args: { min: 1, max: 1 },
  flags: [
    { long: "all-tags", short: "a", type: "bool", usage: "Push all tags of an image to the repository" },
    {
      long: "platform",
      type: "string",
      usage: "Push a platform-specific manifest as a single-platform image to the registry.\nImage index won't be pushed, meaning that other manifests, including attestations won't be preserved.\n'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)",
    },
    { long: "quiet", short: "q", type: "bool", usage: "Suppress verbose output" },
  ],
  async run(ctx, flags, [name]) {
    const { io, engine } = ctx;
    const quiet = flags["quiet"] === true;
    const allTags = flags["all-tags"] === true;
    let ref;
    try {
      ref = parseReference(name!);
    } catch (error) {
      io.stderr(`${describeError(error)}\n`);
      return 1;
    }
    if (allTags && (ref.tag !== undefined || ref.digest !== undefined)) {
      io.stderr("tag can't be used with --all-tags/-a\n");
      return 1;
    }
    if (ref.digest !== undefined) {
      io.stderr("cannot push a digest reference\n");
      return 1;
    }
    if (!allTags && ref.tag === undefined) {
      ref = withDefaultTag(ref);
      if (!quiet) io.stdout(`Using default tag: ${ref.tag}\n`);
    }
    // Once the daemon has started its progress stream, its errors arrive in the stream: printed bare.
    let streaming = false;
    const printer = new ProgressPrinter(io.isTTY, io.columns, io.stdout);
    try {
      const registryAuth = await storedAuth(ctx.host, credentialKey(ref));
      await engine.imagePush(familiarString(ref), {
        onProgress: (m) => {
          streaming = true;
          if (!quiet) printer.push(m);
        },
        ...(allTags ? { allTags } : {}),
        ...(registryAuth ? { registryAuth } : {}),
        ...(io.signal ? { signal: io.signal } : {}),
      });
      if (quiet) io.stdout(`${fullString(ref)}\n`);
      return 0;
    } catch (error) {
      if (io.signal?.aborted) return 130;
      io.stderr(`${streaming && error instanceof EngineError ? error.message : describeError(error)}\n`);
      return 1;
    }
  },
};
