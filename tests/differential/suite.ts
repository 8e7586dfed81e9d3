/** The differential suite: every transcript on the real engine and on the simulator, compared command by command. */
import { fileURLToPath } from "node:url";
import { compareCommand, compareThroughGateway, type Comparison } from "./compare.ts";
import { lineDiff } from "./diff.ts";
import { resetRealEngine, runReal } from "./real-engine.ts";
import type { CommandResult } from "./result.ts";
import { runSimulator } from "./simulator.ts";
import { loadTranscripts, type TranscriptCommand } from "./transcript.ts";

export const transcriptsDir = fileURLToPath(new URL("./transcripts/", import.meta.url));
export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
/** The checkout whose simulator is measured: this one, or DOCKYARD_SIM_DIR (e.g. an export of another commit). */
export const simulatorDir = (): string => process.env["DOCKYARD_SIM_DIR"] || repoRoot;

export interface CommandOutcome extends TranscriptCommand {
  real: CommandResult;
  sim: CommandResult | undefined;
  comparison: Comparison | undefined;
  /** Counted (compares at least one part) and equal. */
  match: boolean;
  /** Through the gateway: the outcome its policy gives on purpose, as gateway-differences.ts expects (neither a match nor a miss). */
  asPolicy?: "refused" | "changed";
}

export interface TranscriptOutcome {
  name: string;
  commands: CommandOutcome[];
  problem?: string;
}

export interface SuiteOutcome {
  transcripts: TranscriptOutcome[];
  matched: number;
  /** Commands compared with the simulator (policy outcomes as expected are not among them). */
  total: number;
  /** Through the gateway: commands refused, or changed, by its policy as gateway-differences.ts expects. */
  refused: number;
  changed: number;
}

export const counted = (c: TranscriptCommand): boolean => c.compare.length > 0;

/** `docker`: the docker CLI on DOCKER_HOST; `gateway`: Dockyard's CLI on DOCKER_HOST through the gateway (tests/differential/gateway-engine.ts). */
export type ReferenceSide = "docker" | "gateway";

export async function runTranscriptFile(transcript: { name: string; commands: TranscriptCommand[] }, reference: ReferenceSide = "docker"): Promise<TranscriptOutcome> {
  const simRun = runSimulator(transcript.commands.map((c) => c.command), simulatorDir());
  const realResults: CommandResult[] = [];
  if (reference === "gateway") {
    const { runThroughGateway } = await import("./gateway-engine.ts");
    const run = await runThroughGateway(transcript.commands.map((c) => c.command));
    realResults.push(...run.results.map((r) => r ?? { stdout: "", stderr: `[gateway: ${run.problem ?? "no result"}]\n`, exitCode: -1 }));
  } else {
    await resetRealEngine();
    for (const c of transcript.commands) realResults.push(await runReal(c.command));
  }
  const { results: simResults, problem } = await simRun;
  const commands = transcript.commands.map((c, i): CommandOutcome => {
    const real = realResults[i]!;
    const sim = simResults[i];
    const comparison = sim ? (reference === "gateway" ? compareThroughGateway : compareCommand)(c, real, sim) : undefined;
    const equal = counted(c) && comparison !== undefined && comparison.mismatched.length === 0;
    if (equal && comparison?.policy) return { ...c, real, sim, comparison, match: false, asPolicy: comparison.policy.kind };
    return { ...c, real, sim, comparison, match: equal };
  });
  return problem ? { name: transcript.name, commands, problem } : { name: transcript.name, commands };
}

export async function runSuite(options: { filter?: string; onTranscript?: (t: TranscriptOutcome) => void; reference?: ReferenceSide } = {}): Promise<SuiteOutcome> {
  const transcripts: TranscriptOutcome[] = [];
  for (const t of loadTranscripts(transcriptsDir, options.filter)) {
    const outcome = await runTranscriptFile(t, options.reference);
    transcripts.push(outcome);
    options.onTranscript?.(outcome);
  }
  const all = transcripts.flatMap((t) => t.commands).filter(counted);
  const compared = all.filter((c) => !c.asPolicy);
  return { transcripts, matched: compared.filter((c) => c.match).length, total: compared.length, refused: all.filter((c) => c.asPolicy === "refused").length, changed: all.filter((c) => c.asPolicy === "changed").length };
}

const indent = (lines: string[], pad: string) => lines.map((l) => pad + l);
const show = (s: string) => JSON.stringify(s.length > 300 ? `${s.slice(0, 300)}…` : s);

/** Human report of one transcript: its score and a compact diff per mismatching command. */
export function formatTranscript(t: TranscriptOutcome, verbose = false): string {
  const scored = t.commands.filter(counted);
  const compared = scored.filter((c) => !c.asPolicy);
  const policy = scored.length - compared.length;
  const out = [`── ${t.name}: ${compared.filter((c) => c.match).length}/${compared.length} match${policy ? `, ${policy} as the gateway's policy expects` : ""}`];
  if (t.problem) out.push(`   ! ${t.problem}`);
  for (const c of scored) {
    if ((c.match || c.asPolicy) && !verbose) continue;
    const cmp = c.comparison;
    out.push(`   ${c.match ? "✓" : c.asPolicy ? "⊘" : "✗"} ${c.command.split("\n")[0]}${cmp?.mismatched.length ? `   [${cmp.mismatched.join(",")}]` : ""}`);
    if (!cmp) {
      out.push("       (no simulator result)");
      continue;
    }
    for (const reason of cmp.known) out.push(`       known: ${reason}`);
    if (cmp.policy) out.push(`       policy (${cmp.policy.kind}): ${cmp.policy.reason}`);
    const sides = cmp.policy ? "- gateway, + as the policy expects" : "- real, + sim";
    for (const part of cmp.mismatched) {
      if (part === "exit") out.push(cmp.policy ? `       exit: gateway ${cmp.real.exitCode}, expected ${cmp.sim.exitCode}` : `       exit: real ${cmp.real.exitCode}, sim ${cmp.sim.exitCode}`);
      else {
        const diff = lineDiff(cmp.real[part].replace(/\n$/, ""), cmp.sim[part].replace(/\n$/, ""));
        out.push(`       ${part} (${sides}):`, ...indent(diff.length ? diff : [`- ${show(cmp.real[part])}`, `+ ${show(cmp.sim[part])}`], "         "));
      }
    }
  }
  return out.join("\n");
}

export function summaryLine(s: SuiteOutcome): string {
  const pct = s.total ? (100 * s.matched) / s.total : 0;
  const policy = s.refused || s.changed ? `; ${s.refused} refused by policy (expected), ${s.changed} changed by policy (expected)` : "";
  return `differential: ${s.matched}/${s.total} commands match (${pct.toFixed(1)}%)${policy}`;
}

export const matchRate = (s: SuiteOutcome): number => (s.total ? (100 * s.matched) / s.total : 0);
