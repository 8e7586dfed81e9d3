/** What a build stage has become so far: its layers, image config, history and build args. */
import type { ImageConfig } from "../backend/engine.ts";
import { imageHistory, type HistoryEntry, type LocalImage } from "../engine/image-store.ts";
import type { RegistryLayer } from "../engine/registry.ts";

export interface StageState {
  layers: RegistryLayer[];
  config: ImageConfig;
  history: HistoryEntry[];
  programs: Record<string, string>;
  /** Cache key of the filesystem so far: each step's key chains on it. */
  key: string;
  /** ARGs in scope and their values. */
  args: Map<string, string>;
  /** When the last layer was made (metadata steps take its time, so rebuilds give the same ID). */
  created: string;
  author?: string;
  /** Whether this stage set CMD (an ENTRYPOINT resets an inherited one). */
  cmdSet: boolean;
  /** A step of this chain missed the cache, so every step after it rebuilds. */
  rebuilt?: boolean;
  /** The base image differs from the one an earlier build of this Dockerfile used. */
  baseChanged?: boolean;
}

export const EMPTY_CONFIG: ImageConfig = { Cmd: null, Entrypoint: null, Env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"], WorkingDir: "", User: "", Labels: null };

/** A stage starting from an image (or from nothing, `scratch`). */
export function stateFrom(image: LocalImage | undefined, key: string): StageState {
  if (!image) return { layers: [], config: structuredClone(EMPTY_CONFIG), history: [], programs: {}, key, args: new Map(), created: "1970-01-01T00:00:00Z", cmdSet: false };
  return {
    layers: image.layers.slice(),
    config: structuredClone(image.config),
    history: imageHistory(image),
    programs: image.programs,
    key,
    args: new Map(),
    created: image.created,
    cmdSet: false,
  };
}

export function cloneState(state: StageState): StageState {
  return { ...state, layers: state.layers.slice(), config: structuredClone(state.config), history: state.history.slice(), args: new Map(state.args) };
}

/** The image config's Env as a map. */
export function envMap(env: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of env) {
    const i = e.indexOf("=");
    out.set(i < 0 ? e : e.slice(0, i), i < 0 ? "" : e.slice(i + 1));
  }
  return out;
}

export function setEnv(config: ImageConfig, key: string, value: string): void {
  config.Env = [...config.Env.filter((e) => (e.includes("=") ? e.slice(0, e.indexOf("=")) : e) !== key), `${key}=${value}`];
}
