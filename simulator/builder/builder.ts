/**
 * The simulated BuildKit: solves a Dockerfile against a context into an image. Filesystem
 * steps become cached layers; metadata goes into the image config and history.
 */
import type { BuildContextEntry, BuildOptions, BuildResult, BuildWarning } from "../backend/engine.ts";
import type { Clock } from "../engine/clock.ts";
import { digestOf } from "../engine/digest.ts";
import type { LocalImage } from "../engine/image-store.ts";
import { LayeredFs } from "../engine/layered-fs.ts";
import { parseReference, withDefaultTag, familiarString } from "../engine/reference.ts";
import type { RegistryLayer } from "../engine/registry.ts";
import { checkDockerfile, DockerfileParseError, parseDockerfile, processWord, type Dockerfile } from "../dockerfile/index.ts";
import { contextTree, stageTree, type Tree } from "./copy.ts";
import { BuildFailure, Progress } from "./progress.ts";
import { isStep, PENDING, runStage, type StageContext } from "./stage.ts";
import { cloneState, stateFrom, type StageState } from "./state.ts";

export interface BuilderDeps {
  clock: Clock;
  lookup(ref: string): LocalImage | undefined;
  /** Pull an image; throws the daemon's error when it cannot. */
  pull(ref: string, signal?: AbortSignal): Promise<void>;
  /** Keep the built image, tagged with each familiar `name:tag`. */
  store(image: LocalImage, tags: string[]): LocalImage;
}

/** Thrown once the checks have run when only checks were asked for. */
class ChecksOnly {}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const fullName = (ref: string) => {
  const r = withDefaultTag(parseReference(ref));
  return `${r.domain}/${r.path}${r.tag !== undefined ? `:${r.tag}` : ""}${r.digest !== undefined ? `@${r.digest}` : ""}`;
};

export class Builder {
  readonly #cache = new Map<string, RegistryLayer | null>();
  /** Base images already used by a build here: their FROM step shows as CACHED. */
  readonly #seen = new Set<string>();
  /** When an image with a given content was first exported: an identical rebuild gets the same time, so the same ID. */
  readonly #exported = new Map<string, string>();

  constructor(readonly deps: BuilderDeps) {}

  async build(context: BuildContextEntry[], options: BuildOptions): Promise<BuildResult> {
    const progress = new Progress(this.deps.clock, options.onProgress ?? (() => {}));
    const warnings: BuildWarning[] = [];
    try {
      return { Id: await this.#solve(context, options, progress, warnings), warnings };
    } catch (error) {
      if (error instanceof ChecksOnly) return { warnings };
      const failure = error instanceof BuildFailure ? error : new BuildFailure(message(error));
      return {
        error: {
          message: `failed to solve: ${failure.message}`,
          ...(failure.step !== undefined ? { step: failure.step } : {}),
          ...(failure.line !== undefined ? { line: failure.line, endLine: failure.endLine ?? failure.line } : {}),
        },
        warnings,
      };
    }
  }

  async #image(ref: string, signal?: AbortSignal): Promise<LocalImage> {
    const local = this.deps.lookup(ref);
    if (local) return local;
    const full = fullName(ref);
    try {
      await this.deps.pull(ref, signal);
    } catch (error) {
      if (/pull access denied/.test(message(error))) {
        throw new BuildFailure(`${ref}: failed to resolve source metadata for ${full}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`);
      }
      throw new BuildFailure(`${ref}: failed to resolve source metadata for ${full}: ${full}: not found`);
    }
    const pulled = this.deps.lookup(ref);
    if (!pulled) throw new BuildFailure(`${ref}: failed to resolve source metadata for ${full}: ${full}: not found`);
    return pulled;
  }

