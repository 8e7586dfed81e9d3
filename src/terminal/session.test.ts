import { describe, expect, it } from "vitest";
import type { Readline } from "xterm-readline";
import type { ExecResult, Simulator } from "../../simulator/index.ts";
import { ShellSession, type HistoryStore } from "./session.ts";

/** A readline that hands out queued lines and records the prompts it showed. */
function fakeReadline() {
  const pending: Array<(line: string) => void> = [];
  let onCtrlC = () => {};
  const readline = {
    history: { entries: [] as string[] },
    setCtrlCHandler: (fn: () => void) => (onCtrlC = fn),
    setCheckHandler: () => {},
    read: (_prompt: string) => new Promise<string>((resolve) => pending.push(resolve)),
  };
  return {
    readline: readline as unknown as Readline,
    /** Answer the current prompt with `line`. */
    enter: (line: string) => {
      readline.history.entries.unshift(line); // as xterm-readline does on Enter
      pending.shift()?.(line);
    },
    ctrlC: () => onCtrlC(),
    waiting: () => pending.length,
  };
}

/** A simulator that reports each result through onOutput as the real one does: stderr, then stdout. */
function fakeSimulator(run: (line: string, signal?: AbortSignal) => Promise<ExecResult>): Simulator {
  return {
    exec: async (line, opts) => {
      const result = await run(line, opts?.signal);
      if (result.stderr) opts?.onOutput?.("stderr", result.stderr);
      if (result.stdout) opts?.onOutput?.("stdout", result.stdout);
      return result;
    },
    prompt: () => "$ ",
  } as Simulator;
}

async function startSession(sim: Simulator, setup: string[] = [], historyStore?: HistoryStore) {
  let screen = "";
  const keys = fakeReadline();
  const session = new ShellSession({
    screen: { write: (d) => (screen += d), flush: () => Promise.resolve(), input: () => {} },
    readline: keys.readline,
    loadSimulator: async () => sim,
    setup,
    ...(historyStore ? { historyStore } : {}),
    strings: { loading: "loading", welcome: "welcome", tryThis: "try", loadFailed: "failed", setup: "setup", restoring: "restoring {n}", resetDone: "reset", undone: "undone {command}", nothingToUndo: "nothing", shared: "shared", sharedBroken: "broken", simulatedOnly: "simulated only" },
  });
  void session.start();
  await until(() => keys.waiting() > 0);
  return { keys, session, screen: () => screen, readline: keys.readline as unknown as { history: { entries: string[] } } };
}

