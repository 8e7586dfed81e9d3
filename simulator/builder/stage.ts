/** One build stage: its instructions in order, filesystem steps as cached layers, the rest as config. */
import type { Clock } from "../engine/clock.ts";
import { digestOf, sha256Hex } from "../engine/digest.ts";
import { Layer, LayeredFs, normalizePath } from "../engine/layered-fs.ts";
import type { RegistryLayer } from "../engine/registry.ts";
import { processWord, type CopyFields, type Instruction, type Stage } from "../dockerfile/index.ts";
import { CACHED, type CacheReason, type LayerCache, type StepIdentity } from "./cache.ts";
import { archiveTree } from "./archive.ts";
import { copyLayer, planCopy, type Tree } from "./copy.ts";
import { applyMetadata, commandArgv } from "./meta.ts";
import { BuildFailure, Canceled, CANCELED_VERTEX, type Progress } from "./progress.ts";
import { MountFailure, planMounts, type MountCaches } from "./mounts.ts";
import { runStep } from "./run.ts";
import { envMap, type StageState } from "./state.ts";

/** How one step went: cached or rebuilt, why, and the layer it gave (its diff ID). */
export interface StepReport {
  name: string;
  cached: boolean;
  reason: CacheReason;
  layer?: string;
}

/** Metadata steps take the export's time, known only at the end. */
export const PENDING = "";

export interface StageContext {
  progress: Progress;
  clock: Clock;
  /** Layers by step key, and what each parent's steps were (to say why one missed). */
  cache: LayerCache;
  /** Directories of `RUN --mount=type=cache`, kept across builds. */
  mountCaches: MountCaches;
  /** Each filesystem step's outcome, for the daemon's trace stream. */
  report?(step: StepReport): void;
  /** The base image's ONBUILD triggers, run as this stage's first instructions. */
  onBuild?: Set<Instruction>;
  /** Throws BuildKit's cancellation once the build was cancelled (Ctrl-C). */
  checkCancelled?(): void;
  /** Wait a moment while a step runs, when builds are paced for a person to watch. */
  pace?(cached: boolean): Promise<void>;
  noCache: boolean;
  buildArgs: Record<string, string>;
  metaArgs: Map<string, string>;
  escapeToken: string;
  /** The build context (sent on first use). */
  context(): Tree;
  /** What `COPY --from=NAME` copies from: an earlier stage or an image. */
  from(name: string, sources: string[]): Promise<Tree>;
  signal?: AbortSignal;
}

/** Instructions that make a step of their own (`[2/4] RUN ...`). */
export const isStep = (ins: Instruction) => ins.kind === "run" || ins.kind === "copy" || ins.kind === "add" || ins.kind === "workdir";

const shownInstruction = (ins: Instruction) => {
  const text = ins.original.trim().replace(/\s*\n\s*/g, " ");
  const space = text.search(/\s/);
  return space < 0 ? text.toUpperCase() : `${text.slice(0, space).toUpperCase()}${text.slice(space)}`;
};

