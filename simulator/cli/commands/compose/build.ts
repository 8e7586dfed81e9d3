/** `docker compose pull` and `build`: the project's images. */
import { buildImage, pullImage } from "../../../compose/images.ts";
import { selectServices } from "../../../compose/up.ts";
import { loadFor, operation, runtimeFor, type ComposeCommand } from "./shared.ts";

export const pull: ComposeCommand = {
  name: "pull",
  usage: "[OPTIONS] [SERVICE...]",
  short: "Pull service images",
  flags: [
    { long: "ignore-pull-failures", type: "bool", usage: "Pull what it can and ignores images with pull failures" },
    { long: "include-deps", type: "bool", usage: "Also pull services declared as dependencies" },
    { long: "quiet", short: "q", type: "bool", usage: "Pull without printing progress information" },
    { long: "ignore-buildable", type: "bool", usage: "Ignore images that can be built" },
  ],
  async run(ctx, global, flags, args) {
    const project = await loadFor(ctx, global, { labelsOnly: false });
    const services = selectServices(project, args, flags["include-deps"] !== true);
    const rt = runtimeFor(ctx, { quiet: flags["quiet"] === true });
    let failed = false;
    await operation(rt, "pull", async () => {
      const seen = new Set<string>();
      for (const s of services.slice().sort()) {
        const cfg = project.services[s]!;
        if (!cfg.image) continue;
        if (cfg.build && flags["ignore-buildable"] === true) continue;
        if (seen.has(cfg.image)) continue;
        seen.add(cfg.image);
        const ok = await pullImage(rt, cfg.image, { ignoreFailure: flags["ignore-pull-failures"] === true || cfg.build !== undefined });
        if (!ok && !cfg.build) failed = true;
      }
    });
    if (failed && flags["ignore-pull-failures"] !== true) return 1;
    return 0;
  },
};

export const build: ComposeCommand = {
  name: "build",
  usage: "[OPTIONS] [SERVICE...]",
  short: "Build or rebuild services",
  flags: [
    { long: "no-cache", type: "bool", usage: "Do not use cache when building the image" },
    { long: "pull", type: "bool", usage: "Always attempt to pull a newer version of the image" },
    { long: "quiet", short: "q", type: "bool", usage: "Suppress the build output" },
    { long: "with-dependencies", type: "bool", usage: "Also build dependencies (transitively)" },
  ],
  async run(ctx, global, flags, args) {
    const project = await loadFor(ctx, global, { labelsOnly: false });
    const services = selectServices(project, args, flags["with-dependencies"] !== true).filter((s) => project.services[s]!.build);
    const rt = runtimeFor(ctx, { quiet: flags["quiet"] === true });
    await operation(rt, "build", async () => {
      for (const s of services) await buildImage(rt, project, s, { noCache: flags["no-cache"] === true });
    });
    return 0;
  },
};
