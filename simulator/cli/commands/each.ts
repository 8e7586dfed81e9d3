import type { CommandIO } from "../command.ts";
import { describeError } from "./errors.ts";

/**
 * Apply `action` to each named object, printing the name on success and the daemon's error
 * otherwise, as docker stop/start/rm/kill/pause do; exit 1 when any failed.
 */
export async function forEach(io: CommandIO, names: string[], action: (name: string) => Promise<void>, echo = true): Promise<number> {
  let failed = false;
  for (const name of names) {
    try {
      await action(name);
      if (echo) io.stdout(`${name}\n`);
    } catch (error) {
      io.stderr(`${describeError(error)}\n`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}