export async function runStage(stage: Stage, state: StageState, label: (n: number) => string, sc: StageContext): Promise<StageState> {
  let n = 1;
  for (const ins of stage.instructions) {
    if (isStep(ins)) sc.checkCancelled?.();
    const env = new Map([...state.args, ...envMap(state.config.Env)]);
    const expand = (word: string) => processWord(word, env, { escapeToken: sc.escapeToken });
    if (!isStep(ins)) {
      let createdBy: string | undefined;
      try {
        createdBy = applyMetadata(state, ins, expand, sc.buildArgs, sc.metaArgs);
      } catch (error) {
        throw new BuildFailure(error instanceof Error ? error.message : String(error), shownInstruction(ins), ins.line, ins.endLine);
      }
      if (createdBy !== undefined) state.history.push({ created: PENDING, createdBy, comment: "buildkit.dockerfile.v0", emptyLayer: true });
      continue;
    }
    n++;
    // BuildKit names a base image's ONBUILD trigger `[2/4] ONBUILD COPY ...`.
    const name = `${label(n)} ${sc.onBuild?.has(ins) ? "ONBUILD " : ""}${shownInstruction(ins)}`;
    const fail = (message: string) => new BuildFailure(message, name, ins.line, ins.endLine);
    if (ins.kind === "workdir") {
      let path: string;
      try {
        path = normalizePath(expand(ins.path).startsWith("/") ? expand(ins.path) : `${state.config.WorkingDir || "/"}/${expand(ins.path)}`);
      } catch (error) {
        throw fail(error instanceof Error ? error.message : String(error));
      }
      state.config.WorkingDir = path;
      const exists = new LayeredFs(state.layers.map((l) => l.fs)).statIfExists(path)?.isDirectory ?? false;
      await step(state, sc, name, { instruction: shownInstruction(ins), inputs: `workdir:${path}` }, `WORKDIR ${path}`, async () => {
        if (exists) return null;
        const layer = new Layer();
        layer.ensureDirs(path, new Date(0));
        return layer;
      });
      continue;
    }
    if (ins.kind === "run") {
      const heredoc = ins.shell && ins.heredocs.length > 0 && /^<</.test(ins.command.trim()) ? ins.heredocs[0] : undefined;
      const argv = heredoc ? [...(state.config.Shell ?? ["/bin/sh", "-c"]), heredoc.data] : commandArgv(ins, state.config.Shell);
      const args = [...state.args].map(([k, v]) => `${k}=${v}`);
      const createdBy = `RUN ${args.length > 0 ? `|${args.length} ${args.join(" ")} ` : ""}${argv.join(" ")} # buildkit`;
      let mounts;
      try {
        mounts = await planMounts(ins.mounts, state.config.WorkingDir || "/", { caches: sc.mountCaches, context: sc.context, from: sc.from, expand });
      } catch (error) {
        const failure = fail(error instanceof Error ? error.message : String(error));
        if (error instanceof MountFailure || !(error instanceof BuildFailure)) sc.progress.error(sc.progress.start(name), failure.message);
        throw error instanceof BuildFailure ? error : failure;
      }
      const inputs = `run:${JSON.stringify(argv)}:${JSON.stringify(args)}:${state.config.WorkingDir}:${state.config.User}:${JSON.stringify(state.config.Env)}${mounts?.key ? `:${mounts.key}` : ""}`;
      await step(state, sc, name, { instruction: shownInstruction(ins), inputs }, createdBy, async (id) => {
        let pending = "";
        const output = (text: string) => {
          pending += text;
          const lines = pending.split("\n");
          pending = lines.pop()!;
          for (const line of lines) sc.progress.log(id, line);
        };
        const outcome = await runStep(state, argv, sc.clock, output, sc.signal, mounts);
        if (pending) sc.progress.log(id, pending);
        sc.checkCancelled?.();
        if (outcome.startError) throw fail(outcome.startError);
        if (outcome.exitCode !== 0) throw fail(`process "${argv.join(" ")}" did not complete successfully: exit code: ${outcome.exitCode}`);
        return outcome.layer;
      });
      continue;
    }
    await copyStep(ins as CopyFields & Instruction & { from?: string }, state, sc, name, expand, fail);
  }
  return state;
}

