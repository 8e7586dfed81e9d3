/**
 * What the architecture view draws: a plain snapshot of the engine's state, read through the
 * Engine interface (never the simulator's internals), and the differences between two snapshots
 * (what screen readers hear after a command). No DOM here, so it is unit-tested in Node.
 */
import type { ContainerStatus, Engine } from "../../simulator/backend/engine.ts";
import type { BuildTrace, CacheReasonCode } from "../../simulator/engine/events.ts";

export interface PortView {
  hostPort: string;
  containerPort: string;
  proto: string;
  /** Bound now (the container runs); otherwise only asked for with -p. */
  active: boolean;
}

export interface MountView {
  type: string;
  /** The volume's name, or the host path of a bind mount. */
  source: string;
  dest: string;
}

export interface ContainerView {
  id: string;
  name: string;
  image: string;
  imageId: string;
  state: ContainerStatus;
  exitCode: number;
  ports: PortView[];
  networks: string[];
  mounts: MountView[];
}

export interface ImageView {
  id: string;
  /** `nginx:latest`, or `<none>` for a dangling image. */
  name: string;
  tags: string[];
  /** Diff IDs, newest (top) first. */
  layers: string[];
  /** Names of the containers made from it. */
  users: string[];
}

export interface NetworkView {
  name: string;
  driver: string;
  /** Names of the containers attached to it, running or not. */
  members: string[];
}

export interface VolumeView {
  name: string;
  /** `name` shortened when it is an anonymous volume's 64-hex ID. */
  label: string;
  /** Container names and where each mounts it. */
  users: { name: string; dest: string }[];
}

export interface Snapshot {
  containers: ContainerView[];
  images: ImageView[];
  networks: NetworkView[];
  volumes: VolumeView[];
  /** Registries served by containers on this host (`localhost:5000`), besides Docker Hub. */
  registries: { host: string; container: string }[];
  /** Diff ID -> names of the images that hold that layer. */
  layerUse: Record<string, string[]>;
}

export const emptySnapshot: Snapshot = { containers: [], images: [], networks: [], volumes: [], registries: [], layerUse: {} };

/** Runs one engine call so that its own `api` trace is not drawn as the learner's command. */
export type Quiet = <T>(call: () => Promise<T>) => Promise<T>;

const loud: Quiet = (call) => call();

/** Read everything the picture shows. Objects removed while reading are skipped. */
export async function readSnapshot(engine: Engine, quiet: Quiet = loud): Promise<Snapshot> {
  const [summaries, imageSummaries, networkList, volumeList] = await Promise.all([
    quiet(() => engine.containerList({ all: true })),
    quiet(() => engine.imageList()),
    quiet(() => engine.networkList()),
    quiet(() => engine.volumeList()),
  ]);
  const inspected = await Promise.all(summaries.map((s) => quiet(() => engine.containerInspect(s.Id)).catch(() => undefined)));
  const containers: ContainerView[] = [];
  inspected.forEach((c, i) => {
    const s = summaries[i]!;
    if (!c) return;
    containers.push({
      id: c.Id,
      name: c.Name.replace(/^\//, ""),
      image: s.Image,
      imageId: c.Image,
      state: c.State.Status,
      exitCode: c.State.ExitCode,
      ports: portsOf(c.NetworkSettings.Ports, c.HostConfig.PortBindings, c.State.Status === "running" || c.State.Status === "paused"),
      networks: Object.keys(c.NetworkSettings.Networks ?? {}),
      mounts: (c.Mounts ?? []).map((m) => ({ type: m.Type, source: m.Type === "volume" ? (m.Name ?? m.Source) : m.Source, dest: m.Destination })),
    });
  });

  const sortedImages = imageSummaries.slice().sort((a, b) => b.Created - a.Created || a.Id.localeCompare(b.Id));
  const layersOf = await Promise.all(
    sortedImages.map((img) => quiet(() => engine.imageInspect(img.Id)).then((i) => i.RootFS.Layers.slice().reverse(), () => [] as string[])),
  );
  const images: ImageView[] = sortedImages.map((img, i) => ({
    id: img.Id,
    name: img.RepoTags[0] ?? "<none>",
    tags: img.RepoTags.slice(),
    layers: layersOf[i]!,
    users: containers.filter((c) => c.imageId === img.Id).map((c) => c.name),
  }));
  const layerUse: Record<string, string[]> = {};
  for (const image of images) for (const layer of new Set(image.layers)) (layerUse[layer] ??= []).push(image.name === "<none>" ? shortId(image.id) : image.name);

  const builtIn = ["bridge", "host", "none"];
  const networks: NetworkView[] = networkList
    .map((n) => ({ name: n.Name, driver: n.Driver, members: containers.filter((c) => c.networks.includes(n.Name)).map((c) => c.name) }))
    // host and none are always there; they are only worth a box when something uses them.
    .filter((n) => n.name === "bridge" || !builtIn.includes(n.name) || n.members.length > 0)
    .sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));

  const volumes: VolumeView[] = volumeList
    .map((v) => ({
      name: v.Name,
      label: /^[0-9a-f]{64}$/.test(v.Name) ? shortId(v.Name) : v.Name,
      users: containers.flatMap((c) => c.mounts.filter((m) => m.type === "volume" && m.source === v.Name).map((m) => ({ name: c.name, dest: m.dest }))),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));

  const registries = containers
    .filter((c) => c.state === "running" && /(^|\/)registry(:|$)/.test(c.image))
    .flatMap((c) => c.ports.filter((p) => p.containerPort === "5000" && p.active).map((p) => ({ host: `localhost:${p.hostPort}`, container: c.name })));

  return { containers, images, networks, volumes, registries, layerUse };

  function rank(name: string): number {
    const i = builtIn.indexOf(name);
    return i < 0 ? builtIn.length : i;
  }
}

