/** What a shell session needs from the page and tells it: the screen, the strings, storage, and the options. */
import type { Readline } from "xterm-readline";
import type { Simulator } from "../../simulator/index.ts";
import type { SandboxStore } from "./sandbox.ts";

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
  /** `{n}` is the number of commands replayed. */
  restoring: string;
  resetDone: string;
  /** `{command}` is the line undone. */
  undone: string;
  nothingToUndo: string;
  /** `{files}` and `{commands}` are counts. */
  shared: string;
  sharedBroken: string;
  /** Said when reset or undo is asked of a terminal on a real engine. */
  simulatedOnly: string;
}

export interface SessionOptions {
  screen: Screen;
  readline: Readline;
  loadSimulator: () => Promise<Simulator>;
  /**
   * The host's first prompt. When given and there is nothing to replay (no setup, no saved sandbox,
   * no share link), the prompt appears at once and the simulator loads when `warm()` is called or the
   * first line is entered, so the page is usable before the engine's code has arrived.
   */
  firstPrompt?: string;
  /** Read a line without showing it (a password); without it, secret questions are read as any line. */
  readSecret?: (prompt: string) => Promise<string>;
  /** Commands replayed (dimmed) before the learner's first prompt. */
  setup: readonly string[];
  strings: SessionStrings;
  /** Called when the session starts or stops waiting for input. */
  onStateChange?: (state: SessionState) => void;
  /** Called after the setup and after every command, when the engine's state may have changed. */
  onCommandDone?: (sim: Simulator) => void;
  /** Where typed lines are kept between visits (newest first), so ArrowUp works after a reload. */
  historyStore?: HistoryStore;
  /** Where the sandbox's steps are kept, so a reload replays them. */
  sandbox?: SandboxStore;
  /** False while the terminal runs on a real engine: its state cannot be rebuilt by replay. */
  replayable?: () => boolean;
  /** Told when a silent replay starts and ends (pulls are instant meanwhile). */
  replaying?: (on: boolean) => void;
  /** A setup opened from a share link: files and commands applied once, then kept as the sandbox's steps. */
  shared?: () => Promise<SharedSetup | undefined>;
}

/** Files and command lines that make a sandbox, as a share link carries them. */
export interface SharedSetup {
  commands: string[];
  files: Record<string, string>;
}

export interface HistoryStore {
  load(): string[];
  save(entries: string[]): void;
}

export type SessionState = "loading" | "ready" | "busy" | "failed";
