import type { Readline } from "xterm-readline";
import type { ExecResult, Simulator } from "../../simulator/index.ts";
import { ansi, dimLines, toCrlf } from "./ansi.ts";

/** The part of xterm the session needs: write output and wait until it is drawn. */
export interface Screen {
  write(data: string): void;
  /** Resolves once everything written so far has been processed. */
  flush(): Promise<void>;
  /** Feed keystrokes as if the learner typed them. */
  input(data: string): void;
}

export interface SessionStrings {
  loading: string;
  welcome: string;
  tryThis: string;
  loadFailed: string;
  setup: string;
}

export interface SessionOptions {
  screen: Screen;
  readline: Readline;
  loadSimulator: () => Promise<Simulator>;
  /** Commands replayed (dimmed) before the learner's first prompt. */
  setup: readonly string[];
  strings: SessionStrings;
  /** Called when the session starts or stops waiting for input. */
  onStateChange?: (state: SessionState) => void;
  /** Called after the setup and after every command, when the engine's state may have changed. */
  onCommandDone?: (sim: Simulator) => void;
  /** Where typed lines are kept between visits (newest first), so ArrowUp works after a reload. */
  historyStore?: HistoryStore;
}

export interface HistoryStore {
  load(): string[];
  save(entries: string[]): void;
}

export type SessionState = "loading" | "ready" | "busy" | "failed";

const typingDelayMs = 12;
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

  constructor(options: SessionOptions) {
    this.#opts = options;
    options.readline.setCtrlCHandler(() => this.#interrupt());
    const entries = historyEntries(options.readline);
    if (entries && options.historyStore) {
      const kept = options.historyStore.load().filter((line) => typeof line === "string" && line.trim() !== "");
      entries.splice(0, entries.length, ...kept);
    }
  }

  /** Load the simulator, replay the setup commands, then serve prompts until stopped. */
  async start(): Promise<void> {
    const { screen, strings } = this.#opts;
    this.#setState("loading");
    screen.write(ansi.dim(strings.loading));
    let sim: Simulator;
    try {
      sim = await this.#opts.loadSimulator();
    } catch (error) {
      screen.write(`${ansi.eraseLine}${ansi.red(strings.loadFailed)} ${String(error)}\r\n`);
      this.#setState("failed");
      return;
    }
    screen.write(`${ansi.eraseLine}${ansi.cyan(strings.welcome)}\r\n`);
    if (this.#opts.setup.length > 0) await this.#replaySetup(sim);
    else screen.write(`${ansi.dim(strings.tryThis)}\r\n`);
    this.#opts.onCommandDone?.(sim);
    screen.write("\r\n");
    await this.#loop(sim);
  }

  /** Type a command into the prompt and run it (used by the lesson's ▶ buttons). */
  run(command: string): void {
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

  async #loop(sim: Simulator): Promise<void> {
    const { readline, screen } = this.#opts;
    while (!this.#stopped) {
      const reply = readline.read(sim.prompt());
      await screen.flush(); // readline arms itself in a write callback; ours runs after it
      this.#reading = true;
      this.#setState("ready");
      void this.#typeQueued();
      const line = await reply;
      this.#reading = false;
      if (line.trim() === "") {
        forgetLastHistoryEntry(readline);
        continue;
      }
      this.#saveHistory();
      this.#setState("busy");
      this.#running = new AbortController();
      await this.#exec(sim, line, this.#running.signal, (text) => this.#opts.screen.write(toCrlf(text)));
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
    for (const char of command) {
      screen.input(char);
      await sleep(typingDelayMs);
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
