/** The shell loop: prompt, read a line, run it on the simulator, print; with setup, restore, reset, undo and share. */
import type { Readline } from "xterm-readline";
import { isCompleteInput } from "./shell-input.ts";
import type { ExecResult, Simulator } from "../../simulator/index.ts";
import { ansi, dimLines, toCrlf } from "./ansi.ts";
import { appendStep, commandCount, replaySteps, withoutLastCommand, type SandboxStep } from "./sandbox.ts";
import type { SessionOptions, SessionState, SharedSetup } from "./session-options.ts";

export type { HistoryStore, Screen, SessionOptions, SessionState, SessionStrings, SharedSetup } from "./session-options.ts";

type RestartKind = "reset" | "undo" | "restore";

const typingDelayMs = 12;
/** What a sandbox keeps, replays and shares in place of a password typed at a secret prompt. */
export const SECRET_STAND_IN = "********";
const abortGraceMs = 400;

/** The shell loop: prompt, read a line, run it on the simulator, print, repeat. */
export class ShellSession {
  #opts: SessionOptions;
  #running: AbortController | undefined;
  #reading = false;
  #typing = false;
  #queue: string[] = [];
  #stopped = false;
  /** The last chunk printed, to know whether the prompt needs a new line first. */
  #lastOutput = "";
  #sim: Simulator | undefined;
  /** The first simulator while it loads (a deferred start), so it is loaded once. */
  #loading: Promise<Simulator | undefined> | undefined;
  /** What the learner did since the lesson's setup, for reload, undo and share. */
  #steps: SandboxStep[] = [];
  /** A reset or undo asked for; the loop carries it out between lines. */
  #request: { kind: RestartKind; done: () => void } | undefined;
  #recording = false;

  constructor(options: SessionOptions) {
    this.#opts = options;
    options.readline.setCtrlCHandler(() => this.#interrupt());
    // A here-document, a trailing `\` or an open quote continues on the next line, as in bash.
    options.readline.setCheckHandler(isCompleteInput);
    const entries = historyEntries(options.readline);
    if (entries && options.historyStore) {
      const kept = options.historyStore.load().filter((line) => typeof line === "string" && line.trim() !== "");
      entries.splice(0, entries.length, ...kept);
    }
    this.#steps = options.sandbox?.load() ?? [];
  }

  /** Whether the learner is at the prompt or running a line (not setup, restore or replay). */
  get recording(): boolean {
    return this.#recording;
  }

  /** The steps since the lesson's setup: command lines and file changes, oldest first. */
  get steps(): readonly SandboxStep[] {
    return this.#steps;
  }

  /** Record a file change made outside the shell (the editor), so replay makes it too. */
  recordFileStep(step: SandboxStep): void {
    this.#record(appendStep(this.#steps, step));
  }

  /** A fresh engine with the lesson's setup; the sandbox's steps are forgotten. */
  reset(): Promise<void> {
    return this.#ask("reset");
  }

  /** A fresh engine with every step replayed but the last command line. */
  undo(): Promise<void> {
    return this.#ask("undo");
  }

  /** A fresh engine with the steps now in the store (after progress was imported or reset). */
  restore(): Promise<void> {
    return this.#ask("restore");
  }

  #ask(kind: RestartKind): Promise<void> {
    if (this.#request) return Promise.resolve();
    return new Promise((resolve) => {
      this.#request = { kind, done: resolve };
      this.#running?.abort();
      // A prompt waiting for input gives way: an empty line ends the read.
      if (this.#reading && !this.#typing) {
        // Two inputs: xterm-readline takes "\x15\r" in one piece for a paste and keeps the newline.
        this.#opts.screen.input("\x15");
        this.#opts.screen.input("\r");
      }
    });
  }

  #replayable(): boolean {
    return this.#opts.replayable?.() ?? true;
  }

  #record(steps: SandboxStep[]): void {
    // A real engine keeps its own state; the simulated sandbox's steps stay as they were.
    if (!this.#replayable()) return;
    this.#steps = steps;
    this.#opts.sandbox?.save(steps);
  }

