import type { CommandSpec } from "../command.ts";
import { containerConfig, containerFlags, createWithPull } from "./run.ts";
import { describeError } from "./errors.ts";

/** docker create / docker container create */
export const create: CommandSpec = {
  name: "create",
  usage: "[OPTIONS] IMAGE [COMMAND] [ARG...]",
  short: "Create a new container",
  args: { min: 1 },
  interspersed: false,
  usageExitCode: 125,
  flags: containerFlags,
  async run(ctx, flags, [image, ...command]) {
    try {
      const { config, name } = await containerConfig(flags, image!, command, ctx.host);
      ctx.io.stdout(`${await createWithPull(ctx, config, name)}\n`);
      return 0;
    } catch (error) {
      ctx.io.stderr(`docker: ${describeError(error)}\n\nRun 'docker create --help' for more information\n`);
      return 125;
    }
  },
};
