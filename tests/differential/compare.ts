/** Compare one command's results from the two engines, after normalisation and known differences. */
import { knownDifferences } from "./known-differences.ts";
import { normaliseResult } from "./normalise.ts";
import type { CommandResult } from "./result.ts";
import type { Part, TranscriptCommand } from "./transcript.ts";

export interface Comparison {
  /** Parts still compared after known differences. */
  compared: Part[];
  /** Compared parts that differ. */
  mismatched: Part[];
  /** Reasons of the known differences applied. */
  known: string[];
  /** Normalised results (real one after known-difference rewrites). */
  real: CommandResult;
  sim: CommandResult;
}

const partOf = (r: CommandResult, p: Part): string => (p === "exit" ? String(r.exitCode) : r[p]);

export function compareCommand(cmd: TranscriptCommand, rawReal: CommandResult, rawSim: CommandResult): Comparison {
  let real = normaliseResult(rawReal);
  const sim = normaliseResult(rawSim);
  let compared = [...cmd.compare];
  const known: string[] = [];
  for (const kd of knownDifferences) {
    if (!kd.command.test(cmd.command)) continue;
    if (kd.when && !kd.when(real, sim, cmd.command)) continue;
    if (kd.rewrite) real = kd.rewrite(real, cmd.command);
    if (kd.ignore) compared = compared.filter((p) => !kd.ignore!.includes(p));
    known.push(kd.reason);
  }
  const mismatched = compared.filter((p) => partOf(real, p) !== partOf(sim, p));
  return { compared, mismatched, known, real, sim };
}
