/**
 * The simulated BuildKit: solves a Dockerfile against a context into an image. Filesystem
 * steps become cached layers; metadata goes into the image config and history.
 */
import type { BuildContextEntry, BuildOptions, BuildResult, BuildWarning } from "../backend/engine.ts";
import { createActor } from "xstate";
import { sleep, type Clock } from "../engine/clock.ts";
import type { BuildTrace } from "../engine/events.ts";
import { digestOf } from "../engine/digest.ts";
import type { LocalImage } from "../engine/image-store.ts";
import { LayeredFs } from "../engine/layered-fs.ts";
import { parseReference, withDefaultTag, familiarString } from "../engine/reference.ts";
import { checkDockerfile, DockerfileParseError, parseDockerfile, processWord, type Dockerfile, type Instruction } from "../dockerfile/index.ts";
import { buildMachine } from "./build.machine.ts";
import { CACHED, LayerCache } from "./cache.ts";
import { contextTree, stageTree, type Tree } from "./copy.ts";
import type { MountCaches } from "./mounts.ts";
import { BuildFailure, Canceled, Progress } from "./progress.ts";
import { isStep, PENDING, runStage, type StageContext, type StepReport } from "./stage.ts";
import { cloneState, stateFrom, type StageState } from "./state.ts";

export interface BuilderDeps {
  clock: Clock;
  lookup(ref: string): LocalImage | undefined;
  /** Pull an image; throws the daemon's error when it cannot. */
  pull(ref: string, signal?: AbortSignal): Promise<void>;
  /** Keep the built image, tagged with each familiar `name:tag`. */
  store(image: LocalImage, tags: string[]): LocalImage;
  /** The daemon's trace stream: the build, and each step's cache hit or miss. */
  trace?(event: BuildTrace): void;
  /** How long a rebuilt step takes, so a person can watch (cached steps stay instant, as in BuildKit); unset is instant. */
  stepMs?(): number | undefined;
}

/** Thrown once the checks have run when only checks were asked for. */
class ChecksOnly {}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const fullName = (ref: string) => {
  const r = withDefaultTag(parseReference(ref));
  return `${r.domain}/${r.path}${r.tag !== undefined ? `:${r.tag}` : ""}${r.digest !== undefined ? `@${r.digest}` : ""}`;
};

export class Builder {
  readonly #cache = new LayerCache();
  /** `RUN --mount=type=cache` directories, by id: they outlive builds, as BuildKit's do. */
  readonly #mountCaches: MountCaches = new Map();
  /** The image ID each base name resolved to when last built on (a new one rebuilds its steps). */
  readonly #bases = new Map<string, string>();
  /** Base images already used by a build here: their FROM step shows as CACHED. */
  readonly #seen = new Set<string>();
  /** When an image with a given content was first exported: an identical rebuild gets the same time, so the same ID. */
  readonly #exported = new Map<string, string>();

  constructor(readonly deps: BuilderDeps) {}

