/** One build stage: its instructions in order, filesystem steps as cached layers, the rest as config. */
import type { Clock } from "../engine/clock.ts";
import { digestOf, sha256Hex } from "../engine/digest.ts";
import { Layer, LayeredFs, normalizePath } from "../engine/layered-fs.ts";
import type { RegistryLayer } from "../engine/registry.ts";
import { processWord, type CopyFields, type Instruction, type Stage } from "../dockerfile/index.ts";
import { copyLayer, planCopy, type Tree } from "./copy.ts";
import { applyMetadata, commandArgv } from "./meta.ts";
import { BuildFailure, type Progress } from "./progress.ts";
import { runStep } from "./run.ts";
import { envMap, type StageState } from "./state.ts";

/** Metadata steps take the export's time, known only at the end. */
export const PENDING = "";

export interface StageContext {
  progress: Progress;
  clock: Clock;
  /** Step cache key -> the layer it made (null: the step made no layer). */
  cache: Map<string, RegistryLayer | null>;
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
    const name = `${label(n)} ${shownInstruction(ins)}`;
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
      await step(state, sc, name, `workdir:${path}`, `WORKDIR ${path}`, async () => {
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
      await step(state, sc, name, `run:${JSON.stringify(argv)}:${JSON.stringify(args)}:${state.config.WorkingDir}:${state.config.User}:${JSON.stringify(state.config.Env)}`, createdBy, async (id) => {
        let pending = "";
        const output = (text: string) => {
          pending += text;
          const lines = pending.split("\n");
          pending = lines.pop()!;
          for (const line of lines) sc.progress.log(id, line);
        };
        const outcome = await runStep(state, argv, sc.clock, output, sc.signal);
        if (pending) sc.progress.log(id, pending);
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
  if (sources.some((s) => /^https?:\/\//.test(s))) throw fail(`ADD from a URL is not available in Dockyard's simulated builder: ${sources.find((s) => /^https?:\/\//.test(s))}`);
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
  const plan = planCopy(tree, sources, target, (p) => fs.statIfExists(p)?.isDirectory ?? false, mode);
  if ("missing" in plan) {
    const ref = sha256Hex(`${state.key}:${name}`);
    const failure = fail(`failed to compute cache key: failed to calculate checksum of ref ${ref.slice(0, 8)}-${ref.slice(8, 12)}-${ref.slice(12, 16)}-${ref.slice(16, 20)}-${ref.slice(20, 32)}::${ref.slice(32, 57)}: "${plan.missing}": not found`);
    sc.progress.error(sc.progress.start(name), failure.message);
    throw failure;
  }
  const keyword = ins.kind === "add" ? "ADD" : "COPY";
  await step(state, sc, name, `${keyword}:${from ?? ""}:${plan.checksum}:${ins.chown ?? ""}`, `${keyword} ${sources.join(" ")} ${dest} # buildkit`, async () => copyLayer(plan.files));
}

/** A filesystem step: reuse the cached layer for its key, or make it and remember it. */
async function step(state: StageState, sc: StageContext, name: string, what: string, createdBy: string, make: (id: number) => Promise<Layer | null>): Promise<void> {
  const key = sha256Hex(`${state.key}\n${what}`);
  const id = sc.progress.start(name);
  let layer: RegistryLayer | null | undefined = sc.noCache ? undefined : sc.cache.get(key);
  if (layer !== undefined) sc.progress.done(id, true);
  else {
    try {
      const fs = await make(id);
      const created = new Date(sc.clock.now()).toISOString();
      layer = fs ? { digest: digestOf(`layer:${key}`), diffId: digestOf(`diff:${key}`), size: fs.size(), compressed: Math.ceil(fs.size() / 2), createdBy, fs, created, comment: "buildkit.dockerfile.v0" } : null;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      sc.progress.error(id, message);
      throw error instanceof BuildFailure ? error : new BuildFailure(message, name);
    }
    sc.cache.set(key, layer);
    if (layer) sc.progress.freshLayers = true;
    sc.progress.done(id);
  }
  state.key = key;
  if (layer) {
    state.layers.push(layer);
    state.created = layer.created ?? state.created;
    state.history.push({ created: state.created, createdBy, comment: "buildkit.dockerfile.v0", emptyLayer: false });
  } else state.history.push({ created: PENDING, createdBy, comment: "buildkit.dockerfile.v0", emptyLayer: true });
}
