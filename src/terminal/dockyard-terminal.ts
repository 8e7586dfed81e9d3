import { Terminal } from "@xterm/xterm";
import { FitAddon } from "@xterm/addon-fit";
import { Readline } from "xterm-readline";
import "@xterm/xterm/css/xterm.css";
import { ShellSession, type SessionState, type SessionStrings } from "./session.ts";
import { terminalFont, terminalTheme } from "./theme.ts";
import { runEvent, simEvent, stateEvent, type RunEventDetail, type SimEventDetail, type StateEventDetail } from "./events.ts";
import type { Simulator } from "../../simulator/index.ts";


/**
 * `<dockyard-terminal data-setup='["docker pull x"]' data-strings='{...}'>`: an xterm.js
 * terminal wired to a fresh simulator. Markup comes from `src/components/Terminal.astro`.
 */
export class DockyardTerminal extends HTMLElement {
  #term: Terminal | undefined;
  #session: ShellSession | undefined;
  #resize: ResizeObserver | undefined;
  #sim: Simulator | undefined;

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
    // Ctrl-D on an empty line ends the shell, as in bash: here it leaves a container's shell.
    term.attachCustomKeyEventHandler((event) => {
      if (event.type !== "keydown" || !event.ctrlKey || event.key.toLowerCase() !== "d") return true;
      if (lineIsEmpty(readline)) {
        term.input("exit", true);
        term.input("\r", true);
        return false;
      }
      return true;
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
        // A registry that takes a moment, so layers can be seen downloading.
        const sim = createSimulator({ interactive: true, columns: () => term.cols, pullBytesPerSecond: 16_000_000 });
        this.#sim = sim;
        document.dispatchEvent(new CustomEvent<SimEventDetail>(simEvent, { detail: { sim } }));
        return sim;
      },
      setup: parseJson<string[]>(this.dataset["setup"], []),
      historyStore: localHistory,
      strings: parseJson<SessionStrings>(this.dataset["strings"], fallbackStrings),
      onStateChange: (state: SessionState) => {
        this.dataset["state"] = state;
      },
      onCommandDone: (sim) => document.dispatchEvent(new CustomEvent<StateEventDetail>(stateEvent, { detail: { engine: sim.engine } })),
    });
    document.addEventListener(runEvent, this.#onRun);
    void this.#session.start();
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