  /** Start loading the simulator now if a deferred start has not yet (the learner is about to use it). */
  warm(): void {
    void this.#engine();
  }

  /** The simulator, loaded on first need; undefined (and said on screen) if it failed to load. */
  #engine(): Promise<Simulator | undefined> {
    if (this.#sim) return Promise.resolve(this.#sim);
    this.#loading ??= this.#opts.loadSimulator().then(
      (sim) => {
        this.#sim ??= sim;
        // Loaded behind the prompt: the views catch up now. Loaded for a line: that line's end tells them.
        if (this.#sim === sim && this.#reading) this.#opts.onCommandDone?.(sim);
        return this.#sim;
      },
      (error: unknown) => {
        this.#loading = undefined; // the next line tries again
        this.#opts.screen.write(`${ansi.red(this.#opts.strings.loadFailed)} ${String(error)}\r\n`);
        return undefined;
      },
    );
    return this.#loading;
  }

  /** Load the simulator, replay the setup commands, then serve prompts until stopped. */
  async start(): Promise<void> {
    const { screen, strings } = this.#opts;
    this.#setState("loading");
    let shared: SharedSetup | undefined;
    let sharedError: unknown;
    try {
      shared = await this.#opts.shared?.();
    } catch (error) {
      sharedError = error;
    }
    const nothingToReplay = this.#opts.setup.length === 0 && shared === undefined && sharedError === undefined && this.#steps.length === 0;
    if (this.#opts.firstPrompt !== undefined && nothingToReplay) {
      screen.write(`${ansi.cyan(strings.welcome)}\r\n${ansi.dim(strings.tryThis)}\r\n\r\n`);
      await this.#loop();
      return;
    }
    screen.write(ansi.dim(strings.loading));
    let sim: Simulator;
    try {
      sim = await this.#opts.loadSimulator();
    } catch (error) {
      screen.write(`${ansi.eraseLine}${ansi.red(strings.loadFailed)} ${String(error)}\r\n`);
      this.#setState("failed");
      return;
    }
    this.#sim = sim;
    screen.write(`${ansi.eraseLine}${ansi.cyan(strings.welcome)}\r\n`);
    if (this.#opts.setup.length > 0) await this.#replaySetup(sim);
    if (sharedError !== undefined) screen.write(`${ansi.red(strings.sharedBroken)} ${sharedError instanceof Error ? sharedError.message : String(sharedError)}\r\n`);
    if (shared) await this.#applyShared(sim, shared);
    else if (this.#steps.length > 0 && this.#replayable()) {
      screen.write(`${ansi.dim(`# ${strings.restoring.replace("{n}", String(commandCount(this.#steps)))}`)}\r\n`);
      await this.#replaySilently(sim, this.#steps);
    } else if (this.#opts.setup.length === 0) screen.write(`${ansi.dim(strings.tryThis)}\r\n`);
    this.#opts.onCommandDone?.(sim);
    screen.write("\r\n");
    await this.#loop();
  }

  /** Write a share link's files, run its commands where the learner sees them, and keep both as steps. */
  async #applyShared(sim: Simulator, shared: SharedSetup): Promise<void> {
    const { screen, strings } = this.#opts;
    const files = Object.entries(shared.files);
    screen.write(`${ansi.dim(`# ${strings.shared.replace("{files}", String(files.length)).replace("{commands}", String(shared.commands.length))}`)}\r\n`);
    let steps: SandboxStep[] = [];
    for (const [path, text] of files) {
      try {
        await sim.files.write(path, text);
        steps = appendStep(steps, { write: path, text });
        screen.write(ansi.dim(`  ${path}`) + "\r\n");
      } catch (error) {
        screen.write(`${ansi.red(`${path}: ${error instanceof Error ? error.message : String(error)}`)}\r\n`);
      }
    }
    for (const command of shared.commands) {
      screen.write(ansi.dim(`${sim.prompt()}${command}`) + "\r\n");
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 10_000);
      await this.#exec(sim, command, controller.signal, (text) => this.#opts.screen.write(toCrlf(dimLines(text))));
      clearTimeout(timer);
      this.#endLine();
      steps = appendStep(steps, controller.signal.aborted ? { run: command, interrupted: true } : { run: command });
    }
    this.#record(steps);
  }

  /** Replay steps with nothing printed and pulls instant. */
  async #replaySilently(sim: Simulator, steps: readonly SandboxStep[]): Promise<void> {
    this.#opts.replaying?.(true);
    try {
      await replaySteps(sim, steps);
    } finally {
      this.#opts.replaying?.(false);
    }
  }

  /** Carry out a reset or an undo: a fresh simulator, the setup, and the steps that remain. */
  async #restart(kind: RestartKind): Promise<void> {
    const { screen, strings } = this.#opts;
    if (!this.#replayable()) {
      screen.write(`${ansi.dim(`# ${strings.simulatedOnly}`)}\r\n`);
      return;
    }
    const { steps, undone } =
      kind === "reset" ? { steps: [], undone: undefined } : kind === "restore" ? { steps: this.#opts.sandbox?.load() ?? [], undone: undefined } : withoutLastCommand(this.#steps);
    if (kind === "undo" && undone === undefined) {
      screen.write(`${ansi.dim(`# ${strings.nothingToUndo}`)}\r\n`);
      return;
    }
    this.#setState("busy");
    // A deferred first load still under way finishes first, so it cannot replace the fresh engine.
    await this.#loading;
    let sim: Simulator;
    try {
      sim = await this.#opts.loadSimulator();
    } catch (error) {
      screen.write(`${ansi.red(strings.loadFailed)} ${String(error)}\r\n`);
      return;
    }
    this.#sim = sim;
    this.#record(steps);
    if (kind === "reset") {
      screen.write(`${ansi.dim(`# ${strings.resetDone}`)}\r\n`);
      if (this.#opts.setup.length > 0) await this.#replaySetup(sim);
    } else {
      const note = kind === "undo" ? strings.undone.replace("{command}", undone ?? "") : strings.restoring.replace("{n}", String(commandCount(steps)));
      screen.write(`${ansi.dim(`# ${note}`)}\r\n`);
      await this.#replaySilently(sim, [...this.#opts.setup.map((run) => ({ run })), ...steps]);
    }
    this.#opts.onCommandDone?.(sim);
  }

  /** Type a command into the prompt and run it (used by the lesson's ▶ buttons). */
  run(command: string): void {
    this.warm();
    this.#queue.push(command);
    void this.#typeQueued();
  }

  stop(): void {
    this.#stopped = true;
    this.#running?.abort();
  }

  async #replaySetup(sim: Simulator): Promise<void> {
    const { screen, strings } = this.#opts;
    screen.write(`${ansi.dim(`# ${strings.setup}`)}\r\n`);
    for (const command of this.#opts.setup) {
      screen.write(ansi.dim(`${sim.prompt()}${command}`) + "\r\n");
      await this.#exec(sim, command, undefined, (text) => this.#opts.screen.write(toCrlf(dimLines(text))));
      this.#endLine();
    }
  }

  async #loop(): Promise<void> {
    const { readline, screen } = this.#opts;
    while (!this.#stopped) {
      const request = this.#request;
      if (request) {
        this.#recording = false;
        await this.#restart(request.kind);
        this.#request = undefined;
        request.done();
      }
      this.#recording = true;
      const prompt = this.#sim?.prompt() ?? this.#opts.firstPrompt ?? "$ ";
      // A password: read unseen, kept out of the history, and stored only as a stand-in.
      const secret = this.#sim?.promptIsSecret?.() === true && this.#opts.readSecret !== undefined;
      const reply = secret ? this.#opts.readSecret!(prompt) : readline.read(prompt);
      await screen.flush(); // readline arms itself in a write callback; ours runs after it
      this.#reading = true;
      this.#setState("ready");
      void this.#typeQueued();
      const line = await reply;
      this.#reading = false;
      if (!secret && line.trim() === "") {
        forgetLastHistoryEntry(readline);
        continue;
      }
      if (!secret) this.#saveHistory();
      this.#setState("busy");
      this.#running = new AbortController();
      const signal = this.#running.signal;
      // The first line may wait for the engine to arrive; Ctrl-C meanwhile drops the line.
      const sim = this.#sim ?? (await this.#engine());
      if (!sim || signal.aborted) {
        this.#running = undefined;
        continue;
      }
      // Kept as interrupted until it ends: a reload while it runs replays it that way.
      const step: SandboxStep = secret ? { run: SECRET_STAND_IN, secret: true, interrupted: true } : { run: line, interrupted: true };
      this.#record(appendStep(this.#steps, step));
      await this.#exec(sim, line, signal, (text) => this.#opts.screen.write(toCrlf(text)));
      if (!signal.aborted && this.#steps.includes(step)) {
        delete step.interrupted;
        this.#record(this.#steps);
      }
      this.#running = undefined;
      this.#endLine();
      this.#opts.onCommandDone?.(sim);
    }
  }

  /**
   * Run one line. After a Ctrl-C the simulator gets a moment to return what the command
   * printed (exit 130); if it ignores the signal, the prompt comes back anyway.
   */
  async #exec(sim: Simulator, line: string, signal: AbortSignal | undefined, write: (text: string) => void): Promise<ExecResult> {
    const interrupted = new Promise<ExecResult>((resolve) => {
      signal?.addEventListener(
        "abort",
        () => setTimeout(() => resolve({ stdout: "", stderr: "", exitCode: 130 }), abortGraceMs),
        { once: true },
      );
    });
    this.#lastOutput = "";
    const onOutput = (_stream: "stdout" | "stderr", text: string) => {
      if (text === "") return;
      this.#lastOutput = text;
      write(text);
    };
    try {
      const execution = sim.exec(line, signal ? { signal, onOutput } : { onOutput });
      return await Promise.race([execution, interrupted]);
    } catch (error) {
      if (signal?.aborted) return { stdout: "", stderr: "", exitCode: 130 };
      onOutput("stderr", `${ansi.red(String(error))}\n`);
      return { stdout: "", stderr: String(error), exitCode: 1 };
    }
  }

  /** Make sure the next prompt starts on a fresh line. */
  #endLine(): void {
    const text = this.#lastOutput;
    if (text === "") return;
    const endsOnFreshLine = text.endsWith("\n") || /\x1b\[[0-9;]*[HJ]$|\x1bc$/.test(text);
    if (!endsOnFreshLine) this.#opts.screen.write("\r\n");
  }

  #interrupt(): void {
    if (!this.#running) return;
    this.#opts.screen.write("^C\r\n");
    this.#running.abort();
  }

  async #typeQueued(): Promise<void> {
    if (this.#typing || !this.#reading) return;
    const command = this.#queue.shift();
    if (command === undefined) return;
    this.#typing = true;
    const { screen } = this.#opts;
    screen.input("\x15"); // Ctrl-U: drop whatever was half typed
    // A long command (a here-document) is typed faster, so a click never waits seconds.
    const delay = Math.min(typingDelayMs, 1500 / command.length);
    for (const char of command) {
      // A newline is Enter: the check handler keeps an unfinished here-document open.
      screen.input(char === "\n" ? "\r" : char);
      await sleep(delay);
    }
    this.#typing = false;
    this.#reading = false;
    screen.input("\r");
  }

  #saveHistory(): void {
    const entries = historyEntries(this.#opts.readline);
    if (!entries || !this.#opts.historyStore) return;
    try {
      this.#opts.historyStore.save(entries.filter((line) => line.trim() !== "").slice(0, 500));
    } catch {
      // Storage full or blocked: history still works for this visit.
    }
  }

  #setState(state: SessionState): void {
    this.#opts.onStateChange?.(state);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** xterm-readline's history, newest first (not part of its typed API). */
function historyEntries(readline: Readline): string[] | undefined {
  const history = (readline as unknown as { history?: { entries?: unknown } }).history;
  return Array.isArray(history?.entries) ? (history.entries as string[]) : undefined;
}

/** xterm-readline records empty lines in its history; a shell does not. */
function forgetLastHistoryEntry(readline: Readline): void {
  const entries = historyEntries(readline);
  if (entries?.[0] !== undefined && entries[0].trim() === "") entries.shift();
}