  async build(context: BuildContextEntry[], options: BuildOptions): Promise<BuildResult> {
    const progress = new Progress(this.deps.clock, options.onProgress ?? (() => {}));
    const warnings: BuildWarning[] = [];
    let ref = "";
    try {
      ref = options.tags?.[0] ? familiarString(withDefaultTag(parseReference(options.tags[0]))) : "";
    } catch {
      // A bad tag fails in the exporter, with its own message.
    }
    const trace = (event: BuildTrace extends infer T ? (T extends BuildTrace ? Omit<T, "kind" | "from" | "ref"> : never) : never) => this.deps.trace?.({ kind: "build", from: "daemon", ref, ...event } as BuildTrace);
    const actor = createActor(buildMachine).start();
    const cancel = () => actor.send({ type: "CANCEL" });
    options.signal?.addEventListener("abort", cancel, { once: true });
    if (options.signal?.aborted) cancel();
    actor.send({ type: "START" });
    if (!options.check) trace({ action: "start" });
    const cancelled = () => actor.getSnapshot().value === "cancelled";
    try {
      const id = await this.#solve(context, options, progress, warnings, {
        checkCancelled: () => {
          if (cancelled()) throw new Canceled();
        },
        pace: async (cached) => {
          const ms = this.deps.stepMs?.() ?? 0;
          if (ms > 0 && !cached) await sleep(this.deps.clock, ms, options.signal).catch(() => undefined);
          if (cancelled()) throw new Canceled();
        },
        report: (step) => {
          actor.send({ type: "STEP_DONE", cached: step.cached });
          trace({ action: "step", step: step.name, cached: step.cached, reason: step.reason.code, why: step.reason.text, ...(step.reason.files ? { files: step.reason.files } : {}), ...(step.layer ? { layer: step.layer } : {}) });
        },
      });
      actor.send({ type: "SUCCEED" });
      trace({ action: "done", image: id });
      return { Id: id, warnings };
    } catch (error) {
      if (error instanceof ChecksOnly) return { warnings };
      const failure = cancelled() ? (error instanceof Canceled ? error : new Canceled()) : error instanceof BuildFailure ? error : new BuildFailure(message(error));
      if (!cancelled()) actor.send({ type: "FAIL", message: failure.message });
      trace({ action: cancelled() ? "canceled" : "failed", message: `failed to solve: ${failure.message}` });
      return {
        error: {
          message: `failed to solve: ${failure.message}`,
          ...(failure.step !== undefined ? { step: failure.step } : {}),
          ...(failure.line !== undefined ? { line: failure.line, endLine: failure.endLine ?? failure.line } : {}),
        },
        warnings,
      };
    } finally {
      options.signal?.removeEventListener("abort", cancel);
      actor.stop();
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

  async #solve(context: BuildContextEntry[], options: BuildOptions, progress: Progress, warnings: BuildWarning[], hooks: Pick<StageContext, "checkCancelled" | "pace" | "report">): Promise<string> {
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
      hooks.checkCancelled?.();
      const baseImage = images.get(i);
      const triggers = baseImage ? this.#triggers(baseImage, stages[i]!.from.line, stages[i]!.from.endLine) : [];
      // ONBUILD triggers of the base image run first, as the stage's own first instructions.
      const stage = triggers.length > 0 ? { ...stages[i]!, instructions: [...triggers, ...stages[i]!.instructions] } : stages[i]!;
      const steps = 1 + stage.instructions.filter(isStep).length;
      // BuildKit pads the step number to the width of the total: `[ 2/12]`.
      const label = (k: number) => `[${stages.length > 1 ? `${stage.name ?? `stage-${i}`} ` : ""}${String(k).padStart(String(steps).length)}/${steps}]`;
      const baseStage = stageIndex(bases[i]!, i, false);
      let state: StageState;
      if (baseStage >= 0) state = { ...cloneState(results.get(baseStage)!), args: new Map(), cmdSet: false };
      else if (bases[i] === "scratch") state = stateFrom(undefined, "scratch");
      else {
        const image = images.get(i)!;
        state = stateFrom(image, `from:${image.id}`);
        if (state.config.OnBuild) state.config.OnBuild = null;
        const previous = this.#bases.get(bases[i]!);
        state.baseChanged = previous !== undefined && previous !== image.id;
        this.#bases.set(bases[i]!, image.id);
        const digest = image.repoDigests[0]?.split("@")[1];
        const shown = `${shownBase.get(bases[i]!)!}${digest && !shownBase.get(bases[i]!)!.includes("@") ? `@${digest}` : ""}`;
        const name = `${label(1)} FROM ${shown}`;
        const id = progress.start(name);
        progress.status(id, `resolve ${shown} done`);
        const cached = !options.noCache && this.#seen.has(image.id);
        progress.done(id, cached);
        this.#seen.add(image.id);
        const reason: StepReport["reason"] = cached ? CACHED : options.noCache ? { code: "no-cache", text: "--no-cache" } : state.baseChanged ? { code: "base-changed", text: "base image changed" } : { code: "first-build", text: "not built before" };
        hooks.report?.({ name, cached, reason });
      }
      const sc: StageContext = {
        progress,
        clock: this.deps.clock,
        cache: this.#cache,
        mountCaches: this.#mountCaches,
        ...(triggers.length > 0 ? { onBuild: new Set(triggers) } : {}),
        ...hooks,
        noCache: options.noCache ?? false,
        buildArgs,
        metaArgs,
        escapeToken: df.escapeToken,
        context: () => {
          if (!tree) {
            const id = progress.start("[internal] load build context");
            const bytes = context.reduce((sum, e) => sum + (e.bytes ? e.bytes.length : e.content !== undefined ? new TextEncoder().encode(e.content).length : 0), 0);
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

  /** The base image's ONBUILD triggers as instructions, placed at the FROM line as BuildKit does. */
  #triggers(image: LocalImage, line: number, endLine: number): Instruction[] {
    const out: Instruction[] = [];
    for (const trigger of image.config.OnBuild ?? []) {
      let parsed: Instruction | undefined;
      try {
        parsed = parseDockerfile(`FROM scratch\n${trigger}\n`).stages[0]?.instructions[0];
      } catch (error) {
        throw new BuildFailure(message(error), undefined, line, endLine);
      }
      if (!parsed) throw new BuildFailure("onbuild trigger should be a single expression", undefined, line, endLine);
      out.push({ ...parsed, line, endLine });
    }
    return out;
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
