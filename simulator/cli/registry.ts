/** Every docker command the CLI knows: management groups and the top-level shortcuts. */
import type { CommandGroup, CommandSpec } from "./command.ts";
import { containerPrune, diff, rename, top } from "./commands/container-misc.ts";
import { attach } from "./commands/attach.ts";
import { commit } from "./commands/commit.ts";
import { cp } from "./commands/cp.ts";
import { build } from "./commands/build.ts";
import { create } from "./commands/create.ts";
import { exec } from "./commands/exec.ts";
import { history, imagePrune, rmi, search, tag } from "./commands/image-misc.ts";
import { images } from "./commands/images.ts";
import { containerInspect, imageInspect, inspect } from "./commands/inspect.ts";
import { kill, pause, restart, start, stop, unpause, wait } from "./commands/lifecycle.ts";
import { logs } from "./commands/logs.ts";
import { ps } from "./commands/ps.ts";
import { pull } from "./commands/pull.ts";
import { push } from "./commands/push.ts";
import { login, logout } from "./commands/login.ts";
import { rm } from "./commands/rm.ts";
import { stats } from "./commands/stats.ts";
import { run } from "./commands/run.ts";
import { df, info } from "./commands/system.ts";
import { events } from "./commands/events.ts";
import { systemPrune } from "./commands/system-prune.ts";
import { networkConnect, networkCreate, networkDisconnect, networkInspect, networkLs, networkPrune, networkRm } from "./commands/network.ts";
import { port, volumeCreate, volumeInspect, volumeLs, volumePrune, volumeRm } from "./commands/volume.ts";
import { version } from "./commands/version.ts";

export const groups: CommandGroup[] = [
  {
    name: "container",
    short: "Manage containers",
    commands: [attach, commit, cp, create, diff, exec, containerInspect, kill, logs, ps, pause, port, containerPrune, rename, restart, rm, run, start, stats, stop, top, unpause, wait],
  },
  { name: "image", short: "Manage images", commands: [build, history, imageInspect, images, imagePrune, pull, push, rmi, tag] },
  { name: "network", short: "Manage networks", commands: [networkConnect, networkCreate, networkDisconnect, networkInspect, networkLs, networkPrune, networkRm] },
  { name: "volume", short: "Manage volumes", commands: [volumeCreate, volumeInspect, volumeLs, volumePrune, volumeRm] },
  { name: "buildx", short: "Docker Buildx", commands: [build] },
  { name: "system", short: "Manage Docker", commands: [df, events, { ...info, name: "info" }, systemPrune] },
];

/** `docker <word>` shortcuts: the word and the command; `group` decides where `docker --help` lists it. */
export const shortcuts: { word: string; spec: CommandSpec; group: "common" | "other" }[] = [
  { word: "run", spec: run, group: "common" },
  { word: "build", spec: build, group: "common" },
  { word: "exec", spec: exec, group: "common" },
  { word: "ps", spec: ps, group: "common" },
  { word: "pull", spec: pull, group: "common" },
  { word: "push", spec: push, group: "common" },
  { word: "images", spec: images, group: "common" },
  { word: "login", spec: login, group: "common" },
  { word: "logout", spec: logout, group: "common" },
  { word: "search", spec: search, group: "common" },
  { word: "version", spec: version, group: "common" },
  { word: "info", spec: info, group: "common" },
  { word: "attach", spec: attach, group: "other" },
  { word: "commit", spec: commit, group: "other" },
  { word: "cp", spec: cp, group: "other" },
  { word: "create", spec: create, group: "other" },
  { word: "diff", spec: diff, group: "other" },
  { word: "events", spec: events, group: "other" },
  { word: "history", spec: history, group: "other" },
  { word: "inspect", spec: inspect, group: "other" },
  { word: "kill", spec: kill, group: "other" },
  { word: "logs", spec: logs, group: "other" },
  { word: "pause", spec: pause, group: "other" },
  { word: "port", spec: port, group: "other" },
  { word: "rename", spec: rename, group: "other" },
  { word: "restart", spec: restart, group: "other" },
  { word: "rm", spec: rm, group: "other" },
  { word: "rmi", spec: rmi, group: "other" },
  { word: "start", spec: start, group: "other" },
  { word: "stats", spec: stats, group: "other" },
  { word: "stop", spec: stop, group: "other" },
  { word: "tag", spec: tag, group: "other" },
  { word: "top", spec: top, group: "other" },
  { word: "unpause", spec: unpause, group: "other" },
  { word: "wait", spec: wait, group: "other" },
];
