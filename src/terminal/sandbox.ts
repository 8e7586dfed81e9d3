/**
 * The sandbox's state as the steps that made it: command lines and file edits, in order.
 * Replaying them on a fresh simulator rebuilds the containers, images and files, which is how
 * a reload restores the sandbox and how "undo" works. Framework-free; storage is passed in.
 */

/**
 * One thing the learner did: ran a line (`interrupted` when Ctrl-C or a reload ended it; `secret`
 * when it answered a password prompt, kept as a stand-in, never the password) or changed a file.
 */
export type SandboxStep =
  | { run: string; interrupted?: boolean; secret?: boolean }
  | { write: string; text: string }
  | { mkdir: string }
  | { rename: string; to: string }
  | { remove: string };

/** Where a sandbox's steps are kept between visits. */
export interface SandboxStore {
  load(): SandboxStep[];
  save(steps: SandboxStep[]): void;
}

/** More than this and the log is no longer saved: replaying it would take too long anyway. */
export const MAX_STEPS = 1000;
const MAX_TEXT = 200_000;

/** Whether `value` is one well-formed step (imported files and links are checked with it). */
export function isStep(value: unknown): value is SandboxStep {
  if (!value || typeof value !== "object" || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  const keys = Object.keys(v);
  const str = (k: string) => typeof v[k] === "string" && (v[k] as string).length <= MAX_TEXT;
  const flag = (k: string) => v[k] === undefined || typeof v[k] === "boolean";
  if ("run" in v) return str("run") && flag("interrupted") && flag("secret") && keys.every((k) => k === "run" || k === "interrupted" || k === "secret");
  if ("write" in v) return str("write") && str("text") && keys.length === 2;
  if ("mkdir" in v) return str("mkdir") && keys.length === 1;
  if ("rename" in v) return str("rename") && str("to") && keys.length === 2;
  if ("remove" in v) return str("remove") && keys.length === 1;
  return false;
}

/** The steps with repeated saves of one file folded into the last one (an editor saves often). */
export function appendStep(steps: readonly SandboxStep[], step: SandboxStep): SandboxStep[] {
  const last = steps.at(-1);
  if (last && "write" in last && "write" in step && last.write === step.write) return [...steps.slice(0, -1), step];
  return [...steps, step];
}

/** The steps without the last command line (file changes made after it stay). */
export function withoutLastCommand(steps: readonly SandboxStep[]): { steps: SandboxStep[]; undone: string | undefined } {
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i]!;
    if ("run" in step) return { steps: [...steps.slice(0, i), ...steps.slice(i + 1)], undone: step.run };
  }
  return { steps: [...steps], undone: undefined };
}

/** How many command lines the steps hold. */
export function commandCount(steps: readonly SandboxStep[]): number {
  return steps.filter((s) => "run" in s).length;
}

/** What replay needs from the simulator: run a line, touch the files. */
export interface ReplayTarget {
  exec(line: string, options: { signal: AbortSignal }): Promise<unknown>;
  files?: {
    write(path: string, text: string): Promise<void>;
    mkdir(path: string): Promise<void>;
    rename(from: string, to: string): Promise<void>;
    remove(path: string): Promise<void>;
  };
}

export interface ReplayOptions {
  /** How long an interrupted line runs before it is interrupted again (so its effects happen). */
  interruptAfterMs?: number;
  /** A line still running after this long is interrupted, so a replay can never hang. */
  timeoutMs?: number;
  /** Stop early (the learner reset the sandbox again). */
  signal?: AbortSignal;
}

/**
 * Run the steps silently on a fresh simulator. A line that was interrupted is interrupted again
 * once it has had a moment to start; a step that fails is skipped, as it failed the first time.
 */
export async function replaySteps(target: ReplayTarget, steps: readonly SandboxStep[], options: ReplayOptions = {}): Promise<void> {
  const { interruptAfterMs = 250, timeoutMs = 5000 } = options;
  for (const step of steps) {
    if (options.signal?.aborted) return;
    try {
      if ("run" in step) {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), step.interrupted ? interruptAfterMs : timeoutMs);
        const stop = () => controller.abort();
        options.signal?.addEventListener("abort", stop, { once: true });
        try {
          await Promise.race([target.exec(step.run, { signal: controller.signal }), aborted(controller.signal, 400)]);
        } finally {
          clearTimeout(timer);
          options.signal?.removeEventListener("abort", stop);
        }
      } else if (target.files) {
        if ("write" in step) await target.files.write(step.write, step.text);
        else if ("mkdir" in step) await target.files.mkdir(step.mkdir);
        else if ("rename" in step) await target.files.rename(step.rename, step.to);
        else await target.files.remove(step.remove);
      }
    } catch {
      // It failed when the learner did it too; the state after it is what counts.
    }
  }
}

/** Resolves `grace` ms after `signal` aborts: a line that ignores Ctrl-C does not stall the replay. */
function aborted(signal: AbortSignal, grace: number): Promise<void> {
  return new Promise((resolve) => signal.addEventListener("abort", () => setTimeout(resolve, grace), { once: true }));
}

/** Steps kept in localStorage under one key (a lesson's or the playground's). */
export function localSandbox(key: string): SandboxStore {
  return {
    load() {
      try {
        const saved: unknown = JSON.parse(localStorage.getItem(key) ?? "[]");
        return Array.isArray(saved) ? saved.filter(isStep) : [];
      } catch {
        return [];
      }
    },
    save(steps) {
      try {
        if (steps.length === 0) localStorage.removeItem(key);
        else if (steps.length <= MAX_STEPS) localStorage.setItem(key, JSON.stringify(steps));
      } catch {
        // Storage full or blocked: the sandbox still works for this visit.
      }
    },
  };
}

/** The storage key of a sandbox: the same for a lesson in every language. */
export function sandboxKey(scope: string): string {
  return `dockyard:sandbox:v1:${scope}`;
}