function portsOf(
  live: Record<string, { HostPort: string }[] | null> | undefined,
  asked: Record<string, { HostPort: string }[]> | undefined,
  running: boolean,
): PortView[] {
  const source = running ? live : asked;
  const ports: PortView[] = [];
  for (const [spec, bindings] of Object.entries(source ?? {})) {
    const [containerPort = spec, proto = "tcp"] = spec.split("/");
    for (const hostPort of new Set((bindings ?? []).map((b) => b.HostPort))) ports.push({ hostPort, containerPort, proto, active: running });
  }
  return ports;
}

export function shortId(id: string): string {
  return id.replace(/^sha256:/, "").slice(0, 12);
}

/** One thing that changed, for the aria-live region. */
export type Change =
  | { type: "container"; name: string; state: ContainerStatus | "removed"; exitCode: number; isNew: boolean }
  | { type: "image" | "network" | "volume"; name: string; gone: boolean };

/** What differs between two snapshots, in reading order: containers, images, networks, volumes. */
export function changes(before: Snapshot, after: Snapshot): Change[] {
  const out: Change[] = [];
  const old = new Map(before.containers.map((c) => [c.id, c]));
  for (const c of after.containers.slice().reverse()) {
    const was = old.get(c.id);
    if (!was || was.state !== c.state || (c.state === "exited" && was.exitCode !== c.exitCode) || was.name !== c.name) {
      out.push({ type: "container", name: c.name, state: c.state, exitCode: c.exitCode, isNew: !was });
    }
  }
  const now = new Set(after.containers.map((c) => c.id));
  for (const c of before.containers) if (!now.has(c.id)) out.push({ type: "container", name: c.name, state: "removed", exitCode: 0, isNew: false });
  const named = (type: "image" | "network" | "volume", a: string[], b: string[]) => {
    const had = new Set(a);
    const has = new Set(b);
    for (const name of b) if (!had.has(name)) out.push({ type, name, gone: false });
    for (const name of a) if (!has.has(name)) out.push({ type, name, gone: true });
  };
  named("image", before.images.flatMap(imageNames), after.images.flatMap(imageNames));
  const made = (n: NetworkView) => !["bridge", "host", "none"].includes(n.name);
  named("network", before.networks.filter(made).map((n) => n.name), after.networks.filter(made).map((n) => n.name));
  named("volume", before.volumes.map((v) => v.label), after.volumes.map((v) => v.label));
  return out;
}

function imageNames(image: ImageView): string[] {
  return image.tags.length > 0 ? image.tags : [shortId(image.id)];
}

/** One step of the last build as the picture shows it: cached or rebuilt, why, and its layer. */
export interface BuildStepView {
  step: string;
  cached: boolean;
  reason: CacheReasonCode;
  /** The files that changed, when a COPY or ADD source changed. */
  files: string[];
  /** The diff ID of the layer the step gave (none for steps that change only metadata). */
  layer?: string;
}

/** The latest build, from the daemon's trace stream. */
export interface BuildView {
  /** Its first tag (`hello:latest`), or "" when untagged. */
  ref: string;
  state: "running" | "done" | "failed" | "canceled";
  /** The image ID it made. */
  image?: string;
  steps: BuildStepView[];
}

/** Fold one trace into the latest build (a start begins a new one). */
export function applyBuildTrace(view: BuildView | undefined, trace: BuildTrace): BuildView | undefined {
  switch (trace.action) {
    case "start":
      return { ref: trace.ref, state: "running", steps: [] };
    case "step":
      if (!view) return view;
      return {
        ...view,
        steps: [...view.steps, { step: trace.step, cached: trace.cached, reason: trace.reason, files: trace.files ?? [], ...(trace.layer ? { layer: trace.layer } : {}) }],
      };
    case "done":
      return view ? { ...view, state: "done", image: trace.image } : view;
    case "failed":
    case "canceled":
      return view ? { ...view, state: trace.action } : view;
  }
}

/** Layer diff ID -> how the last build made it, for the image that build produced. */
export function buildMarks(view: BuildView | undefined, image: ImageView): Map<string, BuildStepView> {
  const marks = new Map<string, BuildStepView>();
  if (!view || view.state !== "done" || view.image !== image.id) return marks;
  for (const step of view.steps) if (step.layer && image.layers.includes(step.layer)) marks.set(step.layer, step);
  return marks;
}