  async #solve(context: BuildContextEntry[], options: BuildOptions, progress: Progress, warnings: BuildWarning[]): Promise<string> {
    const name = options.dockerfileName ?? "Dockerfile";
    const def = progress.start(`[internal] load build definition from ${name}`);
    const text = options.dockerfile;
    progress.status(def, `transferring dockerfile: ${text === undefined ? 2 : new TextEncoder().encode(text).length}B done`);
    progress.done(def);
    if (text === undefined) throw new BuildFailure(`failed to read dockerfile: open ${name}: no such file or directory`);
    let df: Dockerfile;
    try {
      df = parseDockerfile(text);
    } catch (error) {
      if (error instanceof DockerfileParseError) throw new BuildFailure(error.message, undefined, error.line > 0 ? error.line : undefined, error.endLine);
      throw new BuildFailure(message(error));
    }
    const buildArgs = options.buildArgs ?? {};
    try {
      for (const w of checkDockerfile(text, { buildArgs }).warnings) warnings.push({ rule: w.rule, message: w.message, line: w.line, endLine: w.endLine, url: w.url });
    } catch {
      // Checks are advice: a check that cannot run does not stop the build.
    }
    if (options.check) throw new ChecksOnly();
    const metaArgs = new Map<string, string>();
    const expandMeta = (word: string, line: number) => {
      try {
        return processWord(word, metaArgs, { escapeToken: df.escapeToken });
      } catch (error) {
        throw new BuildFailure(message(error), undefined, line);
      }
    };
    for (const ins of df.metaArgs) {
      for (const arg of ins.args) {
        const value = buildArgs[arg.key] ?? (arg.value !== undefined ? expandMeta(arg.value, ins.line) : undefined);
        if (value !== undefined) metaArgs.set(arg.key, value);
      }
    }
    const { stages } = df;
    let target = stages.length - 1;
    if (options.target) {
      target = stages.findIndex((s) => s.name === options.target!.toLowerCase());
      if (target < 0) throw new BuildFailure(`target stage "${options.target}" could not be found`);
    }
    const stageIndex = (ref: string, before: number, numeric: boolean) => {
      const i = stages.findIndex((s, j) => j < before && s.name === ref.toLowerCase());
      if (i >= 0) return i;
      return numeric && /^\d+$/.test(ref) && Number(ref) < before ? Number(ref) : -1;
    };
    const bases = stages.map((s) => expandMeta(s.baseName, s.line));
    // The stages the target needs: its base stage and the ones it copies from, transitively.
    const needed = new Set<number>();
    const visit = (i: number) => {
      if (needed.has(i)) return;
      needed.add(i);
      const base = stageIndex(bases[i]!, i, false);
      if (base >= 0) visit(base);
      for (const ins of stages[i]!.instructions) {
        if (ins.kind !== "copy" || ins.from === undefined) continue;
        const from = stageIndex(expandMeta(ins.from, ins.line), i, true);
        if (from >= 0) visit(from);
      }
    };
    visit(target);
    const order = [...needed].sort((a, b) => a - b);
    const images = new Map<number, LocalImage>();
    const shownBase = new Map<string, string>();
    for (const i of order) {
      const base = bases[i]!;
      if (stageIndex(base, i, false) >= 0 || base === "scratch") continue;
      let full: string;
      try {
        full = fullName(base);
      } catch (error) {
        throw new BuildFailure(`failed to parse stage name "${base}": ${message(error)}`, undefined, stages[i]!.line);
      }
      if (!shownBase.has(base)) {
        shownBase.set(base, full);
        const id = progress.start(`[internal] load metadata for ${full}`);
        try {
          images.set(i, await this.#image(base, options.signal));
        } catch (error) {
          progress.error(id, message(error));
          throw error;
        }
        progress.done(id);
      } else images.set(i, await this.#image(base, options.signal));
    }
    const ignore = progress.start("[internal] load .dockerignore");
    progress.status(ignore, `transferring context: ${options.ignoreBytes || 2}B done`);
    progress.done(ignore);

    let tree: Tree | undefined;
    const results = new Map<number, StageState>();
    for (const i of order) {
      const stage = stages[i]!;
      const steps = 1 + stage.instructions.filter(isStep).length;
      const label = (k: number) => (stages.length > 1 ? `[${stage.name ?? `stage-${i}`} ${k}/${steps}]` : `[${k}/${steps}]`);
      const baseStage = stageIndex(bases[i]!, i, false);
      let state: StageState;
      if (baseStage >= 0) state = { ...cloneState(results.get(baseStage)!), args: new Map(), cmdSet: false };
      else if (bases[i] === "scratch") state = stateFrom(undefined, "scratch");
      else {
        const image = images.get(i)!;
        state = stateFrom(image, `from:${image.id}`);
        const digest = image.repoDigests[0]?.split("@")[1];
        const shown = `${shownBase.get(bases[i]!)!}${digest && !shownBase.get(bases[i]!)!.includes("@") ? `@${digest}` : ""}`;
        const id = progress.start(`${label(1)} FROM ${shown}`);
        progress.status(id, `resolve ${shown} done`);
        progress.done(id, !options.noCache && this.#seen.has(image.id));
        this.#seen.add(image.id);
      }
      const sc: StageContext = {
        progress,
        clock: this.deps.clock,
        cache: this.#cache,
        noCache: options.noCache ?? false,
        buildArgs,
        metaArgs,
        escapeToken: df.escapeToken,
        context: () => {
          if (!tree) {
            const id = progress.start("[internal] load build context");
            const bytes = context.reduce((sum, e) => sum + (e.content !== undefined ? new TextEncoder().encode(e.content).length : 0), 0);
            progress.status(id, `transferring context: ${bytes || 2}B done`);
            progress.done(id);
            tree = contextTree(context);
          }
          return tree;
        },
        from: async (name, sources) => {
          const j = stageIndex(name, i, true);
          if (j >= 0) return stageTree(new LayeredFs(results.get(j)!.layers.map((l) => l.fs)), sources);
          let image: LocalImage;
          try {
            image = await this.#image(name, options.signal);
          } catch (error) {
            throw error instanceof BuildFailure ? error : new BuildFailure(message(error));
          }
          return stageTree(new LayeredFs(image.layers.map((l) => l.fs)), sources);
        },
        ...(options.signal ? { signal: options.signal } : {}),
      };
      results.set(i, await runStage(stage, state, label, sc));
    }
    return this.#export(results.get(target)!, options.tags ?? [], progress);
  }

  #export(state: StageState, tags: string[], progress: Progress): string {
    const id = progress.start("exporting to image");
    progress.status(id, progress.freshLayers ? `exporting layers ${progress.seconds(id).toFixed(1)}s done` : "exporting layers done");
    const config = state.config;
    const content = digestOf(`export:${JSON.stringify({ config, layers: state.layers.map((l) => l.diffId), history: state.history, author: state.author ?? "" })}`);
    const created = this.#exported.get(content) ?? new Date(this.deps.clock.now()).toISOString();
    this.#exported.set(content, created);
    state.history = state.history.map((h) => (h.created === PENDING ? { ...h, created } : h));
    const imageId = digestOf(`config:${JSON.stringify({ config, layers: state.layers.map((l) => l.diffId), history: state.history, author: state.author ?? "" })}`);
    progress.status(id, `writing image ${imageId} done`);
    const familiar: string[] = [];
    for (const tag of tags) {
      familiar.push(familiarString(withDefaultTag(parseReference(tag))));
      progress.status(id, `naming to ${fullName(tag)} done`);
    }
    const image: LocalImage = {
      id: imageId,
      repoTags: [],
      repoDigests: [],
      created,
      config,
      layers: state.layers,
      programs: state.programs,
      history: state.history,
      ...(state.author ? { author: state.author } : {}),
    };
    this.deps.store(image, familiar);
    progress.done(id);
    return imageId;
  }
}
