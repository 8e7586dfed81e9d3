/** docker system prune: stopped containers, unused networks, (anonymous volumes), dangling or unused images. */
import type { CommandSpec } from "../command.ts";
import { humanSize } from "../format/units.ts";
import { confirmThen } from "./confirm.ts";
import { describeError } from "./errors.ts";

export const systemPrune: CommandSpec = {
  name: "prune",
  usage: "[OPTIONS]",
  short: "Remove unused data",
  args: { max: 0 },
  flags: [
    { long: "all", short: "a", type: "bool", usage: "Remove all unused images not just dangling ones" },
    { long: "filter", type: "list", valueName: "filter", usage: 'Provide filter values (e.g. "label=<key>=<value>")' },
    { long: "force", short: "f", type: "bool", usage: "Do not prompt for confirmation" },
    { long: "volumes", type: "bool", usage: "Prune anonymous volumes" },
  ],
  async run(ctx, flags) {
    const { engine } = ctx;
    const all = flags["all"] === true;
    const volumes = flags["volumes"] === true;
    const warnings = [
      "all stopped containers",
      "all networks not used by at least one container",
      ...(volumes ? ["all anonymous volumes not used by at least one container"] : []),
      all ? "all images without at least one container associated to them" : "all dangling images",
      all ? "all build cache" : "unused build cache",
    ];
    const question = `WARNING! This will remove:\n${warnings.map((w) => `  - ${w}\n`).join("")}\nAre you sure you want to continue? [y/N] `;
    return confirmThen(ctx, flags["force"] === true, question, async (io) => {
      try {
        let reclaimed = 0;
        const containers = await engine.containerPrune();
        reclaimed += containers.SpaceReclaimed;
        if (containers.ContainersDeleted.length > 0) io.stdout(`Deleted Containers:\n${containers.ContainersDeleted.map((id) => `${id}\n`).join("")}\n`);
        const networks = await engine.networkPrune();
        if (networks.NetworksDeleted.length > 0) io.stdout(`Deleted Networks:\n${networks.NetworksDeleted.map((n) => `${n}\n`).join("")}\n`);
        if (volumes) {
          const pruned = await engine.volumePrune();
          reclaimed += pruned.SpaceReclaimed;
          if (pruned.VolumesDeleted.length > 0) io.stdout(`Deleted Volumes:\n${pruned.VolumesDeleted.map((v) => `${v}\n`).join("")}\n`);
        }
        const images = await engine.imagePrune({ all });
        reclaimed += images.SpaceReclaimed;
        if (images.ImagesDeleted.length > 0) io.stdout(`Deleted Images:\n${images.ImagesDeleted.map((i) => ("Untagged" in i ? `untagged: ${i.Untagged}\n` : `deleted: ${i.Deleted}\n`)).join("")}\n`);
        io.stdout(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
        return 0;
      } catch (error) {
        io.stderr(`${describeError(error)}\n`);
        return 1;
      }
    });
  },
};
