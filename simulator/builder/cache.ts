/**
 * The builder's layer cache, and why a step hit or missed it. BuildKit keys each step on its
 * parent and its inputs; Dockyard also remembers what each parent's children looked like, so a
 * miss can be explained: the instruction changed, a copied file changed, an earlier step rebuilt.
 */
import type { CacheReasonCode } from "../engine/events.ts";
import type { RegistryLayer } from "../engine/registry.ts";

export type { CacheReasonCode };

export interface CacheReason {
  code: CacheReasonCode;
  /** Files whose content differs (source-changed), as paths in the build context. */
  files?: string[];
  /** One line of English: `COPY source changed: app.py`. */
  text: string;
}

/** What a step was, under its parent: its instruction text, its full inputs, and per-file sums of what it copied. */
export interface StepIdentity {
  /** The instruction as written (`COPY . /app`). */
  instruction: string;
  /** Everything the step's key covers besides the parent. */
  inputs: string;
  /** Source path -> content sum, for COPY and ADD. */
  files?: Map<string, string>;
}

const MAX_FILES = 3;

function filesText(files: string[]): string {
  const shown = files.slice(0, MAX_FILES).join(", ");
  return files.length > MAX_FILES ? `${shown} (+${files.length - MAX_FILES} more)` : shown;
}

/** Changed, added and removed paths between two copies. */
function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  const out = new Set<string>();
  for (const [path, sum] of after) if (before.get(path) !== sum) out.add(path);
  for (const path of before.keys()) if (!after.has(path)) out.add(path);
  return [...out].sort();
}

export class LayerCache {
  /** Step key -> the layer it made (null: the step made no layer). */
  readonly layers = new Map<string, RegistryLayer | null>();
  /** Parent key -> the steps built on it, by instruction text. */
  readonly #children = new Map<string, Map<string, StepIdentity>>();
  /** Every instruction built here before, under any parent. */
  readonly #seen = new Set<string>();

  remember(parent: string, step: StepIdentity): void {
    let children = this.#children.get(parent);
    if (!children) this.#children.set(parent, (children = new Map()));
    children.set(step.instruction, step);
    this.#seen.add(step.instruction);
  }

  /** Why a step missed: called only when its key is not in the cache (or --no-cache). */
  explainMiss(parent: string, step: StepIdentity, why: { noCache: boolean; parentRebuilt: boolean; baseChanged: boolean }): CacheReason {
    if (why.noCache) return { code: "no-cache", text: "--no-cache" };
    if (why.parentRebuilt) return this.#seen.has(step.instruction) ? { code: "parent-rebuilt", text: "previous step rebuilt" } : { code: "first-build", text: "not built before" };
    const children = this.#children.get(parent);
    const same = children?.get(step.instruction);
    if (same) {
      if (same.files && step.files) {
        const files = changedFiles(same.files, step.files);
        if (files.length > 0) return { code: "source-changed", files, text: `${step.instruction.split(/\s/)[0]} source changed: ${filesText(files)}` };
      }
      return { code: "inputs-changed", text: "build arguments or environment changed" };
    }
    if (children && children.size > 0) return { code: "instruction-changed", text: "instruction changed" };
    if (why.baseChanged) return { code: "base-changed", text: "base image changed" };
    return { code: "first-build", text: "not built before" };
  }
}

export const CACHED: CacheReason = { code: "cached", text: "cached" };
