/** Instructions that only change the image config (ENV, CMD, LABEL...): each adds an empty history entry. */
import { goQuoteSlice } from "../dockerfile/go-text.ts";
import type { CommandLine, Instruction } from "../dockerfile/index.ts";
import { setEnv, type StageState } from "./state.ts";

export type Expand = (word: string) => string;

const DEFAULT_SHELL = ["/bin/sh", "-c"];

/** The argv a CMD, ENTRYPOINT or RUN runs. */
export function commandArgv(line: CommandLine, shell: string[] | undefined): string[] {
  return line.shell ? [...(shell ?? DEFAULT_SHELL), line.command] : line.command.slice();
}

const durationText = (ns: number) => (ns === 0 ? "0s" : `${ns / 1e9}s`);

/**
 * Apply a metadata instruction; returns its history text, or undefined when `ins` is not one.
 * ARG values come from `buildArgs` first.
 */
export function applyMetadata(state: StageState, ins: Instruction, expand: Expand, buildArgs: Record<string, string>, metaArgs: Map<string, string>): string | undefined {
  const config = state.config;
  switch (ins.kind) {
    case "env": {
      const pairs = ins.env.map((kv) => [expand(kv.key), expand(kv.value)] as const);
      for (const [k, v] of pairs) setEnv(config, k, v);
      return `ENV ${pairs.map(([k, v]) => `${k}=${v}`).join(" ")}`;
    }
    case "arg": {
      const shown: string[] = [];
      for (const def of ins.args) {
        const value = buildArgs[def.key] ?? (def.value !== undefined ? expand(def.value) : metaArgs.get(def.key));
        if (value !== undefined) state.args.set(def.key, value);
        shown.push(value !== undefined ? `${def.key}=${value}` : def.key);
      }
      return `ARG ${shown.join(" ")}`;
    }
    case "label": {
      const pairs = ins.labels.map((kv) => [expand(kv.key), expand(kv.value)] as const);
      config.Labels = { ...(config.Labels ?? {}), ...Object.fromEntries(pairs) };
      return `LABEL ${pairs.map(([k, v]) => `${k}=${v}`).join(" ")}`;
    }
    case "maintainer":
      state.author = ins.maintainer;
      return `MAINTAINER ${ins.maintainer}`;
    case "expose": {
      const ports = ins.ports.flatMap((p) => expand(p).split(/\s+/)).filter(Boolean).map((p) => (p.includes("/") ? p.toLowerCase() : `${p}/tcp`));
      config.ExposedPorts = { ...(config.ExposedPorts ?? {}), ...Object.fromEntries(ports.map((p) => [p, {}])) };
      return `EXPOSE map[${[...new Set(ports)].sort().map((p) => `${p}:{}`).join(" ")}]`;
    }
    case "volume": {
      const volumes = ins.volumes.map(expand).filter(Boolean);
      config.Volumes = { ...(config.Volumes ?? {}), ...Object.fromEntries(volumes.map((v) => [v, {}])) };
      return `VOLUME [${volumes.join(" ")}]`;
    }
    case "user":
      config.User = expand(ins.user);
      return `USER ${config.User}`;
    case "cmd":
      config.Cmd = commandArgv(ins, config.Shell);
      state.cmdSet = true;
      return `CMD ${goQuoteSlice(config.Cmd)}`;
    case "entrypoint":
      config.Entrypoint = commandArgv(ins, config.Shell);
      if (!state.cmdSet) config.Cmd = null;
      return `ENTRYPOINT ${goQuoteSlice(config.Entrypoint)}`;
    case "stopsignal":
      config.StopSignal = expand(ins.signal);
      return `STOPSIGNAL ${config.StopSignal}`;
    case "healthcheck": {
      const h = ins.health;
      config.Healthcheck = {
        Test: h.test.slice(),
        ...(h.interval ? { Interval: h.interval } : {}),
        ...(h.timeout ? { Timeout: h.timeout } : {}),
        ...(h.startPeriod ? { StartPeriod: h.startPeriod } : {}),
        ...(h.startInterval ? { StartInterval: h.startInterval } : {}),
        ...(h.retries ? { Retries: h.retries } : {}),
      };
      return `HEALTHCHECK &{${goQuoteSlice(h.test)} "${durationText(h.interval)}" "${durationText(h.timeout)}" "${durationText(h.startPeriod)}" "${durationText(h.startInterval)}" '\\x${h.retries.toString(16).padStart(2, "0")}'}`;
    }
    case "shell":
      config.Shell = ins.shell.slice();
      return `SHELL [${ins.shell.join(" ")}]`;
    case "onbuild":
      config.OnBuild = [...(config.OnBuild ?? []), ins.expression];
      return `ONBUILD ${ins.expression}`;
    default:
      return undefined;
  }
}
