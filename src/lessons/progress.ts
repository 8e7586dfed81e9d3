/**
 * What the learner has finished, kept in this browser (no account): lesson slug -> exercise ids,
 * plus each page's sandbox (its steps, see src/terminal/sandbox.ts). Slugs are the same in every
 * language, so a lesson read in Korean and in English shares its progress.
 */
import { isStep, MAX_STEPS, type SandboxStep } from "../terminal/sandbox.ts";

const KEY = "dockyard:progress:v1";
const SANDBOX_PREFIX = "dockyard:sandbox:v1:";
const HISTORY_KEY = "dockyard:history";
/** The file format's name and version, checked on import. */
export const EXPORT_FORMAT = "dockyard-progress";
export const EXPORT_VERSION = 1;

type Progress = Record<string, string[]>;

/** Everything an export file holds. */
export interface ProgressExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  /** Lesson slug -> ids of the exercises completed. */
  completed: Progress;
  /** Sandbox scope (`lesson:first-container`, `playground`) -> its steps. */
  sandboxes: Record<string, SandboxStep[]>;
}

/** An import that was refused; the message says why. */
export class ProgressImportError extends Error {}

function read(): Progress {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? "{}");
    return isProgress(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

function write(progress: Progress): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(progress));
  } catch {
    // Storage full or disabled: the ticks still show for this visit.
  }
}

export function doneIn(lesson: string): Set<string> {
  return new Set(read()[lesson] ?? []);
}

export function markDone(lesson: string, exercise: string): void {
  const progress = read();
  const done = new Set(progress[lesson] ?? []);
  done.add(exercise);
  progress[lesson] = [...done];
  write(progress);
}

/** How many exercises are completed across all lessons. */
export function completedCount(progress: Progress = read()): number {
  return Object.values(progress).reduce((n, ids) => n + ids.length, 0);
}

/** The whole progress as the export file's object. */
export function exportProgress(now = new Date()): ProgressExport {
  const sandboxes: Record<string, SandboxStep[]> = {};
  for (const key of storageKeys()) {
    if (!key.startsWith(SANDBOX_PREFIX)) continue;
    try {
      const steps: unknown = JSON.parse(localStorage.getItem(key) ?? "[]");
      if (Array.isArray(steps)) sandboxes[key.slice(SANDBOX_PREFIX.length)] = steps.filter(isStep);
    } catch {
      // A damaged entry is left out of the file.
    }
  }
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), completed: read(), sandboxes };
}

/** Check an export file's text; throws ProgressImportError saying what is wrong. */
export function parseExport(text: string): ProgressExport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ProgressImportError("it is not JSON (was it exported from Dockyard?).");
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new ProgressImportError("it is not a Dockyard progress file.");
  const v = value as Record<string, unknown>;
  if (v["format"] !== EXPORT_FORMAT) throw new ProgressImportError("it is not a Dockyard progress file.");
  if (v["version"] !== EXPORT_VERSION) throw new ProgressImportError(`it has format version ${String(v["version"])}; this site reads version ${EXPORT_VERSION}.`);
  if (!isProgress(v["completed"])) throw new ProgressImportError("its list of completed exercises is damaged.");
  const sandboxes = v["sandboxes"] ?? {};
  if (!sandboxes || typeof sandboxes !== "object" || Array.isArray(sandboxes)) throw new ProgressImportError("its sandboxes are damaged.");
  for (const [scope, steps] of Object.entries(sandboxes)) {
    if (!/^[\w:.-]{1,100}$/.test(scope)) throw new ProgressImportError(`it names an unknown sandbox (${scope.slice(0, 40)}).`);
    if (!Array.isArray(steps) || steps.length > MAX_STEPS || !steps.every(isStep)) throw new ProgressImportError(`the sandbox ${scope} is damaged.`);
  }
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: typeof v["exportedAt"] === "string" ? v["exportedAt"] : "",
    completed: v["completed"],
    sandboxes: sandboxes as Record<string, SandboxStep[]>,
  };
}

/** Replace this browser's progress and sandboxes with an export's. */
export function importProgress(data: ProgressExport): void {
  for (const key of storageKeys()) if (key.startsWith(SANDBOX_PREFIX)) localStorage.removeItem(key);
  write(data.completed);
  for (const [scope, steps] of Object.entries(data.sandboxes)) {
    if (steps.length > 0) localStorage.setItem(SANDBOX_PREFIX + scope, JSON.stringify(steps));
  }
}

/** Forget completed exercises, saved sandboxes and the terminal's history. */
export function resetProgress(): void {
  for (const key of storageKeys()) {
    if (key === KEY || key === HISTORY_KEY || key.startsWith(SANDBOX_PREFIX)) localStorage.removeItem(key);
  }
}

function storageKeys(): string[] {
  const keys: string[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (key !== null) keys.push(key);
  }
  return keys;
}

function isProgress(value: unknown): value is Progress {
  if (!value || typeof value !== "object" || Array.isArray(value)) return false;
  return Object.entries(value).every(([lesson, ids]) => /^[\w-]{1,100}$/.test(lesson) && Array.isArray(ids) && ids.every((id) => typeof id === "string" && id.length <= 100));
}
