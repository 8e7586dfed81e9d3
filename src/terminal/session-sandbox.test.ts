import { describe, expect, it } from "vitest";
import type { Readline } from "xterm-readline";
import { createSimulator, type Simulator } from "../../simulator/index.ts";
import { ShellSession, type SessionStrings } from "./session.ts";
import type { SandboxStep, SandboxStore } from "./sandbox.ts";

const strings: SessionStrings = {
  loading: "loading",
  welcome: "welcome",
  tryThis: "try",
  loadFailed: "failed",
  setup: "setup",
  restoring: "Restoring your sandbox ({n} commands)…",
  resetDone: "Sandbox reset.",
  undone: "Undone: {command}",
  nothingToUndo: "Nothing to undo yet.",
  shared: "Opening a shared setup: {files} files, {commands} commands",
  sharedBroken: "This share link could not be opened:",
  simulatedOnly: "simulated only",
};

/** A session on real simulators, a readline fed by `enter`, and an in-memory sandbox store. */
async function start(saved: SandboxStep[] = [], setup: string[] = [], replayable = true) {
  const pending: Array<(line: string) => void> = [];
  let ctrlC = () => {};
  const readline = {
    history: { entries: [] as string[] },
    setCtrlCHandler: (fn: () => void) => (ctrlC = fn),
    setCheckHandler: () => {},
    read: () => new Promise<string>((resolve) => pending.push(resolve)),
  };
  const enter = (line: string) => pending.shift()?.(line);
  let stored = saved;
  const store: SandboxStore = { load: () => stored, save: (steps) => (stored = structuredClone(steps)) };
  let screen = "";
  let sim: Simulator | undefined;
  const session = new ShellSession({
    screen: { write: (d) => (screen += d), flush: () => Promise.resolve(), input: (d) => d === "\r" && enter("") },
    readline: readline as unknown as Readline,
    loadSimulator: async () => (sim = createSimulator()),
    setup,
    strings,
    sandbox: store,
    replayable: () => replayable,
  });
  void session.start();
  const idle = async () => {
    for (let i = 0; i < 400 && pending.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(pending.length).toBe(1);
  };
  await idle();
  const run = async (line: string) => {
    enter(line);
    await new Promise((r) => setTimeout(r, 0));
    await idle();
  };
  const names = async () => (await sim!.engine.containerList({ all: true })).map((c) => c.Names[0]).sort();
  return { session, run, idle, names, stored: () => stored, screen: () => screen, enter, ctrlC: () => ctrlC() };
}

describe("the sandbox behind the terminal", () => {
  it("keeps each command as a step and restores them after a reload", async () => {
    const first = await start();
    await first.run("docker create --name web busybox");
    await first.run("docker create --name db busybox");
    expect(first.stored()).toEqual([{ run: "docker create --name web busybox" }, { run: "docker create --name db busybox" }]);
    const second = await start(first.stored());
    expect(second.screen()).toContain("Restoring your sandbox (2 commands)…");
    expect(await second.names()).toEqual(["/db", "/web"]);
  });

  it("undo replays everything but the last command on a fresh engine", async () => {
    const t = await start([], ["docker create --name from-setup busybox"]);
    await t.run("docker create --name one busybox");
    await t.run("docker rm one");
    expect(await t.names()).toEqual(["/from-setup"]);
    await t.session.undo();
    await t.idle();
    expect(await t.names()).toEqual(["/from-setup", "/one"]);
    expect(t.screen()).toContain("Undone: docker rm one");
    expect(t.stored()).toEqual([{ run: "docker create --name one busybox" }]);
  });

  it("undo with nothing done says so and changes nothing", async () => {
    const t = await start();
    await t.session.undo();
    await t.idle();
    expect(t.screen()).toContain("Nothing to undo yet.");
  });

  it("reset starts a fresh engine with the setup and forgets the steps", async () => {
    const t = await start([], ["docker volume create lesson-data"]);
    await t.run("docker create --name web busybox");
    await t.session.reset();
    await t.idle();
    expect(await t.names()).toEqual([]);
    expect(t.stored()).toEqual([]);
    expect(t.screen()).toContain("Sandbox reset.");
  });

  it("a line interrupted by Ctrl-C is kept as interrupted and replayed that way", async () => {
    const t = await start();
    t.enter("while true; do sleep 1; done");
    await new Promise((r) => setTimeout(r, 100));
    expect(t.stored()).toEqual([{ run: "while true; do sleep 1; done", interrupted: true }]);
    t.ctrlC();
    await t.idle();
    await t.run("docker create --name after busybox");
    expect(t.stored()).toEqual([{ run: "while true; do sleep 1; done", interrupted: true }, { run: "docker create --name after busybox" }]);
    const again = await start(t.stored());
    expect(await again.names()).toEqual(["/after"]);
  });

  it("on a real engine nothing is replayed, kept or undone", async () => {
    const t = await start([{ run: "docker volume create from-before" }], [], false);
    expect(t.screen()).not.toContain("Restoring");
    await t.run("docker create --name web busybox");
    expect(t.stored()).toEqual([{ run: "docker volume create from-before" }]);
    await t.session.undo();
    await t.idle();
    expect(t.screen()).toContain("simulated only");
    expect(await t.names()).toEqual(["/web"]);
  });
});