async function copyStep(ins: CopyFields & Instruction & { from?: string }, state: StageState, sc: StageContext, name: string, expand: (w: string) => string, fail: (m: string) => BuildFailure): Promise<void> {
  let sources: string[];
  let dest: string;
  let from: string | undefined;
  try {
    sources = ins.sources.map(expand);
    dest = expand(ins.dest);
    from = ins.from !== undefined ? expand(ins.from) : undefined;
  } catch (error) {
    throw fail(error instanceof Error ? error.message : String(error));
  }
  const url = ins.kind === "add" ? sources.find((s) => /^https?:\/\//i.test(s)) : undefined;
  if (url !== undefined) {
    // Dockyard's builder has no network: a URL fails as BuildKit's does when it cannot resolve the host.
    const host = /^https?:\/\/([^/:?#]+)/i.exec(url)?.[1] ?? url;
    const failure = fail(`failed to load cache key: Get "${url}": dial tcp: lookup ${host}: no such host`);
    sc.progress.error(sc.progress.start(name), failure.message);
    throw failure;
  }
  let tree: Tree;
  if (ins.heredocs.length > 0) {
    tree = new Map([["/", { type: "dir", mode: 0o755 }]]);
    for (const doc of ins.heredocs) tree.set(`/${doc.name}`, { type: "file", content: doc.data, mode: 0o644 });
    sources = [...sources, ...ins.heredocs.map((d) => d.name)];
  } else tree = from !== undefined ? await sc.from(from, sources) : sc.context();
  const workdir = state.config.WorkingDir || "/";
  const target = dest.startsWith("/") ? dest : `${workdir}/${dest}`;
  const fs = new LayeredFs(state.layers.map((l) => l.fs));
  const mode = ins.chmod !== undefined && /^[0-7]{3,4}$/.test(ins.chmod) ? parseInt(ins.chmod, 8) : undefined;
  // ADD unpacks a local tar archive (plain or gzip) into the destination, named directly (not by a glob).
  const archives: { source: string; tree: Tree }[] = [];
  const written = sources.slice();
  if (ins.kind === "add" && from === undefined && ins.heredocs.length === 0) {
    for (const source of sources) {
      const node = /[*?[]/.test(source) ? undefined : tree.get(normalizePath(source));
      const unpacked = node?.type === "file" ? await archiveTree(node.content) : undefined;
      if (unpacked) archives.push({ source, tree: unpacked });
    }
    if (archives.length > 0) sources = sources.filter((s) => !archives.some((a) => a.source === s));
  }
  const isDir = (p: string) => fs.statIfExists(p)?.isDirectory ?? false;
  const plan = sources.length > 0 || archives.length === 0 ? planCopy(tree, sources, target, isDir, mode) : { files: new Map(), checksum: "", sums: new Map<string, string>() };
  for (const archive of archives) {
    const unpacked = planCopy(archive.tree, ["/"], `${target}/`, isDir, mode);
    if ("missing" in unpacked || "missing" in plan) continue;
    for (const [path, node] of unpacked.files) plan.files.set(path, node);
    plan.checksum = sha256Hex(`${plan.checksum}\n${archive.source}\n${unpacked.checksum}`);
    plan.sums.set(normalizePath(archive.source).slice(1), unpacked.checksum);
  }
  sources = written;
  if ("missing" in plan) {
    const ref = sha256Hex(`${state.key}:${name}`);
    const failure = fail(`failed to compute cache key: failed to calculate checksum of ref ${ref.slice(0, 8)}-${ref.slice(8, 12)}-${ref.slice(12, 16)}-${ref.slice(16, 20)}-${ref.slice(20, 32)}::${ref.slice(32, 57)}: "${plan.missing}": not found`);
    sc.progress.error(sc.progress.start(name), failure.message);
    throw failure;
  }
  const keyword = ins.kind === "add" ? "ADD" : "COPY";
  const identity: StepIdentity = { instruction: shownInstruction(ins), inputs: `${keyword}:${from ?? ""}:${plan.checksum}:${ins.chown ?? ""}`, files: plan.sums };
  await step(state, sc, name, identity, `${keyword} ${sources.join(" ")} ${dest} # buildkit`, async () => copyLayer(plan.files));
}

/** A filesystem step: reuse the cached layer for its key, or make it and remember it. */
async function step(state: StageState, sc: StageContext, name: string, identity: StepIdentity, createdBy: string, make: (id: number) => Promise<Layer | null>): Promise<void> {
  const parent = state.key;
  const key = sha256Hex(`${parent}\n${identity.inputs}`);
  const id = sc.progress.start(name);
  let layer: RegistryLayer | null | undefined = sc.noCache ? undefined : sc.cache.layers.get(key);
  let reason = CACHED;
  try {
    await sc.pace?.(layer !== undefined);
  } catch (error) {
    sc.progress.error(id, error instanceof Canceled ? CANCELED_VERTEX : String(error));
    throw error;
  }
  if (layer !== undefined) sc.progress.done(id, true);
  else {
    reason = sc.cache.explainMiss(parent, identity, { noCache: sc.noCache, parentRebuilt: state.rebuilt ?? false, baseChanged: state.baseChanged ?? false });
    try {
      const fs = await make(id);
      const created = new Date(sc.clock.now()).toISOString();
      layer = fs ? { digest: digestOf(`layer:${key}`), diffId: digestOf(`diff:${key}`), size: fs.size(), compressed: Math.ceil(fs.size() / 2), createdBy, fs, created, comment: "buildkit.dockerfile.v0" } : null;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      sc.progress.error(id, error instanceof Canceled ? CANCELED_VERTEX : message);
      throw error instanceof BuildFailure ? error : new BuildFailure(message, name);
    }
    sc.cache.layers.set(key, layer);
    if (layer) sc.progress.freshLayers = true;
    sc.progress.done(id);
    state.rebuilt = true;
  }
  sc.cache.remember(parent, identity);
  sc.report?.({ name, cached: reason === CACHED, reason, ...(layer ? { layer: layer.diffId } : {}) });
  state.key = key;
  if (layer) {
    state.layers.push(layer);
    state.created = layer.created ?? state.created;
    state.history.push({ created: state.created, createdBy, comment: "buildkit.dockerfile.v0", emptyLayer: false });
  } else state.history.push({ created: PENDING, createdBy, comment: "buildkit.dockerfile.v0", emptyLayer: true });
}
