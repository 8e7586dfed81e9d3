/** Compare one command's results from the two engines, after normalisation and known differences. */
import { gatewayDifferences, policyMessage } from "./gateway-differences.ts";
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
  /** The simulator's, or what the gateway's policy expects when `policy` is set. */
  sim: CommandResult;
  /** Through the gateway: the command is a listed policy difference (gateway-differences.ts), checked against its expected outcome instead of the simulator. */
  policy?: { kind: "refused" | "changed"; reason: string };
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

/**
 * Through the gateway: a command on the gateway-differences list must give the outcome listed there
 * (a refusal with the policy's message, or the simulator's result as the policy changes it); any
 * other command is compared with the simulator as in the docker-CLI mode.
 */
export function compareThroughGateway(cmd: TranscriptCommand, rawGateway: CommandResult, rawSim: CommandResult): Comparison {
  const gd = gatewayDifferences.find((d) => d.command.test(cmd.command));
  if (!gd) return compareCommand(cmd, rawGateway, rawSim);
  const real = normaliseResult(rawGateway);
  const policy = { kind: gd.kind, reason: gd.reason };
  if (gd.refusal) {
    // The expected side shows the refusal as listed; the check is on the policy's words, not the whole text.
    const message = new RegExp(`${policyMessage.replace(/[.*+?^${}()|[\]\\']/g, "\\$&")}${gd.refusal.source}`, gd.refusal.flags);
    const expected: CommandResult = { stdout: "", stderr: message.test(real.stderr) ? real.stderr : `…${policyMessage}${gd.refusal.source}…`, exitCode: gd.exitCode ?? real.exitCode };
    const compared: Part[] = ["stdout", "stderr", "exit"];
    return { compared, mismatched: compared.filter((p) => partOf(real, p) !== partOf(expected, p)), known: [], real, sim: expected, policy };
  }
  const expected = gd.expect!(normaliseResult(rawSim));
  const compared = [...cmd.compare];
  return { compared, mismatched: compared.filter((p) => partOf(real, p) !== partOf(expected, p)), known: [], real, sim: expected, policy };
}
