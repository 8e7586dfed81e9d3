import { Terminal } from "@xterm/xterm";
import { FitAddon } from "@xterm/addon-fit";
import { Readline } from "xterm-readline";
import "@xterm/xterm/css/xterm.css";
import { ShellSession, type SessionState, type SessionStrings, type SharedSetup } from "./session.ts";
import { localSandbox, sandboxKey, type SandboxStep } from "./sandbox.ts";
import { TabCompletion } from "./tab-completion.ts";
import { decodeSetup, encodeSetup } from "./share-link.ts";
import { terminalFont, terminalTheme } from "./theme.ts";
import { runEvent, simEvent, stateEvent, type RunEventDetail, type SimEventDetail, type StateEventDetail } from "./events.ts";
import type { Simulator } from "../../simulator/index.ts";
import { HOME, hostPrompt } from "../../simulator/shell/identity.ts";


/** Simulated registry bandwidth, so layers can be seen downloading; replays pull instantly. */
const WATCHABLE_PULL_RATE = 16_000_000;
/** How long a rebuilt build step takes on screen (cached ones stay instant), so the build's progress can be followed. */
const WATCHABLE_BUILD_STEP_MS = 300;

/**
 * `<dockyard-terminal data-setup='["docker pull x"]' data-scope="lesson:x" data-strings='{...}'>`:
 * an xterm.js terminal wired to a simulator whose state (the sandbox) is kept per scope across
 * reloads. `reset()`, `undo()` and `shareLink()` serve the exercise panel and the playground.
 * Markup comes from `src/components/Terminal.astro`.
 */
export class DockyardTerminal extends HTMLElement {
  #term: Terminal | undefined;
  #session: ShellSession | undefined;
  #resize: ResizeObserver | undefined;
  #sim: Simulator | undefined;
  #warmScheduled = false;
  /** While a password is being typed: where keystrokes go instead of the line editor. */
  #secretInput: ((data: string) => void) | undefined;
  #replaying = false;
  /** The terminal runs on a real Docker engine (the gateway): no replay there. */
  #realEngine = false;

  /** The simulator once loaded (announced by `dockyard:sim`), for views such as the architecture picture. */
  get simulator(): Simulator | undefined {
    return this.#sim;
  }
  #onRun = (event: Event) => {
    const detail = (event as CustomEvent<RunEventDetail>).detail;
    if (!this.#session || typeof detail?.command !== "string") return;
    this.#session.run(detail.command);
    if (this.getBoundingClientRect().bottom > window.innerHeight || this.getBoundingClientRect().top < 0) {
      this.scrollIntoView({ block: "nearest", behavior: "smooth" });
    }
    if (window.matchMedia("(pointer: fine)").matches) this.#term?.focus();
  };

  /** A fresh engine with this page's setup; the sandbox's saved steps are forgotten. */
  reset(): Promise<void> {
    return this.#session?.reset() ?? Promise.resolve();
  }

  /** Rebuild the sandbox from every step but the last command line. */
  undo(): Promise<void> {
    return this.#session?.undo() ?? Promise.resolve();
  }

  /** Rebuild the sandbox from its saved steps (after progress was imported). */
  restore(): Promise<void> {
    return this.#session?.restore() ?? Promise.resolve();
  }

  /** The sandbox's steps since the setup (command lines and file changes). */
  get steps(): readonly SandboxStep[] {
    return this.#session?.steps ?? [];
  }

  /**
   * A link to the playground that rebuilds this sandbox: its command lines (interrupted ones
   * left out, as a link runs each to the end) and the files as they are now.
   */
  async shareLink(): Promise<string | undefined> {
    const commands = this.steps.flatMap((s) => ("run" in s && !s.interrupted ? [s.run] : []));
    const files: Record<string, string> = {};
    const written = new Set(this.steps.flatMap((s) => ("write" in s ? [s.write] : "rename" in s ? [s.to] : [])));
    const sim = this.#sim;
    if (sim) {
      for (const entry of await sim.files.list()) {
        if (entry.type === "file" && written.has(entry.path)) files[entry.path] = await sim.files.read(entry.path);
      }
    }
    if (commands.length === 0 && Object.keys(files).length === 0) return undefined;
    const setup: SharedSetup = { commands, files };
    const url = new URL(location.pathname, location.href);
    url.hash = await encodeSetup(setup);
    return url.href;
  }

