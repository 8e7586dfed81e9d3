/** Every docker command the CLI knows: management groups and the top-level shortcuts. */
import type { CommandGroup, CommandSpec } from "./command.ts";
import { images } from "./commands/images.ts";
import { logs } from "./commands/logs.ts";
import { ps } from "./commands/ps.ts";
import { pull } from "./commands/pull.ts";
import { rm } from "./commands/rm.ts";
import { run } from "./commands/run.ts";
import { version } from "./commands/version.ts";

export const groups: CommandGroup[] = [
  { name: "container", short: "Manage containers", commands: [run, ps, rm, logs] },
  { name: "image", short: "Manage images", commands: [images, pull] },
];

/** `docker <word>` shortcuts: the word, the command, and the management path it shortcuts. */
export const shortcuts: { word: string; spec: CommandSpec; path?: string; group: "common" | "management" | "other" }[] = [
  { word: "run", spec: run, path: "container run", group: "common" },
  { word: "ps", spec: ps, path: "container ls", group: "common" },
  { word: "pull", spec: pull, path: "image pull", group: "common" },
  { word: "images", spec: images, path: "image ls", group: "common" },
  { word: "version", spec: version, group: "common" },
  { word: "logs", spec: logs, path: "container logs", group: "other" },
  { word: "rm", spec: rm, path: "container rm", group: "other" },
];
