import type { CommandIO } from "../command.ts";

/**
 * Docker's `[y/N]` prompt. A command in the simulated terminal cannot read a reply yet,
 * so it answers as a closed stdin does: no. `-f` skips the question.
 */
export function confirm(io: CommandIO, question: string): boolean {
  io.stdout(`${question}\n`);
  return false;
}