  connectedCallback(): void {
    if (this.#term) return;
    const screenElement = this.querySelector<HTMLElement>("[data-screen]");
    if (!screenElement) throw new Error("<dockyard-terminal> needs a [data-screen] child");

    const term = new Terminal({
      theme: terminalTheme,
      fontFamily: terminalFont(document.documentElement.lang),
      fontSize: this.#fontSize(),
      lineHeight: 1.25,
      cursorBlink: true,
      // Dimmed text (replayed setup commands) stays readable: WCAG AA's 4.5:1.
      minimumContrastRatio: 4.5,
      scrollback: 5000,
      allowProposedApi: false,
    });
    const fit = new FitAddon();
    const readline = new Readline();
    term.loadAddon(fit);
    term.loadAddon(readline);
    term.open(screenElement);
    term.textarea?.setAttribute("aria-label", this.getAttribute("aria-label") ?? "Terminal");
    this.#term = term;
    const completion = new TabCompletion(term, readline, (line, cursor) => this.#sim?.complete(line, cursor));
    const readlineKeys = (readline as unknown as { handleKeyEvent(event: KeyboardEvent): boolean }).handleKeyEvent.bind(readline);
    // A password prompt reads keystrokes itself and shows none of them, pasted text included.
    term.onData((data) => this.#secretInput?.(data));
    screenElement.addEventListener(
      "paste",
      (event) => {
        if (!this.#secretInput) return;
        event.preventDefault();
        event.stopImmediatePropagation();
        this.#secretInput(event.clipboardData?.getData("text/plain") ?? "");
      },
      { capture: true },
    );
    term.attachCustomKeyEventHandler((event) => {
      if (this.#secretInput) return true; // straight to onData: no completion, no line editing
      if (event.type !== "keydown") return readlineKeys(event);
      this.#session?.warm(); // the learner is typing: the engine should be there by Enter
      const key = event.key.toLowerCase();
      if (event.key === "Tab" && !event.ctrlKey && !event.altKey && !event.metaKey && !event.shiftKey) {
        event.preventDefault();
        void completion.tab();
        return false;
      }
      completion.reset();
      // Copy: Ctrl-Shift-C always, Ctrl-C when text is selected (else it interrupts, as in a terminal).
      if (event.ctrlKey && key === "c" && (event.shiftKey || term.hasSelection())) {
        event.preventDefault();
        if (term.hasSelection()) void navigator.clipboard?.writeText(term.getSelection()).catch(() => undefined);
        term.clearSelection();
        return false;
      }
      // Paste: Ctrl-V and Ctrl-Shift-V fall through to the browser's paste event, which xterm reads.
      if (event.ctrlKey && key === "v") return false;
      // Ctrl-D on an empty line ends the shell, as in bash: here it leaves a container's shell.
      if (event.ctrlKey && key === "d" && lineIsEmpty(readline)) {
        term.input("exit", true);
        term.input("\r", true);
        return false;
      }
      return readlineKeys(event);
    });

    const refit = () => {
      const fontSize = this.#fontSize();
      if (term.options.fontSize !== fontSize) term.options.fontSize = fontSize;
      if (screenElement.clientWidth > 0 && screenElement.clientHeight > 0) fit.fit();
    };
    this.#resize = new ResizeObserver(() => requestAnimationFrame(refit));
    this.#resize.observe(screenElement);
    refit();

    this.#session = new ShellSession({
      screen: {
        write: (data) => term.write(data),
        flush: () => new Promise((resolve) => term.write("", resolve)),
        input: (data) => term.input(data, true),
      },
      readline,
      loadSimulator: async () => {
        const { createSimulator } = await import("../../simulator/index.ts");
        // Backend switch hook (src/backend/current.ts): a real engine through the gateway when the tab chose one.
        const engine = await (await import("../backend/current.ts")).backendEngine();
        this.#realEngine = engine !== undefined;
        const created = createSimulator({
          ...(engine ? { engine } : {}),
          interactive: true,
          columns: () => term.cols,
          pullBytesPerSecond: () => (this.#replaying ? undefined : WATCHABLE_PULL_RATE),
          buildStepMs: () => (this.#replaying ? undefined : WATCHABLE_BUILD_STEP_MS),
        });
        const sim = this.#recordingFiles(created);
        this.#sim = sim;
        document.dispatchEvent(new CustomEvent<SimEventDetail>(simEvent, { detail: { sim } }));
        return sim;
      },
      firstPrompt: hostPrompt(HOME),
      readSecret: (prompt) => this.#readSecret(term, prompt),
      setup: parseJson<string[]>(this.dataset["setup"], []),
      historyStore: localHistory,
      sandbox: localSandbox(sandboxKey(this.dataset["scope"] ?? "playground")),
      replayable: () => !this.#realEngine,
      replaying: (on) => {
        this.#replaying = on;
        this.dataset["replaying"] = String(on);
      },
      ...(this.hasAttribute("data-shareable") ? { shared: () => this.#sharedSetup() } : {}),
      strings: { ...fallbackStrings, ...parseJson<Partial<SessionStrings>>(this.dataset["strings"], {}) },
      onStateChange: (state: SessionState) => {
        this.dataset["state"] = state;
        // The prompt is up: fetch the engine once the page has settled, before the first command needs it.
        if (state === "ready" && !this.#warmScheduled) {
          this.#warmScheduled = true;
          whenIdle(() => this.#session?.warm());
        }
      },
      onCommandDone: (sim) => document.dispatchEvent(new CustomEvent<StateEventDetail>(stateEvent, { detail: { engine: sim.engine } })),
    });
    document.addEventListener(runEvent, this.#onRun);
    void this.#session.start();
  }

  /**
   * Read a line that is not shown, as a terminal with echo off does for a password: Backspace and
   * Ctrl-U edit it, Ctrl-C starts it again, Enter ends it.
   */
  #readSecret(term: Terminal, prompt: string): Promise<string> {
    term.write(prompt);
    return new Promise((resolve) => {
      let typed = "";
      this.#secretInput = (data) => {
        if (data.startsWith("\x1b")) return; // arrows and other keys that move or recall
        for (const char of data) {
          if (char === "\r" || char === "\n") {
            this.#secretInput = undefined;
            term.write("\r\n");
            resolve(typed);
            return;
          }
          if (char === "\x7f" || char === "\b") typed = typed.slice(0, -1);
          else if (char === "\x15") typed = "";
          else if (char === "\x03") {
            typed = "";
            term.write(`^C\r\n${prompt}`);
          } else if (char >= " ") typed += char;
        }
      };
    });
  }

  /** The same simulator, with file changes (the editor's saves) recorded as sandbox steps. */
  #recordingFiles(sim: Simulator): Simulator {
    const { files } = sim;
    // Only the learner's changes are steps: lesson files and replays write while not recording.
    const record = async (change: Promise<void>, step: SandboxStep) => {
      const recording = !this.#replaying && this.#session?.recording === true;
      await change;
      if (recording) this.#session?.recordFileStep(step);
    };
    return {
      ...sim,
      files: {
        ...files,
        list: () => files.list(),
        read: (path) => files.read(path),
        write: (path, text) => record(files.write(path, text), { write: path, text }),
        mkdir: (path) => record(files.mkdir(path), { mkdir: path }),
        rename: (from, to) => record(files.rename(from, to), { rename: from, to }),
        remove: (path) => record(files.remove(path), { remove: path }),
      },
    };
  }

  /** A share link's setup, read once: the fragment is dropped so a reload restores the sandbox instead. */
  async #sharedSetup(): Promise<SharedSetup | undefined> {
    const hash = location.hash;
    if (!hash.includes("setup=")) return undefined;
    history.replaceState(history.state, "", location.pathname + location.search);
    return decodeSetup(hash);
  }

  /** The font size comes from CSS (`--terminal-font-size`), so it can follow media queries. */
  #fontSize(): number {
    const size = parseFloat(getComputedStyle(this).getPropertyValue("--terminal-font-size"));
    return Number.isFinite(size) && size > 0 ? size : 14;
  }

  disconnectedCallback(): void {
    document.removeEventListener(runEvent, this.#onRun);
    this.#resize?.disconnect();
    this.#session?.stop();
    this.#term?.dispose();
    this.#term = undefined;
  }
}

/** xterm-readline keeps the line being edited private; read it for Ctrl-D's test. */
/** Run once the browser is idle (soon, at the latest): background work that must not delay the page. */
function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === "function") requestIdleCallback(work, { timeout: 1500 });
  else setTimeout(work, 200);
}

function lineIsEmpty(readline: Readline): boolean {
  const state = (readline as unknown as { state?: { buffer?: () => string } }).state;
  return typeof state?.buffer === "function" && state.buffer() === "";
}

const fallbackStrings: SessionStrings = {
  loading: "Starting the simulated Docker engine…",
  welcome: "Welcome to Dockyard.",
  tryThis: "Try: docker run hello-world",
  loadFailed: "The simulator could not start:",
  setup: "Preparing this lesson:",
  restoring: "Restoring your sandbox ({n} commands)…",
  resetDone: "Sandbox reset: a fresh engine with this page's setup.",
  undone: "Undone: {command}",
  nothingToUndo: "Nothing to undo yet.",
  shared: "Opening a shared setup: {files} files, {commands} commands",
  sharedBroken: "This share link could not be opened:",
  simulatedOnly: "Reset and undo work on the simulated engine; this terminal runs on a real one.",
};

/** Typed lines kept in the browser, shared by every terminal on the site as a shell's history is. */
const HISTORY_KEY = "dockyard:history";
const localHistory = {
  load(): string[] {
    try {
      const saved: unknown = JSON.parse(localStorage.getItem(HISTORY_KEY) ?? "[]");
      return Array.isArray(saved) ? saved.filter((line): line is string => typeof line === "string") : [];
    } catch {
      return [];
    }
  },
  save(entries: string[]): void {
    localStorage.setItem(HISTORY_KEY, JSON.stringify(entries));
  },
};

function parseJson<T>(text: string | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

if (!customElements.get("dockyard-terminal")) {
  customElements.define("dockyard-terminal", DockyardTerminal);
}
