// Compose's progress output on stderr: one line per event when piped (plain), a `[+] up 3/3` block on a terminal.

export type EventStatus = "working" | "done" | "warning" | "error";

/** What compose reports about one resource: `Container shop-db-1`, `Started`. */
export interface ProgressEvent {
  id: string;
  status: EventStatus;
  text: string;
  details?: string;
}

export interface Progress {
  /** A compose operation begins (`up`, `down`, `stop`...). */
  start(operation: string): void;
  event(id: string, status: EventStatus, text: string, details?: string): void;
  /** The operation ended: a terminal gets the final block. */
  done(): void;
  /** `up -d` shows Started rows; attached `up` leaves them out (container logs follow). */
  detached: boolean;
}

export interface ProgressOutput {
  write(text: string): void;
  isTTY: boolean;
  columns: number;
  now(): number;
}

const ESC = "\u001b[";
const color = (code: string) => (text: string) => `${ESC}${code}m${text}${ESC}0m`;
const green = color("32");
const blue = color("34");
const yellow = color("33");
const yellowBold = color("33;1");
const redBold = color("31;1");

/** Plain mode: `fmt.Fprintln(out, "", e.ID, e.Text, e.Details)`, one line per event. */
class PlainProgress implements Progress {
  detached = false;
  constructor(private readonly out: ProgressOutput) {}
  start(): void {}
  event(id: string, _status: EventStatus, text: string, details = ""): void {
    this.out.write(` ${id} ${text} ${details}\n`);
  }
  done(): void {}
}

interface Row {
  id: string;
  status: EventStatus;
  text: string;
  details: string;
  started: number;
  ended: number;
}

/** TTY mode: compose's `[+] up 3/3` block, repainted in place (cursor up, erase line) as events come. */
class TerminalProgress implements Progress {
  detached = false;
  #operation = "";
  #rows = new Map<string, Row>();
  /** Lines of the block on screen, which the next paint moves back over. */
  #painted = 0;
  constructor(private readonly out: ProgressOutput) {}

  start(operation: string): void {
    this.#operation = operation;
    this.#rows.clear();
    this.#painted = 0;
  }

  event(id: string, status: EventStatus, text: string, details = ""): void {
    if (id === "Compose") {
      this.out.write(`${redBold(details)}\n`);
      // Whatever is painted stays above that line: the next frame starts below it.
      this.#painted = 0;
      return;
    }
    if (this.#operation !== "start" && (text === "Started" || text === "Starting") && !this.detached) return;
    const now = this.out.now();
    const row = this.#rows.get(id) ?? { id, status, text, details, started: now, ended: 0 };
    const wasDone = row.status !== "working" && this.#rows.has(id);
    row.status = status;
    row.text = text;
    row.details = details;
    if (status !== "working" && !wasDone) row.ended = now;
    this.#rows.set(id, row);
    if (this.#operation) this.#paint();
  }

  done(): void {
    if (this.#rows.size > 0) this.#paint();
    this.#operation = "";
  }

  #paint(): void {
    const lines = this.#frame();
    const up = this.#painted > 0 ? `${ESC}${this.#painted}A\r` : "";
    this.out.write(`${up}${lines.map((l) => `${ESC}2K${l}\n`).join("")}`);
    this.#painted = lines.length;
  }

  #frame(): string[] {
    const rows = [...this.#rows.values()];
    const doneCount = rows.filter((r) => r.status !== "working").length;
    const width = this.out.columns || 80;
    const elapsed = (r: Row) => Math.max(0, (r.status === "working" ? this.out.now() : r.ended) - r.started) / 1000;
    const timers = rows.map((r) => `${elapsed(r).toFixed(1)}s`);
    const timerWidth = Math.max(...timers.map((t) => t.length));
    const statusWidth = Math.min(20, Math.max(...rows.map((r) => r.text.length))) + 2;
    const left = Math.min(Math.max(...rows.map((r) => [...r.id].length)), Math.max(width - 3 - statusWidth - timerWidth, 10));
    const lines = [`[+] ${this.#operation} ${doneCount}/${rows.length}`];
    rows.forEach((r, i) => {
      const glyph = r.status === "done" ? green("✔") : r.status === "warning" ? yellowBold("!") : r.status === "error" ? redBold("✘") : yellow("⠿");
      const id = [...r.id].length > left ? `${[...r.id].slice(0, Math.max(left - 3, 7)).join("")}...` : r.id;
      // The left column is as wide as the longest ID; status, details, then the timer on the right edge.
      let line = ` ${glyph} ${id}${" ".repeat(Math.max(0, left - [...id].length))}`;
      let used = 3 + Math.max(left, [...id].length);
      const paint = r.status === "done" ? green : r.status === "warning" ? yellowBold : r.status === "error" ? redBold : (t: string) => t;
      line += ` ${paint(r.text)}`;
      used += 1 + r.text.length;
      const budget = width - used - timerWidth - 2;
      if (r.details && budget >= 5) {
        const details = r.details.length > budget ? `${r.details.slice(0, budget - 3)}...` : r.details;
        line += ` ${details}`;
        used += 1 + details.length;
      }
      lines.push(line + " ".repeat(Math.max(1, width - used - timerWidth)) + blue(timers[i]!.padStart(timerWidth)));
    });
    return lines;
  }
}

/** Compose's auto mode: the terminal block when stderr is a terminal, plain lines otherwise. */
export function createProgress(out: ProgressOutput, mode: "auto" | "tty" | "plain" | "quiet" = "auto"): Progress {
  if (mode === "quiet") return { detached: false, start() {}, event() {}, done() {} };
  if (mode === "tty" || (mode === "auto" && out.isTTY)) return new TerminalProgress(out);
  return new PlainProgress(out);
}
