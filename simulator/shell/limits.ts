/**
 * just-bash runs a loop without giving the page a chance to draw, so an endless loop would
 * freeze the tab. Shells stop after a bounded amount of work instead, and say so plainly.
 */
export const SHELL_LIMITS = { maxCommandCount: 50_000, maxLoopIterations: 50_000 };

const RUNAWAY = /^(?:bash|sh): .*(?:too many commands executed \(>\d+\), increase executionLimits\.maxCommandCount|too many iterations \(\d+\), increase executionLimits\.maxLoopIterations)\n?/m;

/** Exit status of a runaway script, as if the kernel had stopped it (SIGXCPU). */
export const RUNAWAY_EXIT = 152;

/** Whether just-bash stopped the script for running too long. */
export const isRunaway = (stderr: string) => RUNAWAY.test(stderr);

/** Replace just-bash's limit message with one a learner can act on. */
export function explainRunaway(stderr: string, shell: string): string {
  return stderr.replace(RUNAWAY, `${shell}: stopped after ${SHELL_LIMITS.maxCommandCount.toLocaleString("en-US")} steps: Dockyard runs commands in your browser and cannot run an endless loop (on real Docker it would run until stopped)\n`);
}
