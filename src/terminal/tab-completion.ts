/**
 * Tab completion on top of xterm-readline, which has no completion hook: one Tab completes
 * inline as far as the candidates agree, a second Tab lists them (as bash does), and the
 * prompt with the half-typed line is drawn again below the list.
 */
import type { Terminal } from "@xterm/xterm";
import type { Readline } from "xterm-readline";
import { applyCompletion, formatCandidates, type Completion } from "../../simulator/shell/completion.ts";

/** The parts of xterm-readline's private state that completion reads and writes. */
interface ReadlineInternals {
  activeRead?: { prompt: string };
  state?: {
    line: { buf: string; pos: number; update(text: string, pos: number): void };
    refresh(): void;
    moveCursorToEnd(): void;
    constructor: new (prompt: string, tty: unknown, highlighter: unknown, history: unknown) => ReadlineInternals["state"];
  };
  highlighter?: unknown;
  history?: unknown;
  tty(): unknown;
}

/** At most this many candidates are listed; bash asks first, we just say how many there are. */
const LIST_LIMIT = 200;

export class TabCompletion {
  #last: { line: string; pos: number } | undefined;
  #busy = false;

  constructor(
    private readonly term: Terminal,
    private readonly readline: Readline,
    private readonly complete: (line: string, cursor: number) => Promise<Completion> | undefined,
  ) {}

  /** Handle a Tab key; resolves once the line shows the result. */
  async tab(): Promise<void> {
    const rl = this.readline as unknown as ReadlineInternals;
    const state = rl.state;
    if (!rl.activeRead || !state || this.#busy) return;
    const line = state.line.buf;
    const pos = state.line.pos;
    const pending = this.complete(line, pos);
    if (!pending) return;
    this.#busy = true;
    try {
      const completion = await pending;
      // The learner kept typing meanwhile: this answer is for a line that is gone.
      if (rl.state !== state || state.line.buf !== line || state.line.pos !== pos) return;
      const result = applyCompletion(line, pos, completion);
      if (result.list.length === 0) {
        if (result.line !== line || result.cursor !== pos) {
          state.line.update(result.line, result.cursor);
          state.refresh();
        }
        this.#last = { line: result.line, pos: result.cursor };
        return;
      }
      const again = this.#last?.line === line && this.#last.pos === pos;
      this.#last = { line, pos };
      if (again) await this.#list(rl, result.list, line, pos);
    } finally {
      this.#busy = false;
    }
  }

  /** Any other key breaks a double Tab. */
  reset(): void {
    this.#last = undefined;
  }

  async #list(rl: ReadlineInternals, candidates: string[], line: string, pos: number): Promise<void> {
    const state = rl.state!;
    const shown = candidates.slice(0, LIST_LIMIT);
    const rows = formatCandidates(shown, this.term.cols);
    if (candidates.length > LIST_LIMIT) rows.push(`(${candidates.length - LIST_LIMIT} more)`);
    state.moveCursorToEnd();
    await new Promise<void>((resolve) => this.term.write(`\r\n${rows.join("\r\n")}\r\n`, resolve));
    // A new line-editing state below the list, holding the same text and cursor.
    const StateClass = state.constructor;
    const fresh = new StateClass(rl.activeRead!.prompt, rl.tty(), rl.highlighter, rl.history)!;
    fresh.line.update(line, pos);
    rl.state = fresh;
    fresh.refresh();
  }
}