async function until(test: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !test(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(test()).toBe(true);
}

describe("ShellSession", () => {
  it("starts with the history kept from earlier visits and keeps each new line, without blank ones", async () => {
    let saved: string[] = ["docker ps", "", "docker images"];
    const store: HistoryStore = { load: () => saved, save: (entries) => (saved = entries) };
    const sim = fakeSimulator(async () => ({ stdout: "", stderr: "", exitCode: 0 }));
    const { keys, readline } = await startSession(sim, [], store);
    expect(readline.history.entries).toEqual(["docker ps", "docker images"]);
    keys.enter("docker volume ls");
    await until(() => keys.waiting() > 0);
    expect(saved).toEqual(["docker volume ls", "docker ps", "docker images"]);
    keys.enter("   ");
    await until(() => keys.waiting() > 0);
    expect(saved).toEqual(["docker volume ls", "docker ps", "docker images"]);
  });

  it("replays setup commands dimmed before the first prompt", async () => {
    const ran: string[] = [];
    const sim = fakeSimulator(async (line) => {
      ran.push(line);
      return { stdout: "pulled\n", stderr: "", exitCode: 0 };
    });
    const { screen } = await startSession(sim, ["docker pull hello-world"]);
    expect(ran).toEqual(["docker pull hello-world"]);
    expect(screen()).toContain("\x1b[90m$ docker pull hello-world\x1b[39m\r\n\x1b[90mpulled\x1b[39m\r\n");
  });

  it("prints output in the order the simulator reports it and ends on a fresh line", async () => {
    const sim = fakeSimulator(async () => ({ stdout: "Hello from Docker!", stderr: "Unable to find image\n", exitCode: 0 }));
    const { keys, screen } = await startSession(sim);
    keys.enter("docker run hello-world");
    await until(() => keys.waiting() > 0);
    expect(screen()).toContain("Unable to find image\r\nHello from Docker!\r\n");
  });

  it("Ctrl-C gives the prompt back even if the command ignores the signal", async () => {
    const sim = fakeSimulator(() => new Promise(() => {}));
    const { keys, screen } = await startSession(sim);
    keys.enter("sleep 60");
    await until(() => keys.waiting() === 0);
    keys.ctrlC();
    await until(() => keys.waiting() > 0);
    expect(screen()).toContain("^C\r\n");
  });

  it("does not keep empty lines in the history", async () => {
    const sim = fakeSimulator(async () => ({ stdout: "", stderr: "", exitCode: 0 }));
    const { keys } = await startSession(sim);
    const history = (keys.readline as unknown as { history: { entries: string[] } }).history;
    keys.enter("   ");
    await until(() => history.entries.length === 0);
  });
});

describe("ShellSession with a deferred engine", () => {
  const strings = { loading: "loading", welcome: "welcome", tryThis: "try", loadFailed: "failed", setup: "setup", restoring: "restoring {n}", resetDone: "reset", undone: "undone {command}", nothingToUndo: "nothing", shared: "shared", sharedBroken: "broken", simulatedOnly: "simulated only" };

  function deferredSession(load: () => Promise<Simulator>, setup: string[] = []) {
    let screen = "";
    const prompts: string[] = [];
    const keys = fakeReadline();
    const read = (keys.readline as unknown as { read: (p: string) => Promise<string> }).read;
    (keys.readline as unknown as { read: (p: string) => Promise<string> }).read = (prompt) => {
      prompts.push(prompt);
      return read(prompt);
    };
    let loads = 0;
    let done = 0;
    const session = new ShellSession({
      onCommandDone: () => done++,
      screen: { write: (d) => (screen += d), flush: () => Promise.resolve(), input: () => {} },
      readline: keys.readline,
      loadSimulator: () => {
        loads++;
        return load();
      },
      firstPrompt: "learner@dockyard:~$ ",
      setup,
      strings,
    });
    void session.start();
    return { keys, session, screen: () => screen, prompts, loads: () => loads, done: () => done };
  }

  it("shows the prompt before the simulator loads and loads it once, for the first line", async () => {
    const ran: string[] = [];
    const sim = fakeSimulator(async (line) => {
      ran.push(line);
      return { stdout: "Docker version 29\n", stderr: "", exitCode: 0 };
    });
    const s = deferredSession(async () => sim);
    await until(() => s.keys.waiting() > 0);
    expect(s.loads()).toBe(0);
    expect(s.prompts).toEqual(["learner@dockyard:~$ "]);
    expect(s.screen()).toContain("welcome");
    s.session.warm();
    s.keys.enter("docker --version");
    await until(() => s.keys.waiting() > 0 && ran.length === 1);
    expect(s.loads()).toBe(1);
    expect(s.screen()).toContain("Docker version 29\r\n");
    // From now on the simulator's own prompt.
    expect(s.prompts.at(-1)).toBe("$ ");
  });

  it("tells the views when the engine loads behind the prompt, and only at the line's end when a line loaded it", async () => {
    const sim = fakeSimulator(async () => ({ stdout: "", stderr: "", exitCode: 0 }));
    const idle = deferredSession(async () => sim);
    await until(() => idle.keys.waiting() > 0);
    idle.session.warm();
    await until(() => idle.done() === 1);
    const typed = deferredSession(async () => sim);
    await until(() => typed.keys.waiting() > 0);
    typed.keys.enter("docker ps");
    await until(() => typed.keys.waiting() > 0 && typed.done() > 0);
    expect(typed.done()).toBe(1);
  });

  it("says so when the engine fails to load and tries again on the next line", async () => {
    let fail = true;
    const sim = fakeSimulator(async () => ({ stdout: "ok\n", stderr: "", exitCode: 0 }));
    const s = deferredSession(async () => {
      if (fail) throw new Error("network down");
      return sim;
    });
    await until(() => s.keys.waiting() > 0);
    s.keys.enter("docker ps");
    await until(() => s.screen().includes("Error: network down"));
    await until(() => s.keys.waiting() > 0);
    fail = false;
    s.keys.enter("docker ps");
    await until(() => s.screen().includes("ok\r\n"));
    expect(s.loads()).toBe(2);
  });

  it("Ctrl-C while the first line waits for the engine drops that line", async () => {
    const ran: string[] = [];
    const sim = fakeSimulator(async (line) => {
      ran.push(line);
      return { stdout: "", stderr: "", exitCode: 0 };
    });
    let arrive!: (s: Simulator) => void;
    const s = deferredSession(() => new Promise<Simulator>((resolve) => (arrive = resolve)));
    await until(() => s.keys.waiting() > 0);
    s.keys.enter("sleep 60");
    await until(() => s.loads() === 1);
    s.keys.ctrlC();
    expect(s.screen()).toContain("^C\r\n");
    arrive(sim);
    await until(() => s.keys.waiting() > 0);
    s.keys.enter("echo next");
    await until(() => ran.length === 1);
    expect(ran).toEqual(["echo next"]);
  });

  it("loads first when there are setup commands to replay", async () => {
    const sim = fakeSimulator(async () => ({ stdout: "", stderr: "", exitCode: 0 }));
    const s = deferredSession(async () => sim, ["docker pull busybox"]);
    await until(() => s.keys.waiting() > 0);
    expect(s.loads()).toBe(1);
    expect(s.screen()).toContain("docker pull busybox");
  });
});

describe("ShellSession at a password prompt", () => {
  it("reads the password unseen and keeps it out of the history and the sandbox", async () => {
    const ran: string[] = [];
    let secretNext = false;
    const sim = {
      ...fakeSimulator(async (line) => {
        ran.push(line);
        secretNext = line === "docker login -u alice";
        return { stdout: line === "hunter2" ? "Login Succeeded\n" : "", stderr: "", exitCode: 0 };
      }),
      promptIsSecret: () => secretNext,
    } as Simulator;
    let history: string[] = [];
    let steps: unknown[] = [];
    const secretPrompts: string[] = [];
    const keys = fakeReadline();
    void new ShellSession({
      screen: { write: () => {}, flush: () => Promise.resolve(), input: () => {} },
      readline: keys.readline,
      loadSimulator: async () => sim,
      readSecret: async (prompt) => {
        secretPrompts.push(prompt);
        return "hunter2";
      },
      historyStore: { load: () => [], save: (entries) => (history = entries) },
      sandbox: { load: () => [], save: (saved) => (steps = saved) },
      setup: [],
      strings: { loading: "", welcome: "", tryThis: "", loadFailed: "", setup: "", restoring: "", resetDone: "", undone: "", nothingToUndo: "", shared: "", sharedBroken: "", simulatedOnly: "" },
    }).start();
    await until(() => keys.waiting() > 0);
    keys.enter("docker login -u alice");
    await until(() => ran.length === 2 && keys.waiting() > 0);
    expect(ran).toEqual(["docker login -u alice", "hunter2"]);
    expect(secretPrompts).toEqual(["$ "]);
    expect(history).toEqual(["docker login -u alice"]);
    expect(steps).toEqual([{ run: "docker login -u alice" }, { run: "********", secret: true }]);
    expect(JSON.stringify(steps)).not.toContain("hunter2");
  });
});
